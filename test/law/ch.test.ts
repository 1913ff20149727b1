import {readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import test, {type ExecutionContext} from 'ava';
import {examples} from '../../source/core/answers/examples.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import type {Answers, DraftAnswers} from '../../source/core/answers/types.js';
import {catalogService, recipientFromService} from '../../source/core/catalog/catalog.js';
import {checkAnswers, lawReport, type Finding} from '../../source/core/checks/findings.js';
import {draft, type DocumentKind} from '../../source/core/drafting/documents.js';
import {servedIds} from '../../source/core/drafting/model.js';
import {draftPolicy} from '../../source/core/drafting/policy.js';
import {ch} from '../../source/core/law/ch/index.js';
import {allQuestions} from '../../source/core/questionnaire/questionnaire.js';
import {defaultValue} from '../../source/core/questionnaire/values.js';
import {gaps, pruneHidden} from '../../source/core/questionnaire/walk.js';
import {readJson, sha256} from '../helpers/answers.js';
import {lintMarkdown} from '../helpers/markdown.js';

const fixtureNames = ['ch-saas', 'foreign-rep', 'exception'] as const;
type FixtureName = (typeof fixtureNames)[number];

/** A fresh copy of a fixture company (the bundled example ch-saas, or one under test/fixtures). */
function fixture(name: FixtureName): Answers {
	return structuredClone(
		name === 'ch-saas'
			? examples['ch-saas']!.answers
			: readJson(`test/fixtures/law/ch/${name}.json`),
	) as Answers;
}

function changed(name: FixtureName, change: (answers: Answers) => void): Answers {
	const answers = fixture(name);
	change(answers);
	return answers;
}

function markdown(answers: Answers, kind: DocumentKind = 'policy'): string {
	const result = draft(answers as unknown as DraftAnswers, kind, sha256);
	if (!result.ok) {
		throw new Error(`Not complete: ${result.gaps.map((gap) => gap.fullId).join(', ')}`);
	}

	return result.markdown;
}

const check = (answers: unknown): Finding[] =>
	checkAnswers(answers as DraftAnswers, {today: '2026-12-01'});

const chFindings = (answers: unknown): Finding[] =>
	check(answers).filter((finding) => finding.regime === 'ch');

function expectFinding(
	t: ExecutionContext,
	answers: unknown,
	id: string,
	severity: Finding['severity'],
	path?: string,
): Finding {
	const all = check(answers);
	const found = all.filter((finding) => finding.id === id && finding.severity === severity);
	t.true(
		found.length > 0,
		`no ${severity} ${id} in: ${all.map((f) => `${f.severity} ${f.id} ${f.path ?? ''}`).join(', ')}`,
	);
	const finding = found.find((item) => path === undefined || item.path === path);
	t.truthy(finding, `no ${id} at ${path}: ${found.map((item) => item.path).join(', ')}`);
	t.is(finding?.regime, 'ch');
	t.true((finding?.fix.length ?? 0) > 20);
	return finding!;
}

/** The paragraph of a document that starts with the given text. */
function paragraph(text: string, start: string): string {
	return text.split('\n\n').find((block) => block.startsWith(start)) ?? '';
}

// --- Data -----------------------------------------------------------------------------------

test('the regime data validates against its schemas', (t) => {
	const ajv = new Ajv2020({strict: false, allErrors: true});
	for (const file of ['questionnaire', 'checklist', 'messages', 'adequacy', 'regime-questions']) {
		ajv.addSchema(
			readJson(`questionnaires/schemas/${file}.schema.json`) as object,
			`https://privacy-wizard.dev/schemas/${file}.schema.json`,
		);
	}

	const pairs: Array<[string, string]> = [
		['questionnaires/law/ch/checklist.json', 'checklist'],
		['questionnaires/law/ch/messages.en.json', 'messages'],
		['questionnaires/law/ch/data.json', 'adequacy'],
		['questionnaires/law/ch/questions.json', 'regime-questions'],
	];
	for (const [file, schema] of pairs) {
		const validate = ajv.getSchema(`https://privacy-wizard.dev/schemas/${schema}.schema.json`)!;
		t.true(validate(readJson(file)), `${file}: ${JSON.stringify(validate.errors)}`);
	}
});

test('the checklist has every item of checklist-regimes §3 and CH-DELTA', (t) => {
	const ids = ch.checklist.items.map((item) => item.id);
	for (const id of [
		'CH-DELTA',
		'CH-19.2',
		'CH-19.3',
		'CH-19.4',
		'CH-16',
		'CH-17',
		'CH-14',
		'CH-6.7',
		'CH-21',
		'CH-25',
		'CH-FDPIC',
		'CH-BASIS',
	]) {
		t.true(ids.includes(id), id);
	}

	t.is(ch.checklist.items.find((item) => item.id === 'CH-BASIS')?.kind, 'never');
});

test('the adequacy list is Annex 1 DPO, dated, with the US only for Swiss-US DPF recipients', (t) => {
	const data = readJson('questionnaires/law/ch/data.json') as {
		asOf: string;
		adequacy: Array<{country: string; scope?: string}>;
	};
	t.is(data.asOf, '2026-12-01');
	const countries = data.adequacy.map((entry) => entry.country);
	// The 30 EU and EEA states, 12 other states and territories, Canada and the United States.
	t.is(countries.length, 44);
	for (const country of ['DE', 'IE', 'LI', 'NO', 'GB', 'IL', 'NZ', 'UY', 'AR', 'AD', 'MC', 'FO']) {
		t.true(countries.includes(country), country);
	}

	for (const country of ['CH', 'JP', 'KR', 'BR', 'SG', 'IN']) {
		t.false(countries.includes(country), country);
	}

	t.is(data.adequacy.find((entry) => entry.country === 'US')?.scope, 'swiss-us-dpf');
	t.is(data.adequacy.find((entry) => entry.country === 'CA')?.scope, 'pipeda');
	const rule = ch.transfer!;
	t.true(rule.adequate('US', {certifications: ['swiss-us-dpf']}));
	t.false(rule.adequate('US', {certifications: ['eu-us-dpf', 'uk-extension']}));
	t.true(rule.adequate('IE', {}));
	t.true(rule.adequate('CA', {pipedaCovered: true}));
	t.false(rule.adequate('CA', {}));
	t.false(rule.adequate('SG', {}));
	t.true(rule.inside('CH'));
	t.false(rule.inside('LI'));
});

test('every fixture company is valid, complete answers of schemaVersion 2', (t) => {
	for (const name of fixtureNames) {
		const answers = fixture(name);
		t.is(answers.schemaVersion, 2);
		const loaded = validateAnswers(answers);
		t.true(loaded.ok, `${name}: ${JSON.stringify(loaded)}`);
		t.deepEqual(
			gaps(answers).map((gap) => gap.fullId),
			[],
			name,
		);
	}
});

// --- Applicability --------------------------------------------------------------------------

const chLaw = (answers: unknown) =>
	lawReport(answers as DraftAnswers).find((law) => law.id === 'ch')!;

test('applies to a controller established in Switzerland (home rule), whoever it serves', (t) => {
	const law = chLaw(fixture('ch-saas'));
	t.is(law.status, 'applies');
	t.deepEqual(law.reasons, [
		'you are established in Switzerland, so your processing of personal data has effects there (Article 3(1) FADP)',
	]);
	const eeaOnly = changed('ch-saas', (answers) => {
		answers.audience.regions = ['eea'];
	});
	t.is(chLaw(eeaOnly).status, 'applies');
});

test('applies to a company with a branch in Switzerland, which needs no representative', (t) => {
	const answers = changed('foreign-rep', (answers) => {
		answers.audience.regions = ['other'];
		answers.controller.otherEstablishments = ['CH'];
	});
	t.is(chLaw(answers).status, 'applies');
	t.regex(chLaw(answers).reasons[0]!, /established in Switzerland/);
	const pruned = pruneHidden(answers) as Answers;
	t.is(pruned.representatives?.ch, undefined);
	t.is(pruned.fadp?.representativeTest, undefined);
});

test('applies to a company abroad that serves people in Switzerland', (t) => {
	const law = chLaw(fixture('foreign-rep'));
	t.is(law.status, 'applies');
	t.regex(law.reasons[0]!, /offer your service to people in Switzerland.*Article 3\(1\) FADP/);
	t.regex(
		markdown(fixture('foreign-rep')),
		/we offer our service to people in Switzerland, so our processing of their data has effects there \(Article 3\(1\) FADP\)/,
	);
});

test('does not apply without an establishment in Switzerland or people there', (t) => {
	const law = chLaw(examples['eu-saas']!.answers);
	t.is(law.status, 'does-not-apply');
	t.deepEqual(law.reasons, [
		'you are not established in Switzerland and do not offer your service to people there',
	]);
	t.is(chLaw({schemaVersion: 2}).status, 'does-not-apply');
});

test('the representative threshold: each criterion asked in turn, an unanswered one named', (t) => {
	const unanswered = changed('foreign-rep', (answers) => {
		delete answers.fadp!.representativeTest!.largeScale;
	});
	const asked = gaps(pruneHidden(unanswered)).map((gap) => gap.fullId);
	t.deepEqual(asked, ['fadp.representativeTest.largeScale']);
	const finding = expectFinding(
		t,
		unanswered,
		'CH-14',
		'error',
		'fadp.representativeTest.largeScale',
	);
	t.regex(finding.message, /large scale/);

	// One criterion not met: no representative is needed, asked or drafted.
	for (const criterion of ['offering', 'largeScale', 'regular', 'highRisk'] as const) {
		const answers = changed('foreign-rep', (answers) => {
			answers.fadp!.representativeTest![criterion] = false;
		});
		t.false(
			gaps(answers).some((gap) => gap.fullId.startsWith('representatives.ch')),
			criterion,
		);
		t.notRegex(markdown(pruneHidden(answers) as Answers), /representative in Switzerland/);
	}

	// A controller in Switzerland is never asked.
	t.false(allQuestions().length === 0);
	t.false(
		gaps(changed('ch-saas', (answers) => delete answers.fadp)).some((gap) =>
			gap.fullId.startsWith('fadp.representativeTest'),
		),
	);
});

// --- Check: clean fixtures, errors and warnings ---------------------------------------------

test('check: ch-saas and the foreign company have no findings at all', (t) => {
	t.deepEqual(check(fixture('ch-saas')), []);
	t.deepEqual(check(fixture('foreign-rep')), []);
});

test('check: the Article 17 fixture has only the warnings its answers call for', (t) => {
	t.deepEqual(
		check(fixture('exception'))
			.map((finding) => `${finding.severity} ${finding.id}`)
			.sort(),
		['warning CH-19.3', 'warning CH-25-FEE'],
	);
});

test('check errors on a recipient abroad without adequacy and without a Swiss basis', (t) => {
	const finding = expectFinding(
		t,
		changed('ch-saas', (answers) => {
			delete answers.recipients[1]!.transfers!['ch'];
		}),
		'CH-16',
		'error',
		'recipients[1].transfers.ch',
	);
	t.regex(finding.citation, /FADP Art\. 16/);
	// Certified under the EU-US DPF only: the Swiss-US DPF is what counts in Switzerland.
	expectFinding(
		t,
		changed('ch-saas', (answers) => {
			delete answers.recipients[2]!.transfers;
		}),
		'CH-16',
		'error',
		'recipients[2].transfers.ch',
	);
	expectFinding(
		t,
		changed('ch-saas', (answers) => {
			answers.recipients[0]!.certifications = ['eu-us-dpf'];
		}),
		'CH-16',
		'error',
		'recipients[0].transfers.ch',
	);
	// A Swiss-US DPF certification needs no basis: the question is not asked.
	t.false(
		gaps(fixture('ch-saas')).some((gap) => gap.path.join('.') === 'recipients.0.transfers.ch'),
	);
});

test('check errors on a missing Swiss representative, and on one outside Switzerland', (t) => {
	expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			delete answers.representatives;
		}),
		'CH-14',
		'error',
		'representatives.ch.name',
	);
	const finding = expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			answers.representatives!.ch!.address = {
				lines: ['Kärntner Straße 5'],
				postalCode: '1010',
				locality: 'Wien',
				country: 'AT',
			};
		}),
		'CH-14',
		'error',
		'representatives.ch.address.country',
	);
	t.regex(finding.message, /Austria/);
});

