/**
Small linear readers shared by the manifest and lockfile readers: lines with their numbers,
line numbers of JSON strings, and just enough TOML (tables, keys, strings, arrays) for
pyproject.toml, Pipfile, poetry.lock, uv.lock, Gradle version catalogs and netlify.toml. Each
reads its text once, left to right.
*/

/** A package (or module, pod, coordinate) name a reader found, and where. */
export type Found = {
	name: string;
	/** 1-based line, or 0 when the line is found later from `token` (JSON files). */
	line: number;
	/** A JSON string as written in the file, whose line is the evidence's line. */
	token?: string;
	/** Another JSON string the token must come after (the `devDependencies` key of a manifest). */
	after?: string;
	/** "dependencies" for "stripe in dependencies of package.json:5". */
	where?: string;
	/** Declared by the project itself (not only pulled in by another package). */
	direct: boolean;
};

/** Where a reader puts what it finds: an array, or a matcher that keeps only known names. */
export type Sink = {push(found: Found): unknown};

/** The problems a reader reports: at most one line per file, the first thing that is wrong. */
export class Problems {
	message: string | undefined;

	report(message: string): void {
		this.message ??= message;
	}
}

/** Each line of a text with its 1-based number; a final empty line is left out. */
export function* numberedLines(text: string): Generator<[string, number]> {
	let start = 0;
	let line = 1;
	const length = text.length;
	while (start < length) {
		let end = text.indexOf('\n', start);
		if (end === -1) {
			end = length;
		}

		const content =
			text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
		yield [content, line];
		line++;
		start = end + 1;
	}
}

/** Turns offsets into 1-based line numbers; linear over offsets that only grow. */
export class LineCounter {
	private offset = 0;
	private line = 1;
	private readonly text: string;

	constructor(text: string) {
		this.text = text;
	}

	lineAt(offset: number): number {
		if (offset < this.offset) {
			this.offset = 0;
			this.line = 1;
		}

		let index = this.text.indexOf('\n', this.offset);
		while (index !== -1 && index < offset) {
			this.line++;
			index = this.text.indexOf('\n', index + 1);
		}

		this.offset = offset;
		return this.line;
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every JSON string of the text (keys and values, unescaped) among `wanted`, with its lines. */
export function jsonStringLines(text: string, wanted: ReadonlySet<string>): Map<string, number[]> {
	const lines = new Map<string, number[]>();
	const counter = new LineCounter(text);
	const pattern = /"((?:[^"\\\n]|\\.)*)"/g;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		let value = match[1]!;
		if (value.includes('\\')) {
			try {
				value = JSON.parse(`"${value}"`) as string;
			} catch {
				continue;
			}
		}

		if (wanted.has(value)) {
			const line = counter.lineAt(match.index);
			const list = lines.get(value);
			if (list) {
				list.push(line);
			} else {
				lines.set(value, [line]);
			}
		}
	}

	return lines;
}

/** JSON with trailing commas (bun.lock): the commas before `}` or `]` dropped, strings kept. */
export function withoutTrailingCommas(text: string): string {
	const parts: string[] = [];
	let from = 0;
	let inString = false;
	const length = text.length;
	for (let index = 0; index < length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === 92) index++;
			else if (code === 34) inString = false;
		} else if (code === 34) {
			inString = true;
		} else if (code === 44) {
			let next = index + 1;
			let after = text.charCodeAt(next);
			while (after === 32 || after === 10 || after === 13 || after === 9)
				after = text.charCodeAt(++next);
			if (after === 125 || after === 93) {
				parts.push(text.slice(from, index));
				from = index + 1;
			}
		}
	}

	parts.push(text.slice(from));
	return parts.join('');
}

export function parseJson(
	text: string,
	file: string,
	warnings: string[],
	what = 'valid JSON',
): unknown {
	try {
		return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
	} catch (error) {
		warnings.push(`${file} is not ${what} (${(error as Error).message}); it was skipped.`);
		return undefined;
	}
}

// TOML, the parts manifests use -------------------------------------------------------------

export type TomlEntry = {
	/** The table the key is in: "tool.poetry.dependencies" ("" at the top). */
	table: string;
	/** Whether the table is an array of tables (`[[package]]`). */
	arrayTable: boolean;
	/** The key, dotted parts joined with "." (quotes removed). */
	key: string;
	/** The raw value, lines joined with "\n" when an array or string spans several. */
	value: string;
	line: number;
};

const bareKey = /[A-Za-z0-9_-]+/y;

/** A dotted key at the start of `text`: its parts joined with ".", and where it ends. */
function readKey(text: string): {key: string; end: number} | undefined {
	let key = '';
	let index = 0;
	for (;;) {
		while (text[index] === ' ' || text[index] === '\t') index++;
		const char = text[index];
		let part: string;
		if (char === '"' || char === "'") {
			const close = text.indexOf(char, index + 1);
			if (close === -1) return undefined;
			part = text.slice(index + 1, close);
			index = close + 1;
		} else {
			bareKey.lastIndex = index;
			const match = bareKey.exec(text);
			if (!match) return undefined;
			part = match[0];
			index += part.length;
		}

		key = key === '' ? part : `${key}.${part}`;
		while (text[index] === ' ' || text[index] === '\t') index++;
		if (text[index] !== '.') {
			return {key, end: index};
		}

		index++;
	}
}

