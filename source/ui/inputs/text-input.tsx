import {Text} from '../text.js';
import {useEffect, useReducer, useRef} from 'react';
import {useKeys} from '../key-router.js';
import {isBackspace, printable} from '../keys.js';

type State = {value: string; cursor: number; submitted: number};
type Action =
	| {type: 'insert'; text: string}
	| {type: 'backspace'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'clear'}
	| {type: 'submit'}
	| {type: 'reset'; value: string};

function reducer(state: State, action: Action): State {
	const chars = [...state.value];
	switch (action.type) {
		case 'insert': {
			const inserted = [...action.text];
			chars.splice(state.cursor, 0, ...inserted);
			return {...state, value: chars.join(''), cursor: state.cursor + inserted.length};
		}

		case 'backspace': {
			if (state.cursor === 0) return state;
			chars.splice(state.cursor - 1, 1);
			return {...state, value: chars.join(''), cursor: state.cursor - 1};
		}

		case 'left': {
			return {...state, cursor: Math.max(0, state.cursor - 1)};
		}

		case 'right': {
			return {...state, cursor: Math.min(chars.length, state.cursor + 1)};
		}

		case 'home': {
			return {...state, cursor: 0};
		}

		case 'end': {
			return {...state, cursor: chars.length};
		}

		case 'clear': {
			return {...state, value: '', cursor: 0};
		}

		case 'submit': {
			return {...state, submitted: state.submitted + 1};
		}

		case 'reset': {
			return {value: action.value, cursor: [...action.value].length, submitted: 0};
		}
	}
}

export type TextInputProps = {
	initial: string;
	onSubmit: (value: string) => void;
	isActive?: boolean;
	placeholder?: string;
	/** Called on every change (the catalog picker searches as you type). */
	onChange?: (value: string) => void;
};

/** A one-line text field: type, ←/→, Backspace, Ctrl-U to clear, Enter to confirm. */
export function TextInput({
	initial,
	onSubmit,
	isActive = true,
	placeholder,
	onChange,
}: TextInputProps) {
	const [state, dispatch] = useReducer(reducer, {
		value: initial,
		cursor: [...initial].length,
		submitted: 0,
	});
	// A new default from outside (not on mount: the initial state has it already).
	const first = useRef(true);
	useEffect(() => {
		if (first.current) {
			first.current = false;
			return;
		}

		dispatch({type: 'reset', value: initial});
	}, [initial]);
	useEffect(() => {
		if (state.submitted > 0) onSubmit(state.value);
		// Only a new submission triggers this; the value is read at that moment.
	}, [state.submitted]);
	useEffect(() => {
		onChange?.(state.value);
	}, [state.value]);
	useKeys((input, key) => {
		if (key.return) dispatch({type: 'submit'});
		else if (isBackspace(input, key)) dispatch({type: 'backspace'});
		else if (key.leftArrow) dispatch({type: 'left'});
		else if (key.rightArrow) dispatch({type: 'right'});
		else if (key.ctrl && input === 'a') dispatch({type: 'home'});
		else if (key.ctrl && input === 'e') dispatch({type: 'end'});
		else if (key.ctrl && input === 'u') dispatch({type: 'clear'});
		else {
			// Typed text and Enter can arrive in one chunk ("Acme\r"): insert, then submit.
			const [first = '', ...rest] = input.split(/\r\n|\r|\n/);
			const text = printable(first, key);
			if (text) dispatch({type: 'insert', text});
			if (rest.length > 0) dispatch({type: 'submit'});
		}
	}, isActive);
	const chars = [...state.value];
	const before = chars.slice(0, state.cursor).join('');
	const at = chars[state.cursor] ?? ' ';
	const after = chars.slice(state.cursor + 1).join('');
	return (
		<Text>
			<Text color="cyan">› </Text>
			{state.value === '' && placeholder ? (
				<Text>
					<Text inverse> </Text>
					<Text dimColor>{placeholder}</Text>
				</Text>
			) : (
				<Text>
					{before}
					<Text inverse>{at}</Text>
					{after}
				</Text>
			)}
		</Text>
	);
}
