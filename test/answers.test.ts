import {readdirSync, readFileSync} from 'node:fs';
import test from 'ava';
import {canonicalize, serializeAnswers} from '../source/core/answers/canonical.js';
import {formatIssue, type SchemaIssue} from '../source/core/answers/json-schema.js';
import {
	describeLoadProblem,
	integrityIssues,
	isComplete,
	parseAnswers,
	validateAnswers,
} from '../source/core/answers/load.js';
import {migrate, migrations, type Migration} from '../source/core/answers/migrate.js';
import {answersSchema, answersValidator} from '../source/core/answers/schema.js';
import {currentSchemaVersion, type DraftAnswers} from '../source/core/answers/types.js';
import {formatPath} from '../source/core/questionnaire/paths.js';
import {gaps} from '../source/core/questionnaire/walk.js';
import {referenceValidator} from './helpers/ajv.js';
import {example, exampleNames, shuffleKeys} from './helpers/answers.js';

const ajv = referenceValidator('answers.schema.json');
const fixturesFolder = new URL('fixtures/answers/', import.meta.url);
const fixtureFiles = readdirSync(fixturesFolder)
	.filter((file) => /^v\d+\.json$/.test(file))
	.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));

function fixture(file: string): string {
	return readFileSync(new URL(file, fixturesFolder), 'utf8');
}

/** Our validator's issues (shape and completeness) plus the cross-reference checks. */
function ourIssues(value: unknown): SchemaIssue[] {
	return [...answersValidator.validate(value), ...integrityIssues(value as DraftAnswers)];
}

// --- Every example and fixture is valid, for us and for Ajv --------------------------------

for (const name of exampleNames) {
	test(`example ${name} validates with our validator and with Ajv`, (t) => {
		const answers = example(name);
		t.deepEqual(
			ourIssues(answers).map((issue) => formatIssue(issue)),
			[],
		);
		const reference = ajv(answers);
		t.true(reference.valid, reference.errors.join('\n'));
		t.true(isComplete(answers as unknown as DraftAnswers));
	});
}

test('there is a fixture for every released schema version', (t) => {
	t.deepEqual(
		fixtureFiles,
		Array.from({length: currentSchemaVersion}, (_, index) => `v${index + 1}.json`),
	);
});

for (const file of fixtureFiles) {
	test(`fixture ${file} loads, migrates to the current version and validates`, (t) => {
		const version = Number(file.slice(1, -5));
		const text = fixture(file);
		t.is((JSON.parse(text) as {schemaVersion: number}).schemaVersion, version);
		const result = parseAnswers(text);
		if (!result.ok) {
			t.fail(describeLoadProblem(result.problem, file));
			return;
		}

		t.is(result.answers.schemaVersion, currentSchemaVersion);
		t.is(result.migratedFrom, version === currentSchemaVersion ? undefined : version);
		t.deepEqual(
			ourIssues(result.answers).map((issue) => formatIssue(issue)),
			[],
		);
		const reference = ajv(result.answers);
		t.true(reference.valid, reference.errors.join('\n'));
		t.true(isComplete(result.answers));
	});
}

// --- Invalid documents: both validators reject them, our messages say where and what -------

type Broken = {
	name: string;
	change: (answers: ReturnType<typeof example>) => void;
	/** The field path our message must name. */
	path: string;
	/** Words our message must contain (what is expected). */
	expected: string | RegExp;
	/** Ajv cannot see it (cross-references between lists): only ours rejects it. */
	oursOnly?: boolean;
};

