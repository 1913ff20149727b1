import type {DraftAnswers, PartialAnswers, Revision} from '../answers/types.js';
import {documentLabel, documentTargets, draft, type DocumentKind} from '../drafting/documents.js';
import {readMarker, type Hash} from '../drafting/marker.js';
import {
	addRevision,
	changedSections,
	defaultRevisionSummary,
	lineDiff,
	type DiffLine,
} from '../drafting/revision.js';
import {
	classifyChanges,
	lastRevisionDate,
	proposedSummary,
	revisionSince,
	type Change,
} from './classify.js';

/**
The report of `privacy-wizard diff`: the classified changes between two versions of the answers,
the redline of each document either version drafts, and the "What changed" entry to propose.
Pure: the edge reads both versions, passes today's date and the hash function.
*/

/** A run of changed lines with the unchanged lines around them, as in a unified diff. */
export type Hunk = {
	/** First line (1-based) and number of lines, before and after. */
	before: {start: number; lines: number};
	after: {start: number; lines: number};
	lines: DiffLine[];
};

export type DocumentStatus = 'changed' | 'unchanged' | 'new' | 'dropped' | 'not-drafted';

export type DocumentRedline = {
	kind: DocumentKind;
	label: string;
	/** The file the answers write it to, when they name one. */
	path?: string;
	status: DocumentStatus;
	/** For `not-drafted`: why. */
	reason?: string;
	hunks: Hunk[];
};

export type DiffReport = {
	changes: Change[];
	material: boolean;
	documents: DocumentRedline[];
	/** The newest revision date at the base. */
	baseLastRevision?: string;
	/** The entry the current answers already have since the base, if any. */
	revision?: Revision;
	/** The entry proposed when there are changes and no entry yet. */
	proposed?: Revision;
	/** Material changes without a revision entry since the base: CI fails. */
	needsRevision: boolean;
};

/** Unchanged lines shown around each change. */
const context = 3;

/** Within each run of changed lines, the removed ones first, as a redline reads. */
function removedFirst(lines: readonly DiffLine[]): DiffLine[] {
	const out: DiffLine[] = [];
	let run: DiffLine[] = [];
	const flush = () => {
		out.push(
			...run.filter((line) => line.kind === 'removed'),
			...run.filter((line) => line.kind === 'added'),
		);
		run = [];
	};

	for (const line of lines) {
		if (line.kind === 'same') {
			flush();
			out.push(line);
		} else {
			run.push(line);
		}
	}

	flush();
	return out;
}

/** The changed runs of a line diff, each with `context` lines around it. */
export function hunks(diff: readonly DiffLine[], around = context): Hunk[] {
	const lines = removedFirst(diff);
	const changed = lines.flatMap((line, index) => (line.kind === 'same' ? [] : [index]));
	const out: Hunk[] = [];
	let index = 0;
	while (index < changed.length) {
		const start = Math.max(0, changed[index]! - around);
		let end = changed[index]! + around;
		while (index + 1 < changed.length && changed[index + 1]! - around <= end + 1) {
			index++;
			end = changed[index]! + around;
		}

		end = Math.min(lines.length - 1, end);
		index++;
		// Line numbers on each side at the start of the run.
		let beforeLine = 1;
		let afterLine = 1;
		for (const line of lines.slice(0, start)) {
			if (line.kind !== 'added') beforeLine++;
			if (line.kind !== 'removed') afterLine++;
		}

		const run = lines.slice(start, end + 1);
		out.push({
			before: {start: beforeLine, lines: run.filter((line) => line.kind !== 'added').length},
			after: {start: afterLine, lines: run.filter((line) => line.kind !== 'removed').length},
			lines: run,
		});
	}

	return out;
}

type Drafted = {ok: true; text: string} | {ok: false; inapplicable: boolean};

function drafted(answers: DraftAnswers, kind: DocumentKind, hash: Hash): Drafted {
	const result = draft(answers, kind, hash);
	if (!result.ok) return {ok: false, inapplicable: 'inapplicable' in result};
	// The redline compares the text: the marker's hash changes with any change.
	const marker = readMarker(result.markdown, hash);
	return {ok: true, text: marker.kind === 'unedited' ? marker.body : result.markdown};
}

