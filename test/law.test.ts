/**
Law as modules, across regimes: which laws apply and why, that each law's text appears exactly
when it applies, and every "Why" of issue 7 — each a wrong policy that `check` once passed.
*/
import test from 'ava';
import type {Answers, DraftAnswers} from '../source/core/answers/types.js';
import {checkAnswers, lawReport, type Finding} from '../source/core/checks/findings.js';
import {checklistItems} from '../source/core/checks/checklist.js';
import {draft} from '../source/core/drafting/documents.js';
import {applicabilityOf} from '../source/core/law/applicability.js';
import {regimes} from '../source/core/law/registry.js';
import {allQuestions} from '../source/core/questionnaire/questionnaire.js';
import {gaps} from '../source/core/questionnaire/walk.js';
import {
	draftOk,
	example,
	exampleNames,
	regimeFixtures,
	variant,
	variants,
	sha256,
} from './helpers/answers.js';
import {htmlText, renderHtml} from './helpers/markdown.js';

const today = '2026-12-01';

function findings(answers: Answers): Finding[] {
	return checkAnswers(answers as unknown as DraftAnswers, {today});
}

function errorIds(answers: Answers): string[] {
	return findings(answers)
		.filter((item) => item.severity === 'error')
		.map((item) => item.id);
}

function text(answers: Answers, kind: 'policy' | 'rights' = 'policy'): string {
	return htmlText(renderHtml(draftOk(answers, kind).markdown));
}

function applying(answers: Answers): string[] {
	return [...applicabilityOf(answers).entries()]
		.filter(([, state]) => state.status === 'applies')
		.map(([id]) => id);
}

/** A UK company serving only people in the UK and elsewhere: no EU law at all. */
function ukOnly(): Answers {
	return variant('eu-saas', (answers) => {
		answers.controller.legalName = 'Lumen Insights Ltd';
		answers.controller.address = {
			lines: ['71-75 Shelton Street'],
			locality: 'London',
			postalCode: 'WC2H 9JQ',
			country: 'GB',
		};
		answers.audience.regions = ['uk', 'other'];
		const billing = answers.purposes.find((purpose) => purpose.id === 'billing')!;
		billing.legalObligation = 'record-keeping duties under the Companies Act 2006 and HMRC rules';
	});
}

// --- Which laws apply, and why -----------------------------------------------------------------

test('each example names the laws that apply, each with a reason', (t) => {
	const expected: Record<string, string[]> = {
		'eu-saas': ['eu-gdpr', 'uk', 'eprivacy'],
		'us-consumer': ['us-ca'],
		'global-reps': ['eu-gdpr', 'uk', 'eprivacy', 'ca'],
		'br-app': ['br'],
		'ca-quebec': ['ca'],
		'ch-saas': ['eu-gdpr', 'eprivacy', 'ch'],
		'us-multistate': ['us-states'],
	};
	for (const name of exampleNames) {
		const report = lawReport(example(name) as unknown as DraftAnswers);
		const applies = report.filter((law) => law.status === 'applies');
		t.deepEqual(
			applies.map((law) => law.id),
			expected[name] ?? applies.map((law) => law.id),
			name,
		);
		for (const law of report) {
			t.true(
				law.reasons.length > 0 || law.status === 'unknown',
				`${name}: ${law.id} has no reason`,
			);
		}
	}
});

test('a UK-only company is drafted under UK law only: no EU GDPR, no EEA, no Commission clauses', (t) => {
	const answers = ukOnly();
	t.deepEqual(applying(answers), ['uk', 'eprivacy']);
	t.deepEqual(errorIds(answers), []);
	const policy = text(answers);
	t.false(/(?<!UK )\bGDPR\b/.test(policy), 'no bare "GDPR"');
	t.false(policy.includes('European Economic Area'));
	t.false(
		/European Commission's standard contractual clauses \(Article 46\(2\)\(c\) GDPR\)/.test(policy),
	);
	t.true(policy.includes('Article 6(1)(b) UK GDPR'));
	t.true(policy.includes('UK Addendum'));
	t.true(policy.includes('Information Commissioner'));
	t.true(policy.includes('section 164A of the Data Protection Act 2018'), 'complaints to us first');
	t.true(policy.includes('Article 12A UK GDPR'), 'the UK response time');
	t.false(policy.includes('Article 12(3) GDPR'));
	t.false(policy.includes('Article 77 GDPR'));
});

