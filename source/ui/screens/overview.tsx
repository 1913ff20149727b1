import {Box} from 'ink';
import {Text} from '../text.js';
import type {PartialAnswers} from '../../core/answers/types.js';
import type {Section} from '../../core/questionnaire/types.js';
import {sectionState, type SectionState} from '../../core/questionnaire/walk.js';
import {Header, Keys} from '../layout.js';
import {useKeys} from '../key-router.js';

const marks: Record<SectionState, {mark: string; color: string; label: string}> = {
	complete: {mark: '✔', color: 'green', label: 'complete'},
	'needs-attention': {mark: '!', color: 'yellow', label: 'needs attention'},
	new: {mark: '★', color: 'magenta', label: 'new questions'},
	'not-started': {mark: '·', color: 'gray', label: 'not started'},
};

export type OverviewProps = {
	sections: Section[];
	answers: PartialAnswers;
	cursor: number;
	file: string;
	onMove: (delta: number) => void;
	onOpen: (sectionId: string) => void;
	onReview: () => void;
	onWrite: () => void;
};

/** Every section with its state; jump to any, or go on to review and write. */
export function Overview({
	sections,
	answers,
	cursor,
	file,
	onMove,
	onOpen,
	onReview,
	onWrite,
}: OverviewProps) {
	useKeys((input, key) => {
		if (key.upArrow) onMove(-1);
		else if (key.downArrow) onMove(1);
		else if (key.return) {
			if (cursor < sections.length) onOpen(sections[cursor]!.id);
			else if (cursor === sections.length) onReview();
			else onWrite();
		} else if (input === 'r') onReview();
		else if (input === 'w') onWrite();
		else if (/^[1-9]$/.test(input) && Number(input) <= sections.length)
			onOpen(sections[Number(input) - 1]!.id);
	});
	const states = sections.map((section) => sectionState(section, answers));
	const done = states.filter((state) => state === 'complete').length;
	return (
		<Box flexDirection="column">
			<Header
				title="Sections"
				position={`${done} of ${sections.length} complete · answers in ${file}`}
			/>
			{sections.map((section, index) => {
				const state = marks[states[index]!];
				return (
					<Text key={section.id} color={index === cursor ? 'cyan' : undefined}>
						{index === cursor ? '❯ ' : '  '}
						<Text color={state.color}>{state.mark}</Text> {index + 1}. {section.title}{' '}
						<Text dimColor>({state.label})</Text>
					</Text>
				);
			})}
			<Text color={cursor === sections.length ? 'cyan' : undefined}>
				{cursor === sections.length ? '❯ ' : '  '}Review answers and findings
			</Text>
			<Text color={cursor === sections.length + 1 ? 'cyan' : undefined}>
				{cursor === sections.length + 1 ? '❯ ' : '  '}Write the documents
			</Text>
			<Keys
				hints={[
					['↑↓', 'move'],
					['Enter', 'open'],
					['1-9', 'jump'],
					['r', 'review'],
					['w', 'write'],
					['^C', 'quit (saved)'],
				]}
			/>
		</Box>
	);
}
