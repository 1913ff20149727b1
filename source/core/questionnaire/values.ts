import {servesRegion} from '../answers/derive.js';
import type {PartialAnswers} from '../answers/types.js';
import {allCountries, allUsStates, countryName, isCountry} from '../jurisdictions/index.js';
import {computedByName} from '../law/registry.js';
import {evaluate, resolvePath} from './conditions.js';
import {getAt, parsePath, type AnswerPath} from './paths.js';
import type {Context, Option, Question, Validation} from './types.js';

/** The value a question offers before the person types anything. */
export function defaultValue(
	question: Question,
	answers: PartialAnswers,
	context: Context,
	recordPath: AnswerPath = [],
): unknown {
	const spec = question.default;
	if (!spec) {
		return undefined;
	}

	if ('value' in spec) {
		return spec.value;
	}

	if ('from' in spec) {
		const value = getAt(answers, resolvePath(spec.from, recordPath));
		if (spec.as === 'emailChannel') {
			return typeof value === 'string' ? [{kind: 'email', value}] : undefined;
		}

		return value;
	}

	if ('suggestion' in spec) {
		return context.suggestions[spec.suggestion];
	}

	switch (spec.computed) {
		case 'today': {
			return context.today;
		}

		// The EU's default age of digital consent is 16; elsewhere 13 is the common floor.
		case 'minimumAge': {
			return servesRegion(answers, 'eea') ? 16 : 13;
		}

		default: {
			const compute = computedByName(spec.computed);
			if (!compute) {
				throw new Error(`Unknown computed default "${spec.computed}"`);
			}

			const record = recordPath.length > 0 ? getAt(answers, recordPath) : undefined;
			return compute(answers, (record ?? {}) as Record<string, unknown>);
		}
	}
}

const countryOptions: Option[] = allCountries().map((country) => ({
	value: country.code,
	label: country.name,
}));

const usStateOptions: Option[] = allUsStates().map((state) => ({
	value: state.code,
	label: state.name,
}));

type Choices = {options: Option[]; values: Set<Option['value']>};

// Options drawn from the answers are computed once per answers object: a policy with hundreds
// of recipients asks for the same list for each of them.
const optionCache = new WeakMap<object, Map<Question, Choices>>();

