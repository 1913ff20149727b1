import data from '../../../questionnaires/questions.json' with {type: 'json'};
import {questionGroups, regimes} from '../law/registry.js';
import {composeQuestionnaire} from './compose.js';
import type {Question, Questionnaire} from './types.js';

/** The core questions alone (questionnaires/questions.json). */
export const coreQuestionnaire = data as Questionnaire;

/** The questionnaire as asked: the core with every regime's questions in place. */
export const questionnaire: Questionnaire = composeQuestionnaire(
	coreQuestionnaire,
	regimes,
	questionGroups,
);

/** Every question, with its full id (`purposes.retention.kind` for a list field). */
export function allQuestions(
	root: Questionnaire = questionnaire,
): Array<{fullId: string; question: Question}> {
	const out: Array<{fullId: string; question: Question}> = [];
	const visit = (question: Question, prefix: string): void => {
		const fullId = prefix === '' ? question.id : `${prefix}.${question.id}`;
		out.push({fullId, question});
		for (const field of question.fields ?? []) {
			visit(field, fullId);
		}
	};

	for (const section of root.sections) {
		for (const question of section.questions) {
			visit(question, '');
		}
	}

	return out;
}
