import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {Ajv2020} from 'ajv/dist/2020.js';
import {examples} from '../../source/core/answers/examples.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../../source/core/answers/types.js';
import {checkAnswers, lawReport, type Finding} from '../../source/core/checks/findings.js';
import {
	documentKinds,
	documentLabel,
	documentTargets,
	draft,
	type DocumentKind,
} from '../../source/core/drafting/documents.js';
import {servedIds} from '../../source/core/drafting/model.js';
import {applicabilityOf} from '../../source/core/law/applicability.js';
import {usHealth} from '../../source/core/law/us-health/index.js';
import {allQuestions} from '../../source/core/questionnaire/questionnaire.js';
import {defaultValue} from '../../source/core/questionnaire/values.js';
import {gaps, pruneHidden} from '../../source/core/questionnaire/walk.js';
import {readJson, sha256} from '../helpers/answers.js';
import {run, temporaryFolder} from '../helpers/cli.js';
import {fakeIo} from '../helpers/wizard-io.js';
import {planTargets} from '../../source/ui/screens/write.js';
import {lintMarkdown} from '../helpers/markdown.js';

const today = '2026-12-01';
const fixtureNames = [
	'wa-period-tracker',
	'nv-fitness-geofence',
	'marked-but-no',
	'wa-nv-sale',
] as const;
type Name = (typeof fixtureNames)[number] | 'eu-saas' | 'us-consumer' | 'global-reps';

function load(name: Name): Answers {
	const bundled = examples[name];
	const data = bundled
		? bundled.answers
		: (JSON.parse(
				readFileSync(new URL(`../fixtures/law/us-health/${name}.json`, import.meta.url), 'utf8'),
			) as unknown);
	return structuredClone(data) as Answers;
}

