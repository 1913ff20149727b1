import {readFileSync} from 'node:fs';
import test from 'ava';
import {Ajv2020} from 'ajv/dist/2020.js';
import type {Answers, DraftAnswers, PartialAnswers} from '../../source/core/answers/types.js';
import {examples} from '../../source/core/answers/examples.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import {checkAnswers, lawReport, type Finding} from '../../source/core/checks/findings.js';
import {draft} from '../../source/core/drafting/documents.js';
import {servedIds} from '../../source/core/drafting/model.js';
import {applicabilityOf} from '../../source/core/law/applicability.js';
import {regimeById} from '../../source/core/law/registry.js';
import {stateCodes, stateLaws} from '../../source/core/law/us-states/data.js';
import {questionnaire} from '../../source/core/questionnaire/questionnaire.js';
import type {Question} from '../../source/core/questionnaire/types.js';
import {gaps, pruneHidden} from '../../source/core/questionnaire/walk.js';
import {referenceValidator} from '../helpers/ajv.js';
import {readJson, sha256} from '../helpers/answers.js';
import {lintMarkdown} from '../helpers/markdown.js';

const today = '2026-12-01';

const fixtureNames = [
	'texas',
	'texas-small-business',
	'maryland',
	'florida',
	'below-thresholds',
] as const;
type FixtureName = (typeof fixtureNames)[number] | 'us-multistate';

/** A fresh copy of a fixture company (or of the bundled example). */
function load(name: FixtureName): Answers {
	if (name === 'us-multistate') {
		return structuredClone(examples['us-multistate']!.answers) as Answers;
	}

	return readJson(`test/fixtures/law/us-states/${name}.json`) as Answers;
}

function changed(name: FixtureName, change: (answers: Answers) => void): Answers {
	const answers = load(name);
	change(answers);
	return answers;
}

function findings(answers: unknown): Finding[] {
	return checkAnswers(answers as DraftAnswers, {today});
}

function policy(answers: unknown, kind: 'policy' | 'rights' = 'policy'): string {
	const result = draft(answers as DraftAnswers, kind, sha256);
	if (!result.ok) {
		throw new Error(`not complete: ${result.gaps.map((gap) => gap.fullId).join(', ')}`);
	}

	return result.markdown;
}

function model(answers: unknown) {
	const result = draft(answers as DraftAnswers, 'policy', sha256);
	if (!result.ok) {
		throw new Error('not complete');
	}

	return result.model;
}

const state = (answers: unknown) =>
	applicabilityOf(pruneHidden(answers as PartialAnswers)).get('us-states')!;
const ids = (list: Finding[], severity?: Finding['severity']) =>
	list
		.filter((item) => severity === undefined || item.severity === severity)
		.map((item) => item.id);

// --- Data ----------------------------------------------------------------------------------

test('states.json validates against its schema and holds the 18 states of checklist-regimes §6', (t) => {
	const data = readJson('questionnaires/law/us-states/states.json');
	t.deepEqual(referenceValidator('us-states.schema.json')(data), {valid: true, errors: []});
	t.deepEqual([...stateCodes].sort(), [
		'CO',
		'CT',
		'DE',
		'IA',
		'IN',
		'KY',
		'MD',
		'MN',
		'MT',
		'NE',
		'NH',
		'NJ',
		'OR',
		'RI',
		'TN',
		'TX',
		'UT',
		'VA',
	]);
	t.regex((data as {asOf: string}).asOf, /^\d{4}-\d{2}-\d{2}$/);
});

test('the module data validates against the regime schemas', (t) => {
	// The question and checklist schemas refer to the questionnaire schema.
	const ajv = new Ajv2020({strict: false, allErrors: true});
	ajv.addSchema(
		readJson('questionnaires/schemas/questionnaire.schema.json') as object,
		'https://privacy-wizard.dev/schemas/questionnaire.schema.json',
	);
	for (const [file, schema] of [
		['questions.json', 'regime-questions.schema.json'],
		['checklist.json', 'checklist.schema.json'],
		['messages.en.json', 'messages.schema.json'],
	] as const) {
		const validate = ajv.compile(readJson(`questionnaires/schemas/${schema}`) as object);
		t.true(
			validate(readJson(`questionnaires/law/us-states/${file}`)),
			`${file}: ${JSON.stringify(validate.errors)}`,
		);
	}
});

test('every state whose threshold counts consumers has its own count question, asked only for that state', (t) => {
	const service = questionnaire.sections.find((section) => section.id === 'service')!;
	for (const code of stateCodes) {
		const counted = stateLaws[code]!.thresholds.some((rule) => rule.consumers !== undefined);
		const question = service.questions.find(
			(candidate) => candidate.id === `usThresholds.consumers.${code}`,
		);
		t.is(question !== undefined, counted, code);
		if (question) {
			t.deepEqual(question.condition, {fact: `us-states.consumers${code}`});
			t.is(question.type, 'number');
		}
	}
});