test('check warns when "no high risk" sits with sensitive data, profiling or automated decisions', (t) => {
	const finding = expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			answers.fadp!.representativeTest!.highRisk = false;
		}),
		'CH-14',
		'warning',
		'fadp.representativeTest.highRisk',
	);
	t.regex(
		finding.message,
		/process sensitive personal data, carry out high-risk profiling and make decisions/,
	);
});

test('check errors on consent that is not express, for sensitive data and for profiling', (t) => {
	const finding = expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			answers.dataItems[2]!.sensitive!.fadpConsentHow = 'by using the app and accepting our terms';
		}),
		'CH-6.7',
		'error',
		'dataItems[2].sensitive.fadpConsentHow',
	);
	t.regex(finding.message, /not express consent/);
	expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			answers.fadp!.profiling!.consentHow = 'the adaptive programme is pre-ticked during sign-up';
		}),
		'CH-6.7',
		'error',
		'fadp.profiling.consentHow',
	);
	// Unanswered: the consent question is a gap of CH-6.7.
	expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			delete answers.dataItems[3]!.sensitive!.fadpConsent;
			delete answers.dataItems[3]!.sensitive!.fadpConsentHow;
		}),
		'CH-6.7',
		'error',
		'dataItems[3].sensitive.fadpConsent',
	);
});

