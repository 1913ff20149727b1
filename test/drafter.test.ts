import test from 'ava';
import type {Answers} from '../source/core/answers/types.js';
import {draft} from '../source/core/drafting/documents.js';
import {readMarker} from '../source/core/drafting/marker.js';
import {
	documentFiles,
	draftOk,
	example,
	exampleNames,
	golden,
	kindsOf,
	sha256,
	shuffleKeys,
	variants,
} from './helpers/answers.js';
import {
	brokenTables,
	emptySections,
	headingLines,
	htmlProblems,
	htmlText,
	lintMarkdown,
	renderHtml,
} from './helpers/markdown.js';

/** Every answer set the drafter tests run over: the examples and the variants. */
const answerSets: Array<{name: string; answers: () => Answers}> = [
	...exampleNames.map((name) => ({name, answers: () => example(name)})),
	...Object.entries(variants).map(([name, build]) => ({name, answers: build})),
];

// --- Determinism and goldens -----------------------------------------------------------------

for (const name of exampleNames) {
	for (const [kind, file] of documentFiles(name)) {
		test(`${name}: draft() reproduces outputs/${name}/${file} byte for byte`, (t) => {
			t.is(draftOk(example(name), kind).markdown, golden(name, file));
		});
	}
}

for (const {name, answers} of answerSets) {
	test(`${name}: same answers, same bytes (two runs, shuffled keys)`, (t) => {
		for (const kind of kindsOf(answers())) {
			const first = draftOk(answers(), kind).markdown;
			t.is(draftOk(answers(), kind).markdown, first);
			for (const seed of [1, 2, 3]) {
				t.is(draftOk(shuffleKeys(answers(), seed), kind).markdown, first, `seed ${seed}`);
			}
		}
	});
}

test('the marker comment holds the hash of the document above it', (t) => {
	const {markdown} = draftOk(example('eu-saas'));
	const marker = readMarker(markdown, sha256);
	t.is(marker.kind, 'unedited');
	t.regex(markdown, /\n<!-- privacy-wizard: policy sha256:[\da-f]{64} -->\n$/);
	t.is(readMarker(markdown.replace('Lumen', 'Lumen!'), sha256).kind, 'edited');
	t.is(readMarker('# Our privacy policy\n', sha256).kind, 'no-marker');
	// Text added below the marker is an edit, not a file privacy-wizard never wrote.
	t.like(readMarker(`${markdown}\nA note of ours.\n`, sha256), {
		kind: 'edited',
		document: 'policy',
	});
	const html = draftOk(example('eu-saas')).markdown.replace(
		'<!-- privacy-wizard: policy sha256',
		'<!-- privacy-wizard: policy html sha256',
	);
	t.like(readMarker(`${html}<p>extra</p>\n`, sha256), {kind: 'edited', format: 'html'});
});

test('draft() refuses incomplete answers and names the gaps', (t) => {
	const answers = example('eu-saas') as Partial<Answers>;
	delete answers.purposes;
	const result = draft(answers as never, 'policy', sha256);
	t.false(result.ok);
	t.true(!result.ok && result.gaps.some((gap) => gap.fullId === 'purposes'));
});

// --- Valid, lint-clean, no placeholder, no empty section ------------------------------------

const forbidden: Array<[string, RegExp]> = [
	['TODO', /\bTODO\b/i],
	['TBD', /\bTBD\b/],
	['FIXME', /\bFIXME\b/],
	['[…] placeholder', /\[(?:…|\.\.\.|[A-Z][A-Za-z ]{0,30})\]/],
	['undefined', /\bundefined\b/],
	['null', /\bnull\b/],
	['NaN', /\bNaN\b/],
	['[object Object]', /\[object Object\]/],
	['an unfilled {slot}', /\{[a-zA-Z]+\}/],
	['a doubled space or stray space before punctuation', / {2}| [.,;:](?:\s|$)/],
];

for (const {name, answers} of answerSets) {
	for (const kind of kindsOf(answers())) {
		test(`${name}: the ${kind} document passes markdownlint, renders cleanly, has no placeholder or empty section`, (t) => {
			const {markdown} = draftOk(answers(), kind);
			t.deepEqual(lintMarkdown(markdown), []);
			const html = renderHtml(markdown);
			t.deepEqual(htmlProblems(html), []);
			t.deepEqual(brokenTables(markdown), []);
			t.deepEqual(emptySections(markdown), []);
			const text = htmlText(html);
			for (const [what, pattern] of forbidden) {
				const match = pattern.exec(text);
				const context = match ? text.slice(Math.max(0, match.index - 40), match.index + 40) : '';
				t.true(match === null, `${what}: …${context}…`);
			}

			// Valid CommonMark: every line of text outside tables and comments stays a paragraph.
			t.false(markdown.includes('\n\n\n'));
			t.true(markdown.endsWith('-->\n'));
		});
	}
}

