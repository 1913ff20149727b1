import {Children, type ReactNode} from 'react';
import {Text as InkText, type TextProps} from 'ink';
import {terminalSafe} from '../cli/terminal-text.js';

/**
Ink's Text, with every string in it made inert for the terminal (cli/terminal-text.ts): screens
show answers, file names and what the repo tells, any of which may hold escape sequences. Only
the pager draws text that is already styled, and sanitised before it was.
*/
export function Text(props: TextProps) {
	return <InkText {...props}>{inert(props.children)}</InkText>;
}

function inert(children: ReactNode): ReactNode {
	return Children.map(children, (child) =>
		typeof child === 'string' ? terminalSafe(child) : child,
	);
}