test('check warns where personality may be violated without a justification (CH-BASIS)', (t) => {
	const finding = expectFinding(
		t,
		changed('exception', (answers) => {
			answers.dataItems[3]!.sensitive!.fadpConsent = false;
			delete answers.dataItems[3]!.sensitive!.fadpConsentHow;
		}),
		'CH-BASIS',
		'warning',
		'dataItems[3].sensitive.fadpConsent',
	);
	t.regex(finding.message, /Hotels and tour operators on your trip/);
	t.regex(finding.fix, /Article 31 FADP/);
	expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			answers.fadp!.profiling = {
				used: true,
				description: answers.fadp!.profiling!.description!,
				onConsent: false,
			};
		}),
		'CH-BASIS',
		'warning',
		'fadp.profiling.onConsent',
	);
});

test('check warns on specific guarantees of a federal body, and on an exception for a routine processor', (t) => {
	expectFinding(
		t,
		changed('ch-saas', (answers) => {
			answers.recipients[1]!.transfers = {eu: 'sccs', ch: 'specific-guarantees'};
		}),
		'CH-16',
		'warning',
		'recipients[1].transfers.ch',
	);
	const finding = expectFinding(
		t,
		changed('ch-saas', (answers) => {
			answers.recipients[1]!.transfers = {eu: 'sccs', ch: 'art17-consent'};
		}),
		'CH-17',
		'warning',
		'recipients[1].transfers.ch',
	);
	t.regex(finding.message, /not a guarantee/);
});

