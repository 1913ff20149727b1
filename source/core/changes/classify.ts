import type {DraftAnswers, PartialAnswers, Revision} from '../answers/types.js';
import {countryName, usStateName} from '../jurisdictions/index.js';
import {applicabilityOf} from '../law/applicability.js';
import {regimes} from '../law/registry.js';
import {formatPath, type Segment} from '../questionnaire/paths.js';
import {allQuestions} from '../questionnaire/questionnaire.js';
import type {Question} from '../questionnaire/types.js';
import {pruneHidden} from '../questionnaire/walk.js';

/**
What changed between two versions of the answers, each change material or editorial.

Material: what a person would want to be told before it happens, because it changes what is
done with their data: a new recipient, a new country for a recipient, a new purpose, a new data
item, sale or sharing switched on, a legal basis changed, a law newly applying or no longer
applying. Everything else (wording, descriptions, reordering, removals) is editorial.

Both sides are compared as the documents see them (answers hidden by a condition left out), and
records are matched by their id, so that renaming or reordering is never taken for a new one.
*/

export type MaterialType =
	| 'new-recipient'
	| 'new-country'
	| 'new-purpose'
	| 'new-data-item'
	| 'sale-or-sharing'
	| 'legal-basis'
	| 'law-applies'
	| 'law-no-longer-applies';

export type EditorialType = 'added' | 'removed' | 'changed' | 'reordered';

export type Change =
	| {
			kind: 'material';
			type: MaterialType;
			/** Where in the answers (`recipients[2].locations`); `laws.<id>` for a law. */
			path: string;
			/** What changed, for the person reviewing the change. */
			words: string;
			/** The same for the reader of the policy, for the revision history. */
			summary: string;
	  }
	| {kind: 'editorial'; type: EditorialType; path: string; words: string};

/** How each material change is found: a field and what happens to it. */
type Rule = {
	/** A question's full id (`recipients.locations`), or the start of several (`recipients.transfers`). */
	field: string;
	/** `added`: a record or value appears; `on`: a yes/no turns to yes; `set`: a value is given or changed. */
	when: 'added' | 'on' | 'set';
	type: MaterialType;
};

/** The material changes, as data. A test checks that every field is a question. */
export const materialRules: readonly Rule[] = [
	{field: 'recipients', when: 'added', type: 'new-recipient'},
	{field: 'recipients.locations', when: 'added', type: 'new-country'},
	{field: 'purposes.occasionalTransfer.countries', when: 'added', type: 'new-country'},
	{field: 'purposes', when: 'added', type: 'new-purpose'},
	{field: 'recipients.purposes', when: 'added', type: 'new-purpose'},
	{field: 'dataItems', when: 'added', type: 'new-data-item'},
	{field: 'purposes.dataItems', when: 'added', type: 'new-data-item'},
	{field: 'recipients.dataItems', when: 'added', type: 'new-data-item'},
	{field: 'recipients.sold', when: 'on', type: 'sale-or-sharing'},
	{field: 'recipients.shared', when: 'on', type: 'sale-or-sharing'},
	{field: 'usThresholds.sellsPersonalData', when: 'on', type: 'sale-or-sharing'},
	{field: 'california.sellsUnder16', when: 'on', type: 'sale-or-sharing'},
	// Legal bases, per law: of a purpose, of sensitive data, of a disclosure, of a transfer, of
	// an automated decision.
	{field: 'purposes.legalBasis', when: 'set', type: 'legal-basis'},
	{field: 'purposes.ukRecognisedInterest', when: 'set', type: 'legal-basis'},
	{field: 'purposes.lgpdBasis', when: 'set', type: 'legal-basis'},
	{field: 'purposes.caConsent', when: 'set', type: 'legal-basis'},
	{field: 'purposes.caslConsent', when: 'set', type: 'legal-basis'},
	{field: 'purposes.healthBasis', when: 'set', type: 'legal-basis'},
	{field: 'purposes.occasionalTransfer.derogation', when: 'set', type: 'legal-basis'},
	{field: 'dataItems.sensitive.article9', when: 'set', type: 'legal-basis'},
	{field: 'dataItems.sensitive.lgpdGround', when: 'set', type: 'legal-basis'},
	{field: 'dataItems.sensitive.fadpConsent', when: 'set', type: 'legal-basis'},
	{field: 'recipients.healthShareBasis', when: 'set', type: 'legal-basis'},
	{field: 'recipients.transfers', when: 'set', type: 'legal-basis'},
	{field: 'automatedDecisions.decisions.exception', when: 'set', type: 'legal-basis'},
];