const broken: Broken[] = [
	{
		name: 'wrong type: a number for a name',
		change(answers) {
			(answers.controller as unknown as Record<string, unknown>)['legalName'] = 42;
		},
		path: 'controller.legalName',
		expected: 'expected text',
	},
	{
		name: 'wrong type: text for a number',
		change(answers) {
			answers.purposes[0]!.retention = {
				kind: 'period',
				amount: '30' as unknown as number,
				unit: 'days',
				from: 'sign-up',
			};
		},
		path: 'purposes[0].retention.amount',
		expected: 'a number',
	},
	{
		name: 'wrong type: an object for a list',
		change(answers) {
			(answers.audience as unknown as Record<string, unknown>)['people'] = {who: 'customers'};
		},
		path: 'audience.people',
		expected: 'a list',
	},
	{
		name: 'bad enum: an unknown legal basis',
		change(answers) {
			(answers.purposes[1] as unknown as Record<string, unknown>)['legalBasis'] = 'vibes';
		},
		path: 'purposes[1].legalBasis',
		expected: /legitimate-interests/,
	},
	{
		name: 'bad enum: an unknown region',
		change(answers) {
			(answers.audience.regions as string[]).push('mars');
		},
		path: 'audience.regions[3]',
		expected: /one of "eea", "uk", "ch", "br", "ca", "us", "other"/,
	},
	{
		name: 'bad date: not ISO',
		change(answers) {
			answers.document.effectiveDate = '1 March 2026';
		},
		path: 'document.effectiveDate',
		expected: /YYYY-MM-DD|date/,
	},
	{
		name: 'bad date: month 13',
		change(answers) {
			answers.document.effectiveDate = '2026-13-01';
		},
		path: 'document.effectiveDate',
		expected: /YYYY-MM-DD|date/,
	},
	{
		name: 'bad date: 30 February',
		change(answers) {
			answers.document.revisions[0]!.date = '2026-02-30';
		},
		path: 'document.revisions[0].date',
		expected: /YYYY-MM-DD|date/,
	},
	{
		name: 'bad country code',
		change(answers) {
			answers.controller.address.country = 'Germany';
		},
		path: 'controller.address.country',
		expected: /country/i,
	},
	{
		name: 'extra field',
		change(answers) {
			(answers.controller as unknown as Record<string, unknown>)['nickname'] = 'Lumi';
		},
		path: 'controller.nickname',
		expected: 'no field named "nickname"',
	},
	{
		name: 'extra field at the top',
		change(answers) {
			(answers as unknown as Record<string, unknown>)['notes'] = 'remember to ask legal';
		},
		path: 'notes',
		expected: 'no field named "notes"',
	},
	{
		name: 'bad id reference',
		change(answers) {
			answers.purposes[0]!.dataItems[0] = 'shoe-size';
		},
		path: 'purposes[0].dataItems[0]',
		expected: 'the id of one of the dataItems',
		oursOnly: true,
	},
	{
		name: 'repeated id',
		change(answers) {
			answers.dataItems[1]!.id = answers.dataItems[0]!.id;
		},
		path: 'dataItems[1].id',
		expected: 'an id not used by another entry',
		oursOnly: true,
	},
];

for (const entry of broken) {
	test(`invalid answers are rejected: ${entry.name}`, (t) => {
		const answers = example('eu-saas');
		t.is(answers.purposes[1]!.legalBasis, 'legal-obligation', 'the example changed shape');
		entry.change(answers);
		const issues = ourIssues(answers);
		const messages = issues.map((issue) => formatIssue(issue));
		const issue = issues.find((item) => item.path === entry.path);
		t.truthy(issue, `no issue at ${entry.path}; got:\n${messages.join('\n')}`);
		const message = formatIssue(issue!);
		t.true(message.startsWith(entry.path), message);
		if (typeof entry.expected === 'string') {
			t.true(message.includes(entry.expected), message);
		} else {
			t.regex(message, entry.expected);
		}

		const reference = ajv(answers);
		t.is(reference.valid, entry.oursOnly === true, reference.errors.join('\n'));
	});
}

// --- What is only incomplete or unacceptable loads, and the questionnaire names it ------------

