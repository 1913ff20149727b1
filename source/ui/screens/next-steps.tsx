import {Box} from 'ink';
import type {Finish} from '../../core/questionnaire/next-steps.js';
import {Text} from '../palette.js';

/** What was written and what to do next: the last thing the wizard shows. */
export function NextSteps({finish}: {finish: Finish}) {
	return (
		<Box flexDirection="column">
			{finish.results.map((result) => (
				<Text key={result.text} color={result.ok ? 'green' : 'yellow'}>
					{result.text}
				</Text>
			))}
			{finish.answers ? (
				<Text>
					Your answers are in <Text bold>{finish.answers}</Text>.
				</Text>
			) : null}
			<Box marginTop={1} flexDirection="column">
				<Text bold>Next steps</Text>
				{finish.steps.map((step, index) => (
					<Text key={step}>
						{'  '}
						{index + 1}. {step}
					</Text>
				))}
			</Box>
		</Box>
	);
}