/** Bookkeeping, not content: never a change. */
const ignoredKeys = new Set(['$schema', 'schemaVersion', 'questionnaireVersion', 'resumeAt']);

/** What a record of each list is called in words. */
const recordNouns: Readonly<Record<string, string>> = {
	recipients: 'Recipient',
	purposes: 'Purpose',
	dataItems: 'Data item',
	otherControllers: 'Group company',
	'dataItems.sources': 'Source',
	'rights.channels': 'Request channel',
	'cookies.items': 'Cookie',
	'automatedDecisions.decisions': 'Automated decision',
	security: 'Security measure',
	'document.revisions': 'Revision',
};

const questions: ReadonlyMap<string, Question> = new Map(
	allQuestions().map(({fullId, question}) => [fullId, question]),
);

// The raw difference ------------------------------------------------------------------------

type Op = 'added' | 'removed' | 'changed' | 'reordered';

/** A record on the way to a change, for its words: `Recipient "Stripe"`. */
type RecordName = {noun: string; name: string};

type Raw = {
	op: Op;
	/** Positions in the newer answers (in the older ones for a removal). */
	path: Segment[];
	/** The question's full id: the path without positions. */
	field: string;
	before?: unknown;
	after?: unknown;
	records: RecordName[];
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON with sorted keys: equal values, equal text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value)) {
		return `{${Object.keys(value)
			.sort()
			.filter((key) => value[key] !== undefined)
			.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
			.join(',')}}`;
	}

	return JSON.stringify(value) ?? 'null';
}

const join = (field: string, key: string): string => (field === '' ? key : `${field}.${key}`);

function recordName(field: string, record: unknown, position: number): RecordName {
	const noun = recordNouns[field] ?? field;
	const labelKey = questions.get(field)?.itemLabel ?? 'name';
	const value = isObject(record) ? (record[labelKey] ?? record['name'] ?? record['id']) : undefined;
	return {noun, name: typeof value === 'string' ? value : `#${position + 1}`};
}

function keyedById(list: unknown[]): Map<string, number> | undefined {
	const ids = new Map<string, number>();
	for (const [position, item] of list.entries()) {
		const id = isObject(item) ? item['id'] : undefined;
		if (typeof id !== 'string' || ids.has(id)) return undefined;
		ids.set(id, position);
	}

	return ids;
}

class Differ {
	readonly out: Raw[] = [];

	value(
		before: unknown,
		after: unknown,
		path: Segment[],
		field: string,
		records: RecordName[],
	): void {
		if (canonical(before) === canonical(after)) return;
		if (Array.isArray(before) || Array.isArray(after)) {
			if (
				(before === undefined || Array.isArray(before)) &&
				(after === undefined || Array.isArray(after))
			) {
				this.list(before ?? [], after ?? [], path, field, records);
				return;
			}
		} else if (
			(before === undefined || isObject(before)) &&
			(after === undefined || isObject(after))
		) {
			if (before !== undefined && after !== undefined) {
				this.object(before, after, path, field, records);
				return;
			}

			// A group of answers that appears or goes as a whole is one change, unless
			// something in it is material (`california.sellsUnder16` with a new `california`).
			const inside = new Differ();
			inside.object(before ?? {}, after ?? {}, path, field, records);
			if (inside.out.some((raw) => materialRules.some((rule) => matches(rule, raw)))) {
				this.out.push(...inside.out);
				return;
			}
		}

		this.out.push({
			op: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
			path,
			field,
			before,
			after,
			records,
		});
	}

