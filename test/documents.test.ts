import test from 'ava';
import documentWording from '../questionnaires/documents.messages.en.json' with {type: 'json'};
import type {Answers, DraftAnswers} from '../source/core/answers/types.js';
import {cookieSuggestions} from '../source/core/catalog/cookies.js';
import {
	defaultFileName,
	documentKinds,
	documentTargets,
	draft,
	formatOfPath,
	formatsOf,
	render,
} from '../source/core/drafting/documents.js';
import {readMarker} from '../source/core/drafting/marker.js';
import {addRevision, recipientChanges} from '../source/core/drafting/revision.js';
import {regimeApplies} from '../source/core/law/applicability.js';
import {regimes} from '../source/core/law/registry.js';
import {draftOk, example, kindsOf, sha256, variants} from './helpers/answers.js';
import {referenceValidator} from './helpers/ajv.js';
import {htmlText, lintMarkdown, renderHtml} from './helpers/markdown.js';

// The documents beside the policy: which answers call for each, what each says, and how.

const text = (answers: unknown, kind: string): string =>
	htmlText(renderHtml(draftOk(answers, kind).markdown));

/** RFC 4180 records of CSV text (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(csv: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < csv.length; index++) {
		const character = csv[index]!;
		if (quoted) {
			if (character === '"' && csv[index + 1] === '"') {
				field += '"';
				index++;
			} else if (character === '"') {
				quoted = false;
			} else {
				field += character;
			}
		} else if (character === '"') {
			quoted = true;
		} else if (character === ',') {
			row.push(field);
			field = '';
		} else if (character === '\r' && csv[index + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			index++;
		} else {
			field += character;
		}
	}

	return rows;
}

// --- Which documents the answers call for -----------------------------------------------------

test('every document kind has a label, a default file name and the formats it can be written in', (t) => {
	t.deepEqual(
		[...documentKinds].sort(),
		[
			'consumer-health',
			'cookies',
			'inventory',
			'notice-at-collection',
			'policy',
			'rights',
			'ropa',
			'subprocessors',
		].sort(),
	);
	t.is(defaultFileName('policy'), 'PRIVACY.md');
	t.is(defaultFileName('subprocessors', 'html'), 'SUBPROCESSORS.html');
	t.is(defaultFileName('inventory', 'json'), 'DATA-INVENTORY.json');
	t.is(defaultFileName('cookies'), 'COOKIES.md');
	t.is(defaultFileName('ropa', 'csv'), 'RECORD-OF-PROCESSING.csv');
	t.is(defaultFileName('notice-at-collection'), 'NOTICE-AT-COLLECTION.md');
	for (const kind of documentKinds) {
		t.regex(defaultFileName(kind), /^[A-Z-]+\.md$/, kind);
		t.is(formatsOf(kind).includes('csv'), kind === 'ropa', kind);
	}

	t.is(formatOfPath('records/ropa.CSV'), 'csv');
});

test('the documents each example calls for: the record where the EU or UK GDPR applies, the notice at collection where the CCPA does', (t) => {
	t.deepEqual(kindsOf(example('eu-saas')), [
		'policy',
		'rights',
		'subprocessors',
		'inventory',
		'cookies',
		'ropa',
	]);
	t.deepEqual(kindsOf(example('us-consumer')), [
		'policy',
		'rights',
		'subprocessors',
		'inventory',
		'cookies',
		'notice-at-collection',
	]);
	t.deepEqual(kindsOf(example('ca-quebec')), [
		'policy',
		'rights',
		'subprocessors',
		'inventory',
		'cookies',
	]);
	t.deepEqual(kindsOf(variants['eu-saas, also serving California']!()).slice(-2), [
		'ropa',
		'notice-at-collection',
	]);
	// Only the UK GDPR: the record is still drafted (the family applies through one member).
	const ukOnly = example('global-reps');
	ukOnly.audience.regions = ['uk', 'other'];
	t.true(kindsOf(ukOnly).includes('ropa'));
	t.regex(text(ukOnly, 'ropa'), /Article 30\(1\) UK GDPR\./);
});

test('no cookies, no cookie policy: draft() says the answers do not call for it', (t) => {
	const answers = example('eu-saas');
	answers.cookies = {used: false};
	t.false(kindsOf(answers).includes('cookies'));
	t.deepEqual(draft(answers as never, 'cookies', sha256), {
		ok: false,
		gaps: [],
		inapplicable: 'answers',
	});
	t.deepEqual(draft(example('us-consumer') as never, 'ropa', sha256), {
		ok: false,
		gaps: [],
		inapplicable: 'law',
	});
});

test('documentTargets names the file of each document the answers give a path for', (t) => {
	const answers = example('eu-saas');
	answers.outputs = {
		policyPath: 'PRIVACY.md',
		subprocessorsPath: 'docs/subprocessors.html',
		ropaPath: 'records/ropa.csv',
	};
	t.deepEqual(documentTargets(answers as never), [
		{kind: 'policy', path: 'PRIVACY.md'},
		{kind: 'rights'},
		{kind: 'subprocessors', path: 'docs/subprocessors.html'},
		{kind: 'inventory'},
		{kind: 'cookies'},
		{kind: 'ropa', path: 'records/ropa.csv'},
	]);
});

test('the documents wording validates against the messages schema', (t) => {
	const result = referenceValidator('messages.schema.json')(documentWording);
	t.true(result.valid, result.errors.join('\n'));
});

// --- Sub-processors ---------------------------------------------------------------------------

test('subprocessors: every recipient with what it gets and does not, where, its choice and policy', (t) => {
	const answers = example('eu-saas');
	const page = text(answers, 'subprocessors');
	for (const recipient of answers.recipients) {
		t.true(page.includes(recipient.name), recipient.name);
		t.true(page.includes(recipient.entity!), recipient.name);
		if (recipient.withheld) t.true(page.includes(recipient.withheld), recipient.name);
		if (recipient.privacyUrl) t.true(page.includes(recipient.privacyUrl), recipient.name);
		if (recipient.choiceHow) t.true(page.includes(recipient.choiceHow), recipient.name);
	}

	t.regex(draftOk(answers, 'subprocessors').markdown, /^# Sub-processors of Lumen$/m);
	t.true(
		page.includes('The processors below that handle that data for us are our sub-processors.'),
	);
	// A company that acts for no customer calls them processors.
	const own = example('eu-saas');
	own.processorRole = {acts: false};
	t.regex(draftOk(own, 'subprocessors').markdown, /^# Processors of Lumen$/m);
	t.regex(
		draftOk(example('global-reps'), 'subprocessors').markdown,
		/^# Processors and other recipients/m,
	);
});

test('subprocessors: a recipient the company sells to or shares with says so under the CCPA, and only where the CCPA applies', (t) => {
	const us = draftOk(example('us-consumer'), 'subprocessors').markdown;
	t.regex(
		us,
		/\*\*Under the CCPA:\*\* we share personal information with it for cross-context behavioral advertising; you can opt out\./,
	);
	for (const recipient of example('us-consumer').recipients) {
		if (!recipient.sold && !recipient.shared) continue;
		const block = us
			.split(/^### /m)
			.find((part) => /^\d+\. /.test(part) && part.split('\n')[0]!.endsWith(recipient.name))!;
		t.true(block.includes('Under the CCPA:'), recipient.name);
	}

	const eu = example('eu-saas');
	t.false(regimeApplies(eu, 'us-ca'));
	eu.recipients = eu.recipients.map((recipient) => ({...recipient, shared: true}));
	t.false(draftOk(eu, 'subprocessors').markdown.includes('Under the CCPA'));
});

test('subprocessors: the transfer basis under each law with a transfer rule that applies, in its own words', (t) => {
	const markdown = draftOk(example('eu-saas'), 'subprocessors').markdown;
	const section = (name: string): string =>
		markdown.slice(
			markdown.indexOf(`. ${name}\n`),
			markdown.indexOf('\n### ', markdown.indexOf(`. ${name}\n`)),
		);
	t.true(
		section('Intercom').includes(
			"**Transfer basis under EU GDPR:** United States: the European Commission's standard contractual clauses (Article 46(2)(c) GDPR).",
		),
	);
	t.true(
		section('Intercom').includes(
			"**Transfer basis under UK GDPR:** United States: the UK Addendum to the European Commission's standard contractual clauses (Article 46(2)(c) UK GDPR).",
		),
	);
	// DeepL is in Germany: a transfer from the UK's view only.
	t.false(section('DeepL').includes('under EU GDPR'));
	t.true(section('DeepL').includes('**Transfer basis under UK GDPR:** Germany: UK adequacy'));
	// Only laws that apply and have a transfer rule: Brazil's alone for br-app, none for Canada.
	const transferLaws = (name: Parameters<typeof example>[0]): string[] => [
		...new Set(
			[
				...draftOk(example(name), 'subprocessors').markdown.matchAll(
					/Transfer basis under ([^:]+):/g,
				),
			].map((match) => match[1]!),
		),
	];
	const brazil = regimes.find((regime) => regime.id === 'br')!;
	t.deepEqual(transferLaws('br-app'), [brazil.name]);
	t.deepEqual(transferLaws('ca-quebec'), []);
	t.deepEqual(transferLaws('us-consumer'), []);
});

test('subprocessors: the change log lists only the additions and removals the revisions record', (t) => {
	const answers = example('eu-saas');
	t.true(
		text(answers, 'subprocessors').includes(
			'No addition or removal of a recipient has been recorded since 1 March 2026.',
		),
	);
	answers.document.revisions = [
		{date: '2026-05-02', summary: 'Added DeepL.', recipientsAdded: ['DeepL']},
		{date: '2026-09-10', summary: 'Left Mixpanel.', recipientsRemoved: ['Mixpanel']},
		{date: '2026-07-01', summary: 'Wording.'},
	];
	const markdown = draftOk(answers, 'subprocessors').markdown;
	t.true(
		markdown.includes(
			'| Date | Added | Removed |\n| --- | --- | --- |\n| 10 September 2026 | None | Mixpanel |\n| 2 May 2026 | DeepL | None |\n',
		),
		markdown,
	);
	t.false(markdown.includes('1 July 2026'), 'a revision that records no recipient is not a change');
});

test('recipientChanges and addRevision: what the wizard records in a revision, merged within a day', (t) => {
	const before = example('eu-saas') as unknown as DraftAnswers;
	const after = structuredClone(example('eu-saas'));
	after.recipients = after.recipients.filter((recipient) => recipient.id !== 'logrocket');
	after.recipients.push({...after.recipients[0]!, id: 'fly', name: 'Fly.io'});
	const changes = recipientChanges(before, after as unknown as DraftAnswers);
	t.deepEqual(changes, {added: ['Fly.io'], removed: ['LogRocket']});
	const first = addRevision(
		after as unknown as DraftAnswers,
		'2026-12-02',
		'Moved hosting.',
		changes,
	);
	const revisions = (first as unknown as Answers).document.revisions;
	t.deepEqual(revisions[0], {
		date: '2026-12-02',
		summary: 'Moved hosting.',
		recipientsAdded: ['Fly.io'],
		recipientsRemoved: ['LogRocket'],
	});
	t.is(revisions.length, 4, 'the older entries stay');

	// Later the same day Fly.io goes again and LogRocket comes back: the day changed nothing.
	const back = structuredClone(first) as unknown as Answers;
	back.recipients = example('eu-saas').recipients;
	const again = addRevision(
		back as unknown as DraftAnswers,
		'2026-12-02',
		'Back as we were.',
		recipientChanges(after as unknown as DraftAnswers, back as unknown as DraftAnswers),
	);
	t.deepEqual((again as unknown as Answers).document.revisions[0], {
		date: '2026-12-02',
		summary: 'Back as we were.',
	});
	// No recipient change: the entry records none.
	t.deepEqual(
		(addRevision(before, '2026-12-03', 'Wording.') as unknown as Answers).document.revisions[0],
		{date: '2026-12-03', summary: 'Wording.'},
	);
});

// --- Inventory --------------------------------------------------------------------------------

test('inventory: each data item with its sources, uses, recipients, retention and category', (t) => {
	const answers = example('eu-saas');
	const markdown = draftOk(answers, 'inventory').markdown;
	for (const item of answers.dataItems) {
		t.true(markdown.includes(`. ${item.name}\n`), item.name);
	}

	t.true(
		markdown.includes(
			'- **Source:** Given by the person, during sign-up; From a third party: a team member who invites you, not a publicly accessible source.',
		),
	);
	t.true(markdown.includes('- **Kept for Billing and accounting:** 10 years after'));
	const us = draftOk(example('us-consumer'), 'inventory').markdown;
	t.true(us.includes('- **Sensitive data:** precise geolocation.'));
	// The US category line, once, though both California's and the other states' laws add it.
	const multistate = example('us-multistate');
	multistate.usThresholds = {
		...multistate.usThresholds,
		annualRevenueUsd: 40_000_000,
		consumers: {...multistate.usThresholds!.consumers, UT: 0},
	};
	multistate.california = {...example('us-consumer').california!};
	for (const recipient of multistate.recipients) {
		if (recipient.role !== 'processor') recipient.controlsCollection = true;
	}

	const applying = draftOk(multistate, 'inventory');
	t.true(regimeApplies(multistate, 'us-ca') && regimeApplies(multistate, 'us-states'));
	const both = applying.markdown;
	const first = both.slice(both.indexOf('### 1.'), both.indexOf('### 2.'));
	t.is(first.split('**Category under US privacy laws:**').length, 2, first);
	t.false(
		markdown.includes('Category under US privacy laws'),
		'no US text where no US law applies',
	);
});

// --- Record of processing ---------------------------------------------------------------------

test('ropa: the Article 30(1) items, each purpose with recipients, transfers and erasure limits', (t) => {
	const answers = example('eu-saas');
	const markdown = draftOk(answers, 'ropa').markdown;
	t.deepEqual(lintMarkdown(markdown), []);
	for (const expected of [
		'- **Controller:** Lumen Insights GmbH',
		'- **Our representative in the United Kingdom:** Lumen UK Representative Services Ltd, 71-75 Shelton Street',
		'- **Data protection officer:** Dr. Anna Keller (DataGuard Advisors GmbH), <dpo@lumen.example>',
		'The categories of people whose personal data this record covers: customers and their team members; and visitors of our website.',
		"- **Legal basis:** Legitimate interests (Article 6(1)(f) GDPR and UK GDPR): the interest pursued is protecting our customers' data and our systems against unauthorised access and abuse.",
		'- **Recipients:** LogRocket (LogRocket, Inc.): processor in the United States.',
		"- **Transfers outside the European Economic Area (GDPR):** LogRocket in the United States, on the European Commission's standard contractual clauses (Article 46(2)(c) GDPR).",
		'- **Time limit for erasure:** 14 months after the day the data is recorded.',
		'- Encryption at rest: AES-256 for databases and backups.',
	]) {
		t.true(markdown.includes(expected), expected);
	}

	for (const purpose of answers.purposes) {
		t.true(markdown.includes(`. ${purpose.name}\n`), purpose.name);
	}
});

test('ropa as CSV: RFC 4180, a header and one row per purpose, deterministic, with its marker row', (t) => {
	const answers = example('eu-saas');
	const {model} = draftOk(answers, 'ropa');
	const csv = render(model, 'csv', sha256);
	t.is(render(draftOk(example('eu-saas'), 'ropa').model, 'csv', sha256), csv);
	t.true(csv.endsWith('\r\n'));
	t.false(/[^\r]\n/.test(csv), 'every line ends with CRLF');
	const rows = parseCsv(csv);
	const [header, ...rest] = rows;
	t.is(header![3], 'Purpose');
	t.is(rest.length, answers.purposes.length + 1);
	for (const row of rows) t.is(row.length, header!.length);
	t.deepEqual(
		rest.slice(0, -1).map((row) => row[3]),
		answers.purposes.map((purpose) => purpose.name),
	);
	t.regex(rest.at(-1)![0]!, /^privacy-wizard: ropa csv sha256:[\da-f]{64}$/);
	t.true(
		rest
			.at(-1)!
			.slice(1)
			.every((cell) => cell === ''),
	);
	const marker = readMarker(csv, sha256);
	t.is(marker.kind, 'unedited');
	t.true(marker.kind === 'unedited' && marker.format === 'csv');
	t.is(readMarker(csv.replace('Billing and accounting', 'Billing'), sha256).kind, 'edited');
	t.throws(() => render(draftOk(answers, 'policy').model, 'csv', sha256));
});

test('ropa as CSV: a cell a spreadsheet would run as a formula is defused, quotes and commas survive', (t) => {
	const answers = example('eu-saas');
	answers.purposes[0]!.name = '=HYPERLINK("https://evil.example","click")';
	answers.purposes[1]!.name = '+1, "two" and three';
	answers.purposes[2]!.name = '@SUM(A1)';
	answers.purposes[3]!.name = '-2\nnext line';
	const rows = parseCsv(render(draftOk(answers, 'ropa').model, 'csv', sha256));
	t.deepEqual(
		rows.slice(1, 5).map((row) => row[3]),
		[
			`'=HYPERLINK("https://evil.example","click")`,
			`'+1, "two" and three`,
			`'@SUM(A1)`,
			`'-2 next line`,
		],
	);
	for (const row of rows) t.is(row.length, rows[0]!.length);
});

// --- Cookie policy ----------------------------------------------------------------------------

test('cookies: every cookie with provider, party, purpose, duration, category and, where the ePrivacy rules apply, its basis', (t) => {
	const answers = example('eu-saas');
	answers.cookies = {
		used: true,
		consentHow: 'Our banner asks first.',
		items: [
			...(answers.cookies.used ? answers.cookies.items : []),
			{
				name: 'IDE',
				provider: 'Google',
				firstParty: false,
				purpose: 'shows our ads',
				duration: '13 months',
				kind: 'marketing',
			},
		],
	};
	const markdown = draftOk(answers, 'cookies').markdown;
	t.true(
		markdown.includes(
			'| lumen\\_session | Lumen | First party | keeps you signed in | until you sign out, at most 30 days | Strictly necessary: no consent needed (Article 5(3) ePrivacy Directive; PECR reg. 6 and Sch. A1) |',
		),
		markdown,
	);
	t.true(
		markdown.includes(
			'| IDE | Google | Third party | shows our ads | 13 months | Consent (Article 5(3) ePrivacy Directive; PECR reg. 6) |',
		),
	);
	t.true(markdown.includes('### Marketing cookies'));
	t.false(
		markdown.includes('### Preferences cookies'),
		'no heading for a category without cookies',
	);
	t.true(markdown.includes('Our banner asks first.'));
	// Where no law gives cookies a basis (a US-only app), the policy claims none.
	const us = draftOk(example('us-consumer'), 'cookies').markdown;
	t.false(us.includes('Legal basis'));
	t.false(us.includes('ePrivacy'));
});

test('cookieSuggestions: the known cookies of recipients from the catalog, to confirm one by one', (t) => {
	const answers = example('global-reps');
	const suggestions = cookieSuggestions(answers as unknown as Record<string, unknown>);
	const stripe = suggestions.find((suggestion) => suggestion.label === '__stripe_mid');
	t.like(stripe?.record, {
		name: '__stripe_mid',
		provider: 'Stripe',
		firstParty: false,
		kind: 'essential',
		duration: '1 year',
	});
	// Names that vary are shown with a star; no record without a catalog id suggests anything.
	const ga = cookieSuggestions({recipients: [{name: 'GA', catalogId: 'google-analytics'}]});
	t.truthy(ga.find((suggestion) => suggestion.label === '_ga_*'));
	t.deepEqual(cookieSuggestions({recipients: [{name: 'Our own'}]}), []);
	t.deepEqual(cookieSuggestions({}), []);
});

// --- California notice at collection ----------------------------------------------------------

test('notice-at-collection: categories with purposes and sale or sharing, retention per category, links and third parties', (t) => {
	const answers = example('us-consumer');
	const markdown = draftOk(answers, 'notice-at-collection').markdown;
	t.deepEqual(lintMarkdown(markdown), []);
	for (const expected of [
		'Cal. Civ. Code 1798.100(a); 11 CCR §7012',
		'| Sensitive personal information | Account login; Habit, workout and health data; and Precise location |',
		'Shared with Meta Pixel and Meta SDK; and Google Ads',
		'## How long we keep each category',
		'[Do Not Sell or Share My Personal Information](https://habitly.example/privacy/your-choices)',
		'- Meta Pixel and Meta SDK (Meta Platforms, Inc.): <https://www.facebook.com/privacy/policy/>',
		'[privacy policy of Habitly](https://habitly.example/privacy)',
		'We use and disclose sensitive personal information only for the purposes permitted',
	]) {
		t.true(markdown.includes(expected), expected);
	}

	const limited = variants['us-consumer, sensitive data used beyond the permitted purposes']!();
	t.true(
		draftOk(limited, 'notice-at-collection').markdown.includes(
			'[Limit the Use of My Sensitive Personal Information](https://habitly.example/privacy/limit)',
		),
	);
	// Nothing sold or shared, no third party collecting: said as such, with no opt-out link.
	const quiet = example('us-consumer');
	quiet.recipients = quiet.recipients.filter((recipient) => recipient.role === 'processor');
	const plain = draftOk(quiet, 'notice-at-collection').markdown;
	t.true(plain.includes('We have not sold or shared personal information'));
	t.true(
		plain.includes('No third party controls the collection of personal information on Habitly.'),
	);
	t.false(plain.includes('Do Not Sell or Share My Personal Information]'));
});

test('every document of every kind is deterministic across key orders', (t) => {
	const answers = variants['eu-saas, also serving California']!();
	for (const kind of kindsOf(answers)) {
		for (const format of formatsOf(kind)) {
			const first = render(draftOk(answers, kind).model, format, sha256);
			t.is(render(draftOk(structuredClone(answers), kind).model, format, sha256), first);
		}
	}
});