test('the fixtures and the example are complete, valid answers', (t) => {
	for (const name of [...fixtureNames, 'us-multistate'] as const) {
		const answers = load(name);
		t.true(validateAnswers(answers).ok, name);
		t.deepEqual(
			gaps(answers).map((gap) => gap.fullId),
			[],
			name,
		);
	}
});

// --- Applicability -------------------------------------------------------------------------

test('the example: the laws that apply, and why the others do not, with the numbers compared', (t) => {
	const law = lawReport(load('us-multistate') as unknown as DraftAnswers).find(
		(entry) => entry.id === 'us-states',
	)!;
	t.is(law.status, 'applies');
	t.deepEqual(law.reasons, [
		'CPA (Colorado): you processed the personal data of 140,000 Colorado consumers last year (≥ 100,000; C.R.S. 6-1-1304(1))',
		'CTDPA (Connecticut): from 1 July 2026 it applies to every business that processes sensitive data of Connecticut consumers, and you process sensitive data (Conn. Gen. Stat. 42-516)',
		'OCPA (Oregon): you processed the personal data of 104,000 Oregon consumers last year (≥ 100,000; ORS 646A.572)',
		'VCDPA (Virginia): you processed the personal data of 110,000 Virginia consumers last year (≥ 100,000; Va. Code 59.1-576(A))',
		'INCDPA (Indiana): you processed the personal data of 40,000 Indiana consumers last year (< 100,000; 0% of your revenue from selling personal data, not more than 50%; Ind. Code 24-15-1-1)',
		'MCDPA (Minnesota): you processed the personal data of 60,000 Minnesota consumers last year (< 100,000; 0% of your revenue from selling personal data, not more than 25%; Minn. Stat. 325M.12)',
		'NJDPA (New Jersey): you processed the personal data of 20,000 New Jersey consumers last year (< 100,000; < 25,000 for the rule on revenue from selling personal data; N.J.S.A. 56:8-166.5)',
		'TDPSA (Texas): you are a small business as the US Small Business Administration defines it, so it does not apply (Tex. Bus. & Com. Code 541.002)',
		'UCPA (Utah): your annual revenue ($18,000,000) is below $25,000,000 (Utah Code 13-61-102)',
		'Florida Digital Bill of Rights (Florida): your annual revenue ($18,000,000) does not exceed $1,000,000,000 (Fla. Stat. 501.702(9))',
	]);
	const text = policy(load('us-multistate'));
	t.true(
		text.includes(
			'the Colorado Privacy Act (C.R.S. 6-1-1301 ff.) for residents of Colorado, the Connecticut Data Privacy Act',
		),
	);
	// States whose law does not apply are never named as applying.
	for (const other of ['Indiana', 'Minnesota', 'New Jersey', 'Texas', 'Utah', 'Florida']) {
		t.false(text.includes(`residents of ${other}`), other);
	}
});

test('below every threshold the regime does not apply, and the reasons say why', (t) => {
	const result = state(load('below-thresholds'));
	t.is(result.status, 'does-not-apply');
	t.deepEqual(result.reasons, [
		'CPA (Colorado): you processed the personal data of 30,000 Colorado consumers last year (< 100,000; no revenue or discount from selling personal data; C.R.S. 6-1-1304(1))',
		'TIPA (Tennessee): your annual revenue ($5,000,000) does not exceed $25,000,000 (T.C.A. 47-18-3201 ff.)',
		'UCPA (Utah): your annual revenue ($5,000,000) is below $25,000,000 (Utah Code 13-61-102)',
		'VCDPA (Virginia): you processed the personal data of 12,000 Virginia consumers last year (< 100,000; < 25,000 for the rule on revenue from selling personal data; Va. Code 59.1-576(A))',
	]);
	t.false(policy(load('below-thresholds')).includes('US state privacy notice'));
	t.false(policy(load('below-thresholds')).includes('Attorney General'));
});

test('not serving the US, or only California: the regime does not apply and none of its text appears', (t) => {
	t.is(state(examples['eu-saas']!.answers).status, 'does-not-apply');
	for (const name of ['us-consumer', 'global-reps']) {
		const answers = structuredClone(examples[name]!.answers);
		t.is(state(answers).status, 'does-not-apply', name);
		const text = policy(answers) + policy(answers, 'rights');
		for (const phrase of [
			'US state',
			'Attorney General',
			'Global Privacy Control as a valid opt-out of sale and targeted',
			'Appeals (US states)',
		]) {
			t.false(text.includes(phrase), `${name}: ${phrase}`);
		}
	}

	t.deepEqual(state(examples['us-consumer']!.answers).reasons, [
		'besides California, none of the states you serve has a comprehensive consumer privacy law that privacy-wizard knows',
	]);
	t.deepEqual(state(examples['eu-saas']!.answers).reasons, [
		'you do not serve people in the United States',
	]);
});