	object(
		before: Record<string, unknown>,
		after: Record<string, unknown>,
		path: Segment[],
		field: string,
		records: RecordName[],
	): void {
		const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
		for (const key of keys) {
			if (path.length === 0 && ignoredKeys.has(key)) continue;
			this.value(before[key], after[key], [...path, key], join(field, key), records);
		}
	}

	list(
		before: unknown[],
		after: unknown[],
		path: Segment[],
		field: string,
		records: RecordName[],
	): void {
		const record = (op: Op, item: unknown, position: number) => {
			this.out.push({
				op,
				path: [...path, position],
				field,
				[op === 'added' ? 'after' : 'before']: item,
				records: [...records, recordName(field, item, position)],
			});
		};

		const beforeIds = keyedById(before);
		const afterIds = keyedById(after);
		if (beforeIds && afterIds && (beforeIds.size > 0 || afterIds.size > 0)) {
			for (const [id, position] of beforeIds) {
				if (!afterIds.has(id)) record('removed', before[position], position);
			}

			const common: string[] = [];
			for (const [id, position] of afterIds) {
				const old = beforeIds.get(id);
				if (old === undefined) {
					record('added', after[position], position);
					continue;
				}

				common.push(id);
				this.value(before[old], after[position], [...path, position], field, [
					...records,
					recordName(field, after[position], position),
				]);
			}

			const oldOrder = [...beforeIds.keys()].filter((id) => afterIds.has(id));
			if (oldOrder.join('\u0000') !== common.join('\u0000')) {
				this.out.push({op: 'reordered', path, field, records});
			}

			return;
		}

		const texts = (list: unknown[]) => list.map(canonical);
		const oldTexts = texts(before);
		const newTexts = texts(after);
		// A missing list and an empty one say the same.
		if (oldTexts.join('\u0000') === newTexts.join('\u0000')) return;
		const sameItems = [...oldTexts].sort().join('\u0000') === [...newTexts].sort().join('\u0000');
		if (sameItems) {
			this.out.push({op: 'reordered', path, field, records});
			return;
		}

		const primitive = [...before, ...after].every(
			(item) => !isObject(item) && !Array.isArray(item),
		);
		if (!primitive && before.length === after.length) {
			// Records without ids, edited in place (a source's detail, a decision's logic).
			for (const [position, item] of after.entries()) {
				this.value(before[position], item, [...path, position], field, [
					...records,
					recordName(field, item, position),
				]);
			}

			return;
		}

		// Values (countries, ids) and records added or removed: each one counted.
		const remaining = new Map<string, number>();
		for (const text of oldTexts) remaining.set(text, (remaining.get(text) ?? 0) + 1);
		const added: number[] = [];
		for (const [position, text] of newTexts.entries()) {
			const left = remaining.get(text) ?? 0;
			if (left > 0) remaining.set(text, left - 1);
			else added.push(position);
		}

		for (const [position, text] of oldTexts.entries()) {
			const left = remaining.get(text) ?? 0;
			if (left > 0) {
				remaining.set(text, left - 1);
				if (primitive) {
					this.out.push({op: 'removed', path, field, before: before[position], records});
				} else {
					record('removed', before[position], position);
				}
			}
		}

		for (const position of added) {
			if (primitive) {
				this.out.push({op: 'added', path, field, after: after[position], records});
			} else {
				record('added', after[position], position);
			}
		}
	}
}

// Words -------------------------------------------------------------------------------------

const maxShown = 60;

function quote(text: string): string {
	const flat = text.replaceAll(/\s+/g, ' ').trim();
	return `"${flat.length > maxShown ? `${flat.slice(0, maxShown - 1)}…` : flat}"`;
}

