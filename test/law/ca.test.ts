import {readFileSync} from 'node:fs';
import test from 'ava';
import {Ajv2020} from 'ajv/dist/2020.js';
import {examples} from '../../source/core/answers/examples.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../../source/core/answers/types.js';
import {checkAnswers, lawReport, type Finding} from '../../source/core/checks/findings.js';
import {draft, type DocumentKind} from '../../source/core/drafting/documents.js';
import {servedIds} from '../../source/core/drafting/model.js';
import {applicabilityOf} from '../../source/core/law/applicability.js';
import {ca} from '../../source/core/law/ca/index.js';
import {computedByName} from '../../source/core/law/registry.js';
import {allQuestions} from '../../source/core/questionnaire/questionnaire.js';
import {gaps, pruneHidden} from '../../source/core/questionnaire/walk.js';
import {lintMarkdown} from '../helpers/markdown.js';
import {readJson, sha256} from '../helpers/answers.js';

const today = '2026-12-01';

type Name =
	| 'global-reps'
	| 'ca-quebec'
	| 'eu-saas'
	| 'us-consumer'
	| 'outside-canada'
	| 'alberta'
	| 'quebec-no-french'
	| 'casl-no-consent';

const fixtureNames = ['outside-canada', 'alberta', 'quebec-no-french', 'casl-no-consent'] as const;

/** A fresh copy of a bundled example or of a fixture under test/fixtures/law/ca/. */
function load(name: Name): Answers {
	const bundled = examples[name];
	const data = bundled
		? bundled.answers
		: (JSON.parse(
				readFileSync(new URL(`../fixtures/law/ca/${name}.json`, import.meta.url), 'utf8'),
			) as unknown);
	return structuredClone(data) as Answers;
}

function variant(name: Name, change: (answers: Answers) => void): Answers {
	const answers = load(name);
	change(answers);
	return pruneHidden(answers) as Answers;
}

function drafted(
	answers: Answers,
	kind: DocumentKind = 'policy',
): {markdown: string; served: Set<string>} {
	const result = draft(answers as unknown as DraftAnswers, kind, sha256);
	if (!result.ok) {
		throw new Error(`incomplete: ${result.gaps.map((gap) => gap.fullId).join(', ')}`);
	}

	return {markdown: result.markdown, served: servedIds(result.model)};
}

function findings(answers: Answers): Finding[] {
	return checkAnswers(answers as unknown as DraftAnswers, {today});
}

function state(answers: PartialAnswers) {
	return applicabilityOf(pruneHidden(answers)).get('ca')!;
}

const caChecklist = readJson('questionnaires/law/ca/checklist.json') as {
	items: Array<{id: string; kind?: string; verify?: boolean}>;
};

// Data -----------------------------------------------------------------------------------

test('the Canadian data files validate against their schemas', (t) => {
	const ajv = new Ajv2020({strict: false, allErrors: true});
	// The regime schema refers to the questionnaire's by its $id.
	ajv.addSchema(
		readJson('questionnaires/schemas/questionnaire.schema.json') as object,
		'https://privacy-wizard.dev/schemas/questionnaire.schema.json',
	);

	const pairs: Array<[string, string]> = [
		['questionnaires/law/ca/questions.json', 'regime-questions.schema.json'],
		['questionnaires/law/ca/checklist.json', 'checklist.schema.json'],
		['questionnaires/law/ca/messages.en.json', 'messages.schema.json'],
		['questionnaires/law/ca/data.json', 'ca-data.schema.json'],
	];
	for (const [file, schema] of pairs) {
		const validate = ajv.compile(readJson(`questionnaires/schemas/${schema}`) as object);
		t.true(validate(readJson(file)), `${file}: ${JSON.stringify(validate.errors)}`);
	}
});

test('the checklist has every item of the Canadian section, CA-DELTA, and verify only where the law is unconfirmed', (t) => {
	const ids = caChecklist.items.map((item) => item.id);
	t.deepEqual([...ids].sort(), [
		'AB-BC',
		'CA-ACCESS',
		'CA-ACCT',
		'CA-CONSENT',
		'CA-DELTA',
		'CA-OPC',
		'CA-PURP',
		'CA-XBORDER',
		'CASL',
		'QC-12.1',
		'QC-17',
		'QC-3.1',
		'QC-8',
		'QC-8.1',
		'QC-8.2',
		'QC-9.1',
		'QC-ACCESS',
		'QC-CAI',
		'QC-FR',
	]);
	t.deepEqual(
		caChecklist.items.filter((item) => item.verify).map((item) => item.id),
		['QC-CAI', 'QC-FR'],
	);
});

