/**
The wizard as a state machine: `reduce(state, event)`. The terminal UI and the plain prompts
only draw the state and send events, so a new question needs data, not UI code.
*/
import type {DraftAnswers, PartialAnswers} from '../answers/types.js';
import {formatPath, getAt, parseDisplayPath, samePath, setAt, type AnswerPath} from './paths.js';
import {allQuestions, questionnaire} from './questionnaire.js';
import type {Context, Question, Questionnaire, Section} from './types.js';
import {defaultValue, normalizeValue, slugId, validateValue, warnValue} from './values.js';
import {
	gaps,
	pruneHidden,
	questionPath,
	questionVisible,
	sectionState,
	sectionVisible,
	visibleSections,
} from './walk.js';

/** A run of questions: a section's, or the fields of one record of a list. */
export type QuestionsFrame = {
	kind: 'questions';
	sectionId: string;
	/** `[]` for a section; the record's path for list fields. */
	recordPath: AnswerPath;
	/** Full id of the list these are fields of (`purposes`), or '' for a section. */
	listId: string;
	/** The question being asked, by id within the run. */
	questionId: string;
	/** The record was added in this visit (Esc on its first question removes it again). */
	isNew?: boolean;
	/** One field, opened from the record's summary: answering it returns there. */
	single?: boolean;
};

/**
The summary of one record: every visible field with its value, to confirm all at once (Enter)
or to open one field. A record that arrives with answers (from the catalog, or a service the
repo reveals) opens here, so its defaults are confirmed, never kept unseen.
*/
export type RecordFrame = {
	kind: 'record';
	sectionId: string;
	/** The record's path (`recipients[2]`). */
	path: AnswerPath;
	/** Full id of the list (`recipients`). */
	fullId: string;
	/** 0 is "Confirm"; 1… are the fields, in order. */
	cursor: number;
	/** Added in this visit: Esc takes it back out. */
	isNew?: boolean;
};

/** The screen of a list question: its records, to add, edit or remove. */
export type ListFrame = {
	kind: 'list';
	sectionId: string;
	path: AnswerPath;
	fullId: string;
	cursor: number;
};

export type Frame = QuestionsFrame | ListFrame | RecordFrame;

export type Mode = 'welcome' | 'overview' | 'asking' | 'review' | 'write' | 'done';

export type WizardState = {
	answers: DraftAnswers;
	context: Context;
	mode: Mode;
	stack: Frame[];
	overviewCursor: number;
	/** Validation message for the question on screen. */
	error?: string;
	/** A warning about the value just given; giving the same value again keeps it. */
	warning?: {message: string; value: unknown};
	/** Going through every section in order (first run), rather than one section at a time. */
	linear: boolean;
	/** Answers changed in this run. */
	changed: boolean;
	/** Answers changed since the last save request (the UI saves and clears it). */
	unsaved: boolean;
};

export type WizardEvent =
	| {type: 'start'}
	| {type: 'overview'}
	| {type: 'overview.move'; delta: number}
	| {type: 'openSection'; sectionId: string}
	| {type: 'answer'; value: unknown}
	| {type: 'back'}
	/** `rows`: how many rows the list screen shows (records, suggestions, Add, Done). */
	| {type: 'list.move'; delta: number; rows?: number}
	| {type: 'list.add'; record?: Record<string, unknown>}
	| {type: 'list.edit'; index: number}
	| {type: 'list.remove'; index: number}
	| {type: 'list.done'}
	| {type: 'record.move'; delta: number}
	/** Enter on the summary: confirm every field, or open the first one that needs an answer. */
	| {type: 'record.confirm'}
	/** Open one field of the record (`index` into `recordFields`). */
	| {type: 'record.edit'; index: number}
	| {type: 'jump'; path: AnswerPath}
	| {type: 'review'}
	| {type: 'write'}
	| {type: 'done'}
	| {type: 'saved'}
	| {type: 'setContext'; context: Context}
	| {type: 'setAnswers'; answers: DraftAnswers};

