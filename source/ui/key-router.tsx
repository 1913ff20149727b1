import process from 'node:process';
import {useInput, type Key} from 'ink';
import {
	createContext,
	useCallback,
	useContext,
	useRef,
	type MutableRefObject,
	type ReactNode,
} from 'react';

/** A key press, or a paste (`paste`: the whole pasted text in `input`, line breaks kept). */
export type Keypress = Key & {paste?: boolean};

export type KeyHandler = (input: string, key: Keypress) => void;

/** What a terminal sends around a paste once bracketed paste is on (Ink strips the ESC). */
const pasteStart = '[200~';
const pasteEnd = '[201~';

/** Turn on bracketed paste, so a terminal marks pasted text; the returned function turns it off. */
export function bracketedPaste(stream: NodeJS.WriteStream): () => void {
	if (!stream.isTTY) return () => undefined;
	stream.write('\u001B[?2004h');
	let on = true;
	const off = (): void => {
		if (!on) return;
		on = false;
		process.off('exit', off);
		stream.write('\u001B[?2004l');
	};

	// However the process ends, the terminal is left as it was found.
	process.once('exit', off);
	return off;
}

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
	const pasted = useRef<string | undefined>(undefined);
	const listener = useCallback((input: string, key: Key) => {
		const deliver = (character: string, flags: Keypress): void => {
			if (global.current?.(character, flags)) return;
			handler.current?.(character, flags);
		};

		if (input === pasteStart && plainKey(key)) {
			pasted.current = '';
			return;
		}

		if (pasted.current !== undefined) {
			// Inside a bracketed paste every key is text, Enter included: a paste never submits.
			if (input === pasteEnd && plainKey(key)) {
				const text = pasted.current;
				pasted.current = undefined;
				if (text !== '') deliver(text, pasteKey(key));
			} else {
				pasted.current += key.return ? '\n' : key.tab ? '\t' : input;
			}

			return;
		}

		if (looksPasted(input, key)) {
			// A terminal without bracketed paste: several lines in one chunk are a paste too.
			deliver(input, pasteKey(key));
			return;
		}

		// Several keys can arrive as one chunk ("nnn", or "Acme" and Enter): one event each.
		for (const [character, flags] of split(input, key)) deliver(character, flags);
	}, []);
	useInput(listener);
	const router = useRef<Router>({handler});
	return <KeyContext.Provider value={router.current}>{children}</KeyContext.Provider>;
}

function plainKey(key: Key): boolean {
	return (
		!key.ctrl &&
		!key.meta &&
		!key.escape &&
		!key.upArrow &&
		!key.downArrow &&
		!key.leftArrow &&
		!key.rightArrow &&
		!key.pageUp &&
		!key.pageDown
	);
}

function pasteKey(key: Key): Keypress {
	return {...key, return: false, tab: false, backspace: false, delete: false, paste: true};
}

/** Text with a line break before its last character: pasted lines, not typed keys. */
function looksPasted(input: string, key: Key): boolean {
	if (!plainKey(key)) return false;
	const characters = [...input];
	return characters.slice(0, -1).some((character) => character === '\r' || character === '\n');
}

function split(input: string, key: Key): Array<[string, Keypress]> {
	const characters = [...input];
	if (!plainKey(key) || characters.length <= 1) {
		return [[input, key]];
	}

	return characters.map((character): [string, Keypress] => [
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
