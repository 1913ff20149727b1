import {isComplete} from '../answers/load.js';
import type {Answers, DraftAnswers} from '../answers/types.js';
import {gaps, type Gap} from '../questionnaire/walk.js';
import {withMarker, type Hash} from './marker.js';
import {renderDocument, type DocumentModel} from './model.js';
import {draftPolicy} from './policy.js';
import {draftRights} from './rights.js';

export const documentKinds = ['policy', 'rights'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export type DraftResult =
	{ok: true; model: DocumentModel; markdown: string} | {ok: false; gaps: Gap[]};

/**
Draft a document, or say why not: a policy is drafted only from complete answers, so that no
placeholder or empty section can ever reach it.
*/
export function draft(answers: DraftAnswers, kind: DocumentKind, hash: Hash): DraftResult {
	const missing = gaps(answers);
	if (missing.length > 0 || !isComplete(answers)) {
		return {ok: false, gaps: missing};
	}

	const complete = answers as unknown as Answers;
	const model = kind === 'policy' ? draftPolicy(complete) : draftRights(complete);
	return {ok: true, model, markdown: withMarker(renderDocument(model), kind, hash)};
}