const bookkeeping = new Set(['schemaVersion', '$schema', 'questionnaireVersion', 'resumeAt']);

/** Whether anything has been answered (bookkeeping fields aside). */
export function hasAnswers(answers: PartialAnswers): boolean {
	return Object.keys(answers).some((key) => !bookkeeping.has(key));
}

/** The overview row of the first section that is not complete (or `after` it, wrapping). */
export function firstUnfinished(answers: PartialAnswers, after = -1): number {
	const sections = visibleSections(answers);
	const order = [...sections.keys()].map(
		(offset) => (after + 1 + offset) % Math.max(1, sections.length),
	);
	const found = order.find((index) => sectionState(sections[index]!, answers) !== 'complete');
	return found ?? sections.length + 1;
}

export function initialState(
	answers: DraftAnswers,
	context: Context,
	firstRun: boolean,
): WizardState {
	const state: WizardState = {
		answers,
		context,
		mode: firstRun ? 'welcome' : 'overview',
		stack: [],
		overviewCursor: firstRun ? 0 : firstUnfinished(answers),
		linear: firstRun,
		changed: false,
		unsaved: false,
	};
	return firstRun ? state : resume(state);
}

/**
A run left mid-way opens again at the question that was on screen, in its section; when that
question is gone (hidden by a later answer), at the first gap. Until every section has been
started, the run goes on through the sections in order, as the first run did.
*/
function resume(state: WizardState): WizardState {
	const saved = state.answers['resumeAt'];
	if (typeof saved !== 'string') return state;
	const linear = visibleSections(state.answers).some(
		(section) => sectionState(section, state.answers) === 'not-started',
	);
	const at = jumpTo({...state, linear}, parseDisplayPath(saved));
	if (at.mode === 'asking' && samePath(positionOf(at) ?? [], parseDisplayPath(saved))) return at;
	const gap = gaps(state.answers)[0];
	const atGap = gap ? jumpTo({...state, linear}, gap.path) : undefined;
	return atGap?.mode === 'asking' ? atGap : state;
}

/** The answer path of what is on screen while asking: the question, list or record. */
export function positionOf(state: WizardState): AnswerPath | undefined {
	const frame = currentFrame(state);
	if (state.mode !== 'asking' || !frame) return undefined;
	if (frame.kind !== 'questions') return frame.path;
	return currentQuestion(state)?.path;
}

/** Keep `resumeAt` in the answers on the question on screen, and drop it once out of the questions. */
function withResumePoint(state: WizardState): WizardState {
	// Nothing answered yet: nothing to resume, and no file written just for opening the wizard.
	const at = hasAnswers(state.answers) ? positionOf(state) : undefined;
	const wanted = at ? formatPath(at) : undefined;
	if (state.answers['resumeAt'] === wanted) return state;
	const answers: DraftAnswers = {...state.answers, resumeAt: wanted};
	if (wanted === undefined) delete answers['resumeAt'];
	return {...state, answers, unsaved: true};
}

function sectionById(id: string, root: Questionnaire = questionnaire): Section {
	const section = root.sections.find((candidate) => candidate.id === id);
	if (!section) {
		throw new Error(`Unknown section ${id}`);
	}

	return section;
}

/** The questions a frame runs through (section questions, or a list's fields). */
export function frameQuestions(frame: QuestionsFrame): Question[] {
	const section = sectionById(frame.sectionId);
	if (frame.listId === '') {
		return section.questions;
	}

	let questions = section.questions;
	let found: Question | undefined;
	for (const part of listIdParts(frame.listId, section)) {
		found = questions.find((question) => question.id === part);
		questions = found?.fields ?? [];
	}

	return found?.fields ?? [];
}