test('an unanswered count makes the regime unknown, naming the question', (t) => {
	const answers = changed('florida', (draft) => {
		draft.audience.usStates = ['VA'];
		delete draft.usThresholds!.consumers;
	});
	const result = state(answers);
	t.is(result.status, 'unknown');
	t.deepEqual(result.missing, ['usThresholds.consumers.VA']);
	const found = findings(answers).filter((item) => item.id === 'LAW-UNDRAFTED');
	t.true(found.some((item) => item.message.includes('usThresholds.consumers.VA')));
	t.true(gaps(answers).some((gap) => gap.fullId === 'usThresholds.consumers.VA'));
});

test('unanswered small-business status (Texas) and revenue (Utah) make the regime unknown', (t) => {
	const texas = changed('texas', (answers) => {
		delete answers.usThresholds!.sbaSmallBusiness;
	});
	t.deepEqual(state(texas).missing, ['usThresholds.sbaSmallBusiness']);
	const utah = changed('below-thresholds', (answers) => {
		answers.audience.usStates = ['UT'];
		delete answers.usThresholds!.annualRevenueUsd;
	});
	t.deepEqual(state(utah).missing, ['usThresholds.annualRevenueUsd']);
});

test('Texas: an SBA small business is outside the act but may not sell sensitive data without consent', (t) => {
	const large = state(load('texas'));
	t.is(large.status, 'applies');
	t.true(large.reasons[0]!.includes('not a small business'));
	const small = state(load('texas-small-business'));
	t.is(small.status, 'applies');
	t.regex(
		small.reasons[0]!,
		/you are a small business .* so it does not apply .*; still, a small business may not sell sensitive data of Texas consumers without their consent \(Tex\. Bus\. & Com\. Code 541\.107\)/,
	);
	const text = policy(load('texas-small-business'));
	t.true(text.includes('in the duties that bind businesses of every size'));
	t.true(text.includes('We process sensitive data only with your consent'));
	// No rights, notice table or Texas NOTICE sentence for a business outside the act.
	t.false(text.includes('NOTICE: We may sell'));
	t.false(text.includes('### If you live in'));
	t.false(text.includes('Personal data we process'));
	t.deepEqual(findings(load('texas-small-business')), []);
	const noConsent = changed('texas-small-business', (answers) => {
		answers.usStateLaws!.sensitiveOptIn = false;
	});
	t.deepEqual(ids(findings(noConsent), 'error'), ['US-STATES-SENSITIVE']);
	// A small business that sells no data at all: nothing of Texas applies.
	const notSelling = changed('texas-small-business', (answers) => {
		answers.usThresholds!.sellsPersonalData = false;
		answers.recipients = answers.recipients.filter((recipient) => recipient.sold !== true);
		answers.purposes = answers.purposes.filter((purpose) => purpose.id !== 'trail-insights');
	});
	t.is(state(notSelling).status, 'does-not-apply');
});

test('Texas: the exact NOTICE sentences when sensitive or biometric data is sold', (t) => {
	const text = policy(load('texas'));
	t.true(text.includes('**NOTICE: We may sell your sensitive personal data.**'));
	t.false(text.includes('biometric personal data'));
	t.true(servedIds(model(load('texas'))).has('US-STATES-TX-NOTICE'));
	const biometric = changed('texas', (answers) => {
		answers.dataItems.push({
			id: 'face-scan',
			name: 'Face scan',
			sources: [{kind: 'person', detail: 'when you turn on face sign-in'}],
			sensitive: {category: 'biometric'},
			ccpaCategory: 'biometric',
		});
		answers.purposes[0]!.dataItems.push('face-scan');
		answers.recipients
			.find((recipient) => recipient.id === 'trailcount')!
			.dataItems.push('face-scan');
	});
	const both = policy(biometric);
	t.true(both.includes('**NOTICE: We may sell your sensitive personal data.**'));
	t.true(both.includes('**NOTICE: We may sell your biometric personal data.**'));
	// Not sold: no NOTICE, and the item is not required.
	const unsold = changed('texas', (answers) => {
		answers.recipients.find((recipient) => recipient.id === 'trailcount')!.sold = false;
	});
	t.false(policy(unsold).includes('NOTICE: We may sell'));
	t.deepEqual(findings(load('texas')), []);
});