const gapsOnly: Array<{
	name: string;
	change: (answers: ReturnType<typeof example>) => void;
	path: string;
	message: RegExp;
}> = [
	{
		name: 'retention amount out of range',
		change(answers) {
			answers.purposes[0]!.retention = {kind: 'period', amount: 0, unit: 'days', from: 'sign-up'};
		},
		path: 'purposes[0].retention.amount',
		message: /from 1 to 1000/,
	},
	{
		name: 'retention amount not a whole number',
		change(answers) {
			answers.purposes[0]!.retention = {kind: 'period', amount: 1.5, unit: 'days', from: 'sign-up'};
		},
		path: 'purposes[0].retention.amount',
		message: /whole number/,
	},
	{
		name: 'bad email address',
		change(answers) {
			answers.controller.email = 'privacy at lumen';
		},
		path: 'controller.email',
		message: /email address/,
	},
	{
		name: 'blank text',
		change(answers) {
			answers.service.description = '   ';
		},
		path: 'service.description',
		message: /required/,
	},
	{
		name: 'missing required field',
		change(answers) {
			delete (answers.controller as Partial<typeof answers.controller>).email;
		},
		path: 'controller.email',
		message: /required/,
	},
	{
		name: 'missing field required by a condition (legitimate interest)',
		change(answers) {
			delete answers.purposes[5]!.legitimateInterest;
		},
		path: 'purposes[5].legitimateInterest',
		message: /required/,
	},
];

for (const entry of gapsOnly) {
	test(`what is only incomplete loads and is a gap: ${entry.name}`, (t) => {
		const answers = example('eu-saas');
		t.is(answers.purposes[5]!.legalBasis, 'legitimate-interests', 'the example changed shape');
		entry.change(answers);
		const loaded = validateAnswers(answers);
		t.true(loaded.ok, loaded.ok ? '' : describeLoadProblem(loaded.problem, 'answers'));
		const found = gaps(answers as unknown as DraftAnswers).find(
			(gap) => formatPath(gap.path) === entry.path,
		);
		t.truthy(found, `no gap at ${entry.path}`);
		t.regex(found!.message, entry.message);
		t.false(
			isComplete(answers as unknown as DraftAnswers) &&
				gaps(answers as unknown as DraftAnswers).length === 0,
		);
	});
}

test('a load problem names the file and every field, one per line', (t) => {
	const answers = example('eu-saas');
	(answers.controller as unknown as Record<string, unknown>)['legalName'] = 0;
	(answers.controller as unknown as Record<string, unknown>)['nickname'] = 'Lumi';
	const result = validateAnswers(answers);
	t.false(result.ok);
	if (result.ok) {
		return;
	}

	const message = describeLoadProblem(result.problem, 'privacy-wizard.json');
	t.regex(message, /^privacy-wizard\.json does not match the answers schema \(2 problems\):/);
	t.true(message.includes('  - controller.legalName: expected text, found 0'), message);
	t.true(message.includes('  - controller.nickname: expected no field named "nickname"'), message);
	t.true(message.includes('the file has not been changed'), message);
});

test('loading is lenient about what is still missing, strict about shape', (t) => {
	const partial = {schemaVersion: 1, controller: {legalName: 'Acme Labs'}};
	const loaded = parseAnswers(JSON.stringify(partial));
	t.true(loaded.ok);
	t.false(isComplete(partial));
	const wrong = parseAnswers(JSON.stringify({schemaVersion: 1, controller: {legalName: 7}}));
	t.false(wrong.ok);
});

// --- Malformed JSON -----------------------------------------------------------------------

