import {getAt} from '../../source/core/questionnaire/paths.js';
import {
	currentFrame,
	currentQuestion,
	reduce,
	type WizardState,
} from '../../source/core/questionnaire/wizard.js';

/**
Answer the wizard from a complete answers document, as a person would: each question gets the
value the document holds, each list gets its records one by one. Returns the final state.
*/
export function driveWith(
	start: WizardState,
	source: Record<string, unknown>,
	limit = 5000,
): WizardState {
	let state = start;
	for (let step = 0; step < limit; step++) {
		if (state.mode !== 'asking') {
			return state;
		}

		const frame = currentFrame(state);
		if (frame?.kind === 'list') {
			const wanted = getAt(source, frame.path);
			const have = getAt(state.answers, frame.path);
			const count = Array.isArray(have) ? have.length : 0;
			if (Array.isArray(wanted) && count < wanted.length) {
				// Keep the document's ids, which people may have chosen by hand.
				const id = (wanted[count] as Record<string, unknown>)['id'];
				state = reduce(state, {type: 'list.add', record: typeof id === 'string' ? {id} : {}});
			} else {
				state = reduce(state, {type: 'list.done'});
			}
			continue;
		}

		const current = currentQuestion(state);
		if (!current) {
			throw new Error(`No question on screen at step ${step}`);
		}

		const next = reduce(state, {type: 'answer', value: getAt(source, current.path)});
		if (next.error) {
			throw new Error(`${current.path.join('.')}: ${next.error}`);
		}

		state = next;
	}

	throw new Error('The wizard did not finish');
}
