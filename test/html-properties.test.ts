import process from 'node:process';
import test from 'ava';
import fc from 'fast-check';
import {parse, type DefaultTreeAdapterMap} from 'parse5';
import type {DraftAnswers} from '../source/core/answers/types.js';
import {draft, render} from '../source/core/drafting/documents.js';
import {renderHtml} from '../source/core/drafting/html.js';
import {
	emptyCell,
	flatten,
	plainText,
	type Block,
	type Inline,
} from '../source/core/drafting/markdown.js';
import {layout, type DocumentModel, type Part} from '../source/core/drafting/model.js';
import {setAt} from '../source/core/questionnaire/paths.js';
import {example, exampleNames, type ExampleName, sha256} from './helpers/answers.js';
import {allowedMarkup} from './helpers/html.js';
import {freeTextFields, hostile, padded, truncate} from './helpers/hostile.js';

// Hostile text never escapes its element or attribute in HTML. Pages are parsed with parse5, the
// HTML parser of jsdom (the one the HTML standard describes), and compared with what the model
// says should be there: the same blocks in the same order, each holding exactly its text.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const runs = Number(process.env['FC_RUNS'] ?? 150);
const seed = Number(process.env['FC_SEED'] ?? 20_260_601);

function isElement(node: Node): node is Element {
	return 'tagName' in node;
}

function children(node: Node): Node[] {
	return 'childNodes' in node ? node.childNodes : [];
}

function descendants(node: Node): Element[] {
	return children(node).flatMap((child) =>
		isElement(child) ? [child, ...descendants(child)] : [],
	);
}

const blockElements = new Set([
	'title',
	'h1',
	'h2',
	'h3',
	'h4',
	'p',
	'li',
	'th',
	'td',
	'nav',
	'ol',
	'ul',
]);

/** The text a reader gets: blocks apart, whitespace collapsed. */
function textOf(node: Node): string {
	if (node.nodeName === '#text') {
		return (node as DefaultTreeAdapterMap['textNode']).value;
	}

	const inner = children(node)
		.map((child) => textOf(child))
		.join('');
	return isElement(node) && blockElements.has(node.tagName) ? ` ${inner} ` : inner;
}

const normal = (text: string): string => text.replace(/\s+/g, ' ').trim();

function find(root: Node, tag: string): Element {
	const found = descendants(root).find((element) => element.tagName === tag);
	if (!found) {
		throw new Error(`no <${tag}>`);
	}

	return found;
}

