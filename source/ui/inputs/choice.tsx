import {Box} from 'ink';
import {Text} from '../text.js';
import {useEffect, useReducer} from 'react';
import type {Option} from '../../core/questionnaire/types.js';
import {useKeys} from '../key-router.js';
import {isBackspace, printable} from '../keys.js';

type State = {filter: string; cursor: number; selected: Array<Option['value']>; submitted: number};
type Action =
	| {type: 'type'; text: string}
	| {type: 'backspace'}
	| {type: 'move'; delta: number; count: number}
	| {type: 'toggle'; value: Option['value']}
	| {type: 'submit'};

function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'type': {
			return {...state, filter: state.filter + action.text, cursor: 0};
		}

		case 'backspace': {
			return {...state, filter: [...state.filter].slice(0, -1).join(''), cursor: 0};
		}

		case 'move': {
			return action.count === 0
				? state
				: {...state, cursor: (state.cursor + action.delta + action.count) % action.count};
		}

		case 'toggle': {
			const selected = state.selected.includes(action.value)
				? state.selected.filter((value) => value !== action.value)
				: [...state.selected, action.value];
			return {...state, selected};
		}

		case 'submit': {
			return {...state, submitted: state.submitted + 1};
		}
	}
}

/** Options whose label or value contains the filter, best matches (prefix) first. */
export function filterOptions(options: Option[], filter: string): Option[] {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return options;
	const matches = options.filter((option) =>
		`${option.label} ${String(option.value)}`.toLowerCase().includes(needle),
	);
	const prefix = matches.filter(
		(option) =>
			option.label.toLowerCase().startsWith(needle) ||
			String(option.value).toLowerCase() === needle,
	);
	return [...prefix, ...matches.filter((option) => !prefix.includes(option))];
}

export type ChoiceProps = {
	options: Option[];
	multiple?: boolean;
	/** Offer a filter line (long lists such as countries). */
	searchable?: boolean;
	initial?: Option['value'] | Array<Option['value']>;
	/** For a single choice that may be left empty: an extra "none" row. */
	noneLabel?: string;
	onSubmit: (value: Option['value'] | Array<Option['value']> | undefined) => void;
	/** Rows shown at once. */
	height?: number;
	isActive?: boolean;
};

const none = '\u0000none';

/** A list to pick from: ↑/↓ to move, Enter to choose; with `multiple`, Space toggles. */
export function Choice({
	options,
	multiple = false,
	searchable = false,
	initial,
	noneLabel,
	onSubmit,
	height = 8,
	isActive = true,
}: ChoiceProps) {
	const initialSelected = Array.isArray(initial) ? initial : [];
	const rows: Option[] = noneLabel ? [...options, {value: none, label: noneLabel}] : options;
	const initialIndex = Array.isArray(initial)
		? 0
		: Math.max(
				0,
				rows.findIndex((option) => option.value === initial),
			);
	const [state, dispatch] = useReducer(reducer, {
		filter: '',
		cursor: initialIndex,
		selected: initialSelected,
		submitted: 0,
	});
	const visible = filterOptions(rows, state.filter);
	useEffect(() => {
		if (state.submitted === 0) return;
		if (multiple) {
			onSubmit(state.selected);
			return;
		}

		const chosen = visible[state.cursor];
		if (chosen) onSubmit(chosen.value === none ? undefined : chosen.value);
	}, [state.submitted]);
	useKeys((input, key) => {
		if (key.return) dispatch({type: 'submit'});
		else if (key.upArrow) dispatch({type: 'move', delta: -1, count: visible.length});
		else if (key.downArrow) dispatch({type: 'move', delta: 1, count: visible.length});
		else if (key.pageUp) dispatch({type: 'move', delta: -height, count: visible.length});
		else if (key.pageDown) dispatch({type: 'move', delta: height, count: visible.length});
		else if (multiple && input === ' ') {
			const option = visible[state.cursor];
			if (option) dispatch({type: 'toggle', value: option.value});
		} else if (searchable && isBackspace(input, key)) dispatch({type: 'backspace'});
		else if (searchable) {
			const text = printable(input, key);
			if (text && text !== ' ') dispatch({type: 'type', text});
		}
	}, isActive);
	const start = Math.min(
		Math.max(0, state.cursor - Math.floor(height / 2)),
		Math.max(0, visible.length - height),
	);
	const shown = visible.slice(start, start + height);
	const current = visible[state.cursor];
	return (
		<Box flexDirection="column">
			{searchable ? (
				<Text>
					<Text color="cyan">filter › </Text>
					{state.filter}
					<Text inverse> </Text>
					{state.filter === '' ? <Text dimColor> type to filter</Text> : null}
				</Text>
			) : null}
			{shown.length === 0 ? <Text dimColor>No match. Backspace to change the filter.</Text> : null}
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
			{start + height < visible.length ? (
				<Text dimColor> ↓ {visible.length - start - height} more</Text>
			) : null}
			{current?.help ? <Text dimColor> {current.help}</Text> : null}
			{multiple ? <Text dimColor>{state.selected.length} selected</Text> : null}
		</Box>
	);
}