const malformed: Array<[string, string, number, number]> = [
	['a stray comma', '{\n  "schemaVersion": 1,\n  "controller": {,\n  }\n}\n', 3, 18],
	['a missing comma', '{\n  "schemaVersion": 1\n  "dpo": {}\n}\n', 3, 3],
	['a trailing comma', '{\n  "schemaVersion": 1,\n  "recipients": [1, 2,]\n}\n', 3, 23],
	['single quotes', "{\n  'schemaVersion': 1\n}\n", 2, 3],
	['an unfinished document', '{\n  "schemaVersion": 1,\n', 3, 1],
	['text after the document', '{"schemaVersion": 1}\nmore', 2, 1],
	['a raw newline in a string', '{\n  "a": "two\nlines"\n}', 2, 12],
	['an empty file', '', 1, 1],
];

for (const [name, text, line, column] of malformed) {
	test(`malformed JSON reports line and column: ${name}`, (t) => {
		const result = parseAnswers(text);
		t.false(result.ok);
		if (result.ok) {
			return;
		}

		t.is(result.problem.kind, 'syntax');
		if (result.problem.kind !== 'syntax') {
			return;
		}

		t.deepEqual([result.problem.line, result.problem.column], [line, column]);
		const message = describeLoadProblem(result.problem, '/repo/privacy-wizard.json');
		t.true(message.startsWith(`/repo/privacy-wizard.json:${line}:${column} is not valid JSON: `));
		// One paragraph: the problem on the first line, the way out on the second, no file excerpt.
		t.is(message.split('\n').length, 2, message);
	});
}

test('a document that is not an object is refused', (t) => {
	for (const text of ['[]', '"answers"', '42', 'null']) {
		const result = parseAnswers(text);
		t.deepEqual(result, {ok: false, problem: {kind: 'not-object'}});
	}
});

// --- Migrations ---------------------------------------------------------------------------

test('the released table has a step for every version before the current one', (t) => {
	for (let version = 1; version < currentSchemaVersion; version++) {
		t.is(typeof migrations[version], 'function', `no migration from version ${version}`);
	}

	t.is(migrations[currentSchemaVersion], undefined);
});

test('migrate() runs a synthetic table step by step, v1 → v3', (t) => {
	const calls: number[] = [];
	const table: Record<number, Migration> = {
		1(document) {
			calls.push(document['schemaVersion'] as number);
			const {name, ...rest} = document;
			return {...rest, controller: {legalName: name}};
		},
		2(document) {
			calls.push(document['schemaVersion'] as number);
			return {...document, dpo: {designated: false}};
		},
	};
	const result = migrate({schemaVersion: 1, name: 'Acme Labs'}, table, 3);
	t.deepEqual(calls, [1, 2]);
	t.deepEqual(result, {
		ok: true,
		from: 1,
		document: {schemaVersion: 3, controller: {legalName: 'Acme Labs'}, dpo: {designated: false}},
	});

	calls.length = 0;
	const fromTwo = migrate({schemaVersion: 2, controller: {legalName: 'B'}}, table, 3);
	t.deepEqual(calls, [2]);
	t.true(fromTwo.ok && fromTwo.from === 2 && fromTwo.document['schemaVersion'] === 3);

	calls.length = 0;
	const current = {schemaVersion: 3, controller: {legalName: 'C'}};
	t.deepEqual(migrate(current, table, 3), {ok: true, from: 3, document: current});
	t.deepEqual(calls, []);
});

test('migrate() refuses missing, unknown and newer versions with the reason', (t) => {
	const table: Record<number, Migration> = {1: (document) => document};
	t.deepEqual(migrate({}, table, 2), {ok: false, reason: 'no-version', found: undefined});
	for (const found of [0, -1, 1.5, '1', null, true]) {
		t.deepEqual(
			migrate({schemaVersion: found}, table, 2),
			{ok: false, reason: 'unknown', found},
			String(found),
		);
	}

	t.deepEqual(migrate({schemaVersion: 3}, table, 2), {ok: false, reason: 'newer', found: 3});
	// A version with no step to the next one is unknown, not silently passed through.
	t.deepEqual(migrate({schemaVersion: 1}, {}, 2), {ok: false, reason: 'unknown', found: 1});
});

