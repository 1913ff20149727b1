import type {DraftAnswers} from '../answers/types.js';
import {getAt, setAt} from '../questionnaire/paths.js';

export type DiffLine = {kind: 'same' | 'added' | 'removed'; text: string};

/** A line diff (longest common subsequence), for "what changed since the last generated version". */
export function lineDiff(before: string, after: string): DiffLine[] {
	const a = before.split('\n');
	const b = after.split('\n');
	// Trim the common head and tail first: documents differ in a few places.
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		a[a.length - 1 - tail] === b[b.length - 1 - tail]
	)
		tail++;
	const middleA = a.slice(head, a.length - tail);
	const middleB = b.slice(head, b.length - tail);
	const width = middleB.length + 1;
	const table = new Uint32Array((middleA.length + 1) * width);
	for (let i = middleA.length - 1; i >= 0; i--) {
		for (let j = middleB.length - 1; j >= 0; j--) {
			table[i * width + j] =
				middleA[i] === middleB[j]
					? table[(i + 1) * width + j + 1]! + 1
					: Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
		}
	}

	const out: DiffLine[] = a.slice(0, head).map((text) => ({kind: 'same', text}));
	let i = 0;
	let j = 0;
	while (i < middleA.length || j < middleB.length) {
		if (i < middleA.length && j < middleB.length && middleA[i] === middleB[j]) {
			out.push({kind: 'same', text: middleA[i]!});
			i++;
			j++;
		} else if (
			j < middleB.length &&
			(i >= middleA.length || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)
		) {
			out.push({kind: 'added', text: middleB[j]!});
			j++;
		} else {
			out.push({kind: 'removed', text: middleA[i]!});
			i++;
		}
	}

	// A loop, not push(...): a document can have more lines than a call takes arguments.
	for (const text of a.slice(a.length - tail)) out.push({kind: 'same', text});
	return out;
}

function sections(markdown: string): Map<string, string> {
	const out = new Map<string, string>();
	let title = '';
	for (const line of markdown.split('\n')) {
		if (line.startsWith('## ')) {
			title = line.slice(3).trim();
		}

		out.set(title, `${out.get(title) ?? ''}${line}\n`);
	}

	return out;
}

/** Titles of the top-level sections whose text differs (the date lines aside). */
export function changedSections(before: string, after: string): string[] {
	const ignore = (text: string): string =>
		text
			.replace(/^(Effective|This policy is effective|.*Last updated).*$/gm, '')
			.replace(/^\| \d{1,2} \w+ \d{4} \|.*$/gm, '');
	const old = sections(before);
	const now = sections(after);
	const titles = [...new Set([...now.keys(), ...old.keys()])];
	return titles.filter(
		(title) =>
			title !== '' &&
			title !== 'Contents' &&
			title !== 'Changes to this policy' &&
			ignore(old.get(title) ?? '') !== ignore(now.get(title) ?? ''),
	);
}

export function defaultRevisionSummary(titles: string[]): string {
	if (titles.length === 0) {
		return 'Updated the policy.';
	}

	return `Updated ${titles.length === 1 ? 'the section' : 'the sections'} ${titles.map((title) => `"${title}"`).join(', ')}.`;
}

/** Recipients added and removed between two sets of answers, by name (matched by id). */
export type RecipientChanges = {added: string[]; removed: string[]};

function recipientNames(answers: DraftAnswers): Map<string, string> {
	const list = getAt(answers, ['recipients']);
	const names = new Map<string, string>();
	for (const recipient of Array.isArray(list) ? (list as unknown[]) : []) {
		const {id, name} = (recipient ?? {}) as {id?: unknown; name?: unknown};
		if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
	}

	return names;
}

/**
The recipients the answers gained and lost since `before` (the answers as the wizard found them):
what the sub-processor list's change log records, never more than the two answer sets show.
*/
export function recipientChanges(before: DraftAnswers, after: DraftAnswers): RecipientChanges {
	const old = recipientNames(before);
	const now = recipientNames(after);
	return {
		added: [...now].filter(([id]) => !old.has(id)).map(([, name]) => name),
		removed: [...old].filter(([id]) => !now.has(id)).map(([, name]) => name),
	};
}

type RevisionEntry = {
	date: string;
	summary: string;
	recipientsAdded?: string[];
	recipientsRemoved?: string[];
};

/**
Add a revision entry dated `date` (newest first). A second change on the same day replaces that
day's entry, so a busy afternoon does not fill the history; the recipients it records merge with
that entry's, and a recipient added and removed the same day (or removed and added back) leaves
no trace, since the day's revision does not change it.
*/
export function addRevision(
	answers: DraftAnswers,
	date: string,
	summary: string,
	changes: RecipientChanges = {added: [], removed: []},
): DraftAnswers {
	const revisions =
		(getAt(answers, ['document', 'revisions']) as RevisionEntry[] | undefined) ?? [];
	const today = revisions.find((revision) => revision.date === date);
	const others = revisions.filter((revision) => revision.date !== date);
	const present = new Set(recipientNames(answers).values());
	const previouslyAdded = today?.recipientsAdded ?? [];
	const previouslyRemoved = today?.recipientsRemoved ?? [];
	const unique = (names: string[]): string[] => [...new Set(names)];
	const added = unique([...previouslyAdded, ...changes.added]).filter(
		(name) => present.has(name) && !previouslyRemoved.includes(name),
	);
	const removed = unique([...previouslyRemoved, ...changes.removed]).filter(
		(name) => !present.has(name) && !previouslyAdded.includes(name),
	);
	const entry: RevisionEntry = {
		date,
		summary,
		...(added.length > 0 ? {recipientsAdded: added} : {}),
		...(removed.length > 0 ? {recipientsRemoved: removed} : {}),
	};
	return setAt(answers, ['document', 'revisions'], [entry, ...others]);
}