test('the policy begins with a summary, then a table of contents that links every section', (t) => {
	const {markdown, model} = draftOk(example('eu-saas'));
	const headings = headingLines(markdown);
	t.is(headings[0], '# Privacy policy for Lumen');
	t.is(headings[1], '## Summary');
	t.is(
		headings.find((line) => line.startsWith('## ') && line !== '## Summary'),
		'## Contents',
	);
	const html = renderHtml(markdown);
	for (const section of model.sections.slice(1)) {
		const anchor = section.title
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.trim()
			.replaceAll(' ', '-');
		t.true(markdown.includes(`](#${anchor})`), section.title);
		t.true(html.includes(`>${section.title}</h2>`), section.title);
	}
});

test('each purpose sits with its data, legal basis, retention and whether the data is required', (t) => {
	const answers = example('eu-saas');
	const {markdown} = draftOk(answers);
	for (const [index, purpose] of answers.purposes.entries()) {
		const start = markdown.indexOf(`### ${index + 1}. ${purpose.name}`);
		t.true(start > 0, purpose.name);
		const next = markdown.indexOf('\n##', start + 1);
		const block = markdown.slice(start, next);
		t.true(block.includes('**Data:**'), purpose.name);
		t.true(block.includes('**Legal basis:**'), purpose.name);
		t.true(block.includes('**How long we keep it:**'), purpose.name);
		// Article 13(2)(e) concerns data the person gives; data collected otherwise has no such line.
		const given = purpose.dataItems.some((id) =>
			answers.dataItems
				.find((item) => item.id === id)!
				.sources.some((source) => source.kind === 'person'),
		);
		t.is(block.includes('**Do you have to give it:**'), given, purpose.name);
		if (purpose.legitimateInterest) {
			t.true(htmlText(renderHtml(block)).includes(purpose.legitimateInterest), purpose.name);
		}
	}
});

// Which laws' text appears, and when, is tested per regime in test/law.test.ts.

// --- User text cannot break out of its place --------------------------------------------------

const hostile = 'Acme | *Labs* <script>alert(1)</script>\n# Not a heading\n| x | y |';
const hostileText = 'Acme | *Labs* <script>alert(1)</script> # Not a heading | x | y |';

function withHostileNames(): Answers {
	const answers = example('us-consumer');
	answers.controller.legalName = hostile;
	delete answers.controller.tradingName;
	answers.service.name = hostile;
	answers.purposes[0]!.name = hostile;
	answers.purposes[0]!.description = `${hostile}\n\n- a list item\n\n    code`;
	answers.dataItems[0]!.name = hostile;
	answers.recipients[0]!.name = hostile;
	answers.recipients[0]!.purpose = hostile;
	answers.document.revisions[0]!.summary = hostile;
	answers.audience.regions = [...answers.audience.regions];
	return answers;
}

