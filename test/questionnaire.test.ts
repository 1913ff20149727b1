import test from 'ava';
import {answersSchema} from '../source/core/answers/schema.js';
import {answersSchemaOf} from '../source/core/questionnaire/answers-schema.js';
import type {PartialAnswers} from '../source/core/answers/types.js';
import {checklistItems} from '../source/core/checks/checklist.js';
import {servedIds} from '../source/core/drafting/model.js';
import {evaluate} from '../source/core/questionnaire/conditions.js';
import {parsePath} from '../source/core/questionnaire/paths.js';
import {allQuestions, questionnaire} from '../source/core/questionnaire/questionnaire.js';
import type {Condition, Context, Question} from '../source/core/questionnaire/types.js';
import {
	defaultValue,
	normalizeValue,
	parseWholeNumber,
	validateValue,
} from '../source/core/questionnaire/values.js';
import {gaps, pruneHidden, sectionState} from '../source/core/questionnaire/walk.js';
import {referenceValidator} from './helpers/ajv.js';
import {kindsFor} from './helpers/documents.js';
import {draftOk, example, exampleNames, regimeFixtures, variants} from './helpers/answers.js';

type Node = {
	$ref?: string;
	type?: string;
	enum?: unknown[];
	properties?: Record<string, Node>;
	items?: Node;
	$defs?: Record<string, Node>;
};

const schemaRoot = answersSchema as Node;

function resolve(node: Node): Node {
	if (node.$ref === undefined) {
		return node;
	}

	return resolve(schemaRoot.$defs![node.$ref.replace('#/$defs/', '')]!);
}

/** The schema of a dotted path below `from` (an object schema), or undefined when it does not exist. */
function schemaAt(from: Node, path: string): Node | undefined {
	let node: Node | undefined = resolve(from);
	for (const segment of parsePath(path)) {
		node = node.properties?.[String(segment)];
		if (!node) {
			return undefined;
		}

		node = resolve(node);
	}

	return node;
}

/** Every question with the schema of the record it lives in (the root, or a list's items). */
function questionsWithRecords(): Array<{fullId: string; question: Question; record: Node}> {
	const out: Array<{fullId: string; question: Question; record: Node}> = [];
	const visit = (questions: Question[], record: Node, prefix: string): void => {
		for (const question of questions) {
			const fullId = prefix === '' ? question.id : `${prefix}.${question.id}`;
			out.push({fullId, question, record});
			const own = schemaAt(record, question.id);
			if (question.fields && own?.items) {
				visit(question.fields, resolve(own.items), fullId);
			}
		}
	};

	for (const section of questionnaire.sections) {
		visit(section.questions, schemaRoot, '');
	}

	return out;
}

const context: Context = {today: '2026-05-04', suggestions: {}};

test('questions.json validates against questionnaire.schema.json (Ajv)', (t) => {
	const result = referenceValidator('questionnaire.schema.json')(questionnaire);
	t.true(result.valid, result.errors.join('\n'));
});

test('full question ids are unique', (t) => {
	const ids = allQuestions().map((entry) => entry.fullId);
	const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
	t.deepEqual(repeated, []);
	t.true(ids.length > 50);
});

test('section ids are unique', (t) => {
	const ids = questionnaire.sections.map((section) => section.id);
	t.is(new Set(ids).size, ids.length);
});

test('the committed answers schema is the one the questionnaire makes (npm run outputs)', (t) => {
	t.deepEqual(answersSchema, answersSchemaOf(questionnaire));
});

test('every question binds to a path that exists in the answers schema', (t) => {
	const missing = questionsWithRecords()
		.filter(({question, record}) => schemaAt(record, question.id) === undefined)
		.map(({fullId}) => fullId);
	t.deepEqual(missing, []);
});

test('every list question has a list in the schema, and its fields live in its items', (t) => {
	for (const {fullId, question, record} of questionsWithRecords()) {
		const node = schemaAt(record, question.id);
		if (question.type === 'list') {
			t.is(node?.type, 'array', fullId);
			t.truthy(node?.items, fullId);
			t.is(resolve(node!.items!).type, 'object', fullId);
		}
	}
});