/** Two versions of a text, quoted from a little before where they start to differ. */
function differingParts(before: string, after: string): [string, string] {
	const a = before.replaceAll(/\s+/g, ' ').trim();
	const b = after.replaceAll(/\s+/g, ' ').trim();
	let same = 0;
	while (same < a.length && same < b.length && a[same] === b[same]) same++;
	const lead = 12;
	if (same <= lead * 2 || (a.length <= maxShown && b.length <= maxShown))
		return [quote(a), quote(b)];
	// Back to a word's start, so that the quote does not begin mid-word.
	const from = a.lastIndexOf(' ', same - lead) + 1;
	return [quote(`…${a.slice(from)}`), quote(`…${b.slice(from)}`)];
}

/** A value as people read it: an option's label, a country's name, a record's name. */
function shown(field: string, value: unknown, answers: PartialAnswers): string {
	const question = questions.get(field);
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') {
		const option = question?.options?.find((item) => item.value === value);
		if (option) return option.label;
		const from = question?.optionsFrom;
		if (question?.type === 'country' || from?.source === 'countries') return countryName(value);
		if (from?.source === 'usStates') return usStateName(value);
		if (from?.source === 'answers') {
			const list = (answers as Record<string, unknown>)[from.path];
			const found = Array.isArray(list)
				? list.find((item) => isObject(item) && item[from.value] === value)
				: undefined;
			const label = isObject(found) ? found[from.label] : undefined;
			return quote(typeof label === 'string' ? label : value);
		}

		return quote(value);
	}

	if (Array.isArray(value)) return value.length === 1 ? '1 entry' : `${value.length} entries`;
	return 'a group of answers';
}

/** Where a change is, in words: `Recipient "Stripe"`, or the top-level answer's path. */
function place(raw: Raw): string {
	return raw.records.map((record) => `${record.noun} "${record.name}"`).join(' → ');
}

/** The answer's name within its record: `locations`, `retention.amount`. */
function fieldInRecord(raw: Raw): string {
	let at = 0;
	let records = 0;
	const segments = raw.path;
	for (const [index, segment] of segments.entries()) {
		if (typeof segment === 'number') {
			records++;
			if (records === raw.records.length) at = index + 1;
		}
	}

	return formatPath(segments.slice(at)) || formatPath(segments);
}

function editorialWords(raw: Raw, before: PartialAnswers, after: PartialAnswers): string {
	const where = place(raw);
	const lastIsRecord = raw.records.length > 0 && typeof raw.path.at(-1) === 'number';
	if (lastIsRecord && (raw.op === 'added' || raw.op === 'removed')) {
		return `${where} ${raw.op}.`;
	}

	const what = fieldInRecord(raw);
	const prefix = where === '' ? what : `${where}: ${what}`;
	if (isObject(raw.before ?? raw.after) && (raw.op === 'added' || raw.op === 'removed')) {
		return `${prefix} ${raw.op}.`;
	}

	switch (raw.op) {
		case 'added': {
			return `${prefix}: ${shown(raw.field, raw.after, after)} added.`;
		}

		case 'removed': {
			return `${prefix}: ${shown(raw.field, raw.before, before)} removed.`;
		}

		case 'changed': {
			if (
				typeof raw.before === 'string' &&
				typeof raw.after === 'string' &&
				!questions.get(raw.field)?.options
			) {
				const [from, to] = differingParts(raw.before, raw.after);
				return `${prefix} changed from ${from} to ${to}.`;
			}

			return `${prefix} changed from ${shown(raw.field, raw.before, before)} to ${shown(raw.field, raw.after, after)}.`;
		}

		case 'reordered': {
			return `${prefix} reordered.`;
		}
	}
}

function matches(rule: Rule, raw: Raw): boolean {
	if (raw.field !== rule.field && !raw.field.startsWith(`${rule.field}.`)) return false;
	switch (rule.when) {
		case 'added': {
			return raw.op === 'added' && raw.field === rule.field;
		}

		case 'on': {
			return raw.op !== 'removed' && raw.after === true && raw.before !== true;
		}

		case 'set': {
			return raw.op === 'added' || raw.op === 'changed';
		}
	}
}