test('loading refuses missing, unknown and newer versions with a message that says why', (t) => {
	const cases: Array<[unknown, 'no-version' | 'newer' | 'unknown', RegExp]> = [
		[{controller: {}}, 'no-version', /has no "schemaVersion": expected a whole number/],
		[{schemaVersion: 'one'}, 'unknown', /an unknown "schemaVersion" \("one"\)/],
		[
			{schemaVersion: currentSchemaVersion + 1},
			'newer',
			/written by a newer privacy-wizard.*npx privacy-wizard@latest/s,
		],
	];
	for (const [document, reason, message] of cases) {
		const result = validateAnswers(document);
		t.false(result.ok);
		if (result.ok) {
			continue;
		}

		t.is(result.problem.kind, 'version');
		t.is(result.problem.kind === 'version' ? result.problem.reason : undefined, reason);
		t.regex(describeLoadProblem(result.problem, 'a.json'), message);
	}
});

// --- Serialisation ------------------------------------------------------------------------

type SchemaNode = {properties?: Record<string, unknown>};
const topLevelOrder = Object.keys((answersSchema as SchemaNode).properties!);
const controllerOrder = Object.keys(
	((answersSchema as SchemaNode).properties!['controller'] as SchemaNode).properties!,
);

test('serializeAnswers: schema key order, two-space indent, final newline', (t) => {
	const answers = example('eu-saas');
	const text = serializeAnswers(shuffleKeys(answers, 7));
	t.true(text.endsWith('}\n'));
	t.false(text.endsWith('\n\n'));
	t.true(text.startsWith('{\n  "$schema": '), text.slice(0, 40));
	t.true(text.includes('\n  "controller": {\n    "legalName": '));
	t.false(text.includes('\t'));
	const parsed = JSON.parse(text) as Record<string, unknown>;
	t.deepEqual(
		Object.keys(parsed),
		topLevelOrder.filter((key) => Object.hasOwn(answers, key)),
	);
	t.deepEqual(
		Object.keys(parsed['controller'] as object),
		controllerOrder.filter((key) => Object.hasOwn(answers.controller, key)),
	);
	// Nested records follow their $defs order too.
	const purpose = (parsed['purposes'] as Array<Record<string, unknown>>)[0]!;
	t.deepEqual(Object.keys(purpose).slice(0, 3), ['id', 'name', 'description']);
	t.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(answers)));
});

test('serializeAnswers gives the same bytes whatever the key order', (t) => {
	for (const name of exampleNames) {
		const answers = example(name);
		const reference = serializeAnswers(answers);
		for (const seed of [1, 2, 3, 4, 5]) {
			t.is(serializeAnswers(shuffleKeys(answers, seed)), reference, `${name}, seed ${seed}`);
		}

		// Serialising what was serialised changes nothing.
		t.is(serializeAnswers(JSON.parse(reference)), reference);
	}
});

test('serializeAnswers puts unknown keys after known ones, alphabetically, and drops undefined', (t) => {
	const text = serializeAnswers({
		zeta: 1,
		alpha: 2,
		controller: {email: 'a@b.example', legalName: 'A', omitted: undefined},
		schemaVersion: 1,
	});
	t.is(
		text,
		'{\n  "schemaVersion": 1,\n  "controller": {\n    "legalName": "A",\n    "email": "a@b.example"\n  },\n  "alpha": 2,\n  "zeta": 1\n}\n',
	);
	t.deepEqual(canonicalize([{b: 1, a: 2}], {}), [{a: 2, b: 1}]);
});

test('the checked-in fixtures and examples are what serializeAnswers would write, bar layout', (t) => {
	// Same content whichever way it is written: a round trip through the canonical form is lossless.
	for (const file of fixtureFiles) {
		const parsed = JSON.parse(fixture(file)) as unknown;
		t.deepEqual(JSON.parse(serializeAnswers(parsed)), parsed);
	}
});