test('check on data from others: unanswered is an error, "not told" a warning', (t) => {
	expectFinding(
		t,
		changed('exception', (answers) => {
			delete answers.fadp!.indirectInformed;
		}),
		'CH-19.3',
		'error',
		'fadp.indirectInformed',
	);
	const finding = expectFinding(t, fixture('exception'), 'CH-19.3', 'warning');
	t.regex(finding.fix, /Article 20/);
});

test('check on automated decisions: no review by a person is an error; how people are told is asked', (t) => {
	const finding = expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			if (answers.automatedDecisions.used) {
				answers.automatedDecisions.decisions[0]!.humanReview = 'None: the pause is automatic.';
			}
		}),
		'CH-21',
		'error',
		'automatedDecisions.decisions[0].humanReview',
	);
	t.regex(finding.fix, /natural person \(Article 21\(2\) FADP\)/);
	expectFinding(
		t,
		changed('foreign-rep', (answers) => {
			delete answers.fadp!.decisionsInformHow;
		}),
		'CH-21',
		'error',
		'fadp.decisionsInformHow',
	);
});

test('check on the cost of access: unanswered is an error of CH-25; a contribution warns (verify)', (t) => {
	expectFinding(
		t,
		changed('ch-saas', (answers) => {
			delete answers.fadp!.accessContribution;
		}),
		'CH-25',
		'error',
		'fadp.accessContribution',
	);
	const finding = expectFinding(t, fixture('exception'), 'CH-25-FEE', 'warning');
	t.regex(finding.message, /CHF 300.*\(verify\)/);
	t.regex(finding.citation, /\(verify\)/);
});

