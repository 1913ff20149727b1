import process from 'node:process';
import {Text as InkText} from 'ink';
import {Children, createContext, useContext, type ComponentProps, type ReactNode} from 'react';
import {colorEnabled} from '../cli/style.js';
import {terminalSafe} from '../cli/terminal-text.js';

/**
Colour in the wizard, decided once: NO_COLOR (set and non-empty) turns colour off, FORCE_COLOR
turns it on or off (https://no-color.org). Without colour, text styles (bold, dim, the inverse
cursor) stay: they carry no colour, and the cursor must stay visible.
*/
export type TerminalStyle = {
	/** chalk's level: 0 no styling at all, 1 basic, 2 256 colours, 3 true colour. */
	level: 0 | 1 | 2 | 3;
	color: boolean;
};

export function terminalStyle(
	stream: NodeJS.WriteStream,
	env: NodeJS.ProcessEnv = process.env,
): TerminalStyle {
	const color = colorEnabled(stream, env);
	const forcedOff = env['FORCE_COLOR'] === '0' || env['FORCE_COLOR'] === 'false';
	const terminal = stream.isTTY === true && env['TERM'] !== 'dumb';
	if (!color) return {level: terminal && !forcedOff ? 1 : 0, color: false};
	const depth = stream.isTTY ? (stream.getColorDepth?.(env) ?? 4) : 4;
	return {level: depth >= 24 ? 3 : depth >= 8 ? 2 : 1, color: true};
}

const ColorContext = createContext<boolean>(
	process.env['NO_COLOR'] === undefined || process.env['NO_COLOR'] === '',
);

export function ColorProvider({color, children}: {color: boolean; children: ReactNode}) {
	return <ColorContext.Provider value={color}>{children}</ColorContext.Provider>;
}

/**
Ink's Text, with its colours dropped when colour is off and every string in it made inert for the
terminal (cli/terminal-text.ts): screens show answers, file names and what the repo tells, any of
which may hold escape sequences. Every screen draws text with it; only the pager draws text that
is styled already, and was sanitised before it was.
*/
export function Text({color, backgroundColor, children, ...props}: ComponentProps<typeof InkText>) {
	const on = useContext(ColorContext);
	return (
		<InkText
			{...props}
			color={on ? color : undefined}
			backgroundColor={on ? backgroundColor : undefined}
		>
			{inert(children)}
		</InkText>
	);
}

function inert(children: ReactNode): ReactNode {
	return Children.map(children, (child) =>
		typeof child === 'string' ? terminalSafe(child) : child,
	);
}