const typeOfQuestion: Partial<Record<Question['type'], string>> = {
	text: 'string',
	email: 'string',
	url: 'string',
	country: 'string',
	date: 'string',
	yesno: 'boolean',
	number: 'number',
	textlist: 'array',
	multiselect: 'array',
	list: 'array',
};

test('each question type matches the type of its answer in the schema', (t) => {
	for (const {fullId, question, record} of questionsWithRecords()) {
		const expected = typeOfQuestion[question.type];
		if (expected) {
			t.is(schemaAt(record, question.id)?.type, expected, fullId);
		}
	}
});

/** Every condition, default and option source path, with the record it is relative to. */
function referencedPaths(): Array<{where: string; path: string; record: Node}> {
	const out: Array<{where: string; path: string; record: Node}> = [];
	const conditionPaths = (condition: Condition | boolean | undefined): string[] => {
		if (condition === undefined || typeof condition === 'boolean') {
			return [];
		}

		if ('all' in condition) {
			return condition.all.flatMap((part) => conditionPaths(part));
		}

		if ('any' in condition) {
			return condition.any.flatMap((part) => conditionPaths(part));
		}

		if ('not' in condition) {
			return conditionPaths(condition.not);
		}

		return 'path' in condition ? [condition.path] : [];
	};

	for (const section of questionnaire.sections) {
		for (const path of conditionPaths(section.condition)) {
			out.push({where: `section ${section.id}`, path, record: schemaRoot});
		}
	}

	for (const {fullId, question, record} of questionsWithRecords()) {
		const paths = [
			...conditionPaths(question.condition),
			...conditionPaths(question.required),
			...(question.default && 'from' in question.default ? [question.default.from] : []),
			...(question.optionsFrom?.source === 'answers' ? [question.optionsFrom.path] : []),
		];
		for (const path of paths) {
			out.push({where: fullId, path, record});
		}
	}

	return out;
}

test('every path a condition, default or option list reads exists in the answers schema', (t) => {
	const missing = referencedPaths()
		.filter(({path, record}) =>
			path.startsWith('./')
				? schemaAt(record, path.slice(2)) === undefined
				: schemaAt(schemaRoot, path) === undefined,
		)
		.map(({where, path}) => `${where}: ${path}`);
	t.deepEqual(missing, []);
});

/** The enum a select's answer is limited to: on the field, or on the items of a list field. */
function enumOf(node: Node | undefined): unknown[] | undefined {
	if (!node) {
		return undefined;
	}

	return node.enum ?? (node.items ? resolve(node.items).enum : undefined);
}

function enumMismatches(): string[] {
	const out: string[] = [];
	for (const {fullId, question, record} of questionsWithRecords()) {
		if (question.type !== 'select' && question.type !== 'multiselect') {
			continue;
		}

		const allowed = enumOf(schemaAt(record, question.id));
		if (allowed === undefined) {
			continue;
		}

		const offered = (question.options ?? []).map((option) => option.value);
		const sorted = (list: unknown[]): string[] => list.map(String).sort();
		if (JSON.stringify(sorted(offered)) !== JSON.stringify(sorted(allowed))) {
			out.push(
				`${fullId}: offers ${sorted(offered).join(', ')}; schema allows ${sorted(allowed).join(', ')}`,
			);
		}
	}

	return out;
}

// The EU and UK transfer safeguards have separate lists: a UK tool is no EU safeguard.
test('select options equal the answers schema enum', (t) => {
	t.deepEqual(enumMismatches(), []);
});

test('every select offers options (inline or drawn from answers or the country list)', (t) => {
	for (const {fullId, question} of allQuestions()) {
		if (question.type === 'select' || question.type === 'multiselect') {
			t.true((question.options?.length ?? 0) > 0 || question.optionsFrom !== undefined, fullId);
		}
	}
});

// --- The checklist: every GDPR, UK and CCPA item is asked and written ----------------------

const servedByQuestions = new Set(allQuestions().flatMap((entry) => entry.question.serves ?? []));

function draftedSets(): Array<{name: string; answers: unknown}> {
	return [
		...exampleNames.map((name) => ({name, answers: example(name)})),
		...Object.entries(variants).map(([name, build]) => ({name, answers: build()})),
		...regimeFixtures(),
	];
}