function computeOptions(question: Question, answers: PartialAnswers): Option[] {
	if (question.options) {
		return question.options;
	}

	const from = question.optionsFrom;
	if (!from) {
		return [];
	}

	if (from.source === 'countries') {
		return countryOptions;
	}

	if (from.source === 'usStates') {
		return usStateOptions;
	}

	const list = getAt(answers, parsePath(from.path));
	if (!Array.isArray(list)) {
		return [];
	}

	return list
		.filter(
			(entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object',
		)
		.filter((entry) => typeof entry[from.value] === 'string')
		.map((entry) => ({
			value: entry[from.value] as string,
			label: String(entry[from.label] ?? entry[from.value]),
		}));
}

function cachedOptions(question: Question, answers: PartialAnswers): Choices {
	let perAnswers = optionCache.get(answers);
	if (!perAnswers) {
		perAnswers = new Map();
		optionCache.set(answers, perAnswers);
	}

	let entry = perAnswers.get(question);
	if (!entry) {
		const options = computeOptions(question, answers);
		entry = {options, values: new Set(options.map((option) => option.value))};
		perAnswers.set(question, entry);
	}

	return entry;
}

/** The choices of a select or multiselect, which may come from other answers. */
export function optionsOf(question: Question, answers: PartialAnswers): Option[] {
	return cachedOptions(question, answers).options;
}

export function isRequired(
	question: Question,
	answers: PartialAnswers,
	recordPath: AnswerPath = [],
): boolean {
	if (question.required === undefined || typeof question.required === 'boolean') {
		return question.required ?? false;
	}

	return evaluate(question.required, answers, recordPath);
}

// The drafter turns control characters into spaces: text made of them says nothing.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/g;

/** No answer: nothing, or text with nothing to read in it (spaces and control characters only). */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.replace(controlCharacters, '').trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

// The lookahead (the rest holds no space or @) keeps the match linear: without it, a long run of
// dots backtracks quadratically. Trailing runs (`-+$`) are matched from their start only, for the
// same reason.
const emailPattern = /^[^\s@]+@(?=[^\s@]*$)[^\s@]+\.[^\s@]+$/;
const urlPattern = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
/** A host name with a dot and no scheme, optionally a path: a web address typed the short way. */
const bareHost = /^(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+[a-z]{2,63}(?:[/?#]\S*)?$/i;

function validDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) {
		return false;
	}

	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
Check a typed value. Returns the message to show under the prompt, or undefined when it is
acceptable. Blank values are acceptable for optional questions (they clear the answer).
*/
const numberScale: Record<string, number> = {
	'': 1,
	k: 1e3,
	thousand: 1e3,
	m: 1e6,
	mn: 1e6,
	million: 1e6,
	b: 1e9,
	bn: 1e9,
	billion: 1e9,
};

/**
A typed whole number as people write it: "2500000", "2,500,000", "2 500 000", "$2.5m", "40k".
Anything else stays text, so validation says what is wrong instead of guessing.
*/
export function parseWholeNumber(text: string): number | string {
	// Trimmed first, so no two optional runs of spaces meet: the match stays linear.
	const match = /^(-)?\$?(\d{1,3}(?:[,_ \u00A0\u202F]\d{3})+|\d+)(?:\.(\d+))? ?([a-z]*)$/i.exec(
		text.trim(),
	);
	const scale = match ? numberScale[match[4]!.toLowerCase()] : undefined;
	if (!match || scale === undefined) return text;
	const digits = match[2]!.replace(/[,_ \u00A0\u202F]/g, '');
	const fraction = match[3] ?? '';
	// Exact arithmetic on the digits: 2.5m is 2500000, never 2499999.9999.
	const zeros = Math.round(Math.log10(scale));
	if (fraction.length > zeros) return text;
	const whole = Number(digits + fraction.padEnd(zeros, '0'));
	if (!Number.isSafeInteger(whole)) return text;
	return match[1] ? -whole : whole;
}

/** Whether `text` is wording the question refuses (`rejectPattern`), spaces collapsed first. */
function rejects(rules: Validation, text: string): boolean {
	return (
		rules.rejectPattern !== undefined &&
		new RegExp(rules.rejectPattern, 'iu').test(text.trim().replace(/\s+/g, ' '))
	);
}

export function validateValue(
	question: Question,
	value: unknown,
	answers: PartialAnswers,
	recordPath: AnswerPath = [],
): string | undefined {
	const rules = question.validation ?? {};
	if (isBlank(value)) {
		if (!isRequired(question, answers, recordPath)) {
			return undefined;
		}

		if (question.type === 'multiselect') {
			return 'Tick at least one with Space, then Enter: this is required.';
		}

		if (question.type === 'list' || question.type === 'textlist') {
			return 'Add at least one entry: this is required.';
		}

		return 'This answer is required.';
	}

	switch (question.type) {
		case 'text':
		case 'email':
		case 'url':
		case 'date': {
			if (typeof value !== 'string') {
				return 'Enter text.';
			}

			const text = value.trim();
			if (question.type === 'email' && !emailPattern.test(text)) {
				return 'Enter an email address such as privacy@example.com.';
			}

			if (question.type === 'url' && !urlPattern.test(text)) {
				return 'Enter a web address starting with https://.';
			}

			if (question.type === 'date' && !validDate(text)) {
				return 'Enter a date as YYYY-MM-DD, such as 2026-03-01.';
			}

			if (rejects(rules, text)) {
				return rules.rejectMessage ?? 'This wording is not accepted here.';
			}

			if (rules.minLength !== undefined && [...text].length < rules.minLength) {
				return `Write at least ${rules.minLength} characters: say it in words a reader understands.`;
			}

			if (rules.maxLength !== undefined && [...text].length > rules.maxLength) {
				return `Keep it under ${rules.maxLength} characters.`;
			}

			if (rules.pattern !== undefined && !new RegExp(rules.pattern, 'u').test(text)) {
				return rules.patternMessage ?? 'This does not have the expected form.';
			}

			return undefined;
		}

		case 'number': {
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				return 'Enter a whole number, such as 2500000, 2,500,000 or 2.5m.';
			}

			if (
				(rules.min !== undefined && value < rules.min) ||
				(rules.max !== undefined && value > rules.max)
			) {
				return `Enter a number from ${rules.min ?? 0} to ${rules.max ?? '∞'}.`;
			}

			return undefined;
		}

		case 'yesno': {
			return typeof value === 'boolean' ? undefined : 'Answer yes or no.';
		}

		case 'country': {
			return typeof value === 'string' && isCountry(value)
				? undefined
				: 'Choose a country from the list.';
		}

		case 'select': {
			return cachedOptions(question, answers).values.has(value as Option['value'])
				? undefined
				: 'Choose one of the options.';
		}

		case 'multiselect': {
			const known = cachedOptions(question, answers).values;
			return Array.isArray(value) && value.every((item) => known.has(item as string))
				? undefined
				: 'Choose from the options.';
		}

		case 'textlist': {
			if (
				!Array.isArray(value) ||
				value.some((item) => typeof item !== 'string' || item.trim() === '')
			) {
				return 'Enter one entry per line.';
			}

			if (rules.maxItems !== undefined && value.length > rules.maxItems) {
				return `Enter at most ${rules.maxItems} lines.`;
			}

			const long = value.find(
				(item) => rules.maxLength !== undefined && [...(item as string)].length > rules.maxLength,
			);
			return long === undefined
				? undefined
				: `Keep each entry under ${rules.maxLength} characters.`;
		}

		case 'list': {
			return Array.isArray(value) ? undefined : 'Add entries to the list.';
		}
	}
}

function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value.trim()].filter(Boolean);
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
	return [];
}

