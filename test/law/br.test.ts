import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import test, {type ExecutionContext} from 'ava';
import {examples} from '../../source/core/answers/examples.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import type {Answers, DraftAnswers, Purpose} from '../../source/core/answers/types.js';
import {catalogService, recipientFromService} from '../../source/core/catalog/catalog.js';
import {checkAnswers, lawReport, type Finding} from '../../source/core/checks/findings.js';
import {draft, type DocumentKind} from '../../source/core/drafting/documents.js';
import {draftPolicy} from '../../source/core/drafting/policy.js';
import {servedIds} from '../../source/core/drafting/model.js';
import {br} from '../../source/core/law/br/index.js';
import {questionnaire} from '../../source/core/questionnaire/questionnaire.js';
import type {Question} from '../../source/core/questionnaire/types.js';
import {defaultValue} from '../../source/core/questionnaire/values.js';
import {gaps, pruneHidden} from '../../source/core/questionnaire/walk.js';
import {lintMarkdown} from '../helpers/markdown.js';

const root = new URL('../../', import.meta.url);
const readJson = (relative: string): unknown =>
	JSON.parse(readFileSync(new URL(relative, root), 'utf8'));
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const fixtureNames = ['br-app', 'small-agent', 'foreign', 'sensitive'] as const;
type FixtureName = (typeof fixtureNames)[number] | 'missing-ground';

