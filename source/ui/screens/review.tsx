import {Box} from 'ink';
import {Text} from '../text.js';
import type {PartialAnswers} from '../../core/answers/types.js';
import type {Finding} from '../../core/checks/findings.js';
import {getAt} from '../../core/questionnaire/paths.js';
import type {Section} from '../../core/questionnaire/types.js';
import {displayValue} from '../../core/questionnaire/values.js';
import {questionPath, questionVisible, sectionState} from '../../core/questionnaire/walk.js';
import {Header, Keys} from '../layout.js';
import {useKeys} from '../key-router.js';

const findingKeys = '123456789abcefghijklmnopqstuvxyz';

export type ReviewProps = {
	sections: Section[];
	answers: PartialAnswers;
	findings: Finding[];
	cursor: number;
	width: number;
	onMove: (delta: number) => void;
	onJump: (finding: Finding) => void;
	onWrite: () => void;
	onOverview: () => void;
};

function summary(section: Section, answers: PartialAnswers): string {
	return section.questions
		.filter((question) => questionVisible(question, answers))
		.map((question) => displayValue(question, getAt(answers, questionPath(question, [])), answers))
		.filter((value) => value !== '—')
		.slice(0, 4)
		.join(' · ');
}

function clip(text: string, width: number): string {
	const chars = [...text];
	return chars.length > width ? `${chars.slice(0, Math.max(1, width - 1)).join('')}…` : text;
}

/** The answers at a glance and every finding of `check`, each with a key that opens its question. */
export function Review({
	sections,
	answers,
	findings,
	cursor,
	width,
	onMove,
	onJump,
	onWrite,
	onOverview,
}: ReviewProps) {
	useKeys((input, key) => {
		if (key.upArrow) onMove(-1);
		else if (key.downArrow) onMove(1);
		else if (key.return && findings[cursor]) onJump(findings[cursor]);
		else if (input === 'w') onWrite();
		else if (input === 'o' || key.escape) onOverview();
		else {
			const index = findingKeys.indexOf(input);
			if (index !== -1 && findings[index]) onJump(findings[index]);
		}
	});
	const errors = findings.filter((finding) => finding.severity === 'error').length;
	return (
		<Box flexDirection="column">
			<Header
				title="Review"
				position={`${errors} ${errors === 1 ? 'error' : 'errors'}, ${findings.length - errors} warnings`}
			/>
			{sections.map((section) => {
				const state = sectionState(section, answers);
				return (
					<Text key={section.id} wrap="truncate-end">
						<Text color={state === 'complete' ? 'green' : 'yellow'}>
							{state === 'complete' ? '✔' : '!'}
						</Text>{' '}
						<Text bold>{section.title}</Text>
						<Text dimColor>
							{' '}
							{clip(summary(section, answers), Math.max(10, width - section.title.length - 6))}
						</Text>
					</Text>
				);
			})}
			<Box marginTop={1} flexDirection="column">
				{findings.length === 0 ? (
					<Text color="green">
						✔ No findings: the answers cover every applicable checklist item.
					</Text>
				) : (
					findings.slice(0, findingKeys.length).map((finding, index) => (
						<Box key={`${finding.id}-${index}`} flexDirection="column">
							<Text color={index === cursor ? 'cyan' : undefined}>
								{index === cursor ? '❯ ' : '  '}
								<Text bold>{findingKeys[index]}</Text>{' '}
								<Text color={finding.severity === 'error' ? 'red' : 'yellow'}>
									{finding.severity}
								</Text>{' '}
								{finding.id}: {finding.message}
							</Text>
							{index === cursor ? (
								<Text dimColor>
									{'    '}
									{finding.citation}. Fix: {finding.fix}
								</Text>
							) : null}
						</Box>
					))
				)}
			</Box>
			<Keys
				hints={[
					...(findings.length > 0
						? ([
								['key/Enter', 'fix'],
								['↑↓', 'move'],
							] as Array<[string, string]>)
						: []),
					['w', 'write documents'],
					['o', 'sections'],
					['^C', 'quit (saved)'],
				]}
			/>
		</Box>
	);
}
