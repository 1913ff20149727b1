import {readFileSync} from 'node:fs';
import test from 'ava';
import {Ajv2020} from 'ajv/dist/2020.js';
import {examples} from '../../source/core/answers/examples.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../../source/core/answers/types.js';
import {checkAnswers, type Finding} from '../../source/core/checks/findings.js';
import {draft, type DocumentKind} from '../../source/core/drafting/documents.js';
import {servedIds} from '../../source/core/drafting/model.js';
import {applicabilityOf} from '../../source/core/law/applicability.js';
import {allQuestions} from '../../source/core/questionnaire/questionnaire.js';
import {gaps, pruneHidden} from '../../source/core/questionnaire/walk.js';
import {readJson, sha256} from '../helpers/answers.js';
import {lintMarkdown} from '../helpers/markdown.js';

const today = '2026-12-01';
const fixtureNames = ['kids-with-consent', 'kids-without-consent', 'kids-ad-partner'] as const;
type Name = (typeof fixtureNames)[number] | 'eu-saas' | 'us-consumer' | 'br-app' | 'ca-quebec';

function load(name: Name): Answers {
	const bundled = examples[name];
	const data = bundled
		? bundled.answers
		: (JSON.parse(
				readFileSync(new URL(`../fixtures/law/us-coppa/${name}.json`, import.meta.url), 'utf8'),
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

const findings = (answers: Answers, on = today): Finding[] =>
	checkAnswers(answers as unknown as DraftAnswers, {today: on});

const state = (answers: PartialAnswers) => applicabilityOf(pruneHidden(answers)).get('us-coppa')!;

const coppaChecklist = readJson('questionnaires/law/us-coppa/checklist.json') as {
	items: Array<{id: string; kind?: string; verify?: boolean}>;
};

/** The reading app with an advertising partner that receives children's data, on separate consent. */
const withAdPartner = (change: (answers: Answers) => void = () => undefined): Answers =>
	variant('kids-ad-partner', change);

// Data -----------------------------------------------------------------------------------

test('the COPPA data files validate against their schemas', (t) => {
	const ajv = new Ajv2020({strict: false, allErrors: true});
	ajv.addSchema(
		readJson('questionnaires/schemas/questionnaire.schema.json') as object,
		'https://privacy-wizard.dev/schemas/questionnaire.schema.json',
	);
	const pairs: Array<[string, string]> = [
		['questionnaires/law/us-coppa/questions.json', 'regime-questions.schema.json'],
		['questionnaires/law/us-coppa/checklist.json', 'checklist.schema.json'],
		['questionnaires/law/us-coppa/messages.en.json', 'messages.schema.json'],
		['questionnaires/law/us-coppa/data.json', 'us-coppa-data.schema.json'],
	];
	for (const [file, schema] of pairs) {
		const validate = ajv.compile(readJson(`questionnaires/schemas/${schema}`) as object);
		t.true(validate(readJson(file)), `${file}: ${JSON.stringify(validate.errors)}`);
	}
});

test('the 2025 amendments: compliance from 22 April 2026; US-STATES-MINORS is not this regime', (t) => {
	const data = readJson('questionnaires/law/us-coppa/data.json') as {
		amendments: {published: string; effective: string; compliance: string};
	};
	t.deepEqual(
		[data.amendments.published, data.amendments.effective, data.amendments.compliance],
		['2025-04-22', '2025-06-23', '2026-04-22'],
	);
	t.false(coppaChecklist.items.some((item) => item.id === 'US-STATES-MINORS'));
	t.false(coppaChecklist.items.some((item) => item.verify));
});

test('the fixtures are valid answers of the current schema', (t) => {
	for (const name of fixtureNames) {
		const result = validateAnswers(load(name));
		t.true(result.ok, `${name}: ${JSON.stringify(result)}`);
	}
});

// Applicability --------------------------------------------------------------------------

test('directed to children under 13: COPPA applies, and says why', (t) => {
	const result = state(load('kids-with-consent'));
	t.is(result.status, 'applies');
	t.regex(result.reasons[0]!, /directed to children under 13, its primary audience/);
	t.regex(result.statements![0]!, /^Sprout Reading is directed to children under 13/);
});

test('a mixed audience, actual knowledge, and a minimum age under 13 each bring COPPA', (t) => {
	for (const audience of ['mixed', 'knowledge'] as const) {
		const answers = variant('kids-with-consent', (a) => {
			a.coppa!.audience = audience;
			a.children.minimumAge = 13;
		});
		t.is(state(answers).status, 'applies', audience);
	}

	const young = variant('kids-with-consent', (a) => delete a.coppa!.audience);
	t.is(state(young).status, 'applies');
	t.regex(state(young).reasons[0]!, /minimum age is 5/);
});

test('a general-audience service from 13 is not asked; an offer to teens is asked, and unknown until answered', (t) => {
	const us = load('us-consumer');
	t.is(state(us).status, 'does-not-apply');
	t.false(gaps(us).some((gap) => gap.fullId.startsWith('coppa.')));

	const teens = variant('us-consumer', (a) => {
		a.children = {offered: true, minimumAge: 13, parentalConsent: 'A parent confirms by email.'};
	});
	const result = state(teens);
	t.is(result.status, 'unknown');
	t.deepEqual(result.missing, ['coppa.audience']);
	t.true(gaps(teens).some((gap) => gap.fullId === 'coppa.audience'));
	const answered = variant('us-consumer', (a) => {
		a.children = {offered: true, minimumAge: 13, parentalConsent: 'A parent confirms by email.'};
		a.coppa = {audience: 'no'};
	});
	t.is(state(answered).status, 'does-not-apply');
});

test('no US people and no US establishment: COPPA does not apply and none of its text appears', (t) => {
	for (const name of ['eu-saas', 'br-app', 'ca-quebec'] as const) {
		const answers = variant(name, (a) => (a.children.minimumAge = 10));
		t.is(state(answers).status, 'does-not-apply', name);
		t.regex(state(answers).reasons[0]!, /neither serve people in the United States/);
	}

	for (const name of ['eu-saas', 'us-consumer'] as const) {
		for (const kind of ['policy', 'rights'] as const) {
			const {markdown, served} = drafted(load(name), kind);
			t.notRegex(markdown, /COPPA|children under 13|16 CFR/, `${name} ${kind}`);
			t.false([...served].some((id) => id.startsWith('US-COPPA')));
		}
	}

	const american = variant('eu-saas', (a) => {
		a.controller.address = {
			lines: ['1 Main Street'],
			locality: 'Austin',
			region: 'TX',
			country: 'US',
		};
		a.children.minimumAge = 10;
	});
	t.is(state(american).status, 'applies', 'a US operator is covered whoever it serves');
});

// Drafting -------------------------------------------------------------------------------

test('every COPPA checklist item is served by a question, drafted for some fixture, and checked', (t) => {
	const byQuestion = new Set(allQuestions().flatMap(({question}) => question.serves ?? []));
	const mixed = variant('kids-with-consent', (a) => {
		a.coppa!.audience = 'mixed';
		a.coppa!.ageScreen = true;
	});
	const byText = new Set<string>();
	for (const answers of [load('kids-with-consent'), withAdPartner(), mixed]) {
		for (const kind of ['policy', 'rights'] as const) {
			for (const id of drafted(answers, kind).served) {
				byText.add(id);
			}
		}
	}

	const byCheck = new Set(unlawful.map((row) => row.id));
	for (const item of coppaChecklist.items) {
		t.true(byQuestion.has(item.id), `${item.id} has no question`);
		if (item.kind === 'internal') {
			t.true(byCheck.has(item.id), `${item.id} (internal) has no check`);
		} else {
			t.true(byText.has(item.id), `${item.id} is never drafted`);
		}
	}
});

test('the online notice of 16 CFR 312.4(d), as a section of its own', (t) => {
	const {markdown, served} = drafted(load('kids-with-consent'));
	t.regex(
		markdown,
		/\n## Children under 13\n\nSprout Reading is directed to children under 13\. This section is our notice, under the Children's Online Privacy Protection Act \(COPPA\)/,
	);
	t.regex(
		markdown,
		/The operator that collects and maintains personal information from children through Sprout Reading is Sprout Stories, Inc\., 44 Pearl Street, Floor 3, Brooklyn, NY 11201, United States; telephone \+1 718 555 0163; email <privacy@sprout\.example>\./,
	);
	t.regex(
		markdown,
		/- \*\*Child's first name:\*\* the first name or nickname shown in the app\. We use it for: Providing the reading app and Sending progress reports to parents\./,
	);
	t.notRegex(markdown, /\*\*Parent's email address:\*\*/);
	t.regex(
		markdown,
		/Children cannot make personal information publicly available through Sprout Reading\./,
	);
	t.regex(
		markdown,
		/only to support the internal operations of Sprout Reading \(16 CFR 312\.5\(c\)\(7\)\): to keep the app working/,
	);
	t.regex(
		markdown,
		/\| Postmark \(ActiveCampaign, LLC\) \| Service provider acting for us \| Child's first name \|/,
	);
	t.regex(markdown, /We do not disclose children's personal information to third parties/);
	t.regex(
		markdown,
		/Our data retention policy for children's personal information \(16 CFR 312\.10\)/,
	);
	t.regex(markdown, /- \*\*Keeping the app working:\*\* 90 days after the crash\./);
	t.regex(
		markdown,
		/we ask a parent for verifiable consent, by a credit card, debit card or other online payment system .*; or a consent form the parent signs/,
	);
	t.regex(
		markdown,
		/A parent can review the personal information we have collected from their child, have it deleted, and refuse to let us collect or use it further \(16 CFR 312\.6\)/,
	);
	t.regex(
		markdown,
		/## Children\n\nOur service is offered to children from the age of 5\.[\s\S]*the section Children under 13 below is our notice/,
	);
	for (const id of [
		'US-COPPA',
		'US-COPPA-NOTICE',
		'US-COPPA-RETENTION',
		'US-COPPA-VPC',
		'US-COPPA-PARENT',
		'US-COPPA-INTERNAL',
	]) {
		t.true(served.has(id), id);
	}

	t.false(served.has('US-COPPA-3P'));
});

test('third parties are named with their purposes, and the separate consent to disclose stated', (t) => {
	const {markdown, served} = drafted(withAdPartner());
	t.regex(
		markdown,
		/\| KidAds Network \(KidAds, Inc\.\) \| Third party using it for its own purposes \| Device identifier \| shows contextual ads for children’s books \|/,
	);
	t.regex(
		markdown,
		/A parent can consent to our collecting and using their child's information without consenting to its disclosure to third parties \(16 CFR 312\.5\(a\)\(2\)\)\./,
	);
	t.true(served.has('US-COPPA-3P'));
	t.deepEqual(findings(withAdPartner()), []);
	const unconsented = withAdPartner((a) => (a.coppa!.separateDisclosureConsent = false));
	t.notRegex(drafted(unconsented).markdown, /without consenting to its disclosure/);
});

test('a mixed audience and actual knowledge get their own introductions, and public posting is described', (t) => {
	const mixed = drafted(
		variant('kids-with-consent', (a) => {
			a.coppa!.audience = 'mixed';
			a.coppa!.ageScreen = true;
			a.coppa!.publicPosting = true;
			a.coppa!.publicPostingHow =
				'in their reader profile, which other readers in the class can see';
			a.coppa!.otherOperators = ['StoryCloud Plug-ins, Inc.'];
		}),
	).markdown;
	t.regex(
		mixed,
		/directed to children under 13 as well as to older users\. We ask every user's age/,
	);
	t.regex(
		mixed,
		/Children can make personal information publicly available through Sprout Reading: in their reader profile/,
	);
	t.regex(
		mixed,
		/These operators also collect or maintain personal information from children through Sprout Reading: StoryCloud Plug-ins, Inc\. We answer all questions from parents/,
	);
	const knowledge = drafted(
		variant('kids-with-consent', (a) => (a.coppa!.audience = 'knowledge')),
	).markdown;
	t.regex(
		knowledge,
		/## Children under 13\n\nSome users of Sprout Reading are children under 13\./,
	);
});

test('the drafted Markdown lints clean, and the same answers give the same bytes', (t) => {
	for (const answers of [load('kids-with-consent'), withAdPartner()]) {
		for (const kind of ['policy', 'rights'] as const) {
			const first = drafted(answers, kind).markdown;
			t.deepEqual(lintMarkdown(first), [], kind);
			t.is(drafted(structuredClone(answers), kind).markdown, first);
		}
	}
});

// Checks ---------------------------------------------------------------------------------

test('the complete fixture with parental consent has no finding at all', (t) => {
	t.deepEqual(findings(load('kids-with-consent')), []);
});

type Unlawful = {id: string; what: string; answers: () => Answers; path: string};

const unlawful: Unlawful[] = [
	{
		id: 'US-COPPA-VPC',
		what: 'children under 13 admitted without a parental consent method',
		answers: () => load('kids-without-consent'),
		path: 'children.offered',
	},
	{
		id: 'US-COPPA',
		what: '"not directed to children" with a minimum age of 5',
		answers: () => variant('kids-with-consent', (a) => (a.coppa!.audience = 'no')),
		path: 'coppa.audience',
	},
	{
		id: 'US-COPPA-VPC',
		what: 'email plus while disclosing to third parties',
		answers: () => withAdPartner((a) => (a.coppa!.consentMethods = ['email-plus'])),
		path: 'coppa.consentMethods',
	},
	{
		id: 'US-COPPA-3P',
		what: 'disclosure to third parties without a separate consent',
		answers: () => withAdPartner((a) => (a.coppa!.separateDisclosureConsent = false)),
		path: 'coppa.separateDisclosureConsent',
	},
	{
		id: 'US-COPPA-NOTICE',
		what: 'no telephone number for the operator',
		answers: () => variant('kids-with-consent', (a) => delete a.controller.phone),
		path: 'controller.phone',
	},
	{
		id: 'US-COPPA-NOTICE',
		what: 'the notice not linked from the home page',
		answers: () => variant('kids-with-consent', (a) => (a.coppa!.noticeLinked = false)),
		path: 'coppa.noticeLinked',
	},
	{
		id: 'US-COPPA-DIRECT',
		what: 'no direct notice to parents',
		answers: () => variant('kids-with-consent', (a) => (a.coppa!.directNotice = false)),
		path: 'coppa.directNotice',
	},
	{
		id: 'US-COPPA-SECURITY',
		what: 'no written information security program',
		answers: () => variant('kids-with-consent', (a) => (a.coppa!.securityProgram = false)),
		path: 'coppa.securityProgram',
	},
	{
		id: 'US-COPPA-MIXED',
		what: 'a mixed audience without an age screen',
		answers: () =>
			variant('kids-with-consent', (a) => {
				a.coppa!.audience = 'mixed';
				a.coppa!.ageScreen = false;
			}),
		path: 'coppa.ageScreen',
	},
];

for (const row of unlawful) {
	test(`check errors on ${row.id}: ${row.what}`, (t) => {
		const found = findings(row.answers()).filter(
			(finding) => finding.id === row.id && finding.path === row.path,
		);
		t.is(found.length, 1, JSON.stringify(found));
		t.is(found[0]!.severity, 'error');
		t.is(found[0]!.regime, 'us-coppa');
		t.truthy(found[0]!.fix);
	});
}

test('before the compliance date of the 2025 amendments, their findings only warn', (t) => {
	const answers = variant('kids-with-consent', (a) => (a.coppa!.securityProgram = false));
	const before = findings(answers, '2026-03-01').find(
		(finding) => finding.id === 'US-COPPA-SECURITY',
	)!;
	t.is(before.severity, 'warning');
	t.regex(before.fix, /Since 2026-04-22/);
	const direct = findings(
		variant('kids-with-consent', (a) => (a.coppa!.directNotice = false)),
		'2026-03-01',
	).find((finding) => finding.id === 'US-COPPA-DIRECT')!;
	t.is(direct.severity, 'error', 'the 2013 rule binds already');
});

test('the fixture without parental consent says what to do', (t) => {
	const found = findings(load('kids-without-consent')).find(
		(finding) => finding.id === 'US-COPPA-VPC',
	)!;
	t.regex(found.message, /Children under 13 may use Doodle Den \(minimum age 6\)/);
	t.regex(found.fix, /Is the service offered to children\?.*or raise the minimum age to 13/);
});
