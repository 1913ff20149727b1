import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import {parseAnswers, validateAnswers} from '../source/core/answers/load.js';
import {currentSchemaVersion} from '../source/core/answers/types.js';
import {linkCandidates} from '../source/core/drafting/links.js';
import {renderInline} from '../source/core/drafting/markdown.js';
import {questionnaire} from '../source/core/questionnaire/questionnaire.js';
import type {Question} from '../source/core/questionnaire/types.js';
import {slugId, validateValue} from '../source/core/questionnaire/values.js';
import {scanRepo} from '../source/repo/scan.js';
import {example} from './helpers/answers.js';
import {assertFailure, run, temporaryFolder, writeJson} from './helpers/cli.js';

// Input made to hurt: patterns that backtrack, nesting deeper than any stack, keys that name
// what every object inherits. Sizes are chosen so that a quadratic or exponential path would not
// finish within the test timeout, while a linear one takes milliseconds: no timing is asserted.

const megabyte = 1 << 20;

// --- Patterns in linear time -------------------------------------------------------------------

/** The expression linkCandidates replaces: the reference for what it must find. */
const reference =
	/(?<![A-Za-z])(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"`|]*|[A-Za-z0-9._%+-]+@[A-Za-z0-9._-]*\.[A-Za-z0-9._-]*[A-Za-z0-9_-]/gi;

test('linkCandidates finds exactly what the regular expression finds', (t) => {
	const pieces = [
		'a',
		'B',
		'1',
		'.',
		'@',
		'+',
		'%',
		'-',
		'_',
		' ',
		'|',
		'<',
		'"',
		'www.',
		'http://',
		'https://',
		'ftp://',
		'x@y.z',
		'Www.',
		'é',
	];
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
			const text = parts.join('');
			const expected = [...text.matchAll(reference)].map((match) => ({
				index: match.index,
				text: match[0],
			}));
			t.deepEqual([...linkCandidates(text)], expected, JSON.stringify(text));
		}),
		{numRuns: 5000, seed: 9},
	);
});

test('links are found in linear time: a long word, a long run of dots, many at signs', (t) => {
	for (const text of [
		'a'.repeat(2 * megabyte),
		`a@${'.'.repeat(2 * megabyte)} `,
		'@a'.repeat(megabyte),
		`http://${'.'.repeat(2 * megabyte)}a`,
	]) {
		t.true(renderInline([text]).length >= text.length);
	}

	t.deepEqual([...linkCandidates(`${'x'.repeat(megabyte)}@example.org`)].length, 1);
});

test('email and text checks are linear: the schema pattern, the wizard, ids from names', (t) => {
	const email = questionnaire.sections
		.flatMap((section) => section.questions)
		.find((question) => question.type === 'email') as Question;
	const hostile = `a@${'.'.repeat(2 * megabyte)}@`;
	t.is(typeof validateValue(email, hostile, {}, []), 'string');
	t.is(slugId(`a${'-'.repeat(2 * megabyte)}b!`, new Set()), 'a-b');
	t.is(slugId(`${'-'.repeat(2 * megabyte)}`, new Set()), 'entry');
});

test('a 2 MB email address in the answers file is refused quickly by the CLI', async (t) => {
	const folder = temporaryFolder(t);
	const answers = example('eu-saas');
	answers.controller.email = `privacy@${'.'.repeat(2 * megabyte)} x`;
	writeJson(path.join(folder, 'answers.json'), answers);
	// The schema checks shape; the questionnaire says the address is not one, naming it.
	const generate = await run(['generate', '--answers', 'answers.json'], {cwd: folder});
	assertFailure(t, generate, 1, /\(controller\.email\)/);
	const check = await run(['check', '--answers', 'answers.json'], {cwd: folder});
	t.is(check.exitCode, 1);
	t.regex(check.stdout, /\(controller\.email\): Enter an email address/);
});

// --- Nesting ------------------------------------------------------------------------------------

const deep = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

