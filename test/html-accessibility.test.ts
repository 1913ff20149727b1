import test from 'ava';
import {draft, render} from '../source/core/drafting/documents.js';
import {sha256} from './helpers/answers.js';
import {bundledExamples, completeFixtures, kindsFor} from './helpers/documents.js';
import {axeReport, validatorMessages} from './helpers/html.js';

// axe-core (in jsdom) and html-validate on the HTML of every bundled example and complete fixture,
// in every document kind. Both are devDependencies: `npm ci && npm test` runs them on a fresh
// machine with no browser. The last tests show that both do fail on a broken page.

/** What axe cannot decide without a browser: colour contrast (test/html.test.ts measures it). */
const undecidable = /^color-contrast: /;

function htmlOf(answers: unknown, kind: string): string {
	const result = draft(answers as never, kind, sha256);
	if (!result.ok) {
		throw new Error('incomplete answers');
	}

	return render(result.model, 'html', sha256);
}

for (const {name, answers} of [...bundledExamples(), ...completeFixtures()]) {
	for (const kind of kindsFor(answers())) {
		test(`${name}: the ${kind} page has no axe violation and no validator error`, async (t) => {
			const html = htmlOf(answers(), kind);
			const axe = await axeReport(html);
			t.deepEqual(axe.violations, []);
			t.deepEqual(
				axe.incomplete.filter((rule) => !undecidable.test(rule)),
				[],
			);
			// Sanity: the rules that matter most here did run and pass.
			for (const rule of [
				'html-has-lang',
				'document-title',
				'heading-order',
				'page-has-heading-one',
				'landmark-one-main',
				'region',
				'list',
				'listitem',
				'link-name',
			]) {
				t.true(axe.passes.includes(rule), `axe passed ${rule}`);
			}

			if (html.includes('<table')) {
				t.true(axe.passes.includes('th-has-data-cells'));
				t.true(axe.passes.includes('duplicate-id-aria'));
			}

			t.deepEqual(await validatorMessages(html), []);
		});
	}
}

// --- The checkers can fail ---------------------------------------------------------------------

const brokenPage = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title></title></head>
<body>
<h1>Policy</h1>
<h4>Skipped two levels</h4>
<img src="x.png">
<a href="https://example.com"></a>
<table><tr><td>no</td><td>headers</td></tr></table>
<p id="same">a</p><p id="same">b</p>
<button></button>
</body>
</html>
`;

test('axe and the validator report a deliberately broken page', async (t) => {
	const axe = await axeReport(brokenPage);
	const ids = axe.violations.map((line) => line.split(' ')[1]!.replace(/:$/, ''));
	for (const rule of [
		'html-has-lang',
		'document-title',
		'image-alt',
		'link-name',
		'button-name',
		'heading-order',
	]) {
		t.true(ids.includes(rule), `axe reports ${rule}: ${ids.join(', ')}`);
	}

	const messages = await validatorMessages(brokenPage);
	for (const rule of ['element-required-attributes', 'heading-level', 'no-dup-id', 'wcag/h37']) {
		t.true(
			messages.some((message) => message.includes(` ${rule}: `)),
			`html-validate reports ${rule}:\n${messages.join('\n')}`,
		);
	}
});

test('axe and the validator report our own page once broken (no lang, a skipped heading level)', async (t) => {
	const [example] = bundledExamples();
	const html = htmlOf(example!.answers(), 'policy')
		.replace('<html lang="en">', '<html>')
		.replace(/<h2 id="summary">Summary<\/h2>/, '<h4 id="summary">Summary</h4>');
	const axe = await axeReport(html);
	const ids = axe.violations.map((line) => line.split(' ')[1]!.replace(/:$/, ''));
	t.true(ids.includes('html-has-lang'), ids.join(', '));
	t.true(ids.includes('heading-order'), ids.join(', '));
	const messages = await validatorMessages(html);
	t.true(
		messages.some((message) => message.includes(' heading-level: ')),
		messages.join('\n'),
	);
});
