import {Box} from 'ink';
import {Text} from '../text.js';
import {useEffect, useReducer} from 'react';
import {useKeys} from '../key-router.js';
import {isBackspace, printable} from '../keys.js';

type State = {entries: string[]; draft: string; submitted: number};
type Action = {type: 'type'; text: string} | {type: 'backspace'} | {type: 'enter'};

function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'type': {
			return {...state, draft: state.draft + action.text};
		}

		case 'backspace': {
			// On an empty line, Backspace takes back the last entry for editing.
			if (state.draft === '' && state.entries.length > 0) {
				return {...state, entries: state.entries.slice(0, -1), draft: state.entries.at(-1)!};
			}

			return {...state, draft: [...state.draft].slice(0, -1).join('')};
		}

		case 'enter': {
			if (state.draft.trim() === '') {
				return {...state, submitted: state.submitted + 1};
			}

			return {...state, entries: [...state.entries, state.draft.trim()], draft: ''};
		}
	}
}

/** Several short entries: Enter adds one, Enter on an empty line finishes. */
export function TextList({
	initial,
	onSubmit,
	isActive = true,
}: {
	initial: string[];
	onSubmit: (value: string[]) => void;
	isActive?: boolean;
}) {
	const [state, dispatch] = useReducer(reducer, {entries: initial, draft: '', submitted: 0});
	useEffect(() => {
		if (state.submitted > 0) onSubmit(state.entries);
	}, [state.submitted]);
	useKeys((input, key) => {
		if (key.return) dispatch({type: 'enter'});
		else if (isBackspace(input, key)) dispatch({type: 'backspace'});
		else {
			// Several lines at once (a paste, or text and Enter in one chunk): one entry each.
			const lines = input.split(/\r\n|\r|\n/);
			for (const [index, line] of lines.entries()) {
				const text = printable(line, key);
				if (text) dispatch({type: 'type', text});
				if (index < lines.length - 1) dispatch({type: 'enter'});
			}
		}
	}, isActive);
	return (
		<Box flexDirection="column">
			{state.entries.map((entry, index) => (
				<Text key={`${index}-${entry}`}>
					<Text dimColor>{index + 1}. </Text>
					{entry}
				</Text>
			))}
			<Text>
				<Text color="cyan">› </Text>
				{state.draft}
				<Text inverse> </Text>
				{state.draft === '' ? (
					<Text dimColor>
						{' '}
						{state.entries.length > 0
							? 'Enter on an empty line to finish'
							: 'type an entry, Enter to add'}
					</Text>
				) : null}
			</Text>
		</Box>
	);
}
