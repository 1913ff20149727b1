import {Box, Text as InkText} from 'ink';
import {Text} from '../palette.js';
import {useReducer} from 'react';
import {Keys} from '../layout.js';
import {useKeys} from '../key-router.js';

/** Several documents in one pager: which one is shown, and the way to another. */
export type Switcher = {position: number; count: number; onSwitch: (delta: number) => void};

/**
A scrollable view of rendered text: ↑/↓, PgUp/PgDn, Home/End (g/G), q or Esc to close; with a
switcher, ←/→ (or Tab/Shift-Tab) show the previous or next document.
*/
export function Pager({
	title,
	lines,
	height,
	switcher,
	onClose,
}: {
	title: string;
	lines: string[];
	height: number;
	switcher?: Switcher;
	onClose: () => void;
}) {
	const page = Math.max(3, height - 4);
	const last = Math.max(0, lines.length - page);
	const [top, scroll] = useReducer((_: number, to: number) => Math.min(last, Math.max(0, to)), 0);
	useKeys((input, key) => {
		if (key.downArrow || input === 'j') scroll(top + 1);
		else if (key.upArrow || input === 'k') scroll(top - 1);
		else if (key.pageDown || input === ' ') scroll(top + page);
		else if (key.pageUp || input === 'b') scroll(top - page);
		else if (input === 'g') scroll(0);
		else if (input === 'G') scroll(last);
		else if (switcher && (key.rightArrow || (key.tab && !key.shift))) switcher.onSwitch(1);
		else if (switcher && (key.leftArrow || (key.tab && key.shift))) switcher.onSwitch(-1);
		else if (input === 'q' || key.escape || key.return) onClose();
	});
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">
				{title}{' '}
				{switcher && switcher.count > 1 ? (
					<Text dimColor>
						document {switcher.position + 1} of {switcher.count} ·{' '}
					</Text>
				) : null}
				<Text dimColor>
					lines {Math.min(lines.length, top + 1)}–{Math.min(lines.length, top + page)} of{' '}
					{lines.length}
				</Text>
			</Text>
			<Box flexDirection="column" height={page}>
				{lines.slice(top, top + page).map((line, index) => (
					// Ink's own Text: the lines are styled already, and were made inert before
					// (preview/render.ts).
					<InkText key={`${top + index}`} wrap="truncate-end">
						{line === '' ? ' ' : line}
					</InkText>
				))}
			</Box>
			<Keys
				hints={[
					['↑↓', 'scroll'],
					['PgUp/PgDn', 'page'],
					['g/G', 'top/end'],
					...(switcher && switcher.count > 1
						? ([['←→', 'other document']] as Array<[string, string]>)
						: []),
					['q', 'close'],
				]}
			/>
		</Box>
	);
}
