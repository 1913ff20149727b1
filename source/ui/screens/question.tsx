import {Box} from 'ink';
import {Text} from '../text.js';
import type {PartialAnswers} from '../../core/answers/types.js';
import {getAt} from '../../core/questionnaire/paths.js';
import type {Context, Option, Question} from '../../core/questionnaire/types.js';
import {defaultValue, optionsOf} from '../../core/questionnaire/values.js';
import type {AnswerPath} from '../../core/questionnaire/paths.js';
import {Choice} from '../inputs/choice.js';
import {TextInput} from '../inputs/text-input.js';
import {TextList} from '../inputs/text-list.js';
import {YesNo} from '../inputs/yes-no.js';
import {ErrorLine, Header, Keys, QuestionText, type KeyHint} from '../layout.js';

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
	onAnswer: (value: unknown) => void;
};

function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return String(value);
}

function toNumber(text: string): number | string {
	return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text;
}

function Input({
	question,
	value,
	answers,
	onAnswer,
}: {
	question: Question;
	value: unknown;
	answers: PartialAnswers;
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
			return <TextInput initial={asText(value)} onSubmit={(text) => onAnswer(toNumber(text))} />;
		}

		case 'yesno': {
			return <YesNo initial={typeof value === 'boolean' ? value : undefined} onSubmit={onAnswer} />;
		}

		case 'select': {
			const options = optionsOf(question, answers);
			return (
				<Choice
					options={options}
					initial={value as Option['value']}
					noneLabel={question.clearable ? 'None of these' : undefined}
					searchable={options.length > 12}
					onSubmit={onAnswer}
				/>
			);
		}

		case 'country': {
			return (
				<Choice
					options={optionsOf({...question, optionsFrom: {source: 'countries'}}, answers)}
					initial={value as string}
					searchable
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
	onAnswer,
}: QuestionScreenProps) {
	const saved = getAt(answers, path);
	const value = saved ?? defaultValue(question, answers, context, recordPath);
	return (
		<Box flexDirection="column">
			<Header title={title} position={position} />
			{record ? <Text dimColor>{record}</Text> : null}
			<QuestionText prompt={question.prompt} help={question.help} cite={question.cite} />
			<Box marginTop={1} flexDirection="column">
				{/* A new key per question resets the input's own state. */}
				<Input
					key={path.join('.')}
					question={question}
					value={value}
					answers={answers}
					onAnswer={onAnswer}
				/>
			</Box>
			<ErrorLine message={error} />
			<Keys hints={keysFor(question)} />
		</Box>
	);
}