/** `purposes.retention.kind` → the ids along the way through nested lists. */
function listIdParts(fullId: string, section: Section): string[] {
	const parts: string[] = [];
	let questions = section.questions;
	let rest = fullId;
	while (rest !== '') {
		const match = questions.find(
			(question) => rest === question.id || rest.startsWith(`${question.id}.`),
		);
		if (!match) {
			break;
		}

		parts.push(match.id);
		questions = match.fields ?? [];
		rest = rest === match.id ? '' : rest.slice(match.id.length + 1);
	}

	return parts;
}

export function visibleQuestions(frame: QuestionsFrame, answers: PartialAnswers): Question[] {
	return frameQuestions(frame).filter((question) =>
		questionVisible(question, answers, frame.recordPath),
	);
}

export function currentFrame(state: WizardState): Frame | undefined {
	return state.stack.at(-1);
}

export function currentQuestion(
	state: WizardState,
): {question: Question; frame: QuestionsFrame; path: AnswerPath} | undefined {
	const frame = currentFrame(state);
	if (frame?.kind !== 'questions') {
		return undefined;
	}

	const question = frameQuestions(frame).find((candidate) => candidate.id === frame.questionId);
	return question ? {question, frame, path: questionPath(question, frame.recordPath)} : undefined;
}

export function fullIdOf(frame: QuestionsFrame, question: Question): string {
	return frame.listId === '' ? question.id : `${frame.listId}.${question.id}`;
}

/** "Section 2 of 12", "question 3 of 9" — for the header. */
export function progress(
	state: WizardState,
):
	| {section: number; sections: number; question: number; questions: number; title: string}
	| undefined {
	const frames = state.stack;
	const top = frames.at(-1);
	if (!top) {
		return undefined;
	}

	const sections = visibleSections(state.answers);
	const index = sections.findIndex((section) => section.id === top.sectionId);
	// A list or a record counts as the question that opened it: "Sources" is question 3 of the
	// record's 4, never a "question 1 of 1" of its own.
	const asking = frames.findLast((frame) => frame.kind === 'questions');
	const questions = asking ? visibleQuestions(asking, state.answers) : [];
	const position = asking
		? questions.findIndex((question) => question.id === asking.questionId)
		: 0;
	return {
		section: index + 1,
		sections: sections.length,
		question: Math.max(0, position) + 1,
		questions: Math.max(1, questions.length),
		title: sections[index]?.title ?? '',
	};
}

function firstQuestionFrame(
	sectionId: string,
	recordPath: AnswerPath,
	listId: string,
	answers: PartialAnswers,
	isNew = false,
): QuestionsFrame | undefined {
	const frame: QuestionsFrame = {
		kind: 'questions',
		sectionId,
		recordPath,
		listId,
		questionId: '',
		isNew,
	};
	const first = visibleQuestions(frame, answers)[0];
	return first ? {...frame, questionId: first.id} : undefined;
}

/** Open the first visible section at or after `from`, or the review when none is left. */
function openSectionAt(state: WizardState, sections: Section[], from: number): WizardState {
	for (const section of sections.slice(from)) {
		const frame = firstQuestionFrame(section.id, [], '', state.answers);
		if (frame) {
			return enterQuestion({...state, mode: 'asking', stack: [frame], error: undefined});
		}
	}

	return {...state, mode: 'review', stack: [], error: undefined};
}

/** When the question on top is a list, its list screen is shown instead. */
function enterQuestion(state: WizardState): WizardState {
	const current = currentQuestion(state);
	if (current?.question.type === 'list') {
		const list: ListFrame = {
			kind: 'list',
			sectionId: current.frame.sectionId,
			path: current.path,
			fullId: fullIdOf(current.frame, current.question),
			cursor: 0,
		};
		const records = getAt(state.answers, current.path);
		if (!Array.isArray(records)) {
			// Opening a list answers it, with its default entries (an email channel from the
			// contact address) or none: an empty list is a valid answer ("no recipients").
			const initial = defaultValue(
				current.question,
				state.answers,
				state.context,
				current.frame.recordPath,
			);
			const value = Array.isArray(initial) ? initial : [];
			return {
				...state,
				answers: setAt(state.answers, current.path, value),
				stack: [...state.stack, list],
				unsaved: true,
			};
		}

		return {...state, stack: [...state.stack, list]};
	}

	// A saved answer that no longer passes (an answers file edited by hand, a rule added since)
	// says what is wrong as soon as it is shown, not only after Enter.
	const saved = current ? getAt(state.answers, current.path) : undefined;
	if (current && saved !== undefined && !state.error) {
		const error = validateValue(current.question, saved, state.answers, current.frame.recordPath);
		if (error) return {...state, error};
	}

	return state;
}