const servedByDrafter = new Set<string>();
for (const {answers} of draftedSets()) {
	for (const kind of kindsFor(answers)) {
		for (const id of servedIds(draftOk(answers, kind).model)) {
			servedByDrafter.add(id);
		}
	}
}

test('every id a question or the drafter names is a checklist id', (t) => {
	const known = new Set(checklistItems.map((item) => item.id));
	t.deepEqual(
		[...servedByQuestions].filter((id) => !known.has(id)),
		[],
	);
	t.deepEqual(
		[...servedByDrafter].filter((id) => !known.has(id)),
		[],
	);
});

// Every checklist item of every regime: notice items are asked and drafted; internal duties
// are asked; "never" items are only checked. (Which regime's text appears when: law.test.ts.)
for (const item of checklistItems) {
	const kind = item.kind ?? 'notice';
	if (kind !== 'never' && item.regime !== 'core') {
		test(`checklist ${item.id} is served by at least one question`, (t) => {
			t.true(servedByQuestions.has(item.id));
		});
	}

	if (kind === 'notice') {
		test(`checklist ${item.id} is written by the drafter (examples, variants and regime fixtures)`, (t) => {
			t.true(servedByDrafter.has(item.id));
		});
	}
}

// --- gaps, pruneHidden, conditions, defaults -----------------------------------------------

test('gaps: the examples have none; an empty document lacks every required top-level answer', (t) => {
	for (const name of exampleNames) {
		t.deepEqual(
			gaps(example(name)).map((gap) => gap.fullId),
			[],
			name,
		);
	}

	const missing = gaps({schemaVersion: 2});
	const ids = missing.map((gap) => gap.fullId);
	for (const id of [
		'controller.legalName',
		'controller.email',
		'service.name',
		'audience.regions',
		'dataItems',
		'purposes',
		'rights.channels',
		'children.offered',
		'document.effectiveDate',
	]) {
		t.true(ids.includes(id), id);
	}

	t.true(missing.every((gap) => gap.kind === 'missing'));
	// Conditional questions stay out of it while their condition does not hold.
	t.false(ids.includes('dpo.email'));
	t.false(ids.some((id) => id.startsWith('california.')));
});

test('gaps: invalid values are reported with the message to show', (t) => {
	const answers = example('eu-saas');
	answers.controller.email = 'not an email';
	answers.purposes[0]!.retention = {kind: 'period', amount: 0, unit: 'days', from: 'x'};
	const found = gaps(answers);
	const email = found.find((gap) => gap.fullId === 'controller.email');
	t.is(email?.kind, 'invalid');
	t.is(email?.message, 'Enter an email address such as privacy@example.com.');
	const amount = found.find((gap) => gap.fullId === 'purposes.retention.amount');
	t.deepEqual(amount?.path, ['purposes', 0, 'retention', 'amount']);
});

test('gaps: a conditional question becomes required when its condition holds', (t) => {
	const answers = example('eu-saas') as PartialAnswers;
	const withoutDpoEmail = {...answers, dpo: {designated: true}};
	t.deepEqual(
		gaps(withoutDpoEmail).map((gap) => gap.fullId),
		['dpo.email'],
	);

	const thirdParty = example('eu-saas');
	thirdParty.dataItems[0]!.sources = [{kind: 'third-party'}];
	t.deepEqual(
		gaps(thirdParty).map((gap) => `${gap.fullId} ${gap.path.join('/')}`),
		[
			'dataItems.sources.provider dataItems/0/sources/0/provider',
			'dataItems.sources.publiclyAccessible dataItems/0/sources/0/publiclyAccessible',
		],
	);
});

