import {Box} from 'ink';
import {Text} from '../palette.js';
import {useEffect, useReducer} from 'react';
import {Header, Keys, Screen} from '../layout.js';
import {useKeys} from '../key-router.js';
import type {RepoSuggestion} from '../../core/questionnaire/suggestions.js';

export type {RepoSuggestion} from '../../core/questionnaire/suggestions.js';

export type WelcomeProps = {
	file: string;
	suggestions: RepoSuggestion[];
	/** Services found in the dependencies, offered later in the recipients section. */
	detected: string[];
	/** Suggestions are still being read from the repository. */
	loading?: boolean;
	onStart: (accepted: string[]) => void;
};

/**
What happens, where answers are kept, that the result is a draft; then each suggestion from the
repo, to accept or decline one by one. Nothing is used without a yes.
*/
export function Welcome({file, suggestions, detected, loading = false, onStart}: WelcomeProps) {
	// Keys typed fast ("n", "n", Enter in one go) each act on the state the one before left.
	const [state, dispatch] = useReducer(
		(
			current: {index: number; accepted: string[]; started: boolean},
			action: 'yes' | 'no' | 'enter',
		) => {
			const suggestion = suggestions[current.index];
			if (!suggestion) return action === 'enter' ? {...current, started: true} : current;
			return {
				...current,
				index: current.index + 1,
				accepted: action === 'no' ? current.accepted : [...current.accepted, suggestion.key],
			};
		},
		{index: 0, accepted: [], started: false},
	);
	const asking = suggestions[state.index];
	useEffect(() => {
		if (state.started) onStart(state.accepted);
	}, [state.started]);
	useKeys((input, key) => {
		if (loading) return;
		if (input.toLowerCase() === 'y') dispatch('yes');
		else if (input.toLowerCase() === 'n') dispatch('no');
		else if (key.return) dispatch('enter');
	});
	return (
		<Screen
			header={<Header title="Welcome" />}
			footer={
				<>
					{asking ? (
						<Text color="cyan">
							Use “{asking.value}” as a suggestion for {asking.label.toLowerCase()}? (y/n)
						</Text>
					) : null}
					<Keys
						hints={
							loading
								? [['^C', 'quit']]
								: asking
									? [
											['y', 'use it'],
											['n', 'ignore'],
											['^C', 'quit'],
										]
									: [
											['Enter', 'start'],
											['^C', 'quit'],
										]
						}
					/>
				</>
			}
		>
			<Text>
				This wizard asks about your company, the personal data you collect, why, who receives it,
				and how people use their rights. It then drafts a privacy policy, a data-rights section and
				the other documents your answers call for.
			</Text>
			<Box marginTop={1} flexDirection="column">
				<Text>
					• Answers are saved after every question to <Text bold>{file}</Text>. Commit it:
					re-running starts from it.
				</Text>
				<Text>• Quit at any time with Ctrl-C; nothing you typed is lost.</Text>
				<Text>• Every question says why it is asked and which article it serves.</Text>
				<Text color="yellow">• The result is a draft to review, not legal advice.</Text>
			</Box>
			{loading ? (
				<Box marginTop={1}>
					<Text dimColor>Reading your repository for suggestions…</Text>
				</Box>
			) : null}
			{suggestions.length > 0 ? (
				<Box marginTop={1} flexDirection="column">
					<Text bold>Found in this repository</Text>
					{suggestions.map((suggestion, index) => (
						<Text key={suggestion.key} dimColor={index > state.index}>
							{index < state.index
								? state.accepted.includes(suggestion.key)
									? '✔ '
									: '✖ '
								: index === state.index
									? '❯ '
									: '  '}
							{suggestion.label}: <Text bold>{suggestion.value}</Text>
						</Text>
					))}
				</Box>
			) : null}
			{detected.length > 0 ? (
				<Box marginTop={1} flexDirection="column">
					<Text bold>Services found in your dependencies</Text>
					<Text>{detected.join(', ')}</Text>
					<Text dimColor>They will be offered in the section on processors; you confirm each.</Text>
				</Box>
			) : null}
		</Screen>
	);
}
