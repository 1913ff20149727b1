import {isComplete} from '../answers/load.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../answers/types.js';
import {applicabilityOf} from '../law/applicability.js';
import type {RegimeDocument} from '../law/types.js';
import {allQuestions} from '../questionnaire/questionnaire.js';
import {gaps, pruneHidden, type Gap} from '../questionnaire/walk.js';
import {draftCookiePolicy} from './cookie-policy.js';
import {renderCsv} from './csv.js';
import {documentsText} from './documents-text.js';
import {renderHtml} from './html.js';
import {draftInventory} from './inventory.js';
import {renderJson} from './json.js';
import {applicableDocuments, applyingDrafting, draftContext, unitDocuments} from './compose.js';
import {withMarker, type Hash} from './marker.js';
import {renderDocument, type DocumentModel} from './model.js';
import {draftPolicy} from './policy.js';
import {draftRights} from './rights.js';
import {draftSubprocessors} from './subprocessors.js';
import {coreText} from './text.js';

/**
The documents any answers can get, whatever law applies: the policy, the standalone data-rights
section, the sub-processor list, the personal data inventory and, where cookies are used, the
cookie policy. Each is drafted from the same answers and written where `outputs.<output>` says.
*/
const coreDocuments: readonly RegimeDocument[] = [
	{
		kind: 'policy',
		label: coreText.s('document.policy'),
		output: 'policyPath',
		draft: (ctx) => draftPolicy(ctx.answers),
	},
	{
		kind: 'rights',
		label: coreText.s('document.rights'),
		output: 'rightsPath',
		draft: (ctx) => draftRights(ctx.answers),
	},
	{
		kind: 'subprocessors',
		label: documentsText.s('document.subprocessors'),
		output: 'subprocessorsPath',
		draft: draftSubprocessors,
	},
	{
		kind: 'inventory',
		label: documentsText.s('document.inventory'),
		output: 'inventoryPath',
		draft: draftInventory,
	},
	{
		kind: 'cookies',
		label: documentsText.s('document.cookies'),
		output: 'cookiesPath',
		applies: (answers) => answers.cookies?.used === true,
		draft: draftCookiePolicy,
	},
];

export const coreKinds: readonly string[] = coreDocuments.map((document) => document.kind);

/** The core's documents, then every document a law adds (`ropa`, `consumer-health`), in registry order. */
export const documentKinds: readonly string[] = [
	...coreKinds,
	...unitDocuments.map((document) => document.kind),
];
export type DocumentKind = string;

/** `all` for `generate --document`: every document the answers call for. */
export const allDocuments = 'all';

function documentOf(kind: DocumentKind): RegimeDocument | undefined {
	return (
		coreDocuments.find((document) => document.kind === kind) ??
		unitDocuments.find((document) => document.kind === kind)
	);
}

/** What a document is, in lists and messages: "privacy policy". */
export function documentLabel(kind: DocumentKind): string {
	return documentOf(kind)?.label ?? coreText.s('document.policy');
}

export const documentFormats = ['markdown', 'html', 'json', 'csv'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** The formats a document can be written in: CSV only for a register (the record of processing). */
export function formatsOf(kind: DocumentKind): DocumentFormat[] {
	return documentOf(kind)?.tabular
		? [...documentFormats]
		: documentFormats.filter((format) => format !== 'csv');
}

const extensions: Record<DocumentFormat, string> = {
	markdown: 'md',
	html: 'html',
	json: 'json',
	csv: 'csv',
};

/**
The format a file name asks for, by its extension: `.html`/`.htm` HTML, `.json` JSON, `.csv` CSV,
anything else Markdown. `generate --out` uses it when no `--format` is given.
*/
export function formatOfPath(file: string): DocumentFormat {
	const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
	return extension === 'html' || extension === 'htm'
		? 'html'
		: extension === 'json'
			? 'json'
			: extension === 'csv'
				? 'csv'
				: 'markdown';
}

/**
A document's default file name (`PRIVACY.md`): the default of its `outputs.*Path` question, the one
the wizard shows, with the extension of the format asked for.
*/
export function defaultFileName(kind: DocumentKind, format: DocumentFormat = 'markdown'): string {
	const document = documentOf(kind);
	const question = allQuestions().find(
		(entry) => entry.fullId === `outputs.${document?.output ?? ''}`,
	)?.question;
	const value =
		question?.default && 'value' in question.default ? question.default.value : undefined;
	if (typeof value !== 'string') {
		throw new Error(`No default file name for the ${kind} document`);
	}

	return `${value.replace(/\.[^./\\]+$/, '')}.${extensions[format]}`;
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

		case 'csv': {
			if (!model.records) {
				throw new Error(`The ${model.kind} document has no records to write as CSV`);
			}

			return withMarker(renderCsv(model.records), model.kind, hash, 'csv');
		}
	}
}

export type DraftResult =
	| {ok: true; model: DocumentModel; markdown: string}
	| {ok: false; gaps: Gap[]}
	/**
	A document the answers do not call for: a law's own, for answers to which no law requiring it
	applies (`law`), or one the answers make moot (`answers`: a cookie policy without cookies).
	*/
	| {ok: false; gaps: []; inapplicable: 'law' | 'answers'};

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
	const ctx = draftContext(complete);
	const core = coreDocuments.find((document) => document.kind === kind);
	const document = core ?? applicableDocuments(ctx).find((own) => own.kind === kind);
	if (!document) {
		return {ok: false, gaps: [], inapplicable: 'law'};
	}

	if (document.applies && !document.applies(complete)) {
		return {ok: false, gaps: [], inapplicable: core ? 'answers' : 'law'};
	}

	const model = document.draft(ctx);
	return {ok: true, model, markdown: render(model, 'markdown', hash)};
}

/**
The documents the answers ask for and the file each goes to, when the answers name one: the
core's (the cookie policy only where cookies are used), then those of each law that applies
(their file under the answers' `outputs`).
*/
export function documentTargets(answers: DraftAnswers): Array<{kind: DocumentKind; path?: string}> {
	const visible = pruneHidden(answers as PartialAnswers);
	const outputs = (visible.outputs ?? {}) as Record<string, unknown>;
	const applicability = applicabilityOf(visible);
	const own = applyingDrafting((id) => applicability.get(id)?.status === 'applies').flatMap(
		(drafting) => drafting.documents ?? [],
	);
	return [...coreDocuments, ...own]
		.filter((document) => !document.applies || document.applies(visible))
		.map((document) => {
			const file = outputs[document.output];
			return typeof file === 'string' ? {kind: document.kind, path: file} : {kind: document.kind};
		});
}