test('a controller outside the EEA: its own country is where data is processed, never a "transfer" it denies', (t) => {
	for (const answers of [example('global-reps'), example('us-consumer')]) {
		const policy = text(answers);
		t.false(/do not transfer your (personal )?data outside/i.test(policy));
		const home = answers.controller.address.country === 'CA' ? 'Canada' : 'the United States';
		t.true(policy.includes(`We are based in ${home}`), home);
		t.regex(policy, new RegExp(`Your data is processed in [^.]*${home.replace('the ', '')}`));
	}

	// Under the GDPR, the non-EEA controller states where it is and that direct collection is no
	// Chapter V transfer, and names the mechanism for onward transfers.
	const canadian = text(example('global-reps'));
	t.true(canadian.includes('We are established outside the European Economic Area, in Canada.'));
	t.true(canadian.includes('not a transfer under Chapter V of the GDPR'));
});

test('no summary promises California rights, or any law, that does not apply', (t) => {
	for (const {name, answers} of [
		...exampleNames.map((name) => ({name, answers: example(name)})),
		...regimeFixtures(),
	]) {
		const policy = text(answers);
		const laws = applying(answers);
		t.is(/California resident|CCPA/.test(policy), laws.includes('us-ca'), `${name}: California`);
	}
});

/** Words only a law's own text uses: they appear exactly when that law applies. */
const markers: Record<string, RegExp> = {
	'eu-gdpr': /(?<!UK )\bGDPR\b|European Economic Area/,
	uk: /UK GDPR|Information Commissioner’s Office/,
	eprivacy: /ePrivacy Directive|Privacy and Electronic Communications Regulations/,
	'us-ca': /\bCCPA\b|California (privacy notice|resident)/,
	br: /\bLGPD\b|\bANPD\b/,
	ca: /\bPIPEDA\b|Privacy Commissioner of Canada/,
	ch: /\bFADP\b|\bFDPIC\b/,
	'us-states': /US state privacy notice/,
};

test("no regime's text appears when it does not apply, and each appears when it does", (t) => {
	const sets = [
		...exampleNames.map((name) => ({name, answers: example(name)})),
		...Object.entries(variants).map(([name, build]) => ({name, answers: build()})),
		...regimeFixtures(),
		{name: 'uk-only', answers: ukOnly()},
	];
	for (const {name, answers} of sets) {
		const laws = applying(answers);
		const policy = text(answers);
		for (const [regime, pattern] of Object.entries(markers)) {
			if (!regimes.some((entry) => entry.id === regime)) continue;
			t.is(pattern.test(policy), laws.includes(regime), `${name}: ${regime}`);
		}
	}
});

test('a region or establishment no module drafts is an error, never silence', (t) => {
	const australia = variant('eu-saas', (answers) => {
		answers.audience.regions = [...answers.audience.regions, 'other'];
		answers.audience.otherCountries = ['AU', 'NZ'];
	});
	const undrafted = findings(australia).filter((item) => item.id === 'LAW-UNDRAFTED');
	t.is(undrafted.length, 2);
	t.true(undrafted.every((item) => item.severity === 'error'));
	t.true(undrafted.some((item) => item.message.includes("Australia's Privacy Act 1988")));

	// Targeting a country without a comprehensive privacy law in the list is not an error.
	const elsewhere = variant('eu-saas', (answers) => {
		answers.audience.otherCountries = ['MC'];
	});
	t.false(findings(elsewhere).some((item) => item.id === 'LAW-UNDRAFTED'));
});

test('a threshold left unanswered is a finding naming the question', (t) => {
	const answers = example('us-consumer');
	delete answers.usThresholds!.annualRevenueUsd;
	const report = lawReport(answers as unknown as DraftAnswers).find((law) => law.id === 'us-ca')!;
	t.is(report.status, 'unknown');
	t.deepEqual(report.missing, ['usThresholds.annualRevenueUsd']);
	const found = findings(answers);
	t.true(
		found.some(
			(item) => item.path === 'usThresholds.annualRevenueUsd' && item.severity === 'error',
		),
	);
	t.false(
		draft(answers as unknown as DraftAnswers, 'policy', sha256).ok,
		'no draft while undecided',
	);
});

