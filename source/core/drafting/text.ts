import core from '../../../questionnaires/messages.en.json' with {type: 'json'};
import {plainText, type Inline} from './markdown.js';

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

export type MessageData = {language: string; messages: Record<string, string>};

/** The wording of one unit (the core, or a regime), looked up by message id. */
export type Messages<Key extends string> = {
	/** The message with its slots filled, as inline nodes (values stay escaped). */
	t(key: Key, values?: Record<string, Value>): Inline[];
	/** The same as plain text, for labels and table cells. */
	s(key: Key, values?: Record<string, Value>): string;
	/** Whether a message exists (for keys made from answers, such as `basis.${value}`). */
	has(key: string): key is Key;
};

/**
Wording as data: `questionnaires/messages.<language>.json` for the core and
`questionnaires/law/<regime>/messages.<language>.json` for each regime. English is the only
language today; another is a set of files with the same ids.
*/
export function messages<Data extends MessageData>(
	data: Data,
): Messages<Extract<keyof Data['messages'], string>> {
	type Key = Extract<keyof Data['messages'], string>;
	const table: Record<string, string> = data.messages;
	const template = (key: string): string => {
		const text = Object.hasOwn(table, key) ? table[key] : undefined;
		if (text === undefined) {
			throw new Error(`No wording for message "${key}" (${data.language})`);
		}

		return text;
	};

	return {
		t: (key: Key, values?: Record<string, Value>) => fill(template(key), values),
		s: (key: Key, values?: Record<string, Value>) => plainText(fill(template(key), values)),
		has: (key: string): key is Key => Object.hasOwn(table, key),
	};
}

/** The core's wording (labels, section titles, regime-neutral sentences). */
export const coreText = messages(core);

export type CoreKey = Extract<keyof typeof core.messages, string>;

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
export function listInWords(items: readonly string[], conjunction = 'and'): string {
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

/** A sentence made of user text ends with exactly one full stop (no "…data..", no bare end). */
export function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?…]["”’')]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