test('verify items only ever warn', (t) => {
	const verify = new Set(ch.checklist.items.filter((item) => item.verify).map((item) => item.id));
	t.deepEqual([...verify], ['CH-25-FEE']);
	const found = chFindings(fixture('exception')).filter((finding) => verify.has(finding.id));
	t.is(found.length, 1);
	t.true(found.every((finding) => finding.severity === 'warning'));
	// The cap is never drafted as settled law.
	t.notRegex(markdown(fixture('exception')), /CHF|300|10 days/);
});

// --- Coverage: every item asked, drafted or checked -----------------------------------------

test('every FADP checklist item is served by a question', (t) => {
	const served = new Set(allQuestions().flatMap(({question}) => question.serves ?? []));
	for (const item of ch.checklist.items) {
		t.true(served.has(item.id), item.id);
	}
});

test('every FADP notice item is drafted for some fixture, and the others are checked', (t) => {
	const drafted = new Set(
		fixtureNames.flatMap((name) => [...servedIds(draftPolicy(fixture(name)))]),
	);
	const checked = new Set(
		[
			fixture('exception'),
			changed('exception', (answers) => {
				answers.dataItems[3]!.sensitive!.fadpConsent = false;
				delete answers.dataItems[3]!.sensitive!.fadpConsentHow;
			}),
		].flatMap((answers) => chFindings(answers).map((finding) => finding.id)),
	);
	for (const item of ch.checklist.items) {
		if ((item.kind ?? 'notice') === 'notice') {
			t.true(drafted.has(item.id), `${item.id} is never drafted`);
		} else {
			t.true(checked.has(item.id), `${item.id} is never checked`);
		}
	}
});

test('check reports an FADP item the policy would not state', (t) => {
	// Without the drafting of the rights or the transfers, coverage must find the items missing.
	const drafting = ch.drafting as Record<string, unknown>;
	for (const [slots, id] of [
		[['rights', 'exercising'], 'CH-25'],
		[['transfers'], 'CH-19.4'],
		[['complaints'], 'CH-FDPIC'],
	] as const) {
		const saved = slots.map((slot) => drafting[slot]);
		try {
			for (const slot of slots) {
				delete drafting[slot];
			}

			const found = check(fixture('ch-saas')).filter((finding) => finding.id === id);
			t.is(found.length, 1, id);
			t.is(found[0]?.severity, 'error', id);
		} finally {
			for (const [index, slot] of slots.entries()) {
				drafting[slot] = saved[index];
			}
		}
	}
});