test('below the CCPA thresholds, California does not apply, and the reason gives the figures', (t) => {
	const small = variant('us-consumer', (answers) => {
		answers.usThresholds = {annualRevenueUsd: 3_000_000, saleRevenueShare: 0};
		answers.california!.consumersTraded = 40_000;
	});
	const report = lawReport(small as unknown as DraftAnswers).find((law) => law.id === 'us-ca')!;
	t.is(report.status, 'does-not-apply');
	t.regex(report.reasons[0]!, /\$3,000,000.*\$26,625,000/);
	t.deepEqual(
		small.california,
		{consumersTraded: 40_000},
		'its California answers are pruned, but the threshold answer that decided it stays',
	);
});

// --- Correctness of what exists ---------------------------------------------------------------

test('selling or sharing without honouring Global Privacy Control is an error', (t) => {
	const answers = example('us-consumer');
	answers.california!.honoursGpc = false;
	t.true(errorIds(answers).includes('CCPA-OPTOUT'));
	answers.california!.showsOptOutStatus = false;
	t.true(errorIds(answers).includes('CCPA26-OOPS'));
});

test('an Article 49 derogation is named as a derogation, never as an equivalent safeguard', (t) => {
	const answers =
		variants['eu-saas, a joint controller, an occasional transfer and a UK recognised interest']!();
	const policy = text(answers);
	t.false(policy.includes('essentially equivalent'));
	t.true(policy.includes('derogation for specific situations (Article 49 GDPR)'));
	t.true(policy.includes('Article 49(1)(b)'));

	// A processor used routinely on a derogation is an error.
	const routine = example('eu-saas');
	const intercom = routine.recipients.find((recipient) => recipient.id === 'intercom')!;
	intercom.transfers = {eu: 'art49-contract', uk: 'uk-addendum'};
	const found = findings(routine).find((item) => item.id === 'X-49');
	t.is(found?.severity, 'error');
});

test("Canada's adequacy covers only recipients subject to PIPEDA", (t) => {
	const answers = example('global-reps');
	const aws = answers.recipients.find((recipient) => recipient.id === 'aws')!;
	aws.pipedaCovered = false;
	const index = answers.recipients.indexOf(aws);
	t.true(
		gaps(answers).some((gap) => gap.fullId === 'recipients.transfers.eu' && gap.path[1] === index),
	);
	t.false(text(example('global-reps')).includes('Amazon Web Services | Canada | the European'));
});

test('analytics and session replay on legitimate interests, cold e-mail on legitimate interests: errors', (t) => {
	const replay = example('eu-saas');
	const recording = replay.purposes.find((purpose) => purpose.id === 'product-analytics')!;
	recording.legalBasis = 'legitimate-interests';
	recording.legitimateInterest = 'finding and fixing errors in our application quickly';
	t.true(errorIds(replay).includes('EPR-REPLAY'));

	const statistics = example('eu-saas');
	const stats = statistics.purposes.find((purpose) => purpose.id === 'product-analytics')!;
	stats.deviceAccess = 'statistics';
	stats.legalBasis = 'legitimate-interests';
	stats.legitimateInterest = 'counting visits to improve the product';
	t.true(errorIds(statistics).includes('EPR-NOLI'));

	const cold = example('eu-saas');
	const newsletter = cold.purposes.find((purpose) => purpose.id === 'newsletter')!;
	newsletter.legalBasis = 'legitimate-interests';
	newsletter.legitimateInterest = 'telling people about our product';
	newsletter.softOptIn = false;
	t.true(errorIds(cold).includes('EPR-13'));
	// To own customers about similar products with an opt-out (soft opt-in): lawful.
	newsletter.softOptIn = true;
	t.false(errorIds(cold).includes('EPR-13'));
});