test('a hostile legal name cannot break a table, a heading or inject HTML', (t) => {
	const answers = withHostileNames();
	for (const kind of kindsOf(answers)) {
		const {markdown} = draftOk(answers, kind);
		t.deepEqual(lintMarkdown(markdown), [], kind);
		t.deepEqual(brokenTables(markdown), [], kind);
		const html = renderHtml(markdown);
		t.false(html.toLowerCase().includes('<script'), kind);
		t.deepEqual(htmlProblems(html), [], kind);
		const text = htmlText(html);
		t.true(text.includes(hostileText), kind);
		// The newline was flattened: no line of the document starts with the injected heading.
		t.false(/^#+ Not a heading/m.test(markdown), kind);
		t.false(/^- a list item/m.test(markdown), kind);
		t.false(/<h\d[^>]*>Not a heading/.test(html), kind);
	}

	const {markdown} = draftOk(answers);
	const headings = headingLines(markdown);
	t.true(headings[0]!.startsWith('# Privacy policy for Acme \\| \\*Labs\\* \\<script\\>'));
	t.true(headings.some((line) => line.startsWith('### 1. Acme \\| \\*Labs\\*')));

	// Every table keeps its column count once rendered, too.
	const html = renderHtml(markdown);
	for (const table of html.split('<table>').slice(1)) {
		const body = table.slice(0, table.indexOf('</table>'));
		const header = (body.match(/<th[\s>]/g) ?? []).length;
		const rows = body.split('<tr>').slice(2);
		t.true(header > 0);
		for (const row of rows) {
			t.is((row.match(/<td[\s>]/g) ?? []).length, header);
		}
	}

	// The hostile name sits in its cell of the recipients table, whole.
	t.true(html.includes('Acme | <em>') === false, 'the asterisks stayed literal');
	t.true(html.includes('Acme | *Labs* &lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('links and autolinks in user text are made safe', (t) => {
	const answers = example('eu-saas');
	answers.purposes[0]!.description =
		'See [our terms](javascript:alert(1)), <a href="https://evil.example" onclick="x()">this</a>, https://lumen.example/a|b and mail privacy@lumen.example.';
	answers.controller.website = 'https://lumen.example/?q=<b>';
	const {markdown} = draftOk(answers);
	const html = renderHtml(markdown);
	t.deepEqual(htmlProblems(html), []);
	t.false(html.includes('href="javascript:'));
	t.false(/<a [^>]*onclick/.test(html));
	t.true(htmlText(html).includes('See [our terms](javascript:alert(1))'));
});

test('a web address with a pipe stays inside its table cell', (t) => {
	const answers = example('eu-saas');
	answers.recipients[0]!.purpose = 'see https://x.example/a|b|c and www.y.example/q|r';
	answers.recipients[0]!.privacyUrl = 'https://aws.example/privacy|terms';
	answers.recipients[1]!.name = 'Stripe | https://stripe.example/|x';
	const {markdown} = draftOk(answers);
	t.deepEqual(brokenTables(markdown), []);
	t.deepEqual(lintMarkdown(markdown), []);
	const html = renderHtml(markdown);
	t.deepEqual(htmlProblems(html), []);
	const text = htmlText(html);
	t.true(text.includes('see https://x.example/a|b|c and www.y.example/q|r'));
	t.true(text.includes('Stripe | https://stripe.example/|x'));
	t.regex(html, /<a href="https:\/\/aws\.example\/privacy(?:\||%7C)terms">/);
});

test('addresses in user text become links, shown as typed, never nested in a link', (t) => {
	const answers = example('eu-saas');
	answers.recipients[0]!.name = 'AWS (mail aws@amazon.example or see www.aws.example)';
	answers.purposes[0]!.description =
		'HTTPS://EXAMPLE.COM/X, WWW.EXAMPLE.COM, _www.example.org_, (www.example.net) and a_b@c-d.example.';
	const {markdown} = draftOk(answers);
	t.deepEqual(lintMarkdown(markdown), []);
	const html = renderHtml(markdown);
	t.deepEqual(htmlProblems(html), []);
	// No link inside a link: the recipient's name links to its privacy policy, and only there.
	t.false(/<a [^>]*>[^<]*<a /.test(html));
	t.true(
		html.includes(
			'<a href="https://aws.amazon.com/privacy/">AWS (mail aws@amazon.example or see www.aws.example) (Amazon Web Services EMEA SARL)</a>',
		),
	);
	const text = htmlText(html);
	t.true(
		text.includes(
			'HTTPS://EXAMPLE.COM/X, WWW.EXAMPLE.COM, _www.example.org_, (www.example.net) and a_b@c-d.example.',
		),
	);
	t.true(html.includes('<a href="https://WWW.EXAMPLE.COM">WWW.EXAMPLE.COM</a>'));
	t.true(html.includes('<a href="mailto:a_b@c-d.example">a_b@c-d.example</a>'));
});

test('automated decisions with the same name, or named like another heading, keep headings unique', (t) => {
	const answers = example('global-reps');
	t.true(answers.automatedDecisions.used);
	if (!answers.automatedDecisions.used) {
		return;
	}

	const [first] = answers.automatedDecisions.decisions;
	answers.automatedDecisions.decisions = [first!, {...first!}, {...first!, name: 'Complaints'}];
	answers.purposes[0]!.name = first!.name;
	answers.automatedDecisions.decisions.push({...first!, name: `1. ${first!.name}`});
	const {markdown} = draftOk(answers);
	t.deepEqual(lintMarkdown(markdown), []);
	const headings = headingLines(markdown);
	t.is(new Set(headings).size, headings.length);
});
