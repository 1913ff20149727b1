/**
Picking from a list of options, as a pure reducer: the filter, the highlighted row, the ticked
values. The terminal UI maps keys to these events and draws the state; the rules live here.
*/
import type {PartialAnswers} from '../answers/types.js';
import type {AnswerPath} from './paths.js';
import type {Option, Question} from './types.js';
import {isRequired, optionsOf} from './values.js';

type Value = Option['value'];

/** The value of the explicit "None" row of an optional select. */
export const noneValue = '\u0000none';
export const noneLabel = 'None of these';

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

/**
The rows of a single choice (select or country) and the row chosen before any key is pressed.
An optional choice gets an explicit "None" row, chosen by default; a required one has nothing
chosen unless there is a value (saved, or a default the person sees highlighted).
*/
export function singleChoice(
	question: Question,
	answers: PartialAnswers,
	value: unknown,
	recordPath: AnswerPath = [],
): {rows: Option[]; initial: Value | undefined} {
	const options = optionsOf(
		question.type === 'country' ? {...question, optionsFrom: {source: 'countries'}} : question,
		answers,
	);
	const known = options.some((option) => option.value === value);
	if (isRequired(question, answers, recordPath)) {
		return {rows: options, initial: known ? (value as Value) : undefined};
	}

	return {
		rows: [{value: noneValue, label: noneLabel}, ...options],
		initial: known ? (value as Value) : noneValue,
	};
}

export type PickerState = {
	rows: Option[];
	multiple: boolean;
	searchable: boolean;
	filter: string;
	/** Index into the visible rows; -1 when none is highlighted. */
	cursor: number;
	selected: Value[];
	/** Set by Enter: what was chosen (undefined for "None"), counted so each Enter is seen once. */
	submitted?: {count: number; value: Value | Value[] | undefined};
	/** A short note for the person (Enter with nothing highlighted). */
	note?: string;
};

export type PickerEvent =
	| {type: 'type'; text: string}
	| {type: 'space'}
	| {type: 'backspace'}
	| {type: 'clear'}
	| {type: 'move'; delta: number}
	| {type: 'toggle'}
	| {type: 'toggleAll'}
	| {type: 'enter'};

export function initialPicker(options: {
	rows: Option[];
	multiple?: boolean;
	searchable?: boolean;
	initial?: Value | Value[];
}): PickerState {
	const {rows, multiple = false, searchable = false, initial} = options;
	return {
		rows,
		multiple,
		searchable,
		filter: '',
		// A list to tick starts on its first row; a single choice on its value, if it has one.
		cursor: multiple
			? Math.min(0, rows.length - 1)
			: rows.findIndex((row) => row.value === initial),
		selected: Array.isArray(initial) ? initial : [],
	};
}

export function visibleRows(state: PickerState): Option[] {
	return filterOptions(state.rows, state.filter);
}

/** The row Enter or Space acts on: the highlighted one among those shown, if any. */
export function highlightedRow(state: PickerState): Option | undefined {
	return visibleRows(state)[state.cursor];
}

function withFilter(state: PickerState, filter: string): PickerState {
	const next = {...state, filter, note: undefined};
	const visible = visibleRows(next);
	// A filter highlights its best match; no filter puts the highlight back where it was.
	const cursor =
		filter.trim() === ''
			? visible.findIndex((row) => row.value === highlightedRow(state)?.value)
			: 0;
	return {...next, cursor: visible.length === 0 ? -1 : cursor};
}

function toggle(state: PickerState): PickerState {
	const row = highlightedRow(state);
	if (!state.multiple || !row) return state;
	const selected = state.selected.includes(row.value)
		? state.selected.filter((value) => value !== row.value)
		: [...state.selected, row.value];
	return {...state, selected, note: undefined};
}

function submit(state: PickerState, value: Value | Value[] | undefined): PickerState {
	return {...state, note: undefined, submitted: {count: (state.submitted?.count ?? 0) + 1, value}};
}

export function reducePicker(state: PickerState, event: PickerEvent): PickerState {
	switch (event.type) {
		case 'type': {
			// Typing only filters: it never ticks or chooses anything.
			return state.searchable ? withFilter(state, state.filter + event.text) : state;
		}

		case 'space': {
			// Within a filter a space is part of it ("united states"); otherwise it toggles.
			if (state.searchable && state.filter !== '') return withFilter(state, `${state.filter} `);
			return toggle(state);
		}

		case 'backspace': {
			return state.searchable && state.filter !== ''
				? withFilter(state, [...state.filter].slice(0, -1).join(''))
				: state;
		}

		case 'clear': {
			return state.searchable && state.filter !== '' ? withFilter(state, '') : state;
		}

		case 'move': {
			const count = visibleRows(state).length;
			if (count === 0) return state;
			const from = state.cursor < 0 ? (event.delta > 0 ? -1 : count) : state.cursor;
			const to = from + event.delta;
			// Arrows wrap around; page keys stop at the ends.
			const cursor =
				Math.abs(event.delta) === 1 ? (to + count) % count : Math.min(count - 1, Math.max(0, to));
			return {...state, cursor, note: undefined};
		}

		case 'toggle': {
			return toggle(state);
		}

		case 'toggleAll': {
			// Ticks every row shown (all 50 states, or those the filter found); when all are
			// ticked already, unticks them.
			if (!state.multiple) return state;
			const shown = visibleRows(state).map((row) => row.value);
			const all = shown.length > 0 && shown.every((value) => state.selected.includes(value));
			const selected = all
				? state.selected.filter((value) => !shown.includes(value))
				: [...state.selected, ...shown.filter((value) => !state.selected.includes(value))];
			return {...state, selected, note: undefined};
		}

		case 'enter': {
			if (state.multiple) {
				// Enter in a filter ticks what it found and clears the filter, so a search is never lost.
				if (state.filter.trim() !== '') {
					const row = highlightedRow(state);
					const ticked =
						row && !state.selected.includes(row.value)
							? toggle(state)
							: {...state, note: undefined};
					return withFilter(ticked, '');
				}

				return submit(state, state.selected);
			}

			const row = highlightedRow(state);
			if (!row) {
				return {
					...state,
					note: state.searchable
						? 'Nothing is chosen yet: type to find an option, or use ↑↓, then Enter.'
						: 'Nothing is chosen yet: use ↑↓ to highlight an option, then Enter.',
				};
			}

			return submit(state, row.value === noneValue ? undefined : row.value);
		}
	}
}