function documentRedline(
	kind: DocumentKind,
	before: DraftAnswers,
	after: DraftAnswers,
	hash: Hash,
	path: string | undefined,
): DocumentRedline {
	const old = drafted(before, kind, hash);
	const now = drafted(after, kind, hash);
	const base = {kind, label: documentLabel(kind), ...(path === undefined ? {} : {path})};
	const incomplete = (side: string) => ({
		...base,
		status: 'not-drafted' as const,
		reason: `the answers ${side} are not complete, so no ${documentLabel(kind)} can be drafted from them (\`privacy-wizard check\` lists what is missing)`,
		hunks: [],
	});
	if (!old.ok && !old.inapplicable) return incomplete('at the base');
	if (!now.ok && !now.inapplicable) return incomplete('now');
	if (!old.ok && !now.ok) return {...base, status: 'unchanged', hunks: []};
	const oldText = old.ok ? old.text : '';
	const newText = now.ok ? now.text : '';
	const status: DocumentStatus = !old.ok
		? 'new'
		: !now.ok
			? 'dropped'
			: oldText === newText
				? 'unchanged'
				: 'changed';
	if (status === 'unchanged') return {...base, status, hunks: []};
	const lines: DiffLine[] = !old.ok
		? newText.split('\n').map((text) => ({kind: 'added', text}))
		: !now.ok
			? oldText.split('\n').map((text) => ({kind: 'removed', text}))
			: lineDiff(oldText, newText);
	return {...base, status, hunks: hunks(lines)};
}

/** The documents either version asks for: the current ones in order, then any dropped. */
function documentKinds(
	before: DraftAnswers,
	after: DraftAnswers,
): Array<{kind: DocumentKind; path?: string}> {
	const now = documentTargets(after);
	const old = documentTargets(before).filter(
		(target) => !now.some((current) => current.kind === target.kind),
	);
	return [...now, ...old];
}

export type CompareOptions = {
	/** Today's date (`YYYY-MM-DD`), for the proposed entry. Passed in: the core reads no clock. */
	today: string;
	hash: Hash;
};

/** Compare the answers at a base with the answers now. */
export function compareAnswers(
	before: DraftAnswers,
	after: DraftAnswers,
	{today, hash}: CompareOptions,
): DiffReport {
	const changes = classifyChanges(before, after);
	const material = changes.some((change) => change.kind === 'material');
	const documents = documentKinds(before, after).map(({kind, path}) =>
		documentRedline(kind, before, after, hash, path),
	);
	const revision = revisionSince(before, after);
	const baseLastRevision = lastRevisionDate(before);
	let proposed: Revision | undefined;
	if (
		revision === undefined &&
		changes.some((change) => !change.path.startsWith('document.revisions'))
	) {
		const policyBefore = drafted(before, 'policy', hash);
		const policyAfter = drafted(after, 'policy', hash);
		const editorial =
			policyBefore.ok && policyAfter.ok
				? defaultRevisionSummary(changedSections(policyBefore.text, policyAfter.text))
				: 'Clarified the wording; no change to how we use personal data.';
		proposed = {date: today, summary: proposedSummary(changes, editorial)};
	}

	return {
		changes,
		material,
		documents,
		...(baseLastRevision === undefined ? {} : {baseLastRevision}),
		...(revision === undefined ? {} : {revision}),
		...(proposed === undefined ? {} : {proposed}),
		needsRevision: material && revision === undefined,
	};
}

/**
The answers with a revision entry added. A second entry the same day replaces that day's (see
addRevision), so their summaries are joined: neither is lost.
*/
export function withRevision(answers: DraftAnswers, entry: Revision): DraftAnswers {
	const revisions = (answers as PartialAnswers).document?.revisions ?? [];
	const sameDay = revisions.find((revision) => revision?.date === entry.date)?.summary;
	const summary =
		sameDay === undefined || sameDay.includes(entry.summary)
			? entry.summary
			: `${sameDay} ${entry.summary}`;
	return addRevision(answers, entry.date, summary);
}