/** Move past the current question in its frame; close the frame when it runs out. */
function advance(state: WizardState): WizardState {
	const frame = currentFrame(state);
	if (frame?.kind !== 'questions') {
		return state;
	}

	if (frame.single) {
		return leaveRecord(state, state.answers);
	}

	const questions = visibleQuestions(frame, state.answers);
	const all = frameQuestions(frame);
	const position = all.findIndex((question) => question.id === frame.questionId);
	const next = all.slice(position + 1).find((question) => questions.includes(question));
	if (next) {
		return enterQuestion({
			...state,
			stack: [...state.stack.slice(0, -1), {...frame, questionId: next.id}],
			error: undefined,
		});
	}

	return closeFrame(state);
}

function closeFrame(state: WizardState): WizardState {
	const frame = currentFrame(state);
	if (frame?.kind !== 'questions') {
		return state;
	}

	if (frame.listId === '') {
		// End of a section: on to the next one on a first run, else back to the overview.
		const sections = visibleSections(state.answers);
		const index = sections.findIndex((section) => section.id === frame.sectionId);
		if (!state.linear) {
			return {
				...state,
				mode: 'overview',
				stack: [],
				overviewCursor: firstUnfinished(state.answers, index),
				error: undefined,
			};
		}

		return openSectionAt({...state, stack: []}, sections, index + 1);
	}

	// End of a record: give it an id if its list wants one, then back to the list.
	const answers = withRecordId(state.answers, frame.sectionId, frame.listId, frame.recordPath);
	return leaveRecord(state, answers);
}

/** Back from a record's questions to its list, with the answers as the record left them. */
function leaveRecord(state: WizardState, answers: DraftAnswers): WizardState {
	return {
		...state,
		answers,
		stack: state.stack.slice(0, -1),
		error: undefined,
		unsaved: state.unsaved || answers !== state.answers,
	};
}

function listQuestionOf(sectionId: string, listId: string): Question | undefined {
	const section = sectionById(sectionId);
	let questions = section.questions;
	let found: Question | undefined;
	for (const part of listIdParts(listId, section)) {
		found = questions.find((question) => question.id === part);
		questions = found?.fields ?? [];
	}

	return found;
}

function withRecordId(
	answers: DraftAnswers,
	sectionId: string,
	listId: string,
	recordPath: AnswerPath,
): DraftAnswers {
	const list = listQuestionOf(sectionId, listId);
	const record = getAt(answers, recordPath) as Record<string, unknown> | undefined;
	if (!list?.idFrom || !record || typeof record['id'] === 'string') {
		return answers;
	}

	const source = record[list.idFrom];
	if (typeof source !== 'string' || source.trim() === '') {
		return answers;
	}

	const siblings = getAt(answers, recordPath.slice(0, -1));
	const taken = new Set(
		(Array.isArray(siblings) ? siblings : [])
			.map((entry) => (entry as Record<string, unknown>)?.['id'])
			.filter((id): id is string => typeof id === 'string'),
	);
	return setAt(answers, [...recordPath, 'id'], slugId(source, taken));
}

function isEmptyRecord(value: unknown): boolean {
	return (
		value === undefined ||
		(typeof value === 'object' && value !== null && Object.keys(value).length === 0)
	);
}