test('nesting deeper than any answers file is refused with the path, not a stack overflow', async (t) => {
	const folder = temporaryFolder(t);
	const text = JSON.stringify({
		...example('eu-saas'),
		controller: {...example('eu-saas').controller, otherEstablishments: ['\u0000', '\u0000']},
	})
		.replace('"\\u0000"', deep(200_000))
		.replace('"\\u0000"', deep(200_000));
	writeFileSync(path.join(folder, 'deep.json'), text);
	const parsed = parseAnswers(text);
	t.false(parsed.ok);
	for (const command of ['generate', 'check', 'preview']) {
		const result = await run([command, '--answers', 'deep.json'], {cwd: folder});
		assertFailure(
			t,
			result,
			1,
			/controller\.otherEstablishments\[\d\](\[0\])+: expected at most 64 levels of nesting/,
		);
	}

	const objects = `{"schemaVersion": 1, "service": ${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`;
	t.false(parseAnswers(objects).ok);
});

// --- Keys every object inherits -----------------------------------------------------------------

test('constructor, toString and __proto__ fail additionalProperties: false like any unknown key', (t) => {
	for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
		const text = JSON.stringify(example('eu-saas')).replace(
			`"schemaVersion":${currentSchemaVersion}`,
			`"schemaVersion":${currentSchemaVersion},"${key}":{"a":1}`,
		);
		const result = parseAnswers(text);
		t.false(result.ok, key);
		if (!result.ok && result.problem.kind === 'schema') {
			t.true(
				result.problem.issues.some(
					(issue) => issue.path === key && /no field named/.test(issue.expected),
				),
				key,
			);
		}

		const nested = example('eu-saas') as unknown as {controller: Record<string, unknown>};
		Object.defineProperty(nested.controller, key, {value: 'x', enumerable: true});
		t.false(validateAnswers(nested).ok, `controller.${key}`);
	}
});

// --- Workspace patterns from a hostile repo -----------------------------------------------------

test('hostile pnpm-workspace.yaml: 100,000 patterns, a 100,000-part pattern, many stars', async (t) => {
	const folder = temporaryFolder(t);
	execFileSync('git', ['init', '-q'], {cwd: folder});
	writeJson(path.join(folder, 'package.json'), {name: 'app', dependencies: {stripe: '1'}});
	mkdirSync(path.join(folder, 'packages', 'a'.repeat(200)), {recursive: true});
	writeJson(path.join(folder, 'packages', 'a'.repeat(200), 'package.json'), {
		name: 'deep',
		dependencies: {openai: '1'},
	});
	const cases: Array<[string, RegExp]> = [
		[
			`packages: [${Array.from({length: 100_000}, (_, index) => `p${index}`).join(', ')}]`,
			/lists 100,000 workspace patterns; only the first 1,000 were used/,
		],
		[
			`packages:\n${Array.from({length: 100_000}, (_, index) => `  - "!p*${index}"`).join('\n')}`,
			/only the first 1,000 were used/,
		],
		[`packages:\n  - ${Array.from({length: 100_000}, () => '**').join('/')}/x`, /^$/],
		[
			`packages:\n  - ${Array.from({length: 100_000}, () => 'a').join('/')}`,
			/has more than 32 parts/,
		],
		[`packages:\n  - packages/${'*a'.repeat(100)}b`, /^$/],
		[`packages:\n  - packages/*\n  - "!packages/${'*a'.repeat(100)}*"`, /^$/],
	];
	for (const [yaml, warning] of cases) {
		writeFileSync(path.join(folder, 'pnpm-workspace.yaml'), `${yaml}\n`);
		const result = await scanRepo(folder);
		t.regex(result.warnings.join('\n'), warning, yaml.slice(0, 60));
		t.true(result.detections.some((detection) => detection.service.id === 'stripe'));
	}

	// The negation with many stars does match the folder: it is excluded.
	const excluded = await scanRepo(folder);
	t.false(excluded.detections.some((detection) => detection.service.id === 'openai'));
	writeFileSync(path.join(folder, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
	const included = await scanRepo(folder);
	t.true(included.detections.some((detection) => detection.service.id === 'openai'));
});

test('a pnpm-workspace.yaml line with a long run of spaces is read in linear time', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'package.json'), {name: 'app'});
	writeFileSync(
		path.join(folder, 'pnpm-workspace.yaml'),
		`packages:\n  - a${' '.repeat(2 * megabyte)}b\n  - c${'/'.repeat(megabyte)}x\n`,
	);
	const result = await scanRepo(folder);
	t.deepEqual(result.detections, []);
});