function variant(name: Name, change: (answers: Answers) => void): Answers {
	const answers = load(name);
	change(answers);
	return answers;
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

const findings = (answers: Answers): Finding[] =>
	checkAnswers(answers as unknown as DraftAnswers, {today});

const state = (answers: PartialAnswers) => applicabilityOf(pruneHidden(answers)).get('us-health')!;

const healthChecklist = readJson('questionnaires/law/us-health/checklist.json') as {
	items: Array<{id: string; kind?: string; verify?: boolean}>;
};

/** Both states: the Washington fixture serving Nevada too. */
const both = (): Answers =>
	variant('wa-period-tracker', (answers) => {
		answers.audience.usStates = ['WA', 'NV'];
		answers.consumerHealth = {
			...answers.consumerHealth,
			reviewChanges: false,
			crossSiteTracking: false,
		};
	});

// Data -----------------------------------------------------------------------------------

test('the consumer health data files validate against their schemas', (t) => {
	const ajv = new Ajv2020({strict: false, allErrors: true});
	ajv.addSchema(
		readJson('questionnaires/schemas/questionnaire.schema.json') as object,
		'https://privacy-wizard.dev/schemas/questionnaire.schema.json',
	);
	const pairs: Array<[string, string]> = [
		['questionnaires/law/us-health/questions.json', 'regime-questions.schema.json'],
		['questionnaires/law/us-health/checklist.json', 'checklist.schema.json'],
		['questionnaires/law/us-health/messages.en.json', 'messages.schema.json'],
		['questionnaires/law/us-health/data.json', 'us-health-data.schema.json'],
	];
	for (const [file, schema] of pairs) {
		const validate = ajv.compile(readJson(`questionnaires/schemas/${schema}`) as object);
		t.true(validate(readJson(file)), `${file}: ${JSON.stringify(validate.errors)}`);
	}
});

test('the checklist has the five rows of the consumer health table, none unconfirmed', (t) => {
	t.deepEqual(
		healthChecklist.items.map((item) => item.id),
		['US-WA-POLICY', 'US-WA-CONSENT', 'US-WA-SELL', 'US-WA-RIGHTS', 'US-NV-CHD'],
	);
	t.false(healthChecklist.items.some((item) => item.verify));
});

test('the fixtures are valid answers of the current schema', (t) => {
	for (const name of fixtureNames) {
		const result = validateAnswers(load(name));
		t.true(result.ok, `${name}: ${JSON.stringify(result)}`);
	}
});

// Applicability --------------------------------------------------------------------------

test('no threshold: a small company collecting consumer health data of Washington consumers is covered', (t) => {
	const result = state(load('wa-period-tracker'));
	t.is(result.status, 'applies');
	t.regex(result.reasons[0]!, /consumers in Washington.*whatever your size \(RCW 19\.373/);
	t.deepEqual(result.statements, [
		"we collect consumer health data of consumers in Washington (Washington's My Health My Data Act, RCW 19.373)",
	]);
	t.is(load('wa-period-tracker').usThresholds!.annualRevenueUsd, 2_400_000);
});

test('Nevada alone: Nevada reasons only, and Washington is never cited', (t) => {
	const answers = load('nv-fitness-geofence');
	const result = state(answers);
	t.is(result.status, 'applies');
	t.is(result.reasons.length, 1);
	t.regex(result.reasons[0]!, /Nevada.*NRS 603A\.430/);
	const policy = drafted(
		variant('nv-fitness-geofence', (a) => (a.consumerHealth!.geofencing = false)),
	);
	const health = drafted(
		variant('nv-fitness-geofence', (a) => (a.consumerHealth!.geofencing = false)),
		'consumer-health',
	);
	for (const markdown of [policy.markdown, health.markdown]) {
		t.notRegex(markdown, /Washington|RCW/);
	}

	t.regex(health.markdown, /Nevada bans this within 1,750 feet/);
	const selling = variant('nv-fitness-geofence', (a) => {
		a.consumerHealth!.geofencing = false;
		a.consumerHealth!.saleAuthorization = true;
		a.recipients[0]!.sold = true;
	});
	const sale = drafted(selling, 'consumer-health').markdown;
	t.regex(sale, /expires one year after you sign it\./);
	t.notRegex(sale, /RCW/);
	t.deepEqual(findings(selling), []);
	t.regex(health.markdown, /within 45 days of authenticating your request/);
});

test('the answer decides, asked only of companies serving Washington or Nevada', (t) => {
	t.is(
		state(variant('wa-period-tracker', (a) => (a.consumerHealth = {collects: false, items: []})))
			.status,
		'applies',
		'a health-marked item keeps the law applying',
	);
	const unmarked = variant('wa-period-tracker', (a) => {
		for (const item of a.dataItems) {
			delete item.sensitive;
		}

		a.consumerHealth = {collects: false};
	});
	t.is(state(unmarked).status, 'does-not-apply');
	t.regex(state(unmarked).reasons[0]!, /collect no consumer health data/);

	const unanswered = variant('wa-period-tracker', (a) => delete a.consumerHealth);
	for (const item of unanswered.dataItems) {
		delete item.sensitive;
	}

	const unknown = state(unanswered);
	t.is(unknown.status, 'unknown');
	t.deepEqual(unknown.missing, ['consumerHealth.collects']);
	t.true(gaps(unanswered).some((gap) => gap.fullId === 'consumerHealth.collects'));
	t.true(
		findings(unanswered).some(
			(finding) =>
				finding.id === 'LAW-UNDRAFTED' && finding.questionId === 'consumerHealth.collects',
		),
	);

	const california = variant('wa-period-tracker', (a) => (a.audience.usStates = ['OR']));
	t.is(state(california).status, 'does-not-apply');
	t.false(gaps(california).some((gap) => gap.fullId.startsWith('consumerHealth')));
});

test('the question suggests yes when a data item is marked as health data, to be confirmed', (t) => {
	const entry = allQuestions().find(({fullId}) => fullId === 'consumerHealth.collects')!;
	t.true(entry.question.confirmDefault);
	t.regex(entry.question.help, /fitness.*period.*inferences/s);
	const context = {today, suggestions: {}};
	t.is(defaultValue(entry.question, load('wa-period-tracker'), context), true);
	const unmarked = variant('wa-period-tracker', (a) => {
		for (const item of a.dataItems) {
			delete item.sensitive;
		}
	});
	t.is(defaultValue(entry.question, unmarked, context), undefined);
	const items = allQuestions().find(({fullId}) => fullId === 'consumerHealth.items')!;
	t.deepEqual(defaultValue(items.question, load('wa-period-tracker'), context), [
		'cycle-log',
		'cycle-predictions',
	]);
});

test('none of its text or questions appear when it does not apply', (t) => {
	for (const name of ['eu-saas', 'us-consumer', 'global-reps'] as const) {
		const answers = load(name);
		t.is(state(answers).status, 'does-not-apply', name);
		for (const kind of ['policy', 'rights'] as const) {
			const {markdown, served} = drafted(answers, kind);
			t.notRegex(markdown, /[Cc]onsumer health data|RCW|NRS 603A|geofence/, `${name} ${kind}`);
			t.false([...served].some((id) => id.startsWith('US-WA') || id === 'US-NV-CHD'));
		}

		const result = draft(answers as unknown as DraftAnswers, 'consumer-health', sha256);
		t.false(result.ok);
		t.true(!result.ok && 'inapplicable' in result, name);
		t.false(gaps(answers).some((gap) => gap.fullId.startsWith('consumerHealth')));
	}
});

// Drafting -------------------------------------------------------------------------------

test('every consumer health checklist item is served by a question, drafted for some fixture, and checked', (t) => {
	const byQuestion = new Set(allQuestions().flatMap(({question}) => question.serves ?? []));
	const sold = load('wa-nv-sale');
	const byText = new Set<string>();
	for (const answers of [
		load('wa-period-tracker'),
		variant('nv-fitness-geofence', (a) => (a.consumerHealth!.geofencing = false)),
		sold,
	]) {
		for (const kind of ['policy', 'rights', 'consumer-health'] as const) {
			for (const id of drafted(answers, kind).served) {
				byText.add(id);
			}
		}
	}

	const byCheck = new Set(unlawful.map((row) => row.id));
	for (const item of healthChecklist.items) {
		t.true(byQuestion.has(item.id), `${item.id} has no question`);
		t.true(byText.has(item.id), `${item.id} is never drafted`);
		t.true(byCheck.has(item.id), `${item.id} has no specific check`);
	}
});

test('the Washington period tracker: a separate policy with categories, sources, purposes, terms, recipients and rights', (t) => {
	const {markdown, served} = drafted(load('wa-period-tracker'), 'consumer-health');
	t.regex(markdown, /^# Lunara Consumer Health Data Privacy Policy\n/);
	t.regex(markdown, /under Washington's My Health My Data Act \(RCW 19\.373\)\./);
	t.regex(
		markdown,
		/\| Cycle log \| the period dates, flow, symptoms, moods and basal body temperatures you log \| From you, when you log a day in the app \| Tracking your cycle and Contributing to cycle research \|/,
	);
	t.regex(markdown, /We derive or infer Cycle predictions from other information about you\./);
	t.regex(
		markdown,
		/### Tracking your cycle[\s\S]*\*\*On what terms:\*\* Only as far as necessary to provide Lunara as you asked\./,
	);
	t.regex(
		markdown,
		/### Contributing to cycle research[\s\S]*\*\*On what terms:\*\* Only with your consent for this purpose/,
	);
	t.regex(
		markdown,
		/\| Cascadia Cycle Study \(University of Cascadia\) \| Third party \| Cycle log \| .* \| Only with your consent to share, which we ask separately from your consent to collect \|/,
	);
	t.regex(markdown, /No affiliate of ours receives consumer health data\./);
	t.regex(markdown, /We do not sell consumer health data\./);
	t.regex(
		markdown,
		/a list of every third party and affiliate .* an email address or other online way to contact each/,
	);
	t.regex(markdown, /\*\*Withdraw consent:\*\*/);
	t.regex(markdown, /\*\*Delete:\*\* have it deleted/);
	t.regex(
		markdown,
		/\*\*Appeal:\*\* if we decline to act on your request, you can appeal: reply to our decision email with the word Appeal.*within 45 days of receiving it.*Washington State Attorney General \(RCW 19\.373\.040\)/,
	);
	t.regex(markdown, /Washington bans this within 2,000 feet, RCW 19\.373\.080/);
	t.regex(markdown, /<https:\/\/www\.atg\.wa\.gov\/file-complaint>/);
	t.notRegex(markdown, /Nevada|NRS/);
	t.true(served.has('US-WA-POLICY'));
	t.true(served.has('US-WA-RIGHTS'));
	t.false(served.has('US-WA-SELL'));
});

test('the privacy policy links to the separate policy, and the rights document points to it', (t) => {
	const answers = load('wa-period-tracker');
	const {markdown} = drafted(answers);
	t.regex(
		markdown,
		/## Consumer health data\n\nWe collect consumer health data of consumers in Washington\. Our Consumer Health Data Privacy Policy, a document of its own, .*: \[Consumer Health Data Privacy Policy\]\(https:\/\/lunara\.example\/consumer-health-privacy\)\./,
	);
	t.regex(
		markdown,
		/### Your rights over consumer health data\n\nIf you are a consumer in Washington, you also have rights/,
	);
	t.regex(drafted(answers, 'rights').markdown, /\[Consumer Health Data Privacy Policy\]\(https:/);
});

test('Washington and Nevada together: both laws, deadlines and bans, each cited once', (t) => {
	const {markdown} = drafted(both(), 'consumer-health');
	t.regex(
		markdown,
		/under Washington's My Health My Data Act \(RCW 19\.373\) and Nevada's consumer health data privacy law \(NRS 603A\.400–603A\.590\)/,
	);
	t.regex(markdown, /within 45 days of receiving your request \(in Nevada, of authenticating it\)/);
	t.regex(markdown, /\(RCW 19\.373\.040; NRS 603A\.510\)/);
	t.regex(
		markdown,
		/Washington bans this within 2,000 feet, RCW 19\.373\.080; Nevada within 1,750 feet/,
	);
	t.regex(markdown, /enforced by the Nevada Attorney General alone/);
	t.regex(markdown, /\*\*Review and change:\*\* we have no process for asking us to change/);
	t.regex(markdown, /We do not let third parties collect consumer health data about you over time/);
});

test('a sale is described with the signed, one-year authorization; affiliates are named', (t) => {
	const answers = load('wa-nv-sale');
	const {markdown, served} = drafted(answers, 'consumer-health');
	t.regex(
		markdown,
		/which you sign and date.*expires one year after you sign it \(RCW 19\.373\.070\)/,
	);
	t.regex(
		markdown,
		/\| Cascadia Cycle Study \(University of Cascadia\) \| Third party \| Cycle log \| .* \| Sold only with your signed authorization, separate from any consent \|/,
	);
	t.regex(markdown, /\| Lunara Labs \(Lunara Labs LLC\) \| Our affiliate \|/);
	t.regex(markdown, /Our affiliates that receive consumer health data: Lunara Labs\./);
	t.true(served.has('US-WA-SELL'));
	t.deepEqual(findings(answers), []);
});

test('a geofence is never denied in the text', (t) => {
	const {markdown} = drafted(load('nv-fitness-geofence'), 'consumer-health');
	t.notRegex(markdown, /geofence/i);
});

test('the drafted Markdown lints clean, and the same answers give the same bytes', (t) => {
	for (const answers of [
		load('wa-period-tracker'),
		load('nv-fitness-geofence'),
		load('wa-nv-sale'),
		both(),
	]) {
		for (const kind of ['policy', 'rights', 'consumer-health'] as const) {
			const first = drafted(answers, kind).markdown;
			t.deepEqual(lintMarkdown(first), [], kind);
			t.is(drafted(structuredClone(answers), kind).markdown, first);
		}
	}
});

// Checks ---------------------------------------------------------------------------------

test('the complete Washington fixture has no finding at all', (t) => {
	t.deepEqual(findings(load('wa-period-tracker')), []);
	t.deepEqual(findings(both()), []);
	const report = lawReport(load('wa-period-tracker') as unknown as DraftAnswers);
	t.deepEqual(
		report.filter((law) => law.status === 'applies').map((law) => law.id),
		['us-health'],
	);
});

type Unlawful = {id: string; what: string; answers: () => Answers; path?: string};

const unlawful: Unlawful[] = [
	{
		id: 'US-WA-POLICY',
		what: 'a health-marked item with "no consumer health data"',
		answers: () => load('marked-but-no'),
		path: 'consumerHealth.collects',
	},
	{
		id: 'US-WA-POLICY',
		what: 'no prominent homepage link',
		answers: () => variant('wa-period-tracker', (a) => (a.consumerHealth!.homepageLink = false)),
	},
	{
		id: 'US-WA-CONSENT',
		what: 'consent requests that do not disclose what they must',
		answers: () => variant('wa-period-tracker', (a) => (a.consumerHealth!.consentRequest = false)),
	},
	{
		id: 'US-WA-CONSENT',
		what: 'one consent for collecting and sharing',
		answers: () =>
			variant('wa-period-tracker', (a) => (a.consumerHealth!.separateShareConsent = false)),
	},
	{
		id: 'US-WA-CONSENT',
		what: 'marketing "necessary" to the service',
		answers: () =>
			variant('wa-period-tracker', (a) => {
				a.purposes[1]!.directMarketing = true;
				a.purposes[1]!.healthBasis = 'necessary';
			}),
	},
	{
		id: 'US-WA-CONSENT',
		what: 'advertising "necessary" to the service',
		answers: () =>
			variant('wa-period-tracker', (a) => {
				a.recipients[1]!.shared = true;
				a.recipients[1]!.healthShareBasis = 'necessary';
			}),
	},
	{
		id: 'US-WA-SELL',
		what: 'selling without a signed authorization',
		answers: () =>
			variant('wa-period-tracker', (a) => {
				a.recipients[1]!.sold = true;
				a.consumerHealth!.saleAuthorization = false;
			}),
	},
	{
		id: 'US-WA-RIGHTS',
		what: 'access without the recipients and their contacts',
		answers: () =>
			variant('wa-period-tracker', (a) => (a.consumerHealth!.thirdPartyContacts = false)),
	},
	{
		id: 'US-WA-RIGHTS',
		what: 'a geofence around health care in Washington',
		answers: () => variant('wa-period-tracker', (a) => (a.consumerHealth!.geofencing = true)),
	},
	{
		id: 'US-NV-CHD',
		what: 'the Nevada fitness app that geofences',
		answers: () => load('nv-fitness-geofence'),
		path: 'consumerHealth.geofencing',
	},
];

for (const row of unlawful) {
	test(`check errors on ${row.id}: ${row.what}`, (t) => {
		// Missing answers are gaps of their own: the check is the finding on the answer given.
		const found = findings(row.answers()).filter(
			(finding) =>
				finding.id === row.id &&
				finding.regime === 'us-health' &&
				!finding.message.startsWith('Missing answer'),
		);
		t.is(found.length, 1, JSON.stringify(found));
		t.is(found[0]!.severity, 'error');
		t.truthy(found[0]!.fix);
		t.truthy(found[0]!.questionId);
		if (row.path) {
			t.is(found[0]!.path, row.path);
		}
	});
}

test('the health-marked fixture names its items; the Nevada geofence cites Nevada only', (t) => {
	const marked = findings(load('marked-but-no')).find(
		(finding) => finding.questionId === 'consumerHealth.collects',
	)!;
	t.regex(marked.message, /"Cycle log".*"Cycle predictions".*Washington or Nevada/);
	const nevada = findings(load('nv-fitness-geofence'));
	t.deepEqual(
		nevada.map((finding) => finding.id),
		['US-NV-CHD'],
	);
	t.regex(nevada[0]!.message, /1,750 feet/);
	t.notRegex(nevada[0]!.fix, /RCW/);
	const both = findings(
		variant('wa-period-tracker', (a) => {
			a.audience.usStates = ['WA', 'NV'];
			a.consumerHealth = {
				...a.consumerHealth,
				reviewChanges: true,
				crossSiteTracking: false,
				geofencing: true,
			};
		}),
	);
	t.deepEqual(
		both.map((finding) => finding.id),
		['US-WA-RIGHTS', 'US-NV-CHD'],
	);
});

// The shared drafter: documents of a regime's own ----------------------------------------

test('the consumer health policy is a document kind of its own, written where the answers say', (t) => {
	t.true(documentKinds.includes('consumer-health'));
	t.is(documentLabel('consumer-health'), 'consumer health data privacy policy');
	t.is(documentLabel('policy'), 'privacy policy');
	t.deepEqual(documentTargets(load('wa-period-tracker') as unknown as DraftAnswers), [
		{kind: 'policy', path: 'PRIVACY.md'},
		{kind: 'rights', path: 'DATA-RIGHTS.md'},
		{kind: 'subprocessors'},
		{kind: 'inventory'},
		{kind: 'consumer-health', path: 'CONSUMER-HEALTH-PRIVACY.md'},
	]);
	t.deepEqual(
		documentTargets(load('us-consumer') as unknown as DraftAnswers).map((target) => target.kind),
		['policy', 'rights', 'subprocessors', 'inventory', 'cookies', 'notice-at-collection'],
	);
	const {markdown} = drafted(load('wa-period-tracker'), 'consumer-health');
	t.regex(markdown, /\n<!-- privacy-wizard: consumer-health sha256:[0-9a-f]{64} -->\n$/);
	t.is(usHealth.drafting!.documents![0]!.output, 'healthPolicyPath');
});

test('without the path of the separate policy the answers are incomplete, and check counts it against US-WA-POLICY', (t) => {
	const answers = variant('wa-period-tracker', (a) => delete a.outputs!.healthPolicyPath);
	t.true(
		findings(answers).some(
			(finding) =>
				finding.id === 'US-WA-POLICY' && finding.questionId === 'outputs.healthPolicyPath',
		),
	);
});

test('the coverage check reads the documents of the laws that apply, not only the policy', (t) => {
	// US-WA-CONSENT is stated only in the separate policy: were coverage read from the privacy
	// policy alone, check would report it missing.
	const served = drafted(load('wa-period-tracker'), 'consumer-health').served;
	const policyOnly = drafted(load('wa-period-tracker')).served;
	t.true(served.has('US-WA-CONSENT'));
	t.false(policyOnly.has('US-WA-CONSENT'));
	t.deepEqual(
		findings(load('wa-period-tracker')).filter((finding) => finding.id === 'US-WA-CONSENT'),
		[],
	);
});

// The CLI ------------------------------------------------------------------------------------

test('CLI: generate --document consumer-health writes the separate policy, and check is then clean', async (t) => {
	const folder = temporaryFolder(t);
	const answers = load('wa-period-tracker');
	writeFileSync(path.join(folder, 'answers.json'), `${JSON.stringify(answers, undefined, 2)}\n`);
	const missing = await run(['check', '--answers', 'answers.json', '--no-scan'], {cwd: folder});
	t.regex(
		missing.stdout,
		/DOC-MISSING +CONSUMER-HEALTH-PRIVACY\.md has not been written yet\.[\s\S]*privacy-wizard generate --document consumer-health --out CONSUMER-HEALTH-PRIVACY\.md/,
	);
	for (const [kind, file] of [
		['policy', 'PRIVACY.md'],
		['rights', 'DATA-RIGHTS.md'],
		['consumer-health', 'CONSUMER-HEALTH-PRIVACY.md'],
	] as const) {
		const written = await run(
			['generate', '--answers', 'answers.json', '--document', kind, '--out', file],
			{cwd: folder},
		);
		t.is(written.exitCode, 0, written.stderr);
	}

	t.is(
		readFileSync(path.join(folder, 'CONSUMER-HEALTH-PRIVACY.md'), 'utf8'),
		drafted(answers, 'consumer-health').markdown,
	);
	const clean = await run(['check', '--answers', 'answers.json', '--no-scan'], {cwd: folder});
	t.is(clean.exitCode, 0, clean.stdout);
	t.regex(clean.stdout, /No findings/);

	answers.consumerHealth!.appealHow = 'use the appeal form at https://lunara.example/appeal';
	writeFileSync(path.join(folder, 'answers.json'), `${JSON.stringify(answers, undefined, 2)}\n`);
	const stale = await run(['check', '--answers', 'answers.json', '--no-scan'], {cwd: folder});
	t.is(stale.exitCode, 1);
	t.regex(stale.stdout, /DOC-STALE +CONSUMER-HEALTH-PRIVACY\.md is out of date/);
});

test('CLI: a consumer health policy for answers no such law applies to is refused with a reason', async (t) => {
	const folder = temporaryFolder(t);
	const result = await run(
		['generate', '--example', 'us-consumer', '--document', 'consumer-health'],
		{cwd: folder},
	);
	t.is(result.exitCode, 1);
	t.is(result.stdout, '');
	t.regex(
		result.stderr,
		/No consumer health data privacy policy is drafted .*no law that applies to them requires one/,
	);
	t.notRegex(result.stderr, /at .*\.js:\d+/);
});

test('the wizard writes the separate policy with the others, where the answers say', async (t) => {
	const planned = await planTargets(load('wa-period-tracker') as unknown as DraftAnswers, fakeIo());
	t.true(Array.isArray(planned));
	t.deepEqual(
		(planned as Array<{kind: string; relative: string}>).map((target) => [
			target.kind,
			target.relative,
		]),
		[
			['policy', 'PRIVACY.md'],
			['rights', 'DATA-RIGHTS.md'],
			['consumer-health', 'CONSUMER-HEALTH-PRIVACY.md'],
		],
	);
	const others = await planTargets(load('us-consumer') as unknown as DraftAnswers, fakeIo());
	t.deepEqual(
		(others as Array<{kind: string}>).map((target) => target.kind),
		['policy', 'rights'],
	);
});
