import {Box} from 'ink';
import type {PartialAnswers} from '../../core/answers/types.js';
import {displayValue} from '../../core/questionnaire/values.js';
import type {SummaryRow} from '../../core/questionnaire/wizard.js';
import {ErrorLine, Header, Keys, Screen, Windowed} from '../layout.js';
import {useKeys} from '../key-router.js';
import {Text} from '../palette.js';

export type RecordScreenProps = {
	title: string;
	position: string;
	rows: SummaryRow[];
	answers: PartialAnswers;
	/** 0 is "Confirm", then the fields. */
	cursor: number;
	/** Added in this visit (Esc cancels the add). */
	isNew: boolean;
	error?: string;
	/** Rows of fields shown at once. */
	height?: number;
	onMove: (delta: number) => void;
	onConfirm: () => void;
	onEdit: (index: number) => void;
};

/**
One record at a glance: every field with its value. Enter on "Confirm" keeps them all; Enter
on a field opens it. Fields whose default states a fact about the company are marked ◆.
*/
export function RecordScreen({
	title,
	position,
	rows,
	answers,
	cursor,
	isNew,
	error,
	height,
	onMove,
	onConfirm,
	onEdit,
}: RecordScreenProps) {
	useKeys((_input, key) => {
		if (key.upArrow) onMove(-1);
		else if (key.downArrow) onMove(1);
		else if (key.pageUp) onMove(-Math.min(cursor, 8));
		else if (key.pageDown) onMove(Math.min(rows.length - cursor, 8));
		else if (key.return) {
			if (cursor === 0) onConfirm();
			else onEdit(cursor - 1);
		}
	});
	const problems = rows.filter((row) => row.problem !== undefined).length;
	const marked = rows.some((row) => row.confirm);
	const width = Math.min(40, Math.max(...rows.map((row) => [...row.question.prompt].length)));
	const fieldCursor = cursor - 1;
	const confirm =
		problems === 0
			? 'Confirm these answers'
			: `Confirm (${problems} ${problems === 1 ? 'field needs' : 'fields need'} an answer first)`;
	return (
		<Screen
			header={
				<>
					<Header title={title} position={position} />
					<Text bold>
						Check this entry: Enter keeps every answer shown, or choose one to change it.
					</Text>
				</>
			}
			fixed={(fit) => (
				<Box marginTop={1} flexDirection="column">
					<Text color={cursor === 0 ? 'cyan' : undefined} bold>
						{cursor === 0 ? '❯ ' : '  '}✔ {confirm}
					</Text>
					<Windowed
						cursor={Math.max(0, fieldCursor)}
						lines={height ?? fit(2, 32)}
						rows={rows.map((row, index) => {
							const active = index === fieldCursor;
							const label = [...row.question.prompt];
							const name =
								label.length > width
									? `${label.slice(0, width - 1).join('')}…`
									: label.join('').padEnd(width);
							return (
								<Text
									key={row.path.join('.')}
									color={active ? 'cyan' : undefined}
									wrap="truncate-end"
								>
									{active ? '❯ ' : '  '}
									{row.confirm ? '◆ ' : '  '}
									{name}{' '}
									{row.problem === undefined ? (
										<>
											{displayValue(row.question, row.value, answers)}
											{row.isDefault ? <Text dimColor> (default)</Text> : null}
										</>
									) : (
										<Text color="yellow">✖ {row.problem}</Text>
									)}
								</Text>
							);
						})}
					/>
				</Box>
			)}
			footer={
				<>
					<ErrorLine message={error} />
					<Keys
						hints={[
							['↑↓', 'move'],
							['Enter', cursor === 0 ? 'confirm all' : 'change'],
							['Esc', isNew ? 'cancel (not added)' : 'back'],
							['^C', 'quit (saved)'],
						]}
					/>
				</>
			}
		>
			{marked ? (
				<Text dimColor>◆ states a fact about your company: make sure it is true for you.</Text>
			) : null}
		</Screen>
	);
}