/** Bracket depth change and whether a multi-line string stays open, outside strings and comments. */
function scanValue(text: string, state: {depth: number; multiline: string | undefined}): void {
	let index = 0;
	while (index < text.length) {
		if (state.multiline) {
			const close = text.indexOf(state.multiline, index);
			if (close === -1) return;
			index = close + 3;
			state.multiline = undefined;
			continue;
		}

		const char = text[index]!;
		if (char === '#') return;
		if (char === '"' || char === "'") {
			if (text.startsWith(char.repeat(3), index)) {
				state.multiline = char.repeat(3);
				index += 3;
				continue;
			}

			let close = index + 1;
			while (close < text.length && text[close] !== char) {
				close += char === '"' && text[close] === '\\' ? 2 : 1;
			}

			index = close + 1;
			continue;
		}

		if (char === '[' || char === '{') state.depth++;
		if (char === ']' || char === '}') state.depth--;
		index++;
	}
}

/**
Calls `visit` with each key/value entry of a TOML text, in order, with its table and line (one
pass, nothing kept). Values that span lines (arrays, multi-line strings) are gathered whole. A
line that is none of these is reported.
*/
export function forEachTomlEntry(
	text: string,
	problems: Problems,
	visit: (entry: TomlEntry) => void,
): void {
	let table = '';
	let arrayTable = false;
	let open: TomlEntry | undefined;
	let parts: string[] = [];
	const state = {depth: 0, multiline: undefined as string | undefined};
	for (const [raw, line] of numberedLines(text)) {
		if (open) {
			parts.push(raw);
			scanValue(raw, state);
			if (state.depth <= 0 && !state.multiline) {
				open.value = parts.join('\n');
				visit(open);
				open = undefined;
			}

			continue;
		}

		const first = raw.charCodeAt(0);
		// A blank line or a comment (the common case in lockfiles) costs no trim.
		if (raw === '' || first === 35) continue;
		const content = first === 32 || first === 9 ? raw.trim() : raw;
		if (content === '' || content.startsWith('#')) {
			continue;
		}

		if (content.startsWith('[')) {
			const double = content.startsWith('[[');
			const inner = content.slice(double ? 2 : 1);
			const key = readKey(inner);
			const rest = key ? inner.slice(key.end).trimStart() : '';
			if (!key || !rest.startsWith(double ? ']]' : ']')) {
				problems.report(`line ${line} is not a TOML table header`);
				continue;
			}

			table = key.key;
			arrayTable = double;
			continue;
		}

		const key = readKey(raw);
		if (!key || raw[key.end] !== '=') {
			problems.report(`line ${line} is not a TOML "key = value" line`);
			continue;
		}

		const value = raw.slice(key.end + 1).trim();
		const entry: TomlEntry = {table, arrayTable, key: key.key, value, line};
		state.depth = 0;
		state.multiline = undefined;
		scanValue(value, state);
		if (state.depth > 0 || state.multiline) {
			open = entry;
			parts = [value];
		} else {
			visit(entry);
		}
	}

	if (open) {
		problems.report(`the value of "${open.key}" on line ${open.line} never ends`);
		open.value = parts.join('\n');
		visit(open);
	}
}

/** The string literals of a TOML value with their lines ("value" starts on `line`). */
export function tomlStrings(value: string, line: number): Array<{text: string; line: number}> {
	const out: Array<{text: string; line: number}> = [];
	let current = line;
	let index = 0;
	while (index < value.length) {
		const char = value[index]!;
		if (char === '\n') {
			current++;
			index++;
		} else if (char === '#') {
			const end = value.indexOf('\n', index);
			index = end === -1 ? value.length : end;
		} else if (char === '"' || char === "'") {
			let close = index + 1;
			let text = '';
			while (close < value.length && value[close] !== char && value[close] !== '\n') {
				if (char === '"' && value[close] === '\\' && close + 1 < value.length) {
					text += value[close + 1];
					close += 2;
				} else {
					text += value[close];
					close++;
				}
			}

			out.push({text, line: current});
			index = close + 1;
		} else {
			index++;
		}
	}

	return out;
}

/** The first string of a TOML value, if it starts with one. */
export function tomlString(value: string): string | undefined {
	const match = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/.exec(value.trim());
	return match ? (match[1] ?? match[2]) : undefined;
}

/** An inline table's string fields: `{ group = "a", name = "b", version.ref = "c" }`. */
export function tomlInlineStrings(value: string): Map<string, string> {
	const fields = new Map<string, string>();
	const pattern = /([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g;
	for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
		fields.set(match[1]!, match[2] ?? match[3] ?? '');
	}

	return fields;
}
