import {readFileSync} from 'node:fs';
import test from 'ava';
import {render} from '../source/core/drafting/documents.js';
import {documentSchemaUrl} from '../source/core/drafting/json.js';
import {
	documentFiles,
	draftOk,
	example,
	exampleNames,
	readJson,
	variants,
} from './helpers/answers.js';
import {referenceValidator} from './helpers/ajv.js';
import {bundledExamples, completeFixtures, kindsFor} from './helpers/documents.js';
import {sha256} from './helpers/answers.js';

// `generate --format json` is the document model, described by
// questionnaires/schemas/document.schema.json (shipped as dist/document.schema.json).

const validate = referenceValidator('document.schema.json');

const answerSets = [
	...bundledExamples(),
	...completeFixtures(),
	...Object.entries(variants).map(([name, answers]) => ({name, answers})),
];

for (const {name, answers} of answerSets) {
	test(`${name}: the JSON of every document validates against document.schema.json (Ajv)`, (t) => {
		for (const kind of kindsFor(answers())) {
			const json = JSON.parse(render(draftOk(answers(), kind).model, 'json', sha256)) as Record<
				string,
				unknown
			>;
			const result = validate(json);
			t.true(result.valid, `${kind}: ${result.errors.join('\n')}`);
			t.is(json['$schema'], documentSchemaUrl);
			t.is(json['kind'], kind);
		}
	});
}

test('the schema rejects what is not a document', (t) => {
	const good = JSON.parse(render(draftOk(example('eu-saas')).model, 'json', sha256)) as {
		sections: Array<{blocks: unknown[]}>;
	};
	t.true(validate(good).valid);
	const broken: Array<[string, (document: typeof good) => void]> = [
		[
			'an unknown block type',
			(document) => document.sections[0]!.blocks.push({type: 'image', src: 'x.png'}),
		],
		[
			'a heading level 5',
			(document) => document.sections[0]!.blocks.push({type: 'heading', level: 5, text: ['x']}),
		],
		[
			'a link without text',
			(document) =>
				document.sections[0]!.blocks.push({type: 'paragraph', text: [{link: 'https://a.example'}]}),
		],
		[
			'an inline object of no known kind',
			(document) => document.sections[0]!.blocks.push({type: 'paragraph', text: [{code: 'x'}]}),
		],
		['an empty section', (document) => (document.sections[0]!.blocks = [])],
		['an extra property', (document) => Object.assign(document, {html: '<p>x</p>'})],
		['a malformed marker', (document) => Object.assign(document, {marker: 'sha256:00'})],
	];
	for (const [what, change] of broken) {
		const document = structuredClone(good);
		change(document);
		t.false(validate(document).valid, what);
	}
});

test('every JSON golden validates, and the build ships the schema in dist/', (t) => {
	for (const name of exampleNames) {
		for (const [, file] of documentFiles(name, 'json')) {
			const result = validate(readJson(`outputs/${name}/${file}`));
			t.true(result.valid, `${name}/${file}: ${result.errors.join('\n')}`);
		}
	}

	// `npm test` builds before ava runs.
	t.is(
		readFileSync(new URL('../dist/document.schema.json', import.meta.url), 'utf8'),
		readFileSync(
			new URL('../questionnaires/schemas/document.schema.json', import.meta.url),
			'utf8',
		),
	);
	t.true(documentSchemaUrl.endsWith('/dist/document.schema.json'));
});