test('Maryland: sensitive data only where strictly necessary, never sold; minors under 18', (t) => {
	const text = policy(load('maryland'));
	t.true(
		text.includes(
			'If you live in Maryland, we collect, process and share sensitive data only where strictly necessary',
		),
	);
	t.true(
		text.includes(
			'**Maryland:** if we know, or should have known, that a consumer is under 18, the law forbids us to sell',
		),
	);
	// Only the unconfirmed right to the categories of third parties, as a warning.
	t.deepEqual(
		findings(load('maryland')).map((item) => `${item.severity} ${item.id}`),
		['warning US-STATES-RIGHTS'],
	);
	const selling = changed('maryland', (answers) => {
		answers.recipients
			.find((recipient) => recipient.id === 'meta-pixel')!
			.dataItems.push('precise-location');
		answers.recipients.find((recipient) => recipient.id === 'meta-pixel')!.sold = true;
	});
	const found = findings(selling).filter((item) => item.id === 'US-STATES-SENSITIVE');
	t.true(
		found.some(
			(item) => item.severity === 'error' && /forbids selling sensitive data/.test(item.message),
		),
	);
	t.false(policy(selling).includes('and we never sell it'));
	const beyond = changed('maryland', (answers) => {
		answers.usStateLaws!.sensitiveStrictlyNecessary = false;
	});
	t.deepEqual(ids(findings(beyond), 'error'), ['US-STATES-SENSITIVE']);
	const consentOnly = changed('maryland', (answers) => {
		answers.usStateLaws!.minorsTreatment = 'consent';
	});
	t.deepEqual(ids(findings(consentOnly), 'error'), ['US-STATES-MINORS']);
});

test('Florida above $1 billion: an error naming the Florida Digital Bill of Rights, never silence', (t) => {
	const found = findings(load('florida'));
	t.deepEqual(ids(found), ['LAW-UNDRAFTED']);
	t.is(found[0]!.severity, 'error');
	t.regex(found[0]!.message, /Florida Digital Bill of Rights applies to you/);
	// Florida alone: still an error, never silence.
	const alone = changed('florida', (answers) => {
		answers.audience.usStates = ['FL'];
	});
	t.is(state(alone).status, 'applies');
	t.true(ids(findings(alone), 'error').includes('LAW-UNDRAFTED'));
	t.false(policy(alone).includes('## US state privacy notice'));
	// Meeting none of the further conditions: Florida does not apply, and says why.
	const notController = changed('florida', (answers) => {
		answers.usThresholds!.floridaController = false;
	});
	t.deepEqual(findings(notController), []);
	t.true(
		state(notController).reasons.some((reason) =>
			reason.includes('you meet none of its further conditions'),
		),
	);
	// Below $1 billion the question is not asked, and an old answer is ignored.
	const smaller = changed('florida', (answers) => {
		answers.usThresholds!.annualRevenueUsd = 900_000_000;
	});
	t.deepEqual(findings(smaller), []);
});

test('a law not yet in force on the policy date does not apply yet', (t) => {
	const answers = changed('florida', (draft) => {
		draft.audience.usStates = ['IN', 'VA'];
		draft.usThresholds!.consumers = {IN: 200_000, VA: 150_000};
		draft.document.effectiveDate = '2025-06-01';
		draft.document.revisions = [{date: '2025-06-01', summary: 'First version.'}];
	});
	const result = state(answers);
	t.true(
		result.reasons.includes(
			'INCDPA (Indiana): in force from 1 January 2026, after this policy takes effect (1 June 2025); update the policy by then',
		),
	);
	t.false(policy(answers).includes('Indiana'));
	const later = changed('florida', (draft) => {
		draft.audience.usStates = ['IN', 'VA'];
		draft.usThresholds!.consumers = {IN: 200_000, VA: 150_000};
	});
	t.true(policy(later).includes('residents of Indiana'));
});