function back(state: WizardState): WizardState {
	const frame = currentFrame(state);
	if (!frame) {
		return {...state, mode: 'overview'};
	}

	if (frame.kind === 'list') {
		// Leave the list screen for the question before the list, or for the record's summary.
		const below = {...state, stack: state.stack.slice(0, -1)};
		const under = currentFrame(below);
		return under?.kind === 'questions' && under.single
			? leaveRecord(below, below.answers)
			: previousQuestion(below);
	}

	if (frame.kind === 'record') {
		// A record just added and not confirmed is not kept: Esc cancels the add.
		const answers = frame.isNew ? setAt(state.answers, frame.path, undefined) : state.answers;
		return leaveRecord(state, pruneHidden(answers) as DraftAnswers);
	}

	if (frame.single) {
		return leaveRecord(state, state.answers);
	}

	return previousQuestion(state);
}

function previousQuestion(state: WizardState): WizardState {
	const frame = currentFrame(state);
	if (frame?.kind !== 'questions') {
		return state;
	}

	const questions = visibleQuestions(frame, state.answers);
	const position = questions.findIndex((question) => question.id === frame.questionId);
	if (position > 0) {
		const previous = questions[position - 1]!;
		const stack = [...state.stack.slice(0, -1), {...frame, questionId: previous.id}];
		// Going back onto a list shows its records, not the list question.
		return previous.type === 'list'
			? enterQuestion({...state, stack, error: undefined})
			: {...state, stack, error: undefined};
	}

	if (frame.listId === '') {
		return {...state, mode: 'overview', stack: [], error: undefined};
	}

	// First field of a record: back to the list; a record just added and left empty goes away.
	let answers = state.answers;
	if (frame.isNew && isEmptyRecord(getAt(answers, frame.recordPath))) {
		answers = setAt(answers, frame.recordPath, undefined);
	}

	return leaveRecord(state, answers);
}

function answer(state: WizardState, raw: unknown): WizardState {
	const current = currentQuestion(state);
	if (!current) {
		return state;
	}

	const value = normalizeValue(current.question, raw);
	const message = validateValue(current.question, value, state.answers, current.frame.recordPath);
	if (message) {
		return {...state, error: message, warning: undefined};
	}

	const warning = warnValue(
		current.question,
		value,
		state.answers,
		promptOf,
		current.frame.recordPath,
	);
	const confirmed =
		state.warning !== undefined && JSON.stringify(state.warning.value) === JSON.stringify(value);
	if (warning && !confirmed) {
		return {...state, error: undefined, warning: {message: warning, value}};
	}

	const before = getAt(state.answers, current.path);
	const answers = pruneHidden(setAt(state.answers, current.path, value)) as DraftAnswers;
	const changed = JSON.stringify(before) !== JSON.stringify(value);
	return advance({
		...state,
		answers,
		changed: state.changed || changed,
		unsaved: state.unsaved || changed,
		error: undefined,
		warning: undefined,
	});
}

function listRecords(state: WizardState, frame: ListFrame): unknown[] {
	const records = getAt(state.answers, frame.path);
	return Array.isArray(records) ? records : [];
}

function replaceTop(state: WizardState, frame: Frame): WizardState {
	return {...state, stack: [...state.stack.slice(0, -1), frame]};
}

