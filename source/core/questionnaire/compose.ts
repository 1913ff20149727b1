import type {QuestionGroup, QuestionInsert, Regime} from '../law/types.js';
import type {Condition, Question, Questionnaire, Section} from './types.js';

/**
The questionnaire a founder answers: the core questions (questionnaires/questions.json) with
every regime's questions inserted where they belong, each asked only while its regime applies.
A question group shared by several regimes (the Article 6 legal bases of the EU and UK GDPR) is
inserted once and asked while any of them applies.
*/
export function composeQuestionnaire(
	core: Questionnaire,
	regimes: readonly Regime[],
	groups: readonly QuestionGroup[],
): Questionnaire {
	const sections: Section[] = structuredClone(core.sections) as Section[];
	// Questions inserted after one anchor keep the order they were inserted in.
	const lastAfter = new Map<Question[], Map<string, string>>();

	const insert = (entry: QuestionInsert, gate: Condition | undefined, owner: string): void => {
		const target = entry.section ?? entry.into ?? '';
		const run =
			entry.section === undefined
				? findList(
						sections.flatMap((section) => section.questions),
						target,
						'',
					)
				: sections.find((section) => section.id === entry.section)?.questions;
		if (!run || (entry.section === undefined) === (entry.into === undefined)) {
			throw new Error(`${owner}: no section or list "${target}" to insert questions into`);
		}

		const questions = entry.questions.map((question) =>
			entry.decidesApplicability || gate === undefined ? question : gated(question, gate),
		);
		for (const question of questions) {
			if (run.some((existing) => existing.id === question.id)) {
				throw new Error(`${owner}: "${target}" already has a question "${question.id}"`);
			}
		}

		let at = run.length;
		if (entry.after !== undefined) {
			const anchors = lastAfter.get(run) ?? new Map<string, string>();
			lastAfter.set(run, anchors);
			if (!run.some((question) => question.id === entry.after)) {
				throw new Error(`${owner}: "${target}" has no question "${entry.after}"`);
			}

			const anchor = anchors.get(entry.after) ?? entry.after;
			at = run.findIndex((question) => question.id === anchor) + 1;
			if (questions.length > 0) {
				anchors.set(entry.after, questions.at(-1)!.id);
			}
		}

		run.splice(at, 0, ...structuredClone(questions));
	};

	for (const group of groups) {
		const users = regimes.filter((regime) => regime.questions.uses?.includes(group.group));
		if (users.length === 0) {
			continue;
		}

		const gate: Condition =
			users.length === 1
				? {applies: users[0]!.id}
				: {any: users.map((regime) => ({applies: regime.id}))};
		for (const entry of group.insert) {
			insert(entry, gate, `question group ${group.group}`);
		}
	}

	// Sections placed after one anchor keep the registry's order.
	const placed = new Map<string, string>();
	for (const regime of regimes) {
		for (const used of regime.questions.uses ?? []) {
			if (!groups.some((group) => group.group === used)) {
				throw new Error(`Regime ${regime.id} uses an unknown question group "${used}"`);
			}
		}

		for (const entry of regime.questions.insert ?? []) {
			insert(entry, {applies: regime.id}, `regime ${regime.id}`);
		}

		for (const {question: fullId, serves} of regime.questions.alsoServes ?? []) {
			const question = findQuestion(sections, fullId);
			if (!question) {
				throw new Error(
					`Regime ${regime.id}: no question "${fullId}" to serve ${serves.join(', ')}`,
				);
			}

			question.serves = [...new Set([...(question.serves ?? []), ...serves])];
		}

		for (const {after, ...section} of regime.questions.sections ?? []) {
			const anchor = placed.get(after) ?? after;
			const index = sections.findIndex((candidate) => candidate.id === anchor);
			if (index === -1) {
				throw new Error(
					`Regime ${regime.id}: no section "${after}" to place "${section.id}" after`,
				);
			}

			if (sections.some((candidate) => candidate.id === section.id)) {
				throw new Error(`Regime ${regime.id}: a section "${section.id}" exists already`);
			}

			const condition: Condition = section.condition
				? {all: [{applies: regime.id}, section.condition]}
				: {applies: regime.id};
			sections.splice(index + 1, 0, {...structuredClone(section), condition});
			placed.set(after, section.id);
		}
	}

	return {version: core.version, sections};
}

function gated(question: Question, gate: Condition): Question {
	return {
		...question,
		condition: question.condition ? {all: [gate, question.condition]} : gate,
	};
}

/** A question by its full id (`purposes.legalBasis`). */
function findQuestion(sections: Section[], fullId: string): Question | undefined {
	const visit = (questions: Question[], prefix: string): Question | undefined => {
		for (const question of questions) {
			const id = prefix === '' ? question.id : `${prefix}.${question.id}`;
			if (id === fullId) {
				return question;
			}

			const found = question.fields ? visit(question.fields, id) : undefined;
			if (found) {
				return found;
			}
		}

		return undefined;
	};

	for (const section of sections) {
		const found = visit(section.questions, '');
		if (found) {
			return found;
		}
	}

	return undefined;
}

/** The fields of a list question, by its full id (`dataItems.sources`). */
function findList(questions: Question[], into: string, prefix: string): Question[] | undefined {
	for (const question of questions) {
		const fullId = prefix === '' ? question.id : `${prefix}.${question.id}`;
		if (question.type === 'list' && question.fields) {
			if (fullId === into) {
				return question.fields;
			}

			const nested = findList(question.fields, into, fullId);
			if (nested) {
				return nested;
			}
		}
	}

	return undefined;
}