test('a session-replay vendor on a purpose said not to touch devices is an error when the catalog is known', (t) => {
	const answers = example('eu-saas');
	const recording = answers.purposes.find((purpose) => purpose.id === 'product-analytics')!;
	recording.deviceAccess = 'none';
	const found = checkAnswers(answers as unknown as DraftAnswers, {
		today,
		catalogCategory: (id) => (id === 'logrocket' ? 'session-replay' : 'hosting'),
	});
	t.true(found.some((item) => item.id === 'EPR-NOLI' && item.severity === 'error'));
});

test('health data not marked sensitive is a finding; marked, it needs an Article 9 condition', (t) => {
	const answers = example('eu-saas');
	answers.dataItems.push({
		id: 'health-notes',
		name: 'Health notes',
		description: 'symptoms you record in the app',
		sources: [{kind: 'person'}],
	});
	answers.purposes[0]!.dataItems.push('health-notes');
	t.true(findings(answers).some((item) => item.id === 'GDPR-9'));
	answers.dataItems.at(-1)!.sensitive = {category: 'health'};
	t.true(gaps(answers).some((gap) => gap.fullId === 'dataItems.sensitive.article9'));
});

test('answers hidden by a condition never reach text or errors: a catalog safeguard on a recipient now only in Germany', (t) => {
	const answers = example('eu-saas');
	const intercom = answers.recipients.find((recipient) => recipient.id === 'intercom')!;
	intercom.locations = ['DE'];
	intercom.transfers = {eu: 'art49-contract', uk: 'uk-addendum'};
	t.false(
		findings(answers).some(
			(item) => item.path?.startsWith('recipients') && item.severity === 'error',
		),
	);
	const policy = text(answers);
	t.false(/Intercom \| Germany \| [^|]*Article 49/.test(policy));
});

test('consent purposes are never printed as required; the GDPR deadline is one month, never 30 days', (t) => {
	const policy = text(example('eu-saas'));
	const consentBlocks = draftOk(example('eu-saas'))
		.markdown.split('### ')
		.filter((block) => block.includes('Consent (Article 6(1)(a)'));
	t.true(consentBlocks.length > 0);
	for (const block of consentBlocks) t.false(block.includes('Required to enter into a contract'));
	t.true(policy.includes('within one month of receiving your request'));
	t.false(/GDPR[^.]*30 days|30 days[^.]*Article 12\(3\)/.test(policy));
});

test('a California-only question is not asked of an EU-only company', (t) => {
	const answers = example('eu-saas');
	const asked = gaps({schemaVersion: 2, audience: {regions: ['eea'], people: ['x']}}).map(
		(gap) => gap.fullId,
	);
	t.false(asked.some((id) => id.startsWith('california.') || id.startsWith('usThresholds')));
	t.false(gaps(answers).some((gap) => gap.fullId.startsWith('california.')));
});

test('other disclosures, the processor role, joint and independent controllers are drafted', (t) => {
	const answers =
		variants['eu-saas, a joint controller, an occasional transfer and a UK recognised interest']!();
	const policy = text(answers);
	t.true(policy.includes('To public authorities, courts, regulators or the police'));
	t.true(policy.includes('professional advisers'));
	t.true(policy.includes('merger, acquisition or sale of assets'));
	t.true(policy.includes("we act as our customer's processor"));
	t.true(policy.includes('Joint controllers'));
	t.true(
		policy.includes(
			'LinkedIn Ireland Unlimited Company: together we are responsible for collecting data',
		),
	);
	t.true(policy.includes('In the UK this is a recognised legitimate interest'));

	const global = text(example('global-reps'));
	t.true(global.includes('independent controllers use the data for their own purposes'));
	t.true(global.includes("its privacy notice: on each employer's job pages"));
});

test('each automated decision names its Article 22(2) exception; the UK text follows Articles 22A–22D', (t) => {
	const policy = text(example('global-reps'));
	t.true(policy.includes('It rests on your explicit consent (Article 22(2)(c) GDPR).'));
	t.true(policy.includes('Articles 22A to 22D'));
	const answers = example('global-reps');
	if (answers.automatedDecisions.used) delete answers.automatedDecisions.decisions[0]!.exception;
	t.true(gaps(answers).some((gap) => gap.fullId === 'automatedDecisions.decisions.exception'));
});

