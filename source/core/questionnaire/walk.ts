import type {PartialAnswers} from '../answers/types.js';
import {evaluate} from './conditions.js';
import {getAt, parsePath, setAt, type AnswerPath} from './paths.js';
import {questionnaire} from './questionnaire.js';
import type {Question, Questionnaire, Section} from './types.js';
import {isBlank, validateValue} from './values.js';

/** A question at a concrete place in the answers (`purposes[2].legalBasis`). */
export type Instance = {
	question: Question;
	/** `purposes.legalBasis`: the question's id through its lists. */
	fullId: string;
	path: AnswerPath;
	/** The record the question belongs to; `[]` at the top level. */
	recordPath: AnswerPath;
	section: Section;
};

/** A section is shown while its condition holds and it has a question to ask. */
export function sectionVisible(section: Section, answers: PartialAnswers): boolean {
	return (
		(section.condition === undefined || evaluate(section.condition, answers)) &&
		section.questions.some((question) => questionVisible(question, answers))
	);
}

export function questionVisible(
	question: Question,
	answers: PartialAnswers,
	recordPath: AnswerPath = [],
): boolean {
	return question.condition === undefined || evaluate(question.condition, answers, recordPath);
}

export function visibleSections(
	answers: PartialAnswers,
	root: Questionnaire = questionnaire,
): Section[] {
	return root.sections.filter((section) => sectionVisible(section, answers));
}

export function questionPath(question: Question, recordPath: AnswerPath): AnswerPath {
	return [...recordPath, ...parsePath(question.id)];
}

/** Every visible question of a section, descending into each record of its lists. */
export function sectionInstances(section: Section, answers: PartialAnswers): Instance[] {
	const out: Instance[] = [];
	const visit = (questions: Question[], recordPath: AnswerPath, prefix: string): void => {
		for (const question of questions) {
			if (!questionVisible(question, answers, recordPath)) {
				continue;
			}

			const path = questionPath(question, recordPath);
			const fullId = prefix === '' ? question.id : `${prefix}.${question.id}`;
			out.push({question, fullId, path, recordPath, section});
			if (question.type === 'list' && question.fields) {
				const records = getAt(answers, path);
				if (Array.isArray(records)) {
					for (const index of records.keys()) {
						visit(question.fields, [...path, index], fullId);
					}
				}
			}
		}
	};

	visit(section.questions, [], '');
	return out;
}

export function allInstances(
	answers: PartialAnswers,
	root: Questionnaire = questionnaire,
): Instance[] {
	return visibleSections(answers, root).flatMap((section) => sectionInstances(section, answers));
}

export type Gap = Instance & {message: string; kind: 'missing' | 'invalid'};

/** Questions whose answer is missing (though required) or does not pass validation. */
export function gaps(answers: PartialAnswers, root: Questionnaire = questionnaire): Gap[] {
	const out: Gap[] = [];
	for (const instance of allInstances(answers, root)) {
		const value = getAt(answers, instance.path);
		const message = validateValue(instance.question, value, answers, instance.recordPath);
		if (message) {
			out.push({...instance, message, kind: isBlank(value) ? 'missing' : 'invalid'});
		}
	}

	return out;
}

export type SectionState = 'complete' | 'needs-attention' | 'new' | 'not-started';

/**
Where a section stands: not started (nothing answered), needs attention (a gap), new (a
question added since the answers were last reviewed, not answered yet), or complete.
*/
export function sectionState(section: Section, answers: PartialAnswers): SectionState {
	const instances = sectionInstances(section, answers);
	// An empty list counts as answered: "no recipients" is an answer.
	const answered = instances.some((instance) => getAt(answers, instance.path) !== undefined);
	if (!answered) {
		return 'not-started';
	}

	const reviewed = answers.questionnaireVersion ?? 0;
	// New until answered: a question added since the last review that has no answer yet.
	const isNew = (instance: (typeof instances)[number]): boolean =>
		reviewed > 0 &&
		(instance.question.since ?? 1) > reviewed &&
		getAt(answers, instance.path) === undefined;
	if (instances.some(isNew)) {
		return 'new';
	}

	const hasGap = instances.some((instance) =>
		validateValue(instance.question, getAt(answers, instance.path), answers, instance.recordPath),
	);
	return hasGap ? 'needs-attention' : 'complete';
}

/**
Remove every answer whose question is hidden: the provider of a source that is no longer "from
someone else", the legitimate interest of a purpose now based on consent, a transfer safeguard
for a recipient now only in Germany, the answers of a regime that no longer applies. The drafter
and the checks see only what the questionnaire would ask, and a save writes no stale answer.
Answers the questionnaire never asks (ids, bookkeeping) stay. Runs to a fixed point, since
removing one answer can hide another question.
*/
export function pruneHidden(
	answers: PartialAnswers,
	root: Questionnaire = questionnaire,
): PartialAnswers {
	let current = answers;
	for (let round = 0; round < 10; round++) {
		const removals: AnswerPath[] = [];
		const visit = (questions: Question[], recordPath: AnswerPath, visible: boolean): void => {
			for (const question of questions) {
				const path = questionPath(question, recordPath);
				const value = getAt(current, path);
				if (value === undefined) {
					continue;
				}

				if (!visible || !questionVisible(question, current, recordPath)) {
					removals.push(path);
					continue;
				}

				if (question.type === 'list' && question.fields && Array.isArray(value)) {
					for (const index of value.keys()) {
						visit(question.fields, [...path, index], true);
					}
				}
			}
		};

		for (const section of root.sections) {
			visit(section.questions, [], sectionVisible(section, current));
		}

		if (removals.length === 0) {
			break;
		}

		// Deepest first, so that removing a field never shifts the path of another.
		for (const path of removals.reverse()) {
			current = setAt(current, path, undefined);
		}
	}

	return current;
}