/** Elements or attributes the renderer never writes, and links it must not make. */
function foreign(root: Node, fragments = true): string[] {
	const problems: string[] = [];
	for (const element of descendants(root)) {
		const allowed = allowedMarkup[element.tagName];
		if (!allowed) {
			problems.push(`<${element.tagName}>`);
			continue;
		}

		for (const {name, value} of element.attrs) {
			if (!allowed.has(name)) {
				problems.push(`${name} on <${element.tagName}>`);
			}

			if (name === 'href' && !/^(https?:\/\/|mailto:|#)[^\s<>]*$/i.test(value)) {
				problems.push(`link to ${value}`);
			}
		}

		if (element.tagName === 'a' && descendants(element).some((inner) => inner.tagName === 'a')) {
			problems.push('a link inside a link');
		}
	}

	const ids = descendants(root).flatMap((element) =>
		element.attrs
			.filter((attribute) => attribute.name === 'id')
			.map((attribute) => attribute.value),
	);
	if (new Set(ids).size !== ids.length) {
		problems.push('duplicate ids');
	}

	for (const element of descendants(root)) {
		for (const {name, value} of element.attrs) {
			if (
				(name === 'aria-labelledby' || (fragments && name === 'href' && value.startsWith('#'))) &&
				!ids.includes(value.replace(/^#/, ''))
			) {
				problems.push(`${name}="${value}" points nowhere`);
			}
		}
	}

	return problems;
}

// --- The renderer, on any model -------------------------------------------------------------

const target = fc.oneof(
	hostile,
	fc.webUrl({withQueryParameters: true, withFragments: true}),
	fc.constantFrom(
		'https://a.example/?q="x"&y=\'z\'',
		'https://a.example/"><script>alert(1)</script>',
		'mailto:x@y.example?subject=a"b',
		'#only',
		'javascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'//evil.example',
	),
);

const {inlines} = fc.letrec<{inline: Inline; inlines: Inline[]}>((tie) => ({
	inline: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		hostile,
		fc.record({strong: tie('inlines')}),
		fc.record({emphasis: tie('inlines')}),
		fc.record({link: target, text: tie('inlines')}),
		fc.record({autolink: fc.oneof(hostile, target)}),
	),
	inlines: fc.array(tie('inline'), {minLength: 1, maxLength: 3}),
}));

const block: fc.Arbitrary<Block> = fc.oneof(
	fc.record({
		type: fc.constant('heading' as const),
		level: fc.constantFrom(3 as const, 4 as const),
		text: inlines,
	}),
	fc.record({type: fc.constant('paragraph' as const), text: inlines}),
	fc.record({
		type: fc.constant('list' as const),
		ordered: fc.boolean(),
		items: fc.array(inlines, {minLength: 1, maxLength: 3}),
	}),
	fc.integer({min: 1, max: 3}).chain((width) =>
		fc.record({
			type: fc.constant('table' as const),
			header: fc.array(inlines, {minLength: width, maxLength: width}),
			rows: fc.array(
				fc.array(fc.oneof(inlines, fc.constant([] as Inline[])), {
					minLength: width,
					maxLength: width,
				}),
				{maxLength: 3},
			),
		}),
	),
	fc.record({type: fc.constant('comment' as const), text: hostile}),
);

const model: fc.Arbitrary<DocumentModel> = fc.record({
	kind: fc.constantFrom('policy' as const, 'rights' as const),
	title: inlines,
	intro: fc.array(block, {maxLength: 2}),
	sections: fc.array(
		fc.record({
			title: hostile,
			serves: fc.constant([]),
			blocks: fc.array(block, {minLength: 1, maxLength: 4}),
		}),
		{minLength: 1, maxLength: 3},
	),
	contents: fc.boolean(),
});

function tagOf(part: Part): string {
	switch (part.type) {
		case 'heading': {
			return `h${part.level}`;
		}

		case 'paragraph': {
			return 'p';
		}

		case 'list': {
			return part.ordered ? 'ol' : 'ul';
		}

		case 'table': {
			return 'div';
		}

		case 'comment': {
			return '#comment';
		}

		case 'contents': {
			return 'nav';
		}
	}
}

const expectedText = (nodes: Inline[]): string => normal(plainText(nodes));
const expectedCell = (nodes: Inline[]): string => expectedText(nodes) || emptyCell;

/** Why a rendered page does not hold exactly what its model says, or undefined. */
function mismatch(input: DocumentModel, html: string): string | undefined {
	const document = parse(html);
	// In-page links of a random model may point anywhere; the drafter's must land (below).
	const problems = foreign(document, false);
	if (problems.length > 0) {
		return problems.join('; ');
	}

	if (normal(textOf(find(document, 'title'))) !== expectedText(input.title)) {
		return 'the title is not the model title';
	}

	const parts = layout(input);
	const nodes = children(find(document, 'main')).filter(
		(node) => !(node.nodeName === '#text' && normal(textOf(node)) === ''),
	);
	const tags = nodes.map((node) => (isElement(node) ? node.tagName : node.nodeName));
	if (tags.join(' ') !== parts.map((part) => tagOf(part)).join(' ')) {
		return `blocks ${tags.join(' ')} instead of ${parts.map((part) => tagOf(part)).join(' ')}`;
	}

	for (const [index, part] of parts.entries()) {
		const node = nodes[index]!;
		const text = normal(textOf(node));
		const items = (tag: string): Element[] =>
			descendants(node).filter((element) => element.tagName === tag);
		switch (part.type) {
			case 'heading':
			case 'paragraph': {
				if (text !== expectedText(part.text)) {
					return `${tagOf(part)} holds ${JSON.stringify(text)}, not ${JSON.stringify(expectedText(part.text))}`;
				}

				break;
			}

			case 'list': {
				const shown = items('li').map((item) => normal(textOf(item)));
				if (
					JSON.stringify(shown) !== JSON.stringify(part.items.map((item) => expectedText(item)))
				) {
					return `list items ${JSON.stringify(shown)}`;
				}

				break;
			}

			case 'table': {
				const rows = items('tr').map((row) =>
					descendants(row)
						.filter((cell) => cell.tagName === 'th' || cell.tagName === 'td')
						.map((cell) => normal(textOf(cell))),
				);
				const expected = [part.header, ...part.rows].map((row) =>
					row.map((cell) => expectedCell(cell)),
				);
				if (JSON.stringify(rows) !== JSON.stringify(expected)) {
					return `table ${JSON.stringify(rows)} instead of ${JSON.stringify(expected)}`;
				}

				break;
			}

			case 'comment': {
				if ((node as DefaultTreeAdapterMap['commentNode']).data.includes('--')) {
					return 'a comment holds --';
				}

				break;
			}

			case 'contents': {
				if (items('li').length !== part.entries.length) {
					return 'the contents lost an entry';
				}

				break;
			}
		}
	}

	// Every safe link target in the model is an href, exactly as given.
	const hrefs = new Set(
		descendants(document).flatMap((element) =>
			element.attrs
				.filter((attribute) => attribute.name === 'href')
				.map((attribute) => attribute.value),
		),
	);
	const visit = (list: Inline[], links: boolean): string | undefined => {
		for (const node of list) {
			if (typeof node === 'string') {
				continue;
			}

			if ('link' in node) {
				const safe =
					/^(https?:\/\/|mailto:|#)[^\s<>]*$/.test(node.link) && plainText(node.text).trim() !== '';
				if (links && safe && !hrefs.has(node.link)) {
					return `no link to ${node.link}`;
				}

				const inner = visit(node.text, false);
				if (inner) {
					return inner;
				}
			} else if ('strong' in node || 'emphasis' in node) {
				const inner = visit('strong' in node ? node.strong : node.emphasis, links);
				if (inner) {
					return inner;
				}
			}
		}

		return undefined;
	};

	for (const part of parts) {
		const lists: Inline[][] =
			part.type === 'heading' || part.type === 'paragraph'
				? [part.text]
				: part.type === 'list'
					? part.items
					: part.type === 'table'
						? [...part.header, ...part.rows.flat()]
						: [];
		for (const list of lists) {
			const missing = visit(list, true);
			if (missing) {
				return missing;
			}
		}
	}

	return undefined;
}

function report<T>(
	t: {fail: (message: string) => void; pass: () => void},
	details: fc.RunDetails<T>,
): void {
	if (details.failed) {
		const error = details.errorInstance as Error | undefined;
		t.fail(
			`${error?.message ?? 'failed'}\nCounterexample: ${JSON.stringify(details.counterexample)}\nReplay with FC_SEED=${details.seed}.`,
		);
	} else {
		t.pass();
	}
}

test('any model: each block holds exactly its text, links go only where the model says, nothing else appears', (t) => {
	report(
		t,
		fc.check(
			fc.property(model, (input) => {
				const problem = mismatch(input, renderHtml(input));
				if (problem) {
					throw new Error(problem);
				}
			}),
			{numRuns: runs, seed},
		),
	);
});

test('the oracle catches text that escapes its element', (t) => {
	const input: DocumentModel = {
		kind: 'policy',
		title: ['T'],
		intro: [],
		sections: [{title: 'S', serves: [], blocks: [{type: 'paragraph', text: ['a</p><p>b']}]}],
		contents: false,
	};
	const html = renderHtml(input);
	t.is(mismatch(input, html), undefined);
	t.regex(mismatch(input, html.replace('a&lt;/p&gt;&lt;p&gt;b', 'a</p><p>b')) ?? '', /blocks/);
	t.regex(
		mismatch(input, html.replace('<h2 id="s">', '<h2 id="s" onclick="x()">')) ?? '',
		/onclick/,
	);
	t.regex(mismatch(input, html.replace('<p>', '<p><img src=x>')) ?? '', /<img>/);
});

// --- The drafter, with hostile answers ----------------------------------------------------------

/** Elements and attribute names, links unwrapped: what does not depend on the text. */
function skeleton(node: Node): string {
	if (!isElement(node)) {
		return node.nodeName === '#comment' ? '!' : '';
	}

	const inner = children(node)
		.map((child) => skeleton(child))
		.join('');
	if (node.tagName === 'a') {
		return inner;
	}

	const names = node.attrs
		.map((attribute) => attribute.name)
		.sort()
		.join(',');
	return `<${node.tagName}${names ? ` ${names}` : ''}>${inner}</>`;
}

const pageOf = (answers: unknown): string => {
	const result = draft(answers as DraftAnswers, 'policy', sha256);
	return result.ok ? render(result.model, 'html', sha256) : '';
};

const skeletons = new Map(
	exampleNames.map((name) => [name, skeleton(parse(pageOf(example(name))))]),
);

/** The fields the policy page shows: each replaced by a marker, those found in the text are in. */
const shownFields = new Map(
	exampleNames.map((name) => {
		const fields = freeTextFields(example(name));
		let marked: unknown = example(name);
		for (const [index, field] of fields.entries()) {
			marked = setAt(marked, field.path, padded(`zqmark${index}x`, field.path));
		}

		const text = textOf(parse(pageOf(marked)));
		return [
			name,
			new Set(fields.map((_, index) => index).filter((index) => text.includes(`zqmark${index}x`))),
		] as const;
	}),
);

test('the probe finds the fields the policy page shows', (t) => {
	for (const name of exampleNames) {
		t.true(shownFields.get(name)!.size > 40, name);
	}
});

test('hostile answers: the policy page keeps the example page’s structure and shows what was typed', (t) => {
	const sample = fc.constantFrom(...exampleNames).chain((name: ExampleName) =>
		fc.tuple(
			fc.constant(name),
			fc.array(hostile, {
				minLength: freeTextFields(example(name)).length,
				maxLength: freeTextFields(example(name)).length,
			}),
		),
	);
	report(
		t,
		fc.check(
			fc.property(sample, ([name, strings]) => {
				const fields = freeTextFields(example(name));
				let answers: unknown = example(name);
				const typed: Array<{index: number; text: string}> = [];
				for (const [index, field] of fields.entries()) {
					if (strings[index]!.trim() === '') {
						continue;
					}

					const text = truncate(padded(strings[index]!, field.path), field.maxLength);
					answers = setAt(answers, field.path, text);
					typed.push({index, text});
				}

				const html = pageOf(answers);
				fc.pre(html !== '');
				const document = parse(html);
				const problems = foreign(document);
				if (problems.length > 0) {
					throw new Error(problems.join('; '));
				}

				if (skeleton(document) !== skeletons.get(name)) {
					throw new Error('the page structure changed with the text');
				}

				const shown = normal(textOf(document));
				for (const {index, text} of typed) {
					// Text set inside a sentence loses the full stops it ends with (no "..").
					const expected = normal(flatten(text)).replace(/\.+$/, '');
					if (shownFields.get(name)!.has(index) && !shown.includes(expected)) {
						throw new Error(
							`${fields[index]!.path.join('.')}: ${JSON.stringify(expected)} is not shown`,
						);
					}
				}
			}),
			{
				numRuns: runs,
				seed,
				interruptAfterTimeLimit: Math.max(105_000, runs * 700),
				markInterruptAsFailure: true,
			},
		),
	);
});
