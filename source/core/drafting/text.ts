import texts from '../../../questionnaires/legal-texts.json' with {type: 'json'};
import type {Inline} from './markdown.js';

/** The legal text variants (questionnaires/legal-texts.json), typed. */
export const legalTexts = texts;

export type PhraseKey = keyof typeof texts.phrases;

type Value = string | number | Inline[];

/**
Fill `{name}` slots of a template with values. Values stay separate inline nodes, so user text
is escaped by the renderer and can never inject syntax into the template.
*/
export function fill(template: string, values: Record<string, Value> = {}): Inline[] {
	const out: Inline[] = [];
	let last = 0;
	for (const match of template.matchAll(/\{(\w+)\}/g)) {
		const value = values[match[1]!];
		if (value === undefined) {
			throw new Error(`Template slot {${match[1]}} has no value in: ${template}`);
		}

		out.push(template.slice(last, match.index));
		if (Array.isArray(value)) {
			out.push(...value);
		} else {
			out.push(String(value));
		}

		last = match.index + match[0].length;
	}

	out.push(template.slice(last));
	return out.filter((node) => node !== '');
}

export function phrase(key: PhraseKey, values?: Record<string, Value>): Inline[] {
	return fill(texts.phrases[key], values);
}

export function label<T extends Record<string, string>>(table: T, key: string): string {
	const value = table[key];
	if (value === undefined) {
		throw new Error(`No text for "${key}"`);
	}

	return value;
}

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** `2026-03-01` → `1 March 2026`; no locale data, so every machine writes the same bytes. */
export function formatDate(date: string): string {
	const [year, month, day] = date.split('-').map(Number);
	return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}

/** "a, b and c"; "a, b; c and d; and e" when an item has its own commas or "and". */
export function listInWords(items: string[], conjunction = 'and'): string {
	if (items.length <= 1) {
		return items.join('');
	}

	if (items.some((item) => item.includes(',') || / (and|or) /.test(item))) {
		return `${items.slice(0, -1).join('; ')}; ${conjunction} ${items.at(-1)}`;
	}

	return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** Join inline runs with commas and a final "and". */
export function joinInline(parts: Inline[][], conjunction = 'and'): Inline[] {
	const out: Inline[] = [];
	for (const [index, part] of parts.entries()) {
		if (index > 0) {
			out.push(index === parts.length - 1 ? ` ${conjunction} ` : ', ');
		}

		out.push(...part);
	}

	return out;
}