// Applicability --------------------------------------------------------------------------

test('home rule: a controller established in Canada is under PIPEDA whatever it serves', (t) => {
	const answers = variant('global-reps', (draft) => {
		draft.audience.regions = draft.audience.regions.filter((region) => region !== 'ca');
	});
	const result = state(answers);
	t.is(result.status, 'applies');
	t.regex(result.reasons[0]!, /you are established in Canada .*PIPEDA s\. 4\(1\)\(a\)/);
	t.regex(result.statements![0]!, /^we are established in Canada/);
});

test('serving people in Canada from abroad: a real and substantial connection', (t) => {
	const result = state(load('outside-canada'));
	t.is(result.status, 'applies');
	t.regex(result.reasons[0]!, /offer your service to people in Canada.*2017 FC 114/);
	t.is(result.reasons.length, 1);
});

test('no Canadian establishment and no Canadian people: PIPEDA does not apply, and none of its text appears', (t) => {
	for (const name of ['eu-saas', 'us-consumer'] as const) {
		const answers = variant(name, (draft) => {
			// Main's example predates the question; the answer it would give.
			for (const purpose of draft.purposes) {
				const channels = purpose.marketingChannels ?? [];
				if (
					(channels.includes('email') || channels.includes('sms')) &&
					purpose.marketingReachesEuUk === undefined
				) {
					purpose.marketingReachesEuUk = true;
				}
			}
		});
		t.is(state(answers).status, 'does-not-apply', name);
		for (const kind of ['policy', 'rights'] as const) {
			const {markdown, served} = drafted(answers, kind);
			t.notRegex(
				markdown,
				/PIPEDA \(|Privacy Commissioner of Canada|Québec|CASL|Consent in Canada|outside Canada|If you are in Canada/,
				`${name} ${kind}`,
			);
			t.false(
				[...served].some((id) => caChecklist.items.some((item) => item.id === id)),
				name,
			);
		}
	}

	const eu = load('eu-saas') as PartialAnswers;
	t.false(
		allQuestions()
			.map(({fullId}) => fullId)
			.some((id) =>
				gaps(eu).some(
					(gap) => gap.fullId === id && /^(canada|quebec)\.|\.ca[A-Z]|caslConsent/.test(id),
				),
			),
	);
});

test('Québec: by establishment it is settled, for people in Québec served from elsewhere the reach is marked verify', (t) => {
	const established = state(load('ca-quebec'));
	t.true(established.reasons.some((reason) => /established in Québec.*P-39\.1/.test(reason)));
	t.false(established.reasons.some((reason) => reason.includes('verify')));

	const people = state(load('quebec-no-french'));
	const reason = people.reasons.find((line) => line.includes('people in Québec'));
	t.truthy(reason);
	t.regex(reason!, /not settled \(verify\)/);
	t.false(people.statements!.some((line) => line.includes('verify')));

	const none = state(load('alberta'));
	t.false(none.reasons.some((line) => line.includes('Québec')));
});

test('Alberta and British Columbia by establishment; CASL only with commercial e-mail or SMS', (t) => {
	t.true(
		state(load('alberta')).reasons.some((reason) =>
			/Alberta's Personal Information Protection Act/.test(reason),
		),
	);
	t.true(
		state(load('casl-no-consent')).reasons.some((reason) =>
			/British Columbia's Personal Information Protection Act/.test(reason),
		),
	);
	t.false(state(load('alberta')).reasons.some((reason) => reason.includes('CASL')));
	t.true(state(load('casl-no-consent')).reasons.some((reason) => reason.includes('CASL')));
	const report = lawReport(load('ca-quebec') as unknown as DraftAnswers).find(
		(law) => law.id === 'ca',
	)!;
	t.is(report.status, 'applies');
	t.true(report.reasons.some((reason) => reason.includes('CASL')));
});

test('the questions that decide the Canadian parts are asked before they are known, and their gaps are named', (t) => {
	const answers = variant('global-reps', (draft) => {
		delete draft.canada!.provinces;
		delete draft.audience.inQuebec;
	});
	const missing = gaps(answers).map((gap) => gap.fullId);
	t.true(missing.includes('canada.provinces'));
	t.true(missing.includes('audience.inQuebec'));
	const found = findings(answers);
	t.true(found.some((item) => item.questionId === 'canada.provinces' && item.severity === 'error'));
	t.true(
		found.some((item) => item.questionId === 'audience.inQuebec' && item.severity === 'error'),
	);

	// Established in Québec: whether people are in Québec is not asked.
	t.false(
		gaps(variant('ca-quebec', (draft) => delete draft.audience.inQuebec)).some(
			(gap) => gap.fullId === 'audience.inQuebec',
		),
	);
	// Outside Canada: provinces of establishment are not asked.
	t.false(gaps(load('outside-canada')).some((gap) => gap.fullId === 'canada.provinces'));
});

test('computed defaults: the province from the address, and communication outside Québec', (t) => {
	const provinces = computedByName('ca.provinces')!;
	const at = (region: string, country = 'CA'): unknown =>
		provinces({controller: {address: {region, country, lines: [], locality: 'x'}}});
	t.deepEqual(at('Québec'), ['QC']);
	t.deepEqual(at('Quebec'), ['QC']);
	t.deepEqual(at('QC'), ['QC']);
	t.deepEqual(at('Alberta'), ['AB']);
	t.deepEqual(at('B.C.'), ['BC']);
	t.is(at('Nowhere'), undefined);
	t.is(at('Ontario', 'US'), undefined);

	const outside = computedByName('ca.outsideQuebec')!;
	t.is(outside(load('ca-quebec')), true);
	const local = variant('ca-quebec', (draft) => {
		for (const recipient of draft.recipients) {
			recipient.locations = ['CA'];
		}
	});
	t.is(outside(local), undefined);
	t.is(outside(load('quebec-no-french')), true);
});

// Drafting -------------------------------------------------------------------------------

test('every Canadian checklist item is served by a question, drafted for some fixture, and checked', (t) => {
	const byQuestion = new Set(allQuestions().flatMap(({question}) => question.serves ?? []));
	const answerSets: Answers[] = [
		load('global-reps'),
		load('ca-quebec'),
		...fixtureNames.map((name) => load(name)),
	];
	const byText = new Set<string>();
	for (const answers of answerSets) {
		for (const kind of ['policy', 'rights'] as const) {
			for (const id of drafted(answers, kind).served) {
				byText.add(id);
			}
		}
	}

	const byCheck = new Set(unlawful.map((row) => row.id));
	for (const item of caChecklist.items) {
		t.true(byQuestion.has(item.id), `${item.id} has no question`);
		t.true(byText.has(item.id), `${item.id} is never drafted`);
		if (item.kind === 'internal') {
			t.true(byCheck.has(item.id), `${item.id} (internal) has no check`);
		}
	}
});

test('global-reps: privacy officer, transfers out of Canada, CASL lines and deadlines per law, never mixed', (t) => {
	const {markdown} = drafted(load('global-reps'));
	t.regex(
		markdown,
		/### Our privacy officer \(Canada\)\n\nUnder PIPEDA, our Privacy Officer is accountable/,
	);
	t.regex(
		markdown,
		/\*\*Postal address:\*\* Privacy Officer, Northlake Talent Systems Inc\., 1200 Bay Street/,
	);
	t.regex(
		markdown,
		/### Processing outside Canada\n\nThese recipients process your personal information outside Canada:/,
	);
	t.regex(markdown, /\| PostHog \| Germany and United States \|/);
	t.regex(
		markdown,
		/national security authorities of the United States, Germany, the United Kingdom, Ireland and the Netherlands may be able to access it/,
	);
	t.regex(
		markdown,
		/implied consent because you published your address for professional contact.*CASL s\. 10\(9\)\(b\)/,
	);
	t.regex(markdown, /\*\*Risks to you:\*\* If the automatic screening wrongly finds/);
	const canada = markdown.split('\n').find((line) => line.startsWith('**In Canada:**'))!;
	t.regex(canada, /within 30 days of receiving it.*up to 30 days.*PIPEDA s\. 8\(3\)–\(5\)/);
	t.notRegex(canada, /month/);
	t.regex(markdown, /one month/);
	t.regex(
		markdown,
		/Office of the Privacy Commissioner of Canada \(PIPEDA s\. 11\): <https:\/\/www\.priv\.gc\.ca\/en\/report-a-concern\/>/,
	);
	t.notRegex(markdown, /Québec/);
});

test('a controller outside Canada: the information leaves Canada when given to it', (t) => {
	const {markdown, served} = drafted(load('outside-canada'));
	t.regex(
		markdown,
		/your personal information leaves Canada when you give it to us: we are established in the United States/,
	);
	t.regex(markdown, /authorities of the United States may be able to access it/);
	t.true(served.has('CA-XBORDER'));
	t.regex(
		markdown,
		/Some of your personal information is processed outside Canada, in the United States/,
	);
});

test('ca-quebec: person in charge, functions off by default, automated decisions, outside Québec, French version, CAI', (t) => {
	const {markdown, served} = drafted(load('ca-quebec'));
	t.regex(
		markdown,
		/### Person in charge of the protection of personal information \(Québec\)\n\nOur Privacy Officer is in charge of the protection of personal information, a function delegated to them in writing/,
	);
	t.regex(
		markdown,
		/They stay off until you turn them on\. To turn them on or off: switch on "Restaurants near me"/,
	);
	t.regex(
		markdown,
		/### Under Québec law\n\nIf you are in Québec and we make a decision about you based exclusively on automated processing/,
	);
	t.regex(
		markdown,
		/may be communicated outside Québec, including to the recipients above.*we assess the privacy impact and put the communication under a written agreement \(s\. 17\)/,
	);
	t.regex(
		markdown,
		/This policy is also available in French: <https:\/\/tablee\.example\/fr\/politique-de-confidentialite>/,
	);
	t.regex(
		markdown,
		/\*\*In Québec:\*\* we answer your request for access or rectification in writing within 30 days/,
	);
	t.regex(
		markdown,
		/Commission d'accès à l'information du Québec: <https:\/\/www\.cai\.gouv\.qc\.ca>/,
	);
	t.regex(markdown, /\*\*Portability \(Québec\):\*\*/);
	t.regex(markdown, /We always ask for your express consent before using sensitive information\./);
	t.regex(
		markdown,
		/\*\*Commercial e-mails and text messages \(Canada\):\*\* We send them only with your express consent\./,
	);
	for (const id of [
		'QC-3.1',
		'QC-8',
		'QC-8.1',
		'QC-8.2',
		'QC-9.1',
		'QC-12.1',
		'QC-ACCESS',
		'QC-CAI',
		'QC-FR',
		'CASL',
	]) {
		t.true(served.has(id), id);
	}

	// The standalone rights document carries rights, deadlines and complaints, not the policy's own notes.
	const rights = drafted(load('ca-quebec'), 'rights').markdown;
	t.regex(rights, /## If you are in Canada/);
	t.notRegex(rights, /confidentiality policy we publish/);
});

test('Alberta: who answers questions, service providers outside Canada, the Alberta commissioner', (t) => {
	const {markdown, served} = drafted(load('alberta'));
	t.regex(
		markdown,
		/They also answer your questions about how we collect, use and disclose your personal information \(Alberta's PIPA, s\. 13\)\./,
	);
	t.regex(
		markdown,
		/our written policies and practices on service providers outside Canada \(Alberta's PIPA, s\. 13\.1\)/,
	);
	t.regex(markdown, /Information and Privacy Commissioner of Alberta to review/);
	t.true(served.has('AB-BC'));
	t.notRegex(markdown, /British Columbia/);

	const bc = drafted(load('casl-no-consent')).markdown;
	t.regex(bc, /\(British Columbia's PIPA, s\. 10\)/);
	t.regex(
		bc,
		/Information and Privacy Commissioner for British Columbia: <https:\/\/www\.oipc\.bc\.ca>/,
	);
	t.notRegex(bc, /13\.1/);
});

test('the drafted Markdown lints clean for every Canadian fixture', (t) => {
	for (const name of ['global-reps', 'ca-quebec', ...fixtureNames] as const) {
		for (const kind of ['policy', 'rights'] as const) {
			t.deepEqual(lintMarkdown(drafted(load(name), kind).markdown), [], `${name} ${kind}`);
		}
	}
});

test('the fixtures are valid answers of the current schema', (t) => {
	for (const name of fixtureNames) {
		t.true(validateAnswers(load(name)).ok, name);
	}
});

// Checks ---------------------------------------------------------------------------------

type Unlawful = {id: string; what: string; answers: () => Answers};

const unlawful: Unlawful[] = [
	{
		id: 'CA-CONSENT',
		what: 'sensitive information on implied consent',
		answers: () => variant('ca-quebec', (draft) => (draft.purposes[2]!.caConsent = 'implied')),
	},
	{
		id: 'CA-CONSENT',
		what: 'marketing without any consent',
		answers: () => variant('ca-quebec', (draft) => (draft.purposes[5]!.caConsent = 'exception')),
	},
	{id: 'CASL', what: 'commercial e-mail without consent', answers: () => load('casl-no-consent')},
	{
		id: 'CASL',
		what: 'messages that do not identify the sender',
		answers: () => variant('ca-quebec', (draft) => (draft.canada!.caslIdentification = false)),
	},
	{
		id: 'CASL',
		what: 'no unsubscribe honoured within 10 business days',
		answers: () => variant('global-reps', (draft) => (draft.canada!.caslUnsubscribe = false)),
	},
	{
		id: 'QC-3.1',
		what: 'a delegation not in writing',
		answers: () =>
			variant(
				'ca-quebec',
				(draft) => (draft.quebec!.personInCharge!.basis = 'delegated-informally'),
			),
	},
	{
		id: 'QC-8.1',
		what: 'locating functions on by default',
		answers: () => variant('ca-quebec', (draft) => (draft.quebec!.profilingOffByDefault = false)),
	},
	{
		id: 'QC-9.1',
		what: 'privacy settings not at their highest by default',
		answers: () => variant('ca-quebec', (draft) => (draft.quebec!.settingsHighest = false)),
	},
	{
		id: 'QC-12.1',
		what: 'automated decisions without notice or review',
		answers: () => variant('ca-quebec', (draft) => (draft.quebec!.decisionsInformed = false)),
	},
	{
		id: 'QC-17',
		what: 'information leaving Québec without an assessment',
		answers: () => variant('ca-quebec', (draft) => (draft.quebec!.impactAssessment = false)),
	},
	{
		id: 'QC-ACCESS',
		what: 'copies only as PDF',
		answers: () => variant('ca-quebec', (draft) => (draft.rights.exportFormats = ['pdf'])),
	},
	{
		id: 'QC-FR',
		what: 'no French version (a warning: verify)',
		answers: () => load('quebec-no-french'),
	},
];

for (const row of unlawful) {
	test(`check reports ${row.id}: ${row.what}`, (t) => {
		const found = findings(row.answers()).filter(
			(item) => item.id === row.id && item.regime === 'ca',
		);
		t.is(found.length, 1, JSON.stringify(found));
		const expected = caChecklist.items.find((item) => item.id === row.id)!.verify
			? 'warning'
			: 'error';
		t.is(found[0]!.severity, expected);
		t.truthy(found[0]!.fix);
		t.truthy(found[0]!.questionId);
	});
}

test('the French-version fixture only warns; the lawful examples and fixtures give no Canadian finding', (t) => {
	t.false(findings(load('quebec-no-french')).some((item) => item.severity === 'error'));
	for (const name of ['global-reps', 'ca-quebec', 'outside-canada', 'alberta'] as const) {
		t.deepEqual(
			findings(load(name)).filter((item) => item.regime === 'ca' || item.severity === 'error'),
			[],
			name,
		);
	}
});

test('a missing privacy officer is a gap counted against CA-ACCT, and the policy is not drafted', (t) => {
	const answers = variant('ca-quebec', (draft) => delete draft.canada!.privacyOfficer);
	const found = findings(answers);
	t.true(
		found.some(
			(item) => item.id === 'CA-ACCT' && item.questionId === 'canada.privacyOfficer.title',
		),
	);
	t.false(draft(answers as unknown as DraftAnswers, 'policy', sha256).ok);
});

test('the regime claims the Canadian region and drafts no transfer safeguards', (t) => {
	t.deepEqual(ca.regions, ['ca']);
	t.is(ca.transfer, undefined);
});