function listEvent(
	state: WizardState,
	event: Extract<WizardEvent, {type: `list.${string}`}>,
): WizardState {
	const frame = currentFrame(state);
	if (frame?.kind !== 'list') {
		return state;
	}

	const records = listRecords(state, frame);
	switch (event.type) {
		case 'list.move': {
			// The cursor runs over the records and then the screen's own rows ("Add", "Done").
			const rows = event.rows ?? records.length + 2;
			return replaceTop(state, {...frame, cursor: (frame.cursor + event.delta + rows) % rows});
		}

		case 'list.add': {
			const index = records.length;
			const record = event.record ?? {};
			const answers = setAt(state.answers, [...frame.path, index], record);
			const recordPath = [...frame.path, index];
			const summary: RecordFrame = {
				kind: 'record',
				sectionId: frame.sectionId,
				path: recordPath,
				fullId: frame.fullId,
				cursor: 0,
				isNew: true,
			};
			const prefilled = fieldsOf(summary, answers).some(
				(question) => getAt(answers, questionPath(question, recordPath)) !== undefined,
			);
			const fields = firstQuestionFrame(frame.sectionId, recordPath, frame.fullId, answers, true);
			if (!fields) {
				return state;
			}

			const below = [...state.stack.slice(0, -1), {...frame, cursor: index}];
			const next = {...state, answers, changed: true, unsaved: true};
			// A record that arrives with answers opens on its summary, to confirm them; an empty one
			// is asked field by field.
			return prefilled
				? {...next, stack: [...below, summary]}
				: enterQuestion({...next, stack: [...below, fields]});
		}

		case 'list.edit': {
			if (event.index < 0 || event.index >= records.length) {
				return state;
			}

			const summary: RecordFrame = {
				kind: 'record',
				sectionId: frame.sectionId,
				path: [...frame.path, event.index],
				fullId: frame.fullId,
				cursor: 0,
			};
			return {
				...state,
				stack: [...state.stack.slice(0, -1), {...frame, cursor: event.index}, summary],
			};
		}

		case 'list.remove': {
			if (event.index < 0 || event.index >= records.length) {
				return state;
			}

			const removedId = (records[event.index] as Record<string, unknown> | undefined)?.['id'];
			let answers = setAt(state.answers, [...frame.path, event.index], undefined);
			if (typeof removedId === 'string') {
				answers = removeReferences(answers, removedId, frame.fullId);
			}

			const cursor = Math.min(frame.cursor, Math.max(0, records.length - 2));
			return {
				...replaceTop(
					{...state, answers: pruneHidden(answers) as DraftAnswers},
					{...frame, cursor},
				),
				changed: true,
				unsaved: true,
			};
		}

		case 'list.done': {
			const question = currentQuestionBelow(state);
			const message = question
				? validateValue(question.question, records, state.answers, question.frame.recordPath)
				: undefined;
			if (message) {
				return {...state, error: message};
			}

			return advance({...state, stack: state.stack.slice(0, -1), error: undefined});
		}
	}
}

/** The visible fields of a record, in order: the rows of its summary. */
function fieldsOf(frame: RecordFrame, answers: PartialAnswers): Question[] {
	const run: QuestionsFrame = {
		kind: 'questions',
		sectionId: frame.sectionId,
		recordPath: frame.path,
		listId: frame.fullId,
		questionId: '',
	};
	return visibleQuestions(run, answers);
}

export type SummaryRow = {
	question: Question;
	path: AnswerPath;
	/** The saved answer, or the default that confirming keeps. */
	value: unknown;
	/** The value is the question's default, not saved yet. */
	isDefault: boolean;
	/** A default that states a fact about this company (`confirmDefault`): to be looked at. */
	confirm: boolean;
	/** Why the field cannot be kept as it is (missing or invalid), if so. */
	problem?: string;
};

/** The summary on screen: each visible field of the record with its value and what it needs. */
export function recordSummary(state: WizardState): SummaryRow[] {
	const frame = currentFrame(state);
	if (frame?.kind !== 'record') return [];
	return fieldsOf(frame, state.answers).map((question) => {
		const path = questionPath(question, frame.path);
		const saved = getAt(state.answers, path);
		const value =
			saved ?? defaultValue(question, state.answers, state.context, frame.path) ?? undefined;
		return {
			question,
			path,
			value,
			isDefault: saved === undefined && value !== undefined,
			confirm: question.confirmDefault === true,
			problem: validateValue(question, value, state.answers, frame.path),
		};
	});
}

