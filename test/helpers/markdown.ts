import {Marked, type Token, type Tokens} from 'marked';
import {lint} from 'markdownlint/sync';

/** markdownlint's default rules, line length aside: one line per violation, empty when clean. */
export function lintMarkdown(markdown: string): string[] {
	let result;
	try {
		result = lint({strings: {document: markdown}, config: {default: true, MD013: false}});
	} catch (error) {
		// string-width 8.1, inside markdownlint's MD060 (table column style), throws on a grapheme
		// made only of format characters (U+13430 alone, say). That is a crash of the linter, not a
		// finding: lint again without that one rule.
		if (!/Expected a code point/.test((error as Error).message)) {
			throw error;
		}

		result = lint({
			strings: {document: markdown},
			config: {default: true, MD013: false, MD060: false},
		});
	}

	return (result['document'] ?? []).map(
		(error) =>
			`line ${error.lineNumber}: ${error.ruleNames.join('/')} ${error.ruleDescription}${error.errorDetail ? ` (${error.errorDetail})` : ''}${error.errorContext ? ` [${error.errorContext}]` : ''}`,
	);
}

const marked = new Marked({gfm: true});

export function renderHtml(markdown: string): string {
	return marked.parse(markdown, {async: false});
}

export function tokens(markdown: string): Token[] {
	return marked.lexer(markdown);
}

/** The elements privacy-wizard's Markdown may produce once rendered. */
export const allowedElements = new Set([
	'h1',
	'h2',
	'h3',
	'h4',
	'p',
	'ul',
	'ol',
	'li',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'strong',
	'em',
	'a',
]);

/** Every element name in rendered HTML (comments aside). */
export function elementNames(html: string): Set<string> {
	const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
	return new Set(
		[...withoutComments.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) =>
			match[1]!.toLowerCase(),
		),
	);
}

/** Problems with rendered HTML: foreign elements, event-handler attributes, unsafe links. */
export function htmlProblems(html: string): string[] {
	const problems: string[] = [];
	const foreign = [...elementNames(html)].filter((name) => !allowedElements.has(name));
	if (foreign.length > 0) {
		problems.push(`unexpected elements: ${foreign.join(', ')}`);
	}

	for (const tag of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<[a-zA-Z][^>]*>/g)) {
		if (/\son[a-z]+\s*=/i.test(tag[0])) {
			problems.push(`event handler attribute: ${tag[0]}`);
		}

		for (const href of tag[0].matchAll(/\shref="([^"]*)"/g)) {
			if (!/^(https?:\/\/|mailto:|#)/i.test(href[1]!)) {
				problems.push(`unsafe link: ${href[1]}`);
			}
		}

		if (/\s(src|style|srcdoc|formaction)\s*=/i.test(tag[0])) {
			problems.push(`unexpected attribute: ${tag[0]}`);
		}
	}

	for (const word of ['<script', '<img', '<iframe', '<style', '<svg', '<object', '<embed']) {
		if (html.toLowerCase().includes(word)) {
			problems.push(`contains ${word}`);
		}
	}

	return problems;
}

const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

/** The text a reader sees: tags and comments dropped, entities decoded, whitespace collapsed. */
export function htmlText(html: string): string {
	return (
		html
			.replace(/<!--[\s\S]*?-->/g, ' ')
			// Block elements separate words; inline ones (a, strong, em) do not.
			.replace(/<\/?(?:h\d|p|ul|ol|li|table|thead|tbody|tr|th|td|br|hr)\b[^>]*>/gi, ' ')
			.replace(/<[^>]+>/g, '')
			.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
				if (name.startsWith('#x') || name.startsWith('#X')) {
					return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
				}

				if (name.startsWith('#')) {
					return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
				}

				return entities[name] ?? whole;
			})
			.replace(/\s+/g, ' ')
	);
}

/** Cells of a table row as GFM splits them: at every pipe that is not backslash-escaped. */
export function splitRow(line: string): string[] {
	let text = line.trim();
	if (text.startsWith('|')) {
		text = text.slice(1);
	}

	const cells: string[] = [];
	let current = '';
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (character === '\\' && index + 1 < text.length) {
			current += character + text[index + 1]!;
			index++;
		} else if (character === '|') {
			cells.push(current);
			current = '';
		} else {
			current += character;
		}
	}

	if (current.trim() !== '') {
		cells.push(current);
	}

	return cells;
}

/**
For every table in the Markdown: the header's cell count and each row's, from the raw source
(marked pads or cuts a parsed row to the header's length, which would hide a broken row).
*/
export function tableShapes(markdown: string): Array<{header: number; rows: number[]}> {
	const shapes: Array<{header: number; rows: number[]}> = [];
	const visit = (list: Token[]): void => {
		for (const token of list) {
			if (token.type === 'table') {
				const lines = token.raw.trimEnd().split('\n');
				const [header, , ...rows] = lines;
				shapes.push({
					header: splitRow(header!).length,
					rows: rows.map((row) => splitRow(row).length),
				});
			}

			if ('tokens' in token && Array.isArray(token.tokens)) {
				visit(token.tokens);
			}
		}
	};

	visit(tokens(markdown));
	return shapes;
}

/** Table rows whose cell count differs from their header's, as readable strings. */
export function brokenTables(markdown: string): string[] {
	return tableShapes(markdown).flatMap((shape, table) =>
		shape.rows
			.map((count, row) => ({count, row}))
			.filter(({count}) => count !== shape.header)
			.map(
				({count, row}) =>
					`table ${table + 1}, row ${row + 1}: ${count} cells, header has ${shape.header}`,
			),
	);
}

/** Headings with nothing under them before the next heading of the same or a higher level. */
export function emptySections(markdown: string): string[] {
	const list = tokens(markdown).filter((token) => token.type !== 'space');
	const empty: string[] = [];
	for (const [index, token] of list.entries()) {
		if (token.type !== 'heading') {
			continue;
		}

		const next = list[index + 1];
		const depth = (token as Tokens.Heading).depth;
		if (
			next === undefined ||
			(next.type === 'heading' && (next as Tokens.Heading).depth <= depth) ||
			(next.type === 'html' && index + 2 >= list.length)
		) {
			empty.push((token as Tokens.Heading).text);
		}
	}

	return empty;
}

/** Every heading line of the Markdown, as written. */
export function headingLines(markdown: string): string[] {
	return markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
}