test('pruneHidden drops answers that contradict the answer they depend on', (t) => {
	for (const name of exampleNames) {
		t.deepEqual(pruneHidden(example(name)), example(name), `${name} has nothing to drop`);
	}

	const answers = example('eu-saas');
	// What a file may hold after "no DPO" is answered, before pruning.
	const staleDpo = {designated: false, name: 'A', email: 'a@b.example'} as unknown as {
		designated: false;
	};
	const noDpo = pruneHidden({...answers, dpo: staleDpo});
	t.deepEqual(noDpo.dpo, {designated: false});

	const person = example('eu-saas');
	person.dataItems[0]!.sources = [{kind: 'person', provider: 'someone', publiclyAccessible: true}];
	t.deepEqual(pruneHidden(person).dataItems?.[0]?.sources, [{kind: 'person'}]);

	const consent = example('eu-saas');
	consent.purposes[5]!.legalBasis = 'consent';
	const pruned = pruneHidden(consent);
	t.is(pruned.purposes?.[5]?.legitimateInterest, undefined);
	t.is(pruned.purposes?.[5]?.legalBasis, 'consent');
	t.is(pruned.purposes?.[1]?.legalObligation, answers.purposes[1]!.legalObligation);

	const criteria = example('eu-saas');
	criteria.purposes[0]!.retention = {
		kind: 'criteria',
		criteria: 'until you close your account',
		amount: 30,
		unit: 'days',
		from: 'x',
	} as unknown as (typeof criteria.purposes)[0]['retention'];
	t.deepEqual(pruneHidden(criteria).purposes?.[0]?.retention, {
		kind: 'criteria',
		criteria: 'until you close your account',
	});

	const staleCookies = {used: false, items: [], consentHow: 'x'} as unknown as {used: false};
	const cookies = pruneHidden({...answers, cookies: staleCookies});
	t.deepEqual(cookies.cookies, {used: false});
	t.false(Object.hasOwn(cookies.cookies!, 'items'));
});

test('pruneHidden drops the answers of a regime that no longer applies, and hidden safeguards', (t) => {
	// A catalog default kept on a recipient later set to Germany only: no EEA transfer, no safeguard.
	const germany = example('eu-saas');
	const intercom = germany.recipients.find((recipient) => recipient.id === 'intercom')!;
	intercom.locations = ['DE'];
	const pruned = pruneHidden(germany);
	const kept = pruned.recipients?.find((recipient) => recipient?.id === 'intercom');
	t.is(kept?.transfers, undefined, 'no safeguard is left for a recipient in the EEA');

	// The UK is no longer served: the UK representative, safeguards and complaint route go.
	const noUk = example('eu-saas');
	noUk.audience.regions = ['eea'];
	const withoutUk = pruneHidden(noUk);
	t.is(withoutUk.representatives?.uk, undefined);
	t.true(
		(withoutUk.recipients ?? []).every((recipient) => recipient?.transfers?.['uk'] === undefined),
	);
	t.is(withoutUk.rights?.complaintsHow, undefined);

	// California answers of a company that does not serve California.
	const california = {sensitiveUse: 'permitted-only', honoursGpc: true, onlineOnly: true} as const;
	t.is(pruneHidden({...example('eu-saas'), california}).california, undefined);
});

test('conditions: all, any, not, equals, notEquals, includes, in, exists, applies, facts and ./ paths', (t) => {
	const answers = example('global-reps') as PartialAnswers;
	t.true(evaluate({path: 'controller.address.country', equals: 'CA'}, answers));
	t.true(evaluate({path: 'controller.address.country', notEquals: 'DE'}, answers));
	t.true(evaluate({path: 'audience.regions', includes: 'uk'}, answers));
	t.true(evaluate({path: 'controller.address.country', in: ['CA', 'US']}, answers));
	t.true(evaluate({path: 'representatives.eu', exists: true}, answers));
	t.true(evaluate({path: 'california', exists: false}, answers));
	t.true(evaluate({fact: 'eu-gdpr.needsRepresentative'}, answers));
	t.true(evaluate({fact: 'uk.needsRepresentative'}, answers));
	t.true(evaluate({applies: 'eu-gdpr'}, answers));
	t.false(evaluate({applies: 'us-ca'}, answers));
	t.true(
		evaluate(
			{
				all: [{applies: 'uk'}, {not: {applies: 'us-ca'}}, {any: [{fact: 'gdpr.usesConsent'}]}],
			},
			answers,
		),
	);
	t.false(evaluate({any: [{applies: 'us-ca'}, {path: 'dpo.designated', equals: true}]}, answers));
	const source = ['dataItems', 0, 'sources', 0] as const;
	const kind = answers.dataItems![0]!.sources![0]!.kind!;
	t.true(evaluate({path: './kind', equals: kind}, answers, source));
	t.false(evaluate({path: './kind', equals: 'nonsense'}, answers, source));

	// An EU-established company needs no EU representative; one without an address is undecided.
	t.false(evaluate({fact: 'eu-gdpr.needsRepresentative'}, example('eu-saas') as PartialAnswers));
	t.false(evaluate({fact: 'eu-gdpr.needsRepresentative'}, {audience: {regions: ['eea']}}));
	t.throws(() => evaluate({fact: 'nobody.knows'}, answers), {message: /Unknown fact/});
});