// --- Drafting -------------------------------------------------------------------------------

test('ch-saas: every country abroad with its Swiss basis, the DPF only for certified recipients', (t) => {
	const policy = markdown(fixture('ch-saas'));
	const section = policy.slice(policy.indexOf('### Recipients outside Switzerland'));
	t.regex(
		section,
		/\| Nimbus Cloud \| United States \| adequate protection: the recipient is certified under the Swiss-US Data Privacy Framework \(Article 16\(1\) FADP; Annex 1 DPO\) \|/,
	);
	// Certified under the EU-US DPF only: the adapted clauses in Switzerland.
	t.regex(
		section,
		/\| Helpline Desk \| United States \| the European Commission's standard contractual clauses, adapted for Swiss law as the FDPIC recognised them \(Article 16\(2\)\(d\) FADP\) \|/,
	);
	t.regex(section, /\| Postwerk \| United States \| the European Commission's standard/);
	// An adequate country is named too (Article 19(4)); Switzerland itself is no disclosure abroad.
	t.regex(
		section,
		/\| Zahlwerk Payments \| Ireland \| adequate protection: on the Federal Council's list/,
	);
	t.notRegex(section.slice(0, section.indexOf('## How long')), /Treuhand Meier/);
	t.regex(section, /We name every country, and the basis .* \(Article 19\(4\) FADP\)/);
	t.regex(
		section,
		/You can obtain a copy of these guarantees by writing to <privacy@tafel\.example>/,
	);
	t.notRegex(section.slice(0, section.indexOf('## How long')), /Article 17/);
});

test('ch-saas: each law keeps its own deadline, rights and authority; no legal basis under the FADP', (t) => {
	const policy = markdown(fixture('ch-saas'));
	const swiss = paragraph(policy, '**If you are in Switzerland.**');
	t.regex(swiss, /in general within 30 days of your request \(Article 25\(7\) FADP\)/);
	t.regex(swiss, /free of charge \(Article 25\(6\) FADP\)/);
	t.notRegex(swiss, /month/);
	t.regex(
		paragraph(policy, 'If you are in the European Economic Area, we answer'),
		/within one month .*\(Article 12\(3\) GDPR\)/,
	);
	t.notRegex(paragraph(policy, 'If you are in the European Economic Area, we answer'), /30 days/);
	t.regex(policy, /### If you are in Switzerland\n\nThe FADP gives you these rights/);
	t.regex(
		policy,
		/- \*\*Access \(Article 25 FADP\):\*\*.*how long we keep it.*where it comes from.*logic.*countries outside Switzerland/,
	);
	t.regex(policy, /- \*\*Data portability \(Article 28 FADP\):\*\*/);
	const fdpic = paragraph(policy, 'If you are in Switzerland and think');
	t.regex(
		fdpic,
		/report it to the \[Federal Data Protection and Information Commissioner \(FDPIC\)\]\(https:\/\/www\.edoeb\.admin\.ch\)/,
	);
	t.regex(fdpic, /on its own initiative or on a report, .*\(Article 49 FADP\)/);
	t.notRegex(fdpic, /complain/i);
	t.regex(policy, /civil courts.*\(Article 32 FADP\)/);
	// Legal bases are the GDPR's alone: none is drafted under Swiss law.
	for (const line of policy.split('\n').filter((text) => text.includes('**Legal basis:**'))) {
		t.notRegex(line, /FADP|Swiss/);
	}

	t.regex(
		policy,
		/Under Swiss law, a processor may process your data only in the way we ourselves are allowed to/,
	);
	t.notRegex(policy, /representative in Switzerland/);
});

test('ch-saas: the bundled example reproduces outputs/ch-saas byte for byte', (t) => {
	for (const [kind, file] of [
		['policy', 'PRIVACY.md'],
		['rights', 'DATA-RIGHTS.md'],
	] as const) {
		t.is(
			markdown(fixture('ch-saas'), kind),
			readFileSync(new URL(`../../outputs/ch-saas/${file}`, import.meta.url), 'utf8'),
		);
	}
});

test('foreign company: its Swiss representative, where it is, express consent, profiling, decisions', (t) => {
	const policy = markdown(fixture('foreign-rep'));
	t.regex(
		policy,
		/### Our representative in Switzerland\n\nAs we are not established in Switzerland, we have designated a representative there \(Article 14 FADP\)\..*\n\n- \*\*Name:\*\* Helvetia Privacy Representative GmbH\n- \*\*Address:\*\* Bahnhofstrasse 10, 8001 Zürich, Switzerland/,
	);
	t.regex(
		policy,
		/### Recipients outside Switzerland\n\nWe are established outside Switzerland, in Singapore\./,
	);
	t.regex(
		policy,
		/\| Merlion Cloud \| Singapore \| the European Commission's standard contractual clauses, adapted/,
	);
	t.regex(
		policy,
		/- \*\*Health assessment:\*\* health data\. If you are in Switzerland, we process it only with your express consent \(Article 6\(7\)\(a\) FADP\)\. How you give it: by ticking a separate, unticked box/,
	);
	t.regex(
		policy,
		/high-risk profiling, Article 5\(g\) FADP\): we combine your assessment answers.*express consent \(Article 6\(7\)\(b\) FADP\)\. How you give it: by switching on "Adaptive programme"/,
	);
	t.regex(
		policy,
		/## Data we receive from others \(Switzerland\)\n\nWe receive these categories of personal data from others, not from you: Heart rate during exercise\./,
	);
	t.regex(
		policy,
		/at the latest one month after we received it, or when we first disclose it .*\(Article 19\(5\) FADP\)/,
	);
	t.regex(
		policy,
		/### Under Swiss law\n\nIf you are in Switzerland, we inform you of each decision based exclusively on automated processing .*\(Article 21\(1\) FADP\)\. How we tell you: in the app, with a message/,
	);
	t.regex(
		policy,
		/state your point of view, and ask that the decision be reviewed by a natural person \(Article 21\(2\) FADP\)/,
	);
	t.regex(policy, /- \*\*Withdrawing consent:\*\* Where we rely on your express consent/);
	t.regex(
		policy,
		/have automated decisions reviewed by a person, and report a breach to the FDPIC/,
	);
	// Only the FADP applies: no other law's words.
	t.notRegex(
		policy,
		/GDPR|Legal basis|legal basis|supervisory authority|lodge a complaint|European Economic Area/,
	);
});

test('Article 17: an exception is named as an exception, once per recipient, never as a guarantee', (t) => {
	const policy = markdown(fixture('exception'));
	t.regex(
		policy,
		/\| Hotels and tour operators on your trip \| Thailand \| exception: the disclosure is directly connected with concluding or performing a contract with you \(Article 17\(1\)\(b\)\(1\) FADP\) \|/,
	);
	t.regex(
		policy,
		/Some disclosures rest not on adequate protection or a guarantee, but on an exception .*\(Article 17 FADP\):\n\n- Hotels and tour operators on your trip \(Thailand and Vietnam\): the disclosure is directly connected/,
	);
	t.notRegex(policy, /Where the basis is a guarantee/);
	t.notRegex(policy, /copy of these guarantees/);
	t.regex(policy, /may we ask you to contribute to our costs; we tell you the amount first/);
	// Data from others without the one-month promise the answers do not give.
	t.regex(
		policy,
		/We receive these categories of personal data from others, not from you: Name and Passport details\./,
	);
	t.notRegex(policy, /one month after we received it/);
});

test('the drafted documents lint clean and are the same bytes on every run', (t) => {
	for (const name of fixtureNames) {
		for (const kind of ['policy', 'rights'] as const) {
			const text = markdown(fixture(name), kind);
			t.deepEqual(lintMarkdown(text), [], `${name} ${kind}`);
			t.is(markdown(fixture(name), kind), text);
		}
	}
});

test('no FADP text, question or finding when the FADP does not apply', (t) => {
	for (const name of ['eu-saas', 'global-reps', 'br-app', 'ca-quebec', 'us-consumer']) {
		const answers = structuredClone(examples[name]!.answers) as Answers;
		t.is(chLaw(answers).status, 'does-not-apply', name);
		for (const kind of ['policy', 'rights'] as const) {
			t.notRegex(markdown(answers, kind), /FADP|FDPIC|Switzerland|Swiss/, `${name} ${kind}`);
		}

		t.false(
			gaps(answers).some(
				(gap) => gap.fullId.startsWith('fadp') || gap.fullId.endsWith('transfers.ch'),
			),
			name,
		);
		t.deepEqual(chFindings(answers), [], name);
	}

	// Answers given while Switzerland was served are pruned once it is not.
	const pruned = pruneHidden(
		changed('foreign-rep', (answers) => {
			answers.audience.regions = ['other'];
		}),
	) as Answers;
	t.is(pruned.fadp, undefined);
	t.is(pruned.representatives?.ch, undefined);
	t.true(pruned.recipients.every((recipient) => recipient.transfers?.['ch'] === undefined));
	t.true(pruned.dataItems.every((item) => item.sensitive?.fadpConsent === undefined));
});

// --- Questions ------------------------------------------------------------------------------

test("a vendor's EU clauses are proposed as the clauses adapted for Switzerland, and confirmed", (t) => {
	const transfers = allQuestions().find(({fullId}) => fullId === 'recipients.transfers.ch')!;
	t.true(transfers.question.confirmDefault);
	t.regex(
		transfers.question.options!.find((option) => option.value === 'ch-sccs')!.label,
		/EU standard contractual clauses adapted for Switzerland/,
	);
	const service = catalogService('aws')!;
	t.true(service.transferTools.includes('sccs'));
	const answers = fixture('ch-saas');
	// A vendor offering only the EU clauses (no Swiss-US DPF participation).
	const recipient = recipientFromService(
		{...service, locations: ['US'], headquarters: 'US', transferTools: ['sccs']},
		answers,
	);
	t.is(recipient.transfers?.['ch'], 'ch-sccs');
	t.is(ch.transfer!.proposeSafeguard!(['bcrs']), 'bcrs');
	t.is(ch.transfer!.proposeSafeguard!(['dpf']), undefined);
});

test('explicit consent under Article 9 GDPR proposes consent under the FADP, confirmed, never kept', (t) => {
	const entry = allQuestions().find(({fullId}) => fullId === 'dataItems.sensitive.fadpConsent')!;
	t.true(entry.question.confirmDefault);
	const answers = fixture('ch-saas');
	answers.dataItems.push({
		id: 'health',
		name: 'Health notes',
		sources: [{kind: 'person'}],
		sensitive: {category: 'health', article9: 'explicit-consent'},
	});
	const context = {today: '2026-12-01', suggestions: {}};
	const at = ['dataItems', answers.dataItems.length - 1];
	t.is(defaultValue(entry.question, answers, context, at), true);
	answers.dataItems.at(-1)!.sensitive!.article9 = 'health-or-social-care';
	t.is(defaultValue(entry.question, answers, context, at), undefined);
	// The question follows the Swiss categories: criminal records are sensitive in Switzerland too.
	answers.dataItems.at(-1)!.sensitive = {category: 'criminal-records'};
	t.true(gaps(answers).some((gap) => gap.fullId === 'dataItems.sensitive.fadpConsent'));
	answers.dataItems.at(-1)!.sensitive = {category: 'precise-geolocation'};
	t.false(gaps(answers).some((gap) => gap.fullId === 'dataItems.sensitive.fadpConsent'));
});