/** The name of the record a change is in (or is): "Stripe". */
const recordOf = (raw: Raw, depth = 0): string => raw.records[depth]?.name ?? '';

function materialWords(
	type: MaterialType,
	raw: Raw,
	before: PartialAnswers,
	after: PartialAnswers,
): {words: string; summary: string} {
	const name = recordOf(raw);
	const value = shown(raw.field, raw.after, after);
	switch (type) {
		case 'new-recipient': {
			const record = isObject(raw.after) ? raw.after : {};
			const countries = Array.isArray(record['locations'])
				? (record['locations'] as unknown[]).filter((item) => typeof item === 'string')
				: [];
			const trade = [
				record['sold'] === true ? 'sold' : '',
				record['shared'] === true ? 'shared' : '',
			]
				.filter(Boolean)
				.join(' and ');
			const where =
				countries.length > 0 ? ` (${countries.map((code) => countryName(code)).join(', ')})` : '';
			return {
				words: `New recipient: ${name}${where}${trade ? `; personal information ${trade}` : ''}.`,
				summary: `Added ${name} as a recipient of personal data${trade ? ` (personal information ${trade})` : ''}.`,
			};
		}

		case 'new-country': {
			const country = countryName(String(raw.after));
			return raw.field === 'recipients.locations'
				? {
						words: `${place(raw)} now also processes data in ${country}.`,
						summary: `${name} now also processes personal data in ${country}.`,
					}
				: {
						words: `${place(raw)}: data may now also be transferred to ${country}.`,
						summary: `Personal data used for "${name}" may now also be transferred to ${country}.`,
					};
		}

		case 'new-purpose': {
			return raw.field === 'purposes'
				? {words: `New purpose: ${name}.`, summary: `Added the purpose "${name}".`}
				: {
						words: `${place(raw)} now also serves the purpose ${value}.`,
						summary: `${name} now also receives personal data for the purpose ${value}.`,
					};
		}

		case 'new-data-item': {
			if (raw.field === 'dataItems') {
				return {words: `New data item: ${name}.`, summary: `We now collect "${name}".`};
			}

			return raw.field === 'recipients.dataItems'
				? {
						words: `${place(raw)} now also receives ${value}.`,
						summary: `${name} now also receives ${value}.`,
					}
				: {
						words: `${place(raw)} now also uses ${value}.`,
						summary: `The purpose "${name}" now also uses ${value}.`,
					};
		}

		case 'sale-or-sharing': {
			switch (raw.field) {
				case 'recipients.sold': {
					return {
						words: `${place(raw)}: personal information is now sold to it.`,
						summary: `We now sell personal information to ${name}.`,
					};
				}

				case 'recipients.shared': {
					return {
						words: `${place(raw)}: personal information is now shared with it for cross-context behavioral advertising.`,
						summary: `We now share personal information with ${name} for cross-context behavioral advertising.`,
					};
				}

				case 'california.sellsUnder16': {
					return {
						words: 'Personal information of consumers under 16 is now sold.',
						summary: 'We now sell personal information of consumers under 16.',
					};
				}

				default: {
					return {words: 'Personal data is now sold.', summary: 'We now sell personal data.'};
				}
			}
		}

		case 'legal-basis': {
			const question = questions.get(raw.field);
			const label = question?.prompt ?? fieldInRecord(raw);
			const was = raw.before === undefined ? '' : ` (was ${shown(raw.field, raw.before, before)})`;
			return {
				words: `${place(raw)}: ${label} ${raw.before === undefined ? 'is now' : 'changed to'} ${value}${was}.`,
				summary: `${place(raw)}: ${label} is now ${value}${was}.`,
			};
		}

		default: {
			return {words: '', summary: ''};
		}
	}
}

// Laws --------------------------------------------------------------------------------------

