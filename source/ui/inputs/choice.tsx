import {Box} from 'ink';
import {useEffect, useReducer} from 'react';
import {
	highlightedRow,
	initialPicker,
	reducePicker,
	visibleRows,
	type PickerEvent,
} from '../../core/questionnaire/picker.js';
import type {Option} from '../../core/questionnaire/types.js';
import {useKeys, type Keypress} from '../key-router.js';
import {isBackspace, printable} from '../keys.js';
import {Text} from '../palette.js';

export type ChoiceProps = {
	/** The rows, an optional select's "None" row included (see `singleChoice`). */
	options: Option[];
	multiple?: boolean;
	/** Offer a filter line (long lists such as countries). */
	searchable?: boolean;
	/** The row chosen before any key (none when undefined), or the ticked values. */
	initial?: Option['value'] | Array<Option['value']>;
	onSubmit: (value: Option['value'] | Array<Option['value']> | undefined) => void;
	/** Rows shown at once. */
	height?: number;
	isActive?: boolean;
};

/** The picker event for a key; the rules of what it does are the core's (`reducePicker`). */
function eventFor(input: string, key: Keypress): PickerEvent | undefined {
	if (key.paste) return {type: 'type', text: printable(input, key)};
	if (key.return) return {type: 'enter'};
	if (key.upArrow) return {type: 'move', delta: -1};
	if (key.downArrow) return {type: 'move', delta: 1};
	if (key.pageUp) return {type: 'move', delta: -8};
	if (key.pageDown) return {type: 'move', delta: 8};
	if (key.tab) return {type: 'toggle'};
	if (key.ctrl && input === 'u') return {type: 'clear'};
	if (key.ctrl && input === 'a') return {type: 'toggleAll'};
	if (input === ' ' && !key.ctrl && !key.meta) return {type: 'space'};
	if (isBackspace(input, key)) return {type: 'backspace'};
	const text = printable(input, key);
	return text === '' ? undefined : {type: 'type', text};
}

/**
A list to pick from: ↑/↓ to move, Enter to choose; with `multiple`, Space (or Tab) ticks the
highlighted row. A filter line narrows long lists: typing only filters, Ctrl-U clears it.
*/
export function Choice({
	options,
	multiple = false,
	searchable = false,
	initial,
	onSubmit,
	height = 8,
	isActive = true,
}: ChoiceProps) {
	const [state, dispatch] = useReducer(
		reducePicker,
		{rows: options, multiple, searchable, initial},
		initialPicker,
	);
	useEffect(() => {
		if (state.submitted) onSubmit(state.submitted.value);
	}, [state.submitted?.count]);
	useKeys((input, key) => {
		const event = eventFor(input, key);
		if (event) dispatch(event);
	}, isActive);
	const visible = visibleRows(state);
	const rows = Math.max(1, height);
	const start = Math.min(
		Math.max(0, state.cursor - Math.floor(rows / 2)),
		Math.max(0, visible.length - rows),
	);
	const shown = visible.slice(start, start + rows);
	const current = highlightedRow(state);
	return (
		<Box flexDirection="column">
			{searchable ? (
				<Text>
					<Text color={'cyan'}>filter › </Text>
					{state.filter}
					<Text inverse> </Text>
					{state.filter === '' ? <Text dimColor> type to filter</Text> : null}
				</Text>
			) : null}
			{shown.length === 0 ? (
				<Text dimColor>No match. Backspace or ^U to change the filter.</Text>
			) : null}
			{start > 0 ? <Text dimColor> ↑ {start} more</Text> : null}
			{shown.map((option, index) => {
				const active = start + index === state.cursor;
				const mark = multiple ? (state.selected.includes(option.value) ? '[x] ' : '[ ] ') : '';
				return (
					<Text key={String(option.value)} color={active ? 'cyan' : undefined}>
						{active ? '❯ ' : '  '}
						{mark}
						{option.label}
					</Text>
				);
			})}
			{start + rows < visible.length ? (
				<Text dimColor> ↓ {visible.length - start - rows} more</Text>
			) : null}
			{current?.help ? <Text dimColor> {current.help}</Text> : null}
			{state.note ? <Text color={'yellow'}>{state.note}</Text> : null}
			{multiple ? (
				<Text dimColor>
					{state.selected.length} selected
					{state.filter.trim() === ''
						? options.length > 8
							? ' · ^A ticks all'
							: ''
						: ' · Enter ticks the highlighted one and clears the filter · Tab ticks it · ^U clears'}
				</Text>
			) : null}
		</Box>
	);
}
