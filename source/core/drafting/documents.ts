import {isComplete} from '../answers/load.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../answers/types.js';
import {gaps, pruneHidden, type Gap} from '../questionnaire/walk.js';
import {renderHtml} from './html.js';
import {renderJson} from './json.js';
import {withMarker, type Hash} from './marker.js';
import {renderDocument, type DocumentModel} from './model.js';
import {draftPolicy} from './policy.js';
import {draftRights} from './rights.js';

export const documentKinds = ['policy', 'rights'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentFormats = ['markdown', 'html', 'json'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/**
The format a file name asks for, by its extension: `.html`/`.htm` HTML, `.json` JSON, anything
else Markdown. `generate --out` uses it when no `--format` is given.
*/
export function formatOfPath(file: string): DocumentFormat {
	const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
	return extension === 'html' || extension === 'htm'
		? 'html'
		: extension === 'json'
			? 'json'
			: 'markdown';
}

/** A drafted document in a format, with its marker: what `generate` writes and `check` compares. */
export function render(model: DocumentModel, format: DocumentFormat, hash: Hash): string {
	switch (format) {
		case 'markdown': {
			return withMarker(renderDocument(model), model.kind, hash);
		}

		case 'html': {
			return withMarker(renderHtml(model), model.kind, hash, 'html');
		}

		case 'json': {
			return withMarker(renderJson(model), model.kind, hash, 'json');
		}
	}
}

export type DraftResult =
	{ok: true; model: DocumentModel; markdown: string} | {ok: false; gaps: Gap[]};

/**
Draft a document, or say why not: a policy is drafted only from complete answers, so that no
placeholder or empty section can ever reach it.
*/
export function draft(answers: DraftAnswers, kind: DocumentKind, hash: Hash): DraftResult {
	// Only what the questionnaire would ask reaches a document: answers hidden by a condition
	// (a safeguard for a recipient now only in the EEA, a regime that no longer applies) do not.
	const visible = pruneHidden(answers as PartialAnswers) as DraftAnswers;
	const missing = gaps(visible);
	if (missing.length > 0 || !isComplete(visible)) {
		return {ok: false, gaps: missing};
	}

	const complete = visible as unknown as Answers;
	const model = kind === 'policy' ? draftPolicy(complete) : draftRights(complete);
	return {ok: true, model, markdown: render(model, 'markdown', hash)};
}
