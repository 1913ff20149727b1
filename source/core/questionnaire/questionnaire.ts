import data from '../../../questionnaires/questions.json' with {type: 'json'};
import type {Question, Questionnaire} from './types.js';

export const questionnaire = data as Questionnaire;

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