function lawChanges(before: PartialAnswers, after: PartialAnswers): Change[] {
	const old = applicabilityOf(before);
	const now = applicabilityOf(after);
	const changes: Change[] = [];
	for (const regime of regimes) {
		const was = old.get(regime.id)?.status === 'applies';
		const state = now.get(regime.id);
		const is = state?.status === 'applies';
		if (was === is) continue;
		changes.push(
			is
				? {
						kind: 'material',
						type: 'law-applies',
						path: `laws.${regime.id}`,
						words: `${regime.name} now applies: ${(state?.reasons ?? []).join('; ')}.`,
						summary: `The policy now covers ${regime.name}.`,
					}
				: {
						kind: 'material',
						type: 'law-no-longer-applies',
						path: `laws.${regime.id}`,
						words:
							state?.status === 'unknown'
								? `${regime.name} may no longer apply: answer ${(state.missing ?? []).join(', ')} to decide.`
								: `${regime.name} no longer applies${state?.reasons.length ? `: ${state.reasons.join('; ')}` : ''}.`,
						summary: `The policy no longer covers ${regime.name}.`,
					},
		);
	}

	return changes;
}

// The classification ------------------------------------------------------------------------

/** Every change from `before` to `after`: material ones first, each in the order of the answers. */
export function classifyChanges(before: DraftAnswers, after: DraftAnswers): Change[] {
	const old = pruneHidden(before as PartialAnswers);
	const now = pruneHidden(after as PartialAnswers);
	const differ = new Differ();
	differ.object(old as Record<string, unknown>, now as Record<string, unknown>, [], '', []);
	const material: Change[] = [];
	const editorial: Change[] = [];
	for (const raw of differ.out) {
		const rule = materialRules.find((candidate) => matches(candidate, raw));
		const path = formatPath(raw.path);
		if (rule) {
			material.push({
				kind: 'material',
				type: rule.type,
				path,
				...materialWords(rule.type, raw, old, now),
			});
		} else {
			editorial.push({kind: 'editorial', type: raw.op, path, words: editorialWords(raw, old, now)});
		}
	}

	return [...material, ...lawChanges(old, now), ...editorial];
}

// The revision history ----------------------------------------------------------------------

const revisionsOf = (answers: DraftAnswers): Revision[] => {
	const list = (answers as PartialAnswers).document?.revisions;
	return Array.isArray(list)
		? list.filter(
				(item): item is Revision =>
					typeof item?.date === 'string' && typeof item.summary === 'string',
			)
		: [];
};

/** The newest revision date of the answers, if any. */
export function lastRevisionDate(answers: DraftAnswers): string | undefined {
	const dates = revisionsOf(answers).map((revision) => revision.date);
	return dates.length === 0 ? undefined : dates.reduce((a, b) => (b > a ? b : a));
}

/**
The revision entry `after` has that `before` did not, dated on or after `before`'s last one (a
second entry the same day replaces that day's, see addRevision): the "What changed" entry of a
material change. Undefined when there is none.
*/
export function revisionSince(before: DraftAnswers, after: DraftAnswers): Revision | undefined {
	const last = lastRevisionDate(before);
	const old = new Set(
		revisionsOf(before).map((revision) => `${revision.date}\u0000${revision.summary}`),
	);
	return revisionsOf(after)
		.filter(
			(revision) =>
				!old.has(`${revision.date}\u0000${revision.summary}`) &&
				(last === undefined || revision.date >= last),
		)
		.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
}

/** Sentences of the proposed entry beyond which the rest is counted. */
const summaryLimit = 6;

/**
The "What changed" entry proposed for the revision history: the material changes as the policy's
reader is told them; for editorial changes only, `editorial` (the sections whose text changed).
*/
export function proposedSummary(changes: readonly Change[], editorial: string): string {
	const sentences = [
		...new Set(changes.flatMap((change) => (change.kind === 'material' ? [change.summary] : []))),
	];
	if (sentences.length === 0) return editorial;
	if (sentences.length <= summaryLimit) return sentences.join(' ');
	const rest = sentences.length - (summaryLimit - 1);
	return `${sentences.slice(0, summaryLimit - 1).join(' ')} And ${rest} further changes to recipients, purposes, data or legal bases.`;
}