test('a privacy contact who is not a DPO is never called one', (t) => {
	const answers = variant('eu-saas', (draft) => {
		draft.dpo = {designated: false};
		draft.privacyContact = {
			name: 'Jana Novak',
			role: 'Head of Engineering',
			email: 'jana@lumen.example',
		};
	});
	const policy = text(answers);
	t.true(policy.includes('Privacy contact'));
	t.true(policy.includes('Jana Novak'));
	t.false(/data protection officer[^.]*Jana/i.test(policy));
	t.true(policy.includes('We have not designated a data protection officer.'));
	// The role question refuses "DPO".
	const role = allQuestions().find((entry) => entry.fullId === 'privacyContact.role')!.question;
	t.truthy(role.validation?.pattern);
	t.false(new RegExp(role.validation!.pattern!, 'u').test('Our DPO'));
});

test('several controllers: each with its address and the residents it serves', (t) => {
	const answers = variant('global-reps', (draft) => {
		draft.otherControllers = [
			{
				legalName: 'Shortlist Europe B.V.',
				address: {
					lines: ['Keizersgracht 1'],
					postalCode: '1015 CJ',
					locality: 'Amsterdam',
					country: 'NL',
				},
				email: 'privacy-eu@shortlist.example',
				serves: ['eea'],
			},
		];
	});
	const policy = text(answers);
	t.true(
		policy.includes(
			'The European Economic Area: Shortlist Europe B.V., Keizersgracht 1, 1015 CJ Amsterdam, Netherlands',
		),
	);
	// An establishment in the EEA: the GDPR applies under Article 3(1), and no EU representative.
	const reasons = lawReport(answers as unknown as DraftAnswers).find(
		(law) => law.id === 'eu-gdpr',
	)!;
	t.regex(reasons.reasons[0]!, /established in the Netherlands/);
});

test('export formats and certifications are stated as answered', (t) => {
	const policy = text(example('eu-saas'));
	t.true(policy.includes('you get it as JSON or CSV'));
	t.true(policy.includes('(certified: PCI DSS)'));
});

test('every checklist item of every regime has a citation and belongs to a known regime', (t) => {
	const owners = new Set(['core', 'gdpr', ...regimes.map((regime) => regime.id)]);
	for (const item of checklistItems) {
		t.true(owners.has(item.regime), item.id);
		t.true(item.citation.length > 2, item.id);
		if (item.condition) t.truthy(item.conditionText, `${item.id} explains its condition`);
	}
});

test('representatives outside their territory, and a UK Extension without the DPF, are errors', (t) => {
	const answers = example('global-reps');
	answers.representatives!.eu!.address.country = 'CA';
	answers.representatives!.uk!.address.country = 'IE';
	const ids = errorIds(answers);
	t.true(ids.includes('GDPR-13.1.a-REP'));
	t.true(ids.includes('UK-REP'));

	const extension = example('eu-saas');
	const sendgrid = extension.recipients.find((recipient) => recipient.id === 'sendgrid')!;
	sendgrid.certifications = ['uk-extension'];
	t.true(errorIds(extension).includes('UK-XFER'));
});

test('a service open below the age of digital consent but not offered to children is a warning', (t) => {
	const answers = example('eu-saas');
	answers.children.minimumAge = 14;
	const found = findings(answers).find((item) => item.id === 'GDPR-8');
	t.is(found?.severity, 'warning');
	t.regex(found!.fix, /16/);

	const uk = ukOnly();
	uk.children.minimumAge = 14;
	t.false(
		findings(uk).some((item) => item.id === 'GDPR-8'),
		'13 is the UK age',
	);
});

test('UK: marketing is no recognised legitimate interest; a complaint route must work online', (t) => {
	const answers = example('eu-saas');
	const newsletter = answers.purposes.find((purpose) => purpose.id === 'newsletter')!;
	newsletter.legalBasis = 'legitimate-interests';
	newsletter.legitimateInterest = 'telling our customers about new features';
	newsletter.softOptIn = true;
	newsletter.ukRecognisedInterest = 'crime';
	t.true(findings(answers).some((item) => item.id === 'UK-RLI'));

	const post = example('eu-saas');
	post.rights.complaintsHow = 'by letter to our registered office.';
	t.true(findings(post).some((item) => item.id === 'UK-COMPLAINT' && item.severity === 'warning'));
});
