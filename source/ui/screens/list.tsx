import {Box} from 'ink';
import {Text} from '../text.js';
import {useReducer} from 'react';
import type {PartialAnswers} from '../../core/answers/types.js';
import type {Question} from '../../core/questionnaire/types.js';
import {displayValue} from '../../core/questionnaire/values.js';
import {ErrorLine, Header, Keys, QuestionText} from '../layout.js';
import {useKeys} from '../key-router.js';

export type Suggestion = {label: string; detail: string; record: Record<string, unknown>};

export type ListScreenProps = {
	question: Question;
	records: Array<Record<string, unknown>>;
	answers: PartialAnswers;
	title: string;
	position: string;
	cursor: number;
	error?: string;
	/** Entries the repo suggests (detected services), offered before "Add". */
	suggestions?: Suggestion[];
	onMove: (delta: number, rows: number) => void;
	onAdd: (record?: Record<string, unknown>) => void;
	onEdit: (index: number) => void;
	onRemove: (index: number) => void;
	onDone: () => void;
	onCatalog?: () => void;
};

/** How a record is named in the list: its label field, shown as the person chose it. */
export function recordLabel(
	question: Question,
	record: Record<string, unknown>,
	answers: PartialAnswers,
	index: number,
): string {
	const field = question.fields?.find((candidate) => candidate.id === question.itemLabel);
	const value = question.itemLabel ? record[question.itemLabel] : undefined;
	if (field && value !== undefined) {
		return displayValue(field, value, answers);
	}

	return `Entry ${index + 1} (not named yet)`;
}

type Confirm = {index: number | undefined};

/**
A list of records: ↑/↓ and Enter to edit one, `a` to add, `d` twice to remove, `c` for the
catalog where the list has one. The rows after the records are the suggestions, "Add", "Done".
*/
export function ListScreen(props: ListScreenProps) {
	const {
		question,
		records,
		answers,
		title,
		position,
		cursor,
		error,
		suggestions = [],
		onMove,
		onAdd,
		onEdit,
		onRemove,
		onDone,
		onCatalog,
	} = props;
	const [confirm, setConfirm] = useReducer((_: Confirm, next: Confirm) => next, {index: undefined});
	// Rows: records, suggestions, "Add", "Done". The core's cursor counts records + Add + Done;
	// suggestions sit between, so the screen maps positions itself.
	const rows = records.length + suggestions.length + 2;
	const at = Math.min(cursor, rows - 1);
	useKeys((input, key) => {
		// Any other key cancels a pending removal: a later d must ask again.
		const remove = input === 'd' || key.delete;
		if (!remove && confirm.index !== undefined) setConfirm({index: undefined});
		if (key.upArrow) onMove(-1, rows);
		else if (key.downArrow) onMove(1, rows);
		else if (input === 'a') onAdd();
		else if (input === 'c' && onCatalog) onCatalog();
		else if (remove && at < records.length) {
			if (confirm.index === at) {
				setConfirm({index: undefined});
				onRemove(at);
			} else {
				setConfirm({index: at});
			}
		} else if (key.return) {
			if (at < records.length) onEdit(at);
			else if (at < records.length + suggestions.length)
				onAdd(suggestions[at - records.length]!.record);
			else if (at === records.length + suggestions.length) onAdd();
			else onDone();
		} else if (input === 'f') onDone();
	});
	const row = (index: number, text: string, detail?: string) => (
		<Text key={`row-${index}`} color={index === at ? 'cyan' : undefined}>
			{index === at ? '❯ ' : '  '}
			{text}
			{detail ? <Text dimColor> {detail}</Text> : null}
		</Text>
	);
	return (
		<Box flexDirection="column">
			<Header title={title} position={position} />
			<QuestionText prompt={question.prompt} help={question.help} cite={question.cite} />
			<Box marginTop={1} flexDirection="column">
				{records.length === 0 ? <Text dimColor> No entries yet.</Text> : null}
				{records.map((record, index) => row(index, recordLabel(question, record, answers, index)))}
				{suggestions.map((suggestion, index) =>
					row(records.length + index, `+ ${suggestion.label}`, suggestion.detail),
				)}
				{row(
					records.length + suggestions.length,
					question.catalogPicker ? 'Add… (custom)' : 'Add…',
				)}
				{row(records.length + suggestions.length + 1, 'Done')}
			</Box>
			{confirm.index !== undefined && confirm.index === at ? (
				<Text color="yellow">
					Press d again to remove “{recordLabel(question, records[at] ?? {}, answers, at)}”.
				</Text>
			) : null}
			<ErrorLine message={error} />
			<Keys
				hints={[
					['↑↓', 'move'],
					['Enter', 'open'],
					['a', 'add'],
					...(onCatalog ? ([['c', 'from catalog']] as Array<[string, string]>) : []),
					['d d', 'remove'],
					['f', 'done'],
					['Esc', 'back'],
					['^C', 'quit (saved)'],
				]}
			/>
		</Box>
	);
}