test('thresholds: revenue tiers (Utah, Tennessee), a discount (Colorado), sale share, Montana from 1 October 2025, Connecticut from 1 July 2026', (t) => {
	const base = (states: string[], us: Answers['usThresholds']) =>
		changed('below-thresholds', (answers) => {
			answers.audience.usStates = states;
			answers.usThresholds = us;
		});
	const reason = (answers: Answers, short: string) =>
		state(answers).reasons.find((entry) => entry.startsWith(short))!;
	t.regex(
		reason(
			base(['UT'], {annualRevenueUsd: 25_000_000, saleRevenueShare: 0, consumers: {UT: 100_000}}),
			'UCPA',
		),
		/your annual revenue \(\$25,000,000\) is at least \$25,000,000, and you processed the personal data of 100,000 Utah consumers/,
	);
	t.regex(
		reason(base(['TN'], {annualRevenueUsd: 25_000_000, saleRevenueShare: 0}), 'TIPA'),
		/does not exceed \$25,000,000/,
	);
	t.regex(
		reason(
			base(['TN'], {annualRevenueUsd: 30_000_000, saleRevenueShare: 0, consumers: {TN: 150_000}}),
			'TIPA',
		),
		/150,000 Tennessee consumers last year \(< 175,000/,
	);
	t.regex(
		reason(
			base(['CO'], {
				annualRevenueUsd: 5_000_000,
				saleRevenueShare: 0,
				consumers: {CO: 30_000},
				saleDiscount: true,
			}),
			'CPA',
		),
		/receive a discount on goods or services in return for personal data/,
	);
	t.deepEqual(
		state(base(['CO'], {annualRevenueUsd: 5_000_000, saleRevenueShare: 0, consumers: {CO: 30_000}}))
			.missing,
		['usThresholds.saleDiscount'],
	);
	t.regex(
		reason(
			base(['VA'], {annualRevenueUsd: 5_000_000, saleRevenueShare: 60, consumers: {VA: 30_000}}),
			'VCDPA',
		),
		/30,000 Virginia consumers last year \(≥ 25,000\) and 60% of your revenue came from selling personal data \(> 50%/,
	);
	t.regex(
		reason(
			base(['OR'], {annualRevenueUsd: 5_000_000, saleRevenueShare: 25, consumers: {OR: 30_000}}),
			'OCPA',
		),
		/25% of your revenue came from selling personal data \(≥ 25%/,
	);
	t.regex(
		reason(
			base(['CT'], {annualRevenueUsd: 5_000_000, saleRevenueShare: 25, consumers: {CT: 30_000}}),
			'CTDPA',
		),
		/from 1 July 2026 it applies to every business that processes sensitive data/,
	);
	const montana = base(['MT'], {
		annualRevenueUsd: 5_000_000,
		saleRevenueShare: 0,
		consumers: {MT: 30_000},
	});
	t.regex(reason(montana, 'MCDPA'), /30,000 Montana consumers last year \(≥ 25,000/);
	const before = structuredClone(montana);
	before.document.effectiveDate = '2025-01-15';
	before.document.revisions = [];
	t.regex(reason(before, 'MCDPA'), /30,000 Montana consumers last year \(< 50,000/);
});

test('Connecticut from 1 July 2026: offering data for sale suffices, asked before the recipients', (t) => {
	const answers = changed('below-thresholds', (draft) => {
		draft.audience.usStates = ['CT'];
		draft.usThresholds = {annualRevenueUsd: 5_000_000, saleRevenueShare: 0, consumers: {CT: 1000}};
		draft.dataItems = draft.dataItems.filter((item) => item.sensitive === undefined);
		draft.purposes = draft.purposes.filter((purpose) => purpose.id !== 'navigation');
		for (const recipient of draft.recipients) {
			recipient.dataItems = recipient.dataItems.filter((id) => id !== 'precise-location');
		}
	});
	t.deepEqual(state(answers).missing, ['usThresholds.sellsPersonalData']);
	answers.usThresholds!.sellsPersonalData = true;
	t.regex(state(answers).reasons[0]!, /offers personal data for sale, and you sell personal data/);
});

test('Rhode Island: a commercial website that sells names every buyer, whatever its size', (t) => {
	const answers = changed('texas', (draft) => {
		draft.audience.usStates = ['RI'];
		draft.usThresholds = {
			annualRevenueUsd: 5_000_000,
			saleRevenueShare: 8,
			consumers: {RI: 2000},
			sellsPersonalData: true,
		};
		draft.usStateLaws = {sensitiveOptIn: true};
	});
	const result = state(answers);
	t.is(result.status, 'applies');
	t.regex(
		result.reasons[0]!,
		/still, a commercial website that sells its Rhode Island customers' personal data must name every buyer/,
	);
	const text = policy(answers);
	t.true(
		text.includes(
			"For customers in Rhode Island: the third parties to which we have sold, or may sell, customers' personal data are TrailCount.",
		),
	);
	t.true(text.includes('Personal data we process'));
	t.true(servedIds(model(answers)).has('US-STATES-3P'));
	t.deepEqual(ids(findings(answers), 'error'), []);
});

test('Colorado binds every size: the biometric policy and the rules for minors', (t) => {
	const answers = changed('below-thresholds', (draft) => {
		draft.audience.usStates = ['CO'];
		draft.dataItems.push({
			id: 'face-scan',
			name: 'Face scan',
			sources: [{kind: 'person'}],
			sensitive: {category: 'biometric'},
		});
		draft.purposes[0]!.dataItems.push('face-scan');
		draft.usStateLaws = {
			minorsKnown: true,
			biometricPolicy: 'https://blueridge.example/biometrics',
		};
		for (const [index, item] of draft.dataItems.entries()) {
			item.ccpaCategory = load('us-multistate').dataItems[index]?.ccpaCategory ?? 'biometric';
		}
	});
	const result = state(answers);
	t.is(result.status, 'applies');
	t.regex(
		result.reasons[0]!,
		/written biometric data policy, whatever its size; and its rules for consumers known to be minors bind businesses of every size/,
	);
	const text = policy(answers);
	t.true(text.includes('Our written policy on biometric data'));
	t.true(
		text.includes('**Colorado:** if we know, or wilfully disregard, that a consumer is under 18'),
	);
	t.false(text.includes('### If you live in'));
});

// --- Checks --------------------------------------------------------------------------------

test('the bundled example has no findings and drafts', (t) => {
	t.deepEqual(findings(load('us-multistate')), []);
	t.true(policy(load('us-multistate')).includes('## US state privacy notice'));
});

test('a business that sells or targets ads must honour GPC where required: no is an error, never "may"', (t) => {
	const answers = changed('us-multistate', (draft) => {
		draft.usStateLaws!.honoursGpc = false;
	});
	const found = findings(answers).filter((item) => item.id === 'US-STATES-UOOM');
	t.is(found.length, 1);
	t.is(found[0]!.severity, 'error');
	t.regex(found[0]!.message, /Colorado, Connecticut and Oregon require you/);
	const text = policy(load('us-multistate'));
	t.true(
		text.includes(
			'We treat Global Privacy Control as a valid opt-out of sale and targeted advertising for that browser or device and, if we know you, for you.',
		),
	);
	t.false(/may (honou?r|treat|process) (a )?Global Privacy Control/i.test(text));
	// Only Nebraska (unconfirmed): a warning.
	const nebraska = changed('texas', (draft) => {
		draft.audience.usStates = ['NE'];
		draft.usStateLaws!.honoursGpc = false;
	});
	const warned = findings(nebraska).filter((item) => item.id === 'US-STATES-UOOM');
	t.deepEqual(
		warned.map((item) => item.severity),
		['warning'],
	);
	// Virginia has no universal opt-out rule: not asked.
	t.false(policy(load('florida')).includes('We treat Global Privacy Control'));
	t.false(policy(load('florida')).includes('We do not process Global Privacy Control'));
});

test('sensitive data without opt-in consent is an error in the opt-in states', (t) => {
	const answers = changed('us-multistate', (draft) => {
		draft.usStateLaws!.sensitiveOptIn = false;
	});
	const found = findings(answers).filter((item) => item.id === 'US-STATES-SENSITIVE');
	t.is(found.length, 1);
	t.regex(found[0]!.message, /Colorado, Connecticut, Oregon and Virginia require/);
	// Oregon forbids selling precise geolocation from 1 January 2026.
	const sold = changed('us-multistate', (draft) => {
		const meta = draft.recipients.find((recipient) => recipient.id === 'meta-pixel')!;
		meta.sold = true;
		meta.dataItems.push('precise-location');
	});
	t.true(
		findings(sold).some(
			(item) => item.severity === 'error' && /Oregon forbids selling/.test(item.message),
		),
	);
});

test('minors: selling or targeting minors like adults is an error; consent is not enough where the law forbids it', (t) => {
	const same = changed('us-multistate', (draft) => {
		draft.usStateLaws!.minorsTreatment = 'same';
	});
	t.deepEqual(ids(findings(same), 'error'), ['US-STATES-MINORS']);
	const consent = changed('us-multistate', (draft) => {
		draft.usStateLaws!.minorsTreatment = 'consent';
	});
	const found = findings(consent).filter((item) => item.id === 'US-STATES-MINORS');
	t.is(found.length, 1);
	t.regex(found[0]!.message, /Consent is not enough in Connecticut and Oregon/);
	// Montana's rule for every size is unconfirmed: only a warning.
	const montana = changed('below-thresholds', (draft) => {
		draft.audience.usStates = ['MT', 'VA'];
		draft.usThresholds = {
			annualRevenueUsd: 5_000_000,
			saleRevenueShare: 0,
			consumers: {MT: 1000, VA: 150_000},
		};
		draft.usStateLaws = {minorsKnown: true, minorsTreatment: 'consent', sensitiveOptIn: true};
		draft.rights.appealHow = 'reply to our decision email with the word Appeal';
		for (const [index, item] of draft.dataItems.entries()) {
			item.ccpaCategory = load('us-multistate').dataItems[index]!.ccpaCategory;
		}

		draft.recipients.find((recipient) => recipient.id === 'meta-pixel')!.shared = true;
	});
	const warned = findings(montana).filter((item) => item.id === 'US-STATES-MINORS');
	t.deepEqual(
		warned.map((item) => item.severity),
		['warning'],
	);
	t.regex(
		warned[0]!.message,
		/Montana may restrict .* under 18, whatever the size of the business \(unconfirmed: verify\)/,
	);
});

test('Texas requires two request methods; no state lets a request require a new account', (t) => {
	const one = changed('texas', (draft) => {
		draft.rights.channels = [{kind: 'email', value: 'privacy@lonestar.example'}];
	});
	t.true(
		findings(one).some(
			(item) => item.id === 'US-STATES-RIGHTS' && /at least two/.test(item.message),
		),
	);
	const inApp = changed('us-multistate', (draft) => {
		draft.rights.channels = [{kind: 'in-app', value: 'Settings → Privacy'}];
	});
	t.true(
		findings(inApp).some(
			(item) => item.id === 'US-STATES-RIGHTS' && /new account/.test(item.message),
		),
	);
	t.false(policy(inApp).includes('You do not need to create an account'));
});

test('Minnesota and Montana: the notice in every language and accessible; dated', (t) => {
	const answers = changed('us-multistate', (draft) => {
		draft.usThresholds!.consumers!['MN'] = 120_000;
		draft.usStateLaws!.noticeAccessible = false;
	});
	t.true(
		findings(answers).some((item) => item.id === 'US-STATES-NOTICE' && item.severity === 'error'),
	);
	// Minnesota exempts small businesses (unconfirmed): a warning, and the policy covers it all the same.
	t.true(
		findings(answers).some((item) => item.id === 'US-STATES-SCOPE' && item.severity === 'warning'),
	);
	answers.usStateLaws!.noticeAccessible = true;
	const text = policy(answers);
	t.true(text.includes('This notice was last updated on 1 September 2026.'));
	t.true(text.includes('This notice is available in every language in which we offer our service'));
	t.true(text.includes('**Question profiling** (Connecticut and Minnesota)'));
	t.true(text.includes('we decide on it within 45 days (Connecticut and Virginia: 60 days;'));
});

test('Connecticut: whether personal data trains large language models only warns when unanswered (verify)', (t) => {
	const answers = changed('us-multistate', (draft) => {
		delete draft.usStateLaws!.llmTraining;
	});
	const found = findings(answers).filter((item) => item.id === 'US-STATES-NOTICE');
	t.deepEqual(
		found.map((item) => item.severity),
		['warning'],
	);
	t.false(policy(answers).includes('large language models'));
});

test('answering "no sale" while a recipient is marked as a sale is an error', (t) => {
	const answers = changed('texas-small-business', (draft) => {
		draft.usThresholds!.sellsPersonalData = false;
	});
	t.true(
		findings(answers).some((item) => item.id === 'US-STATES-SCOPE' && item.severity === 'error'),
	);
});

test('missing answers of the regime are gaps naming the question (appeal, GPC, opt-out link)', (t) => {
	const answers = changed('us-multistate', (draft) => {
		delete draft.rights.appealHow;
		delete draft.usStateLaws!.honoursGpc;
		delete draft.usStateLaws!.optOutLink;
	});
	const found = findings(answers).filter((item) => item.severity === 'error');
	t.deepEqual(found.map((item) => `${item.id} ${item.questionId ?? ''}`).sort(), [
		'US-STATES-APPEAL rights.appealHow',
		'US-STATES-OPTOUT usStateLaws.optOutLink',
		'US-STATES-UOOM usStateLaws.honoursGpc',
	]);
});

// --- Text ----------------------------------------------------------------------------------

test('deadlines per state, never mixed: 45 days (+45), Iowa 90; appeals 60, Colorado 45 (+60)', (t) => {
	const text = policy(load('us-multistate'));
	t.true(text.includes('Once we receive your request, we answer within 45 days.'));
	t.true(text.includes('we may extend this once by 45 days'));
	t.true(
		text.includes(
			'we decide on it within 60 days (Colorado: 45 days, which we may extend by 60 days where reasonably necessary, telling you why; Oregon: 45 days)',
		),
	);
	t.false(text.includes('one month'));
	const iowa = changed('us-multistate', (draft) => {
		draft.audience.usStates = [...(draft.audience.usStates ?? []), 'IA'];
		draft.usThresholds!.consumers!['IA'] = 100_000;
	});
	t.true(policy(iowa).includes('we answer within 45 days (Iowa: 90 days).'));
});

test('the Attorney General of each state that applies, with a link', (t) => {
	const text = policy(load('us-multistate'));
	t.true(
		text.includes(
			'If we deny your appeal, you can complain to the Attorney General of your state:',
		),
	);
	t.true(
		text.includes(
			'- **Virginia:** The Office of the Attorney General of Virginia, <https://www.oag.state.va.us>',
		),
	);
	t.true(text.includes('- **Colorado:** The Colorado Attorney General, <https://coag.gov>'));
	t.false(text.includes('texasattorneygeneral'));
});

test('the drafted Markdown lints clean, policy and rights, for every fixture', (t) => {
	for (const name of [...fixtureNames, 'us-multistate'] as const) {
		for (const kind of ['policy', 'rights'] as const) {
			t.deepEqual(lintMarkdown(policy(load(name), kind)), [], `${name} ${kind}`);
		}
	}
});

test('the goldens of the bundled example are current', (t) => {
	for (const [kind, file] of [
		['policy', 'PRIVACY.md'],
		['rights', 'DATA-RIGHTS.md'],
	] as const) {
		t.is(
			policy(load('us-multistate'), kind),
			readFileSync(new URL(`../../outputs/us-multistate/${file}`, import.meta.url), 'utf8'),
			file,
		);
	}
});

// --- Every checklist item is asked, drafted and checked ---------------------------------------

const checklistIds = regimeById('us-states')!.checklist.items.map((item) => item.id);

function allQuestions(): Question[] {
	const out: Question[] = [];
	const visit = (questions: Question[]): void => {
		for (const question of questions) {
			out.push(question);
			visit(question.fields ?? []);
		}
	};

	for (const section of questionnaire.sections) {
		visit(section.questions);
	}

	return out;
}

test('every checklist item of the regime is served by a question', (t) => {
	const served = new Set(allQuestions().flatMap((question) => question.serves ?? []));
	t.deepEqual(
		checklistIds.filter((id) => !served.has(id)),
		[],
	);
});

test('every notice item of the regime is drafted for some fixture', (t) => {
	const drafted = new Set<string>();
	const variants: Answers[] = [
		...[...fixtureNames, 'us-multistate' as const].map((name) => load(name)),
		changed('us-multistate', (answers) => {
			answers.usThresholds!.consumers!['MN'] = 120_000;
			answers.usStateLaws!.noticeAccessible = true;
		}),
	];
	for (const answers of variants) {
		for (const id of servedIds(model(answers))) {
			drafted.add(id);
		}
	}

	const notice = regimeById('us-states')!.checklist.items.filter(
		(item) => (item.kind ?? 'notice') === 'notice',
	);
	t.deepEqual(
		notice.map((item) => item.id).filter((id) => !drafted.has(id)),
		[],
	);
});

test('every checklist item of the regime is checked: a finding names it, or coverage does', (t) => {
	const corpus: Answers[] = [
		changed('us-multistate', (answers) => {
			answers.usStateLaws!.honoursGpc = false;
			answers.usStateLaws!.sensitiveOptIn = false;
			answers.usStateLaws!.minorsTreatment = 'same';
			answers.usThresholds!.consumers!['MN'] = 120_000;
			answers.usStateLaws!.noticeAccessible = false;
			delete answers.rights.appealHow;
			delete answers.usStateLaws!.optOutLink;
			answers.rights.channels = [{kind: 'in-app', value: 'Settings'}];
		}),
		changed('texas-small-business', (answers) => {
			answers.usThresholds!.sellsPersonalData = false;
		}),
	];
	const named = new Set(corpus.flatMap((answers) => findings(answers).map((item) => item.id)));
	for (const item of regimeById('us-states')!.checklist.items) {
		// Notice items the drafter serves under the item's own condition: coverage reports any that goes missing.
		const coverage = (item.kind ?? 'notice') === 'notice' && item.condition !== undefined;
		t.true(named.has(item.id) || coverage, item.id);
	}

	for (const id of [
		'US-STATES-NOTICE',
		'US-STATES-RIGHTS',
		'US-STATES-APPEAL',
		'US-STATES-OPTOUT',
		'US-STATES-UOOM',
		'US-STATES-SENSITIVE',
		'US-STATES-MINORS',
		'US-STATES-SCOPE',
	]) {
		t.true(named.has(id), id);
	}
});

test('choosing states asks their thresholds, and only theirs', (t) => {
	const partial = {
		schemaVersion: 2,
		audience: {regions: ['us'], people: ['users'], usStates: ['VA', 'CO', 'TX', 'UT', 'NY']},
		usThresholds: {annualRevenueUsd: 10_000_000, saleRevenueShare: 0},
	} as unknown as PartialAnswers;
	const asked = gaps(partial)
		.map((gap) => gap.fullId)
		.filter((id) => id.startsWith('usThresholds.'));
	t.deepEqual(asked, [
		'usThresholds.consumers.VA',
		'usThresholds.consumers.CO',
		'usThresholds.sbaSmallBusiness',
	]);
	t.is(state(partial).status, 'unknown');
	t.deepEqual(state(partial).missing, [
		'usThresholds.consumers.CO',
		'usThresholds.sbaSmallBusiness',
		'usThresholds.consumers.VA',
	]);
});

test('rights the data marks as unconfirmed are not drafted and only warn (Utah correction, Maryland third parties)', (t) => {
	const answers = changed('maryland', (draft) => {
		draft.audience.usStates = ['MD', 'UT'];
		draft.usThresholds = {
			annualRevenueUsd: 30_000_000,
			saleRevenueShare: 0,
			consumers: {MD: 40_000, UT: 150_000},
		};
	});
	const found = findings(answers).filter((item) => item.id === 'US-STATES-RIGHTS');
	t.deepEqual(
		found.map((item) => item.severity),
		['warning', 'warning'],
	);
	t.true(
		found.some((item) =>
			item.message.startsWith('Utah may give a further right from 2026-07-01 (to correct'),
		),
	);
	const text = policy(answers);
	t.true(text.includes('**Correct** (Maryland)'));
	t.false(text.includes('Categories of third parties'));
});
