import {useInput, type Key} from 'ink';
import {
	createContext,
	useCallback,
	useContext,
	useRef,
	type MutableRefObject,
	type ReactNode,
} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

type Router = {handler: MutableRefObject<KeyHandler | undefined>};

const KeyContext = createContext<Router | undefined>(undefined);

/**
One keyboard listener for the whole app, routing each key to the screen on display.

Ink registers `useInput` handlers in effects, which run after a frame is painted: keys typed
right after a new screen appears would reach the previous screen's handler and be lost. Here
the screen being rendered claims the keyboard during render (the deepest component wins), so
a key always goes to what the person sees.
*/
export function KeyRoot({
	onKey,
	children,
}: {
	onKey?: (input: string, key: Key) => boolean;
	children: ReactNode;
}) {
	const handler = useRef<KeyHandler | undefined>(undefined);
	const global = useRef(onKey);
	global.current = onKey;
	const listener = useCallback((input: string, key: Key) => {
		// Several keys can arrive as one chunk ("nnn", or "Acme" and Enter): one event each.
		for (const [character, flags] of split(input, key)) {
			if (global.current?.(character, flags)) continue;
			handler.current?.(character, flags);
		}
	}, []);
	useInput(listener);
	const router = useRef<Router>({handler});
	return <KeyContext.Provider value={router.current}>{children}</KeyContext.Provider>;
}

function split(input: string, key: Key): Array<[string, Key]> {
	const plain =
		!key.ctrl &&
		!key.meta &&
		!key.escape &&
		!key.upArrow &&
		!key.downArrow &&
		!key.leftArrow &&
		!key.rightArrow &&
		!key.pageUp &&
		!key.pageDown;
	const characters = [...input];
	if (!plain || characters.length <= 1) {
		return [[input, key]];
	}

	return characters.map((character): [string, Key] => [
		character === '\r' || character === '\n' ? '' : character,
		{
			...key,
			return: character === '\r' || character === '\n',
			backspace: false,
			delete: character === '\u007F',
		},
	]);
}

/** Claim the keyboard for this component while it is rendered and `active`. */
export function useKeys(handler: KeyHandler, active = true): void {
	const router = useContext(KeyContext);
	if (!router) {
		throw new Error('useKeys needs a <KeyRoot> above it');
	}

	if (active) {
		router.handler.current = handler;
	}
}