function recordEvent(
	state: WizardState,
	event: Extract<WizardEvent, {type: `record.${string}`}>,
): WizardState {
	const frame = currentFrame(state);
	if (frame?.kind !== 'record') {
		return state;
	}

	const fields = fieldsOf(frame, state.answers);
	const open = (index: number): WizardState => {
		const question = fields[index];
		if (!question) return state;
		const single: QuestionsFrame = {
			kind: 'questions',
			sectionId: frame.sectionId,
			recordPath: frame.path,
			listId: frame.fullId,
			questionId: question.id,
			single: true,
		};
		return enterQuestion({
			...state,
			// Back on the summary, Enter confirms: the cursor waits on "Confirm".
			stack: [...state.stack.slice(0, -1), {...frame, cursor: 0}, single],
			error: undefined,
		});
	};

	switch (event.type) {
		case 'record.move': {
			const rows = fields.length + 1;
			return replaceTop(state, {...frame, cursor: (frame.cursor + event.delta + rows) % rows});
		}

		case 'record.edit': {
			return open(event.index);
		}

		case 'record.confirm': {
			// Confirming keeps every value shown, defaults included (which may show more fields);
			// a field that still needs an answer opens first.
			let confirmed = state;
			for (let round = 0; round < 5; round++) {
				const defaults = recordSummary(confirmed).filter(
					(row) => row.isDefault && row.problem === undefined,
				);
				if (defaults.length === 0) break;
				let answers = confirmed.answers;
				for (const row of defaults) answers = setAt(answers, row.path, row.value);
				confirmed = {...confirmed, answers: pruneHidden(answers) as DraftAnswers, unsaved: true};
			}

			const rows = recordSummary(confirmed);
			const gap = rows.findIndex((row) => row.problem !== undefined);
			if (gap >= 0) {
				return {
					...recordEvent(confirmed, {type: 'record.edit', index: gap}),
					error: rows[gap]!.problem,
				};
			}

			const answers = withRecordId(confirmed.answers, frame.sectionId, frame.fullId, frame.path);
			return {...leaveRecord(confirmed, answers), changed: true};
		}
	}
}

function currentQuestionBelow(state: WizardState): ReturnType<typeof currentQuestion> {
	return currentQuestion({...state, stack: state.stack.slice(0, -1)});
}

/** Removing a data item or purpose removes the references to it, so the answers stay valid. */
function removeReferences(answers: DraftAnswers, id: string, listId: string): DraftAnswers {
	const fields: Record<string, Array<[string, string]>> = {
		dataItems: [
			['purposes', 'dataItems'],
			['recipients', 'dataItems'],
		],
		purposes: [['recipients', 'purposes']],
	};
	let out = answers;
	for (const [list, field] of fields[listId] ?? []) {
		const records = getAt(out, [list]);
		if (!Array.isArray(records)) {
			continue;
		}

		for (const [index, record] of records.entries()) {
			const references = (record as Record<string, unknown>)?.[field];
			if (Array.isArray(references) && references.includes(id)) {
				out = setAt(
					out,
					[list, index, field],
					references.filter((reference) => reference !== id),
				);
			}
		}
	}

	return out;
}

/**
Open the question at an answer path (a finding's path, or a question id), building the frames
through the lists on the way. Paths into a record that does not exist open the list itself.
*/
export function jumpTo(state: WizardState, path: AnswerPath): WizardState {
	for (const section of visibleSections(state.answers)) {
		const stack = locate(section, section.questions, [], '', path, state.answers);
		if (stack) {
			return enterQuestion({...state, mode: 'asking', stack, error: undefined});
		}
	}

	return state;
}