test('conditions: recipient facts look at the record being edited', (t) => {
	const answers = example('eu-saas') as PartialAnswers;
	const index = answers.recipients!.findIndex((recipient) => recipient?.id === 'deepl');
	const us = answers.recipients!.findIndex((recipient) => recipient?.id === 'intercom');
	const dpf = answers.recipients!.findIndex((recipient) => recipient?.id === 'sendgrid');
	t.false(evaluate({fact: 'eu-gdpr.recipientNeedsSafeguard'}, answers, ['recipients', index]));
	t.true(evaluate({fact: 'eu-gdpr.recipientNeedsSafeguard'}, answers, ['recipients', us]));
	t.true(evaluate({fact: 'uk.recipientNeedsSafeguard'}, answers, ['recipients', us]));
	// Certified under the DPF and its UK Extension: adequate, no safeguard to answer.
	t.false(evaluate({fact: 'eu-gdpr.recipientNeedsSafeguard'}, answers, ['recipients', dpf]));
	t.false(evaluate({fact: 'uk.recipientNeedsSafeguard'}, answers, ['recipients', dpf]));
});

function question(fullId: string): Question {
	const entry = allQuestions().find((item) => item.fullId === fullId);
	if (!entry) {
		throw new Error(`No question ${fullId}`);
	}

	return entry.question;
}

test('defaults: values, other answers, suggestions, and computed ones', (t) => {
	t.is(defaultValue(question('dpo.designated'), {}, context), false);
	t.deepEqual(
		defaultValue(question('rights.channels'), {controller: {email: 'hi@acme.example'}}, context),
		[{kind: 'email', value: 'hi@acme.example'}],
	);
	t.is(defaultValue(question('rights.channels'), {}, context), undefined);
	t.is(
		defaultValue(
			question('controller.email'),
			{},
			{...context, suggestions: {gitEmail: 'me@x.example'}},
		),
		'me@x.example',
	);
	t.is(defaultValue(question('controller.email'), {}, context), undefined);
	t.is(defaultValue(question('document.effectiveDate'), {}, context), '2026-05-04');

	const age = question('children.minimumAge');
	t.is(defaultValue(age, {audience: {regions: ['eea', 'uk']}}, context), 16);
	t.is(defaultValue(age, {audience: {regions: ['uk']}}, context), 13);
	t.is(defaultValue(age, {audience: {regions: ['us']}}, context), 13);

	const authority = question('rights.authority.name');
	const french = {controller: {address: {country: 'FR'}}, audience: {regions: ['eea' as const]}};
	t.truthy(defaultValue(authority, french, context));
	t.is(defaultValue(authority, {controller: {address: {country: 'CA'}}}, context), undefined);
	const name = defaultValue(authority, french, context) as string;
	t.regex(
		String(
			defaultValue(
				question('rights.authority.url'),
				{...french, rights: {authority: {name}}},
				context,
			),
		),
		/^https:\/\//,
	);
});

test('validateValue: required, types, lengths and patterns', (t) => {
	const legalName = question('controller.legalName');
	t.is(validateValue(legalName, '  ', {}), 'This answer is required.');
	t.is(validateValue(legalName, 'x'.repeat(201), {}), 'Keep it under 200 characters.');
	t.is(validateValue(legalName, 'Acme Labs', {}), undefined);
	t.is(
		validateValue(question('controller.phone'), 'call me', {}),
		'Enter a phone number such as +1 800 555 0100.',
	);
	t.is(validateValue(question('controller.phone'), undefined, {}), undefined);
	t.is(
		validateValue(question('document.effectiveDate'), '2026-02-30', {}),
		'Enter a date as YYYY-MM-DD, such as 2026-03-01.',
	);
	t.is(
		validateValue(question('controller.address.country'), 'XX', {}),
		'Choose a country from the list.',
	);
	t.is(
		validateValue(question('audience.regions'), ['eea', 'mars'], {}),
		'Choose from the options.',
	);
	t.is(validateValue(question('dataItems'), [], {}), 'Add at least one entry: this is required.');
});

