import {isComplete} from '../answers/load.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../answers/types.js';
import {applicabilityOf} from '../law/applicability.js';
import {gaps, pruneHidden, type Gap} from '../questionnaire/walk.js';
import {renderHtml} from './html.js';
import {renderJson} from './json.js';
import {applicableDocuments, applyingDrafting, draftContext, unitDocuments} from './compose.js';
import {withMarker, type Hash} from './marker.js';
import {renderDocument, type DocumentModel} from './model.js';
import {draftPolicy} from './policy.js';
import {draftRights} from './rights.js';
import {coreText} from './text.js';

/** The documents every set of answers gets: the policy and the standalone data-rights section. */
export const coreKinds = ['policy', 'rights'] as const;

/** The core's documents, then every document a law adds (`consumer-health`), in registry order. */
export const documentKinds: readonly string[] = [
	...coreKinds,
	...unitDocuments.map((document) => document.kind),
];
export type DocumentKind = string;

/** What a document is, in lists and messages: "privacy policy". */
export function documentLabel(kind: DocumentKind): string {
	const own = unitDocuments.find((document) => document.kind === kind);
	return own?.label ?? coreText.s(kind === 'rights' ? 'document.rights' : 'document.policy');
}

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
	| {ok: true; model: DocumentModel; markdown: string}
	| {ok: false; gaps: Gap[]}
	/** A law's own document, for answers to which no law requiring it applies. */
	| {ok: false; gaps: []; inapplicable: true};

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
	let model: DocumentModel;
	if (kind === 'policy' || kind === 'rights') {
		model = kind === 'policy' ? draftPolicy(complete) : draftRights(complete);
	} else {
		const ctx = draftContext(complete);
		const own = applicableDocuments(ctx).find((document) => document.kind === kind);
		if (!own) {
			return {ok: false, gaps: [], inapplicable: true};
		}

		model = own.draft(ctx);
	}

	return {ok: true, model, markdown: render(model, 'markdown', hash)};
}

/**
The documents the answers ask for and the file each goes to, when the answers name one: the
policy, the data-rights section, and the documents of each law that applies (their file under
the answers' `outputs`).
*/
export function documentTargets(answers: DraftAnswers): Array<{kind: DocumentKind; path?: string}> {
	const visible = pruneHidden(answers as PartialAnswers);
	const outputs = (visible.outputs ?? {}) as Record<string, unknown>;
	const at = (key: string): {path?: string} => {
		const file = outputs[key];
		return typeof file === 'string' ? {path: file} : {};
	};
	const applicability = applicabilityOf(visible);
	const own = applyingDrafting((id) => applicability.get(id)?.status === 'applies').flatMap(
		(drafting) => drafting.documents ?? [],
	);
	return [
		{kind: 'policy', ...at('policyPath')},
		{kind: 'rights', ...at('rightsPath')},
		...own.map((document) => ({kind: document.kind, ...at(document.output)})),
	];
}