function containsWord(text: string, word: string): boolean {
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
A warning about an acceptable value that would make the text repeat itself: an answer that
contains, as a word, an answer it should be distinct from (or is contained in one). The person
may keep it (Enter again), so a street really named after its city is not refused.
*/
export function warnValue(
	question: Question,
	value: unknown,
	answers: PartialAnswers,
	prompts: (path: string) => string | undefined = () => undefined,
	recordPath: AnswerPath = [],
): string | undefined {
	for (const path of question.validation?.distinctFrom ?? []) {
		const other = getAt(answers, resolvePath(path, recordPath));
		for (const mine of texts(value)) {
			for (const theirs of texts(other)) {
				const [inner, outer] = mine.length <= theirs.length ? [mine, theirs] : [theirs, mine];
				if (inner.length >= 2 && containsWord(outer, inner)) {
					const asked = prompts(path);
					return `“${outer}” already contains “${inner}”${asked ? `, the answer to “${asked}”` : ''}: the drafted text would say it twice. Change one of them, or press Enter again to keep it.`;
				}
			}
		}
	}

	return undefined;
}

/** Normalise what the person typed before it is stored: trimmed text, blank as "no answer". */
export function normalizeValue(question: Question, value: unknown): unknown {
	if (isBlank(value)) {
		return question.type === 'list' ? [] : undefined;
	}

	if (typeof value === 'string') {
		const text = value.trim();
		// "acme.example" or "www.acme.example/privacy" means https://: people rarely type the scheme.
		return question.type === 'url' && bareHost.test(text) ? `https://${text}` : text;
	}

	if (question.type === 'textlist' && Array.isArray(value)) {
		return value.map((item) => String(item).trim()).filter((item) => item !== '');
	}

	return value;
}

/** A short rendering of an answer, for the overview and the review. */
export function displayValue(question: Question, value: unknown, answers: PartialAnswers): string {
	if (isBlank(value)) {
		return '—';
	}

	switch (question.type) {
		case 'yesno': {
			return value === true ? 'Yes' : 'No';
		}

		case 'country': {
			return countryName(String(value));
		}

		case 'select': {
			return (
				optionsOf(question, answers).find((option) => option.value === value)?.label ??
				String(value)
			);
		}

		case 'multiselect': {
			const options = optionsOf(question, answers);
			return (value as unknown[])
				.map((item) => options.find((option) => option.value === item)?.label ?? String(item))
				.join(', ');
		}

		case 'textlist': {
			return (value as string[]).join('; ');
		}

		case 'list': {
			const entries = value as Array<Record<string, unknown>>;
			return `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
		}

		default: {
			return String(value);
		}
	}
}

/** A readable, unique id made from a name: `Email address` → `email-address`. */
export function slugId(name: string, taken: ReadonlySet<string>): string {
	const base =
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036F]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|(?<!-)-+$/g, '')
			.slice(0, 60)
			.replace(/(?<!-)-+$/, '') || 'entry';
	let id = base;
	for (let counter = 2; taken.has(id); counter++) {
		id = `${base}-${counter}`;
	}

	return id;
}