test('sectionState: not started, needs attention, complete', (t) => {
	const company = questionnaire.sections.find((section) => section.id === 'company')!;
	t.is(sectionState(company, {}), 'not-started');
	t.is(sectionState(company, {controller: {legalName: 'Acme'}}), 'needs-attention');
	t.is(sectionState(company, example('eu-saas') as PartialAnswers), 'complete');
});

test('a whole number is read as people write it, and nothing else is guessed', (t) => {
	for (const [typed, value] of [
		['2500000', 2_500_000],
		[' 2,500,000 ', 2_500_000],
		['2 500 000', 2_500_000],
		['2_500_000', 2_500_000],
		['$2.5m', 2_500_000],
		['2.5 million', 2_500_000],
		['40k', 40_000],
		['1.25bn', 1_250_000_000],
		['0', 0],
		['-3', -3],
	] as const) {
		t.is(parseWholeNumber(typed), value, typed);
	}

	for (const typed of [
		'2.5',
		'1.2345k',
		'25,00,000',
		'2,5000',
		'about 3m',
		'3 apples',
		'',
		'1e6',
	]) {
		t.is(parseWholeNumber(typed), typed, `${typed} stays text, so validation explains`);
	}

	// A long run of digits or spaces is read in linear time, never a pathological backtrack.
	t.is(parseWholeNumber(`${' '.repeat(50_000)}x`), `${' '.repeat(50_000)}x`);
	t.is(typeof parseWholeNumber('9'.repeat(50_000)), 'string', 'beyond a safe integer stays text');
});

test('the wizard refuses a bare "as long as necessary" retention as it is typed', (t) => {
	const criteria = allQuestions().find(
		({fullId}) => fullId === 'purposes.retention.criteria',
	)!.question;
	for (const typed of [
		'as long as necessary',
		'  For  as long as is   necessary. ',
		'INDEFINITELY',
	]) {
		t.regex(validateValue(criteria, typed, {}) ?? '', /not a retention period/, typed);
	}

	t.is(validateValue(criteria, 'as long as necessary to answer you, then 2 years', {}), undefined);
});

test('a web address typed without its scheme is read as https; anything else is left for validation', (t) => {
	const url = allQuestions().find(({question}) => question.type === 'url')!.question;
	t.is(normalizeValue(url, ' www.datenschutz-berlin.de '), 'https://www.datenschutz-berlin.de');
	t.is(normalizeValue(url, 'acme.example/privacy#rights'), 'https://acme.example/privacy#rights');
	t.is(normalizeValue(url, 'http://acme.example'), 'http://acme.example');
	for (const typed of ['acme', 'ftp://acme.example', 'acme .example', 'mailto:a@acme.example']) {
		t.is(normalizeValue(url, typed), typed);
		t.truthy(validateValue(url, normalizeValue(url, typed), {}), typed);
	}

	const text = allQuestions().find(({question}) => question.type === 'text')!.question;
	t.is(normalizeValue(text, 'acme.example'), 'acme.example', 'only web address questions');
});

test('a section has new questions while a question added since the last review has no answer', (t) => {
	const publishing = questionnaire.sections.find((section) => section.id === 'publishing')!;
	t.true(
		allQuestions().some(
			({fullId, question}) => fullId === 'outputs.subprocessorsPath' && question.since === 3,
		),
	);
	const answers = {...example('eu-saas'), questionnaireVersion: 2} as PartialAnswers;
	t.is(sectionState(publishing, answers), 'new');
	// Answered, it is no longer new, though the answers were not reviewed since.
	const answered = structuredClone(answers) as PartialAnswers & {outputs: Record<string, string>};
	Object.assign(answered.outputs, {
		subprocessorsPath: 'SUBPROCESSORS.md',
		inventoryPath: 'DATA-INVENTORY.md',
		cookiesPath: 'COOKIES.md',
		ropaPath: 'RECORD-OF-PROCESSING.md',
	});
	t.is(sectionState(publishing, answered), 'complete');
	// Reviewed with this questionnaire, nothing is new.
	t.is(
		sectionState(publishing, {...answers, questionnaireVersion: questionnaire.version}),
		'complete',
	);
});