function locate(
	section: Section,
	questions: Question[],
	recordPath: AnswerPath,
	listId: string,
	target: AnswerPath,
	answers: PartialAnswers,
): Frame[] | undefined {
	for (const question of questions) {
		if (!questionVisible(question, answers, recordPath)) {
			continue;
		}

		const path = questionPath(question, recordPath);
		const frame: QuestionsFrame = {
			kind: 'questions',
			sectionId: section.id,
			recordPath,
			listId,
			questionId: question.id,
		};
		if (samePath(path, target)) {
			return [frame];
		}

		const inside = target.length > path.length && samePath(target.slice(0, path.length), path);
		if (question.type === 'list' && inside && question.fields) {
			const index = target[path.length];
			const records = getAt(answers, path);
			const fullId = listId === '' ? question.id : `${listId}.${question.id}`;
			const list: ListFrame = {
				kind: 'list',
				sectionId: section.id,
				path,
				fullId,
				cursor: typeof index === 'number' ? index : 0,
			};
			if (typeof index === 'number' && Array.isArray(records) && index < records.length) {
				// A field of a record opens from the record's summary, and returns to it.
				const summary: RecordFrame = {
					kind: 'record',
					sectionId: section.id,
					path: [...path, index],
					fullId,
					cursor: 0,
				};
				const deeper = locate(section, question.fields, [...path, index], fullId, target, answers);
				const [field, ...below] = deeper ?? [];
				if (field?.kind === 'questions') {
					return [frame, list, summary, {...field, single: true}, ...below];
				}

				return [frame, list, summary];
			}

			return [frame];
		}

		if (inside && question.type !== 'list') {
			// A path below a plain question (`controller.address` within `controller.address.lines`).
			return [frame];
		}
	}

	return undefined;
}

export function reduce(state: WizardState, event: WizardEvent): WizardState {
	const next = step(state, event);
	// A warning belongs to the value just given: anything else the person does sets it aside.
	const settled =
		next.warning && event.type !== 'answer' && event.type !== 'saved'
			? {...next, warning: undefined}
			: next;
	return withResumePoint(settled);
}

const prompts = new Map(allQuestions().map(({fullId, question}) => [fullId, question.prompt]));

function promptOf(path: string): string | undefined {
	return prompts.get(path);
}

function step(state: WizardState, event: WizardEvent): WizardState {
	switch (event.type) {
		case 'start': {
			const sections = visibleSections(state.answers);
			return hasAnswers(state.answers)
				? {...state, mode: 'overview', stack: []}
				: openSectionAt(state, sections, 0);
		}

		case 'overview': {
			return {...state, mode: 'overview', stack: [], error: undefined};
		}

		case 'overview.move': {
			// Sections, then "Review" and "Write".
			const rows = visibleSections(state.answers).length + 2;
			return {...state, overviewCursor: (state.overviewCursor + event.delta + rows) % rows};
		}

		case 'openSection': {
			// Resume where the person stopped: the section's first gap, else its first question.
			const section = visibleSections(state.answers).find(
				(candidate) => candidate.id === event.sectionId,
			);
			if (!section) {
				return state;
			}

			const gap = gaps(state.answers).find((candidate) => candidate.section.id === section.id);
			const opened = gap ? jumpTo(state, gap.path) : undefined;
			if (opened && opened.stack.length > 0) {
				return opened;
			}

			return openSectionAt(state, [section], 0);
		}

		case 'answer': {
			return answer(state, event.value);
		}

		case 'back': {
			return back(state);
		}

		case 'list.move':
		case 'list.add':
		case 'list.edit':
		case 'list.remove':
		case 'list.done': {
			return listEvent(state, event);
		}

		case 'record.move':
		case 'record.edit':
		case 'record.confirm': {
			return recordEvent(state, event);
		}

		case 'jump': {
			return jumpTo(state, event.path);
		}

		case 'review': {
			return {...state, mode: 'review', stack: [], error: undefined};
		}

		case 'write': {
			return {...state, mode: 'write', stack: [], error: undefined};
		}

		case 'done': {
			return {...state, mode: 'done', stack: []};
		}

		case 'saved': {
			return {...state, unsaved: false};
		}

		case 'setContext': {
			return {...state, context: event.context};
		}

		case 'setAnswers': {
			return {...state, answers: event.answers, changed: true, unsaved: true};
		}
	}
}

export {sectionVisible};
