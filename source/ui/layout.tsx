import {Box, measureElement, type DOMElement} from 'ink';
import {Text} from './palette.js';
import {createContext, useContext, useEffect, useRef, useState, type ReactNode} from 'react';

export type KeyHint = [key: string, action: string];

/** The keys that work on this screen, always on screen. */
export function Keys({hints}: {hints: KeyHint[]}) {
	return (
		<Box marginTop={1} flexWrap="wrap" columnGap={2}>
			{hints.map(([key, action]) => (
				<Text key={`${key}-${action}`} dimColor>
					<Text bold>{key}</Text> {action}
				</Text>
			))}
		</Box>
	);
}

/** Title row: where the person is. */
export function Header({title, position}: {title: string; position?: string}) {
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text bold color="cyan">
				privacy-wizard <Text color="white">· {title}</Text>
			</Text>
			{position ? <Text dimColor>{position}</Text> : null}
		</Box>
	);
}

export function ErrorLine({message}: {message?: string}) {
	return message ? <Text color="red">✖ {message}</Text> : null;
}

export function WarningLine({message}: {message?: string}) {
	return message ? <Text color="yellow">⚠ {message}</Text> : null;
}

/** The terminal's height in rows, when the screens must fit it (the App provides it). */
const RowsContext = createContext<number | undefined>(undefined);

export function ScreenRows({rows, children}: {rows: number; children: ReactNode}) {
	return <RowsContext.Provider value={rows}>{children}</RowsContext.Provider>;
}

/** Rows available to the screen, or undefined when it may be as tall as it likes. */
export function useRows(): number | undefined {
	return useContext(RowsContext);
}

/**
How many rows a list in a screen's fixed part may show: the rows left, less the list's own
other lines (`overhead`: filter, "more" notes, help), between 1 and `most`.
*/
export type Fit = (overhead: number, most?: number) => number;

/**
A screen that fits the terminal: the header (where the person is) always on top, the footer
(messages, keys) always at the bottom, the body between them cut to the rows left, with a line
saying how much is hidden. `fixed` (the input) sits below the body and is never cut: lists in
it size themselves to the rows left through `fit`.
*/
export function Screen({
	header,
	children,
	fixed,
	footer,
}: {
	header: ReactNode;
	children?: ReactNode;
	/** The input or list; a function gets `fit`, to size its list to the rows left. */
	fixed?: ReactNode | ((fit: Fit) => ReactNode);
	footer?: ReactNode;
}) {
	const rows = useRows();
	const top = useRef<DOMElement>(null);
	const bottom = useRef<DOMElement>(null);
	const body = useRef<DOMElement>(null);
	const content = useRef<DOMElement>(null);
	const [hidden, setHidden] = useState(0);
	const [space, setSpace] = useState<number | undefined>(undefined);
	// Measured after each frame is laid out; a change draws the frame again, once.
	useEffect(() => {
		if (!body.current || !content.current || !top.current || !bottom.current) return;
		const cut = Math.max(
			0,
			measureElement(content.current).height - measureElement(body.current).height,
		);
		if (cut !== hidden) setHidden(cut);
		if (rows === undefined) return;
		// One row stays for the body (or the note that it is cut), whatever the list takes: the
		// list's size never depends on the body, so the layout settles in one more frame.
		const left =
			rows -
			1 -
			measureElement(top.current).height -
			measureElement(bottom.current).height -
			(children ? 1 : 0);
		if (left !== space) setSpace(left);
	});
	return (
		<Box
			flexDirection="column"
			height={rows === undefined ? undefined : rows - 1}
			overflowY={rows === undefined ? undefined : 'hidden'}
		>
			<Box ref={top} flexDirection="column" flexShrink={0}>
				{header}
			</Box>
			<Box ref={body} flexDirection="column" flexShrink={1} overflowY="hidden">
				<Box ref={content} flexDirection="column" flexShrink={0}>
					{children}
				</Box>
			</Box>
			{hidden > 0 ? (
				<Box flexShrink={0}>
					<Text dimColor>
						… {hidden} more {hidden === 1 ? 'line' : 'lines'} (a taller terminal shows them)
					</Text>
				</Box>
			) : null}
			<Box flexDirection="column" flexShrink={0}>
				{typeof fixed === 'function'
					? fixed((overhead, most = 8) => {
							// Before the first measure, a guess that leaves room for a header and keys.
							const left = space ?? (rows === undefined ? undefined : rows - 10);
							return left === undefined ? most : Math.max(1, Math.min(most, left - overhead));
						})
					: fixed}
			</Box>
			{rows === undefined ? null : <Box flexGrow={1} />}
			<Box ref={bottom} flexDirection="column" flexShrink={0}>
				{footer}
			</Box>
		</Box>
	);
}

/**
The rows of a long list around the cursor, in `lines` rows of the terminal: all of them when
they fit, else a window with a note of how many are above and below.
*/
export function Windowed({
	rows,
	cursor,
	lines,
}: {
	rows: ReactNode[];
	cursor: number;
	lines: number;
}) {
	if (rows.length <= lines) return <>{rows}</>;
	const height = Math.max(1, lines - 2);
	const start = Math.min(
		Math.max(0, cursor - Math.floor(height / 2)),
		Math.max(0, rows.length - height),
	);
	return (
		<>
			{start > 0 ? <Text dimColor> ↑ {start} more</Text> : null}
			{rows.slice(start, start + height)}
			{start + height < rows.length ? (
				<Text dimColor> ↓ {rows.length - start - height} more</Text>
			) : null}
		</>
	);
}

/** A question as the person reads it: the prompt, why it is asked, the article it serves. */
export function QuestionText({prompt, help, cite}: {prompt: string; help?: string; cite?: string}) {
	return (
		<>
			<Text bold>{prompt}</Text>
			<HelpText help={help} cite={cite} />
		</>
	);
}

/** Why a question is asked and the article it serves: the part cut first on a short terminal. */
export function HelpText({help, cite}: {help?: string; cite?: string}) {
	return (
		<>
			{help ? <Text dimColor>{help}</Text> : null}
			{cite ? (
				<Text dimColor italic>
					{cite}
				</Text>
			) : null}
		</>
	);
}