/** A fresh copy of a fixture company (the bundled example br-app, or one under test/fixtures). */
function fixture(name: FixtureName): Answers {
	return structuredClone(
		name === 'br-app' ? examples['br-app']!.answers : readJson(`test/fixtures/law/br/${name}.json`),
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

function expectFinding(
	t: ExecutionContext,
	answers: unknown,
	id: string,
	severity: Finding['severity'],
	path?: string,
): Finding {
	const found = check(answers).filter(
		(finding) => finding.id === id && finding.severity === severity,
	);
	t.true(
		found.length > 0,
		`no ${severity} ${id} in: ${check(answers)
			.map((f) => `${f.severity} ${f.id}`)
			.join(', ')}`,
	);
	const finding = found.find((item) => path === undefined || item.path === path);
	t.truthy(finding, `no ${id} at ${path}: ${found.map((item) => item.path).join(', ')}`);
	t.is(finding?.regime, 'br');
	t.true((finding?.fix.length ?? 0) > 20);
	return finding!;
}

const brFindings = (answers: unknown): Finding[] =>
	check(answers).filter((finding) => finding.regime === 'br');

/** The composed questionnaire's questions, with the ids of the lists they sit in. */
function allQuestions(): Array<{fullId: string; question: Question}> {
	const out: Array<{fullId: string; question: Question}> = [];
	const visit = (questions: Question[], prefix: string): void => {
		for (const question of questions) {
			const fullId = prefix === '' ? question.id : `${prefix}.${question.id}`;
			out.push({fullId, question});
			visit(question.fields ?? [], fullId);
		}
	};

	for (const section of questionnaire.sections) {
		visit(section.questions, '');
	}

	return out;
}

// --- Data -----------------------------------------------------------------------------------

test('the regime data validates against its schemas', (t) => {
	const ajv = new Ajv2020({strict: false, allErrors: true});
	for (const file of ['questionnaire', 'checklist', 'messages', 'adequacy', 'regime-questions']) {
		// The questionnaire's schema has no $id of its own: the others refer to it by this one.
		ajv.addSchema(
			readJson(`questionnaires/schemas/${file}.schema.json`) as object,
			`https://privacy-wizard.dev/schemas/${file}.schema.json`,
		);
	}

	const pairs: Array<[string, string]> = [
		['questionnaires/law/br/checklist.json', 'checklist'],
		['questionnaires/law/br/messages.en.json', 'messages'],
		['questionnaires/law/br/data.json', 'adequacy'],
		['questionnaires/law/br/questions.json', 'regime-questions'],
	];
	for (const [file, schema] of pairs) {
		const validate = ajv.getSchema(`https://privacy-wizard.dev/schemas/${schema}.schema.json`)!;
		t.true(validate(readJson(file)), `${file}: ${JSON.stringify(validate.errors)}`);
	}
});

test('the adequacy list is dated and covers the EU and EEA countries of Resolution CD/ANPD 32/2026', (t) => {
	const data = readJson('questionnaires/law/br/data.json') as {
		asOf: string;
		adequacy: Array<{country: string}>;
	};
	t.is(data.asOf, '2026-12-01');
	const countries = data.adequacy.map((entry) => entry.country);
	t.is(countries.length, 30);
	for (const country of ['DE', 'PT', 'IE', 'IS', 'LI', 'NO']) {
		t.true(countries.includes(country), country);
	}

	for (const country of ['US', 'GB', 'CH', 'BR']) {
		t.false(countries.includes(country), country);
	}
});

test('every fixture company is valid, complete answers of schemaVersion 2', (t) => {
	for (const name of [...fixtureNames, 'missing-ground'] as const) {
		const answers = fixture(name);
		t.is(answers.schemaVersion, 2);
		const loaded = validateAnswers(answers);
		t.true(loaded.ok, `${name}: ${JSON.stringify(loaded)}`);
	}
});

// --- Applicability --------------------------------------------------------------------------

const brLaw = (answers: unknown) =>
	lawReport(answers as DraftAnswers).find((law) => law.id === 'br')!;

test('applies to a controller established in Brazil (home rule), even with no region answered', (t) => {
	const law = brLaw(fixture('br-app'));
	t.is(law.status, 'applies');
	t.deepEqual(law.reasons, [
		'you are established in Brazil and process personal data there (Article 3(I) LGPD)',
	]);
	const noRegion = changed('br-app', (answers) => {
		answers.audience.regions = ['other'];
	});
	t.is(brLaw(noRegion).status, 'applies');
});

test('applies to a company with a branch in Brazil', (t) => {
	const answers = changed('foreign', (answers) => {
		answers.audience.regions = ['eea'];
		answers.controller.otherEstablishments = ['BR'];
	});
	t.is(brLaw(answers).status, 'applies');
	t.regex(brLaw(answers).reasons[0]!, /established in Brazil/);
});

test('applies to a company abroad that serves people in Brazil', (t) => {
	const law = brLaw(fixture('foreign'));
	t.is(law.status, 'applies');
	t.regex(law.reasons[0]!, /offer your service to people in Brazil .*Article 3\(II\) LGPD/);
	const policy = markdown(fixture('foreign'));
	t.regex(
		policy,
		/we offer our service to people in Brazil and process their data \(Article 3\(II\) LGPD\)/,
	);
});

test('does not apply without an establishment in Brazil or people there', (t) => {
	const law = brLaw(examples['eu-saas']!.answers);
	t.is(law.status, 'does-not-apply');
	t.deepEqual(law.reasons, [
		'you are not established in Brazil and do not offer your service to people there',
	]);
	t.is(brLaw({schemaVersion: 2}).status, 'does-not-apply');
});

// --- Check: clean fixtures, errors and warnings ---------------------------------------------

test('check: br-app has no findings at all', (t) => {
	t.deepEqual(check(fixture('br-app')), []);
});

test('check: the fixtures have no LGPD errors, and their warnings are the verify items named', (t) => {
	const expected: Record<(typeof fixtureNames)[number], string[]> = {
		'br-app': [],
		'small-agent': ['BR-19-SMALL'],
		foreign: [],
		sensitive: ['BR-14-ECA', 'BR-14-ENUNCIADO'],
	};
	for (const name of fixtureNames) {
		const found = brFindings(fixture(name));
		t.deepEqual(
			found.filter((finding) => finding.severity === 'error'),
			[],
			name,
		);
		t.deepEqual(found.map((finding) => finding.id).sort(), [...expected[name]].sort(), name);
	}

	t.false(check(fixture('foreign')).some((finding) => finding.severity === 'error'));
});

test('check errors on a recipient outside Brazil without an Article 33 ground', (t) => {
	const finding = expectFinding(
		t,
		fixture('missing-ground'),
		'BR-33',
		'error',
		'recipients[0].transfers.br',
	);
	t.regex(finding.message, /Article 33/);
	t.regex(finding.citation, /LGPD Art\. 33/);
});

test('check errors on a purpose without an LGPD basis, and on sensitive data without an Article 11 ground', (t) => {
	expectFinding(
		t,
		changed('br-app', (answers) => {
			delete answers.purposes[1]!.lgpdBasis;
		}),
		'BR-7',
		'error',
		'purposes[1].lgpdBasis',
	);
	expectFinding(
		t,
		changed('sensitive', (answers) => {
			delete answers.dataItems[2]!.sensitive!.lgpdGround;
		}),
		'BR-11',
		'error',
		'dataItems[2].sensitive.lgpdGround',
	);
});

test('check errors on a missing encarregado, unless a small agent without high risk publishes a channel', (t) => {
	expectFinding(
		t,
		changed('br-app', (answers) => {
			delete answers.lgpd!.encarregado;
		}),
		'BR-41',
		'error',
		'lgpd.encarregado.name',
	);
	expectFinding(
		t,
		changed('small-agent', (answers) => {
			delete answers.lgpd!.channel;
		}),
		'BR-41',
		'error',
		'lgpd.channel',
	);
	// High-risk processing takes the relief away: the encarregado is required again.
	expectFinding(
		t,
		changed('small-agent', (answers) => {
			answers.lgpd!.highRisk = true;
		}),
		'BR-41',
		'error',
		'lgpd.encarregado.name',
	);
});

test('check errors on consent to data that is required', (t) => {
	expectFinding(
		t,
		changed('br-app', (answers) => {
			answers.purposes[3]!.requirement = 'contractual';
		}),
		'BR-7',
		'error',
		'purposes[3].requirement',
	);
});

test('check errors on sensitive data used on legitimate interests or credit protection', (t) => {
	for (const basis of ['legitimate-interests', 'credit-protection'] as const) {
		const answers = changed('sensitive', (answers) => {
			answers.purposes[1]!.lgpdBasis = basis;
			if (basis === 'legitimate-interests') {
				answers.purposes[1]!.lgpdInterest = 'warning families early about an asthma flare-up';
			}
		});
		const finding = expectFinding(t, answers, 'BR-11', 'error', 'purposes[1].lgpdBasis');
		t.regex(finding.message, /Symptoms and medication/);
	}
});

test("check errors on children under 12 without a parent's consent", (t) => {
	const finding = expectFinding(
		t,
		changed('br-app', (answers) => {
			answers.children.minimumAge = 10;
		}),
		'BR-14',
		'error',
		'children.offered',
	);
	t.regex(finding.message, /from the age of 10/);
});

test('check warns on Article 7(III) for a company, and on signs of high-risk processing for a small agent', (t) => {
	expectFinding(
		t,
		changed('br-app', (answers) => {
			answers.purposes[0]!.lgpdBasis = 'public-administration';
		}),
		'BR-7',
		'warning',
		'purposes[0].lgpdBasis',
	);
	const finding = expectFinding(
		t,
		changed('small-agent', (answers) => {
			answers.automatedDecisions = {
				used: true,
				decisions: [
					{
						name: 'Fraud screening of orders',
						logic: 'Orders from new addresses above R$ 500 are held.',
						significance: 'A held order is delivered only after we call you.',
						humanReview: 'Call us and a person reviews the order at once.',
					},
				],
			};
		}),
		'BR-41',
		'warning',
		'lgpd.highRisk',
	);
	t.regex(finding.message, /decisions based solely on automated processing/);
});

test('check warns on seals and on consent for a routine transfer, and on a missing Portuguese transfer statement', (t) => {
	expectFinding(
		t,
		changed('br-app', (answers) => {
			answers.recipients[0]!.transfers = {br: 'seals'};
		}),
		'BR-33',
		'warning',
		'recipients[0].transfers.br',
	);
	expectFinding(
		t,
		changed('br-app', (answers) => {
			answers.recipients[0]!.transfers = {br: 'consent'};
		}),
		'BR-33',
		'warning',
		'recipients[0].transfers.br',
	);
	expectFinding(
		t,
		changed('br-app', (answers) => {
			answers.lgpd!.transferStatementPt = false;
		}),
		'BR-33-PT',
		'warning',
		'lgpd.transferStatementPt',
	);
});

test('verify items only ever warn', (t) => {
	const verify = new Set(br.checklist.items.filter((item) => item.verify).map((item) => item.id));
	t.deepEqual([...verify].sort(), ['BR-14-ECA', 'BR-14-ENUNCIADO', 'BR-19-SMALL', 'BR-33-PT']);
	const answers = changed('sensitive', (answers) => {
		answers.lgpd!.transferStatementPt = false;
		answers.lgpd!.highRisk = false;
	});
	const found = brFindings(answers).filter((finding) => verify.has(finding.id));
	t.is(found.length, 4);
	t.true(found.every((finding) => finding.severity === 'warning'));
});

// --- Coverage: every item asked, drafted or checked -----------------------------------------

test('every LGPD checklist item is served by a question', (t) => {
	const served = new Set(allQuestions().flatMap(({question}) => question.serves ?? []));
	for (const item of br.checklist.items) {
		t.true(served.has(item.id), item.id);
	}
});

test('every LGPD notice item is drafted for some fixture, and internal items are checked', (t) => {
	const drafted = new Set(
		fixtureNames.flatMap((name) => [...servedIds(draftPolicy(fixture(name)))]),
	);
	const warned = new Set(
		[
			fixture('sensitive'),
			fixture('small-agent'),
			changed('br-app', (answers) => {
				answers.lgpd!.transferStatementPt = false;
			}),
		].flatMap((answers) => brFindings(answers).map((finding) => finding.id)),
	);
	for (const item of br.checklist.items) {
		if ((item.kind ?? 'notice') === 'notice') {
			t.true(drafted.has(item.id), `${item.id} is never drafted`);
		} else {
			t.true(warned.has(item.id), `${item.id} is never checked`);
		}
	}
});

test('check reports an LGPD item the policy would not state', (t) => {
	// Without the drafting of the rights, coverage must find BR-18 missing: the check can fail.
	const {rights} = br.drafting!;
	try {
		delete br.drafting!.rights;
		const found = check(fixture('br-app')).filter((finding) => finding.id === 'BR-18');
		t.is(found.length, 1);
		t.is(found[0]!.severity, 'error');
	} finally {
		br.drafting!.rights = rights;
	}
});

// --- Drafting -------------------------------------------------------------------------------

test('br-app: each purpose with its Article 7 basis, the encarregado, transfers and rights', (t) => {
	const policy = markdown(fixture('br-app'));
	t.regex(policy, /\*\*Legal basis:\*\* \*\*Contract \(Article 7\(V\) LGPD\)\.\*\*/);
	t.regex(
		policy,
		/\*\*Legal obligation \(Article 7\(II\) LGPD\)\.\*\* The law requires it: Article 15 of the Marco Civil/,
	);
	t.regex(policy, /\*\*Consent \(Article 7\(I\) LGPD\)\.\*\*/);
	t.regex(
		policy,
		/\*\*Legitimate interests \(Article 7\(IX\) and Article 10 LGPD\)\.\*\* Our legitimate interest, which we have weighed against your rights: protecting our users' accounts/,
	);
	t.regex(
		policy,
		/### Encarregado \(data protection officer under the LGPD\)\n\n.*\n\n- \*\*Name:\*\* Mariana Alves\n- \*\*Email:\*\* <encarregado@trilha\.example>/,
	);
	t.regex(
		policy,
		/\| Nimbus Cloud \| United States \| the ANPD's standard contractual clauses \(Article 33\(II\)\(b\) LGPD; Resolution CD\/ANPD 19\/2024\) \|/,
	);
	t.regex(
		policy,
		/\| Balcão Help Desk \| Estonia \| an adequacy decision of the ANPD \(Article 33\(I\) LGPD; Resolution CD\/ANPD 32\/2026\) \|/,
	);
	t.regex(policy, /within 15 days of your request \(Resolution CD\/ANPD 19\/2024\)/);
	t.notRegex(policy, /Carteiro \| Brazil \|/);
	t.regex(policy, /is a condition of using Trilha \(Article 9 §3 LGPD\)/);
	for (const [number, name] of [
		['I', 'Confirmation'],
		['II', 'Access'],
		['III', 'Correction'],
		['IV', 'Anonymisation, blocking or deletion'],
		['V', 'Portability'],
		['VI', 'Deletion of data processed with your consent'],
		['VII', 'Information about sharing'],
		['VIII', 'Information about refusing consent'],
	]) {
		t.true(policy.includes(`- **${name} (Article 18(${number}) LGPD):**`), name!);
	}

	t.true(policy.includes('- **Revocation of consent (Article 18(IX) and Article 8 §5 LGPD):**'));
	t.true(policy.includes('- **Opposition (Article 18 §2 LGPD):**'));
	t.regex(
		policy,
		/What refusing means for each purpose that relies on it: Newsletter: you do not receive the newsletter; the app works the same\./,
	);
	t.regex(
		policy,
		/immediately in simplified form; .* within 15 days of your request \(Article 19 LGPD\)/,
	);
	t.regex(
		policy,
		/petition Brazil's data protection authority, the Agência Nacional de Proteção de Dados \(ANPD\), .*\(Article 18 §1 LGPD\): <https:\/\/www\.gov\.br\/anpd\/pt-br>/,
	);
	t.regex(policy, /consumer protection bodies, .* \(Article 18 §8 LGPD\)/);
	// No other law's text for a Brazil-only company.
	t.notRegex(policy, /GDPR|Article 6\(|supervisory authority|European Economic Area/);
});

test('br-app: the bundled example reproduces outputs/br-app byte for byte', (t) => {
	for (const [kind, file] of [
		['policy', 'PRIVACY.md'],
		['rights', 'DATA-RIGHTS.md'],
	] as const) {
		t.is(
			markdown(fixture('br-app'), kind),
			readFileSync(new URL(`outputs/br-app/${file}`, root), 'utf8'),
		);
	}
});

test('foreign company: equal legal bases of the GDPR and the LGPD merge; a different one stands apart', (t) => {
	const policy = markdown(fixture('foreign'));
	t.regex(
		policy,
		/\*\*Contract \(Article 6\(1\)\(b\) GDPR and UK GDPR; Article 7\(V\) LGPD\)\.\*\* We need it to provide/,
	);
	t.regex(
		policy,
		/\*\*Consent \(Article 6\(1\)\(a\) GDPR and UK GDPR; Article 7\(I\) LGPD\)\.\*\*/,
	);
	t.regex(
		policy,
		/\*\*Legitimate interests \(Article 6\(1\)\(f\) GDPR and UK GDPR; Article 7\(IX\) and Article 10 LGPD\)\.\*\*/,
	);
	// Billing: a legal obligation under the GDPR, a contract under the LGPD.
	t.regex(
		policy,
		/\*\*Legal obligation \(Article 6\(1\)\(c\) GDPR and UK GDPR\)\.\*\*.*\n- \*\*Legal basis:\*\* \*\*Contract \(Article 7\(V\) LGPD\)\.\*\*/,
	);
});

test('foreign company: says where it is, that direct collection is no transfer, and each ground', (t) => {
	const policy = markdown(fixture('foreign'));
	t.regex(
		policy,
		/### Recipients outside Brazil\n\nWe are established outside Brazil, in Germany\. When we collect your data directly from you in Brazil, that is not an international transfer under the LGPD \(Resolution CD\/ANPD 19\/2024\)/,
	);
	t.regex(policy, /\| DeepL \| Germany \| an adequacy decision of the ANPD/);
	t.regex(
		policy,
		/\| Amazon Web Services \| United States \| the ANPD's standard contractual clauses/,
	);
	t.regex(policy, /Our data protection officer named above is also our encarregado under the LGPD/);
	// Each law keeps its own deadline.
	t.regex(policy, /within one month of receiving your request/);
	t.regex(policy, /within 15 days of your request \(Article 19 LGPD\)/);
});

test('small agent: publishes its channel instead of an encarregado', (t) => {
	const policy = markdown(fixture('small-agent'));
	t.regex(
		policy,
		/### Data protection contact \(Brazil\)\n\nAs a small processing agent, we have not appointed an encarregado, as Resolution CD\/ANPD 2\/2022 allows \(Article 11\)\..*\n\n- \*\*Channel:\*\* <contato@quitanda\.example>/,
	);
	t.notRegex(policy, /### Encarregado/);
	t.regex(policy, /No recipient processes your data outside Brazil\./);
	// The LGPD's own deadlines, never the doubled ones the resolution may allow (verify).
	t.regex(policy, /within 15 days of your request \(Article 19 LGPD\)/);
	t.notRegex(policy, /30 days of your request/);
});

test('sensitive data: each item with its Article 11 ground; children; automated decisions reviewed', (t) => {
	const policy = markdown(fixture('sensitive'));
	t.regex(policy, /## Sensitive personal data \(Brazil\)/);
	t.regex(
		policy,
		/- \*\*Symptoms and medication:\*\* health data, on the basis of your specific and highlighted consent, given for specific purposes \(Article 11\(I\) LGPD\)\./,
	);
	t.regex(
		policy,
		/- \*\*Name:\*\* Privacidade Consultoria Ltda\.\n- \*\*Person responsible:\*\* Rafael Souza/,
	);
	t.regex(
		policy,
		/For a child under 12, we ask for the specific and highlighted consent of at least one parent or legal guardian/,
	);
	t.regex(policy, /in their best interest \(Article 14 LGPD\)/);
	t.regex(
		policy,
		/### Under Brazilian law\n\nIf you are in Brazil, you can ask us to review any of these decisions \(Article 20 LGPD\)\. On request, we give you clear and adequate information about the criteria and procedures/,
	);
	// The ANPD's Enunciado 1/2023 and the ECA Digital's date are never drafted as law.
	t.notRegex(policy, /Enunciado|ECA Digital|15,211/);
});

test('adolescents only: best interest, without the parental-consent text for children', (t) => {
	const policy = markdown(
		changed('br-app', (answers) => {
			answers.children.minimumAge = 16;
		}),
	);
	t.regex(
		policy,
		/we process the personal data of adolescents \(people from 12 to 17\) in their best interest/,
	);
	t.notRegex(policy, /child under 12/);
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

test('no LGPD text, question or finding when the LGPD does not apply', (t) => {
	const euSaas = structuredClone(examples['eu-saas']!.answers) as Answers;
	// The example is mid-update on main; only this answer is missing from it.
	(
		euSaas.purposes.find((purpose) => purpose.id === 'newsletter') as Purpose & {
			marketingReachesEuUk?: boolean;
		}
	).marketingReachesEuUk = true;
	for (const answers of [euSaas, structuredClone(examples['global-reps']!.answers) as Answers]) {
		for (const kind of ['policy', 'rights'] as const) {
			t.notRegex(markdown(answers, kind), /LGPD|ANPD|encarregado|Brazil/);
		}

		t.false(
			gaps(answers).some(
				(gap) => gap.fullId.startsWith('lgpd') || gap.fullId.endsWith('lgpdBasis'),
			),
		);
		t.deepEqual(brFindings(answers), []);
	}

	// Answers given while Brazil was served are pruned once it is not.
	const pruned = pruneHidden(
		changed('foreign', (answers) => {
			answers.audience.regions = ['eea', 'uk', 'other'];
		}),
	) as Answers;
	t.is(pruned.lgpd?.transferStatementPt, undefined);
	t.true(pruned.purposes.every((purpose) => purpose.lgpdBasis === undefined));
	t.true(pruned.recipients.every((recipient) => recipient.transfers?.['br'] === undefined));
});

// --- Questions ------------------------------------------------------------------------------

test('the LGPD basis is proposed from the GDPR basis and confirmed, never kept silently', (t) => {
	const entry = allQuestions().find(({fullId}) => fullId === 'purposes.lgpdBasis')!;
	t.true(entry.question.confirmDefault);
	const answers = fixture('foreign');
	const context = {today: '2026-12-01', suggestions: {}};
	const expected: Record<string, string | undefined> = {
		contract: 'contract',
		consent: 'consent',
		'legal-obligation': 'legal-obligation',
		'legitimate-interests': 'legitimate-interests',
		'vital-interests': 'protection-of-life',
		'public-task': 'public-administration',
	};
	for (const [gdpr, lgpd] of Object.entries(expected)) {
		answers.purposes[0]!.legalBasis = gdpr as Purpose['legalBasis'];
		t.is(defaultValue(entry.question, answers, context, ['purposes', 0]), lgpd, gdpr);
	}

	delete answers.purposes[0]!.legalBasis;
	t.is(defaultValue(entry.question, answers, context, ['purposes', 0]), undefined);
});

test("no Brazilian ground is proposed from a vendor's EU clauses or rules", (t) => {
	const answers = fixture('br-app');
	for (const id of ['aws', 'intercom']) {
		const service = catalogService(id)!;
		t.true(
			service.transferTools.some((tool) => tool === 'sccs'),
			id,
		);
		const draftRecipient = recipientFromService(
			{...service, locations: ['US'], headquarters: 'US'},
			answers,
		);
		t.is(draftRecipient.transfers?.['br'], undefined, id);
	}

	const transfers = allQuestions().find(({fullId}) => fullId === 'recipients.transfers.br')!;
	t.true(transfers.question.confirmDefault);
});

test("the small agent's questions follow its answers", (t) => {
	const ids = (answers: Answers): string[] =>
		gaps(
			changed('br-app', (draft) => {
				Object.assign(draft, answers);
			}),
		).map((gap) => gap.fullId);
	const foreign = fixture('foreign');
	t.false(gaps(foreign).some((gap) => gap.fullId === 'lgpd.smallAgent'));
	const asked = ids({...fixture('br-app'), lgpd: {}} as Answers);
	t.true(asked.includes('lgpd.smallAgent'));
	t.false(asked.includes('lgpd.highRisk'));
	const small = ids({
		...fixture('br-app'),
		lgpd: {smallAgent: true, highRisk: false, transferStatementPt: true},
	} as Answers);
	t.true(small.includes('lgpd.encarregado.appointed'));
	t.false(small.includes('lgpd.encarregado.name'));
});
