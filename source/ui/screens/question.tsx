import {Box} from 'ink';
import {Text} from '../palette.js';
import type {PartialAnswers} from '../../core/answers/types.js';
import {getAt} from '../../core/questionnaire/paths.js';
import type {Context, Option, Question} from '../../core/questionnaire/types.js';
import {singleChoice} from '../../core/questionnaire/picker.js';
import {defaultValue, optionsOf, parseWholeNumber} from '../../core/questionnaire/values.js';
import type {AnswerPath} from '../../core/questionnaire/paths.js';
import {Choice} from '../inputs/choice.js';
import {TextInput} from '../inputs/text-input.js';
import {TextList} from '../inputs/text-list.js';
import {YesNo} from '../inputs/yes-no.js';
import {ErrorLine, Header, HelpText, Keys, Screen, WarningLine, type KeyHint} from '../layout.js';

export type QuestionScreenProps = {
	question: Question;
	path: AnswerPath;
	recordPath: AnswerPath;
	answers: PartialAnswers;
	context: Context;
	title: string;
	position: string;
	/** "Recipient 2: Stripe" when inside a list. */
	record?: string;
	error?: string;
	warning?: string;
	onAnswer: (value: unknown) => void;
};

function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value);
}

function Input({
	question,
	value,
	answers,
	recordPath,
	listHeight,
	onAnswer,
}: {
	question: Question;
	value: unknown;
	answers: PartialAnswers;
	recordPath: AnswerPath;
	listHeight?: number;
	onAnswer: (value: unknown) => void;
}) {
	switch (question.type) {
		case 'text':
		case 'email':
		case 'url':
		case 'date': {
			return (
				<TextInput
					initial={asText(value)}
					placeholder={
						question.type === 'date'
							? 'YYYY-MM-DD'
							: question.type === 'url'
								? 'https://'
								: undefined
					}
					onSubmit={onAnswer}
				/>
			);
		}

		case 'number': {
			return (
				<TextInput initial={asText(value)} onSubmit={(text) => onAnswer(parseWholeNumber(text))} />
			);
		}

		case 'yesno': {
			return <YesNo initial={typeof value === 'boolean' ? value : undefined} onSubmit={onAnswer} />;
		}

		case 'select':
		case 'country': {
			const {rows, initial} = singleChoice(question, answers, value, recordPath);
			return (
				<Choice
					options={rows}
					initial={initial}
					searchable={question.type === 'country' || rows.length > 12}
					height={listHeight}
					onSubmit={onAnswer}
				/>
			);
		}

		case 'multiselect': {
			const options = optionsOf(question, answers);
			return (
				<Choice
					multiple
					options={options}
					initial={Array.isArray(value) ? (value as Array<Option['value']>) : []}
					searchable={options.length > 12}
					height={listHeight}
					onSubmit={onAnswer}
				/>
			);
		}

		case 'textlist': {
			return (
				<TextList initial={Array.isArray(value) ? (value as string[]) : []} onSubmit={onAnswer} />
			);
		}

		case 'list': {
			return null;
		}
	}
}

function keysFor(question: Question): KeyHint[] {
	const common: KeyHint[] = [
		['Esc', 'back'],
		['^O', 'sections'],
		['^R', 'review'],
		['^C', 'quit (saved)'],
	];
	switch (question.type) {
		case 'yesno': {
			return [['y/n', 'answer'], ['Enter', 'confirm'], ...common];
		}

		case 'select':
		case 'country': {
			return [['↑↓', 'move'], ['Enter', 'choose'], ...common];
		}

		case 'multiselect': {
			return [['↑↓', 'move'], ['Space', 'toggle'], ['Enter', 'confirm'], ...common];
		}

		case 'textlist': {
			return [['Enter', 'add line / finish on empty'], ...common];
		}

		default: {
			return [['Enter', 'confirm'], ['^U', 'clear'], ...common];
		}
	}
}

/** One question: prompt, why it is asked, the input, the validation message, the keys. */
export function QuestionScreen({
	question,
	path,
	recordPath,
	answers,
	context,
	title,
	position,
	record,
	error,
	warning,
	onAnswer,
}: QuestionScreenProps) {
	const saved = getAt(answers, path);
	const value = saved ?? defaultValue(question, answers, context, recordPath);
	return (
		<Screen
			header={
				<>
					<Header title={title} position={position} />
					{record ? <Text dimColor>{record}</Text> : null}
					<Text bold>{question.prompt}</Text>
				</>
			}
			fixed={(fit) => (
				<Box marginTop={1} flexDirection="column">
					{/* A new key per question resets the input's own state. */}
					<Input
						key={path.join('.')}
						question={question}
						value={value}
						answers={answers}
						recordPath={recordPath}
						listHeight={fit(question.type === 'multiselect' || question.type === 'country' ? 6 : 4)}
						onAnswer={onAnswer}
					/>
				</Box>
			)}
			footer={
				<>
					<ErrorLine message={error} />
					<WarningLine message={warning} />
					<Keys hints={keysFor(question)} />
				</>
			}
		>
			<HelpText help={question.help} cite={question.cite} />
		</Screen>
	);
}
