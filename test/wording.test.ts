import test from 'ava';
import {draftOk, example} from './helpers/answers.js';
import {regimeFixtures} from './helpers/answers.js';
import {bundledExamples, completeFixtures, kindsFor} from './helpers/documents.js';
import {
	readerLines,
	rules,
	wordingDefects,
	wordingFacts,
	type RuleId,
	type WordingFacts,
} from './helpers/wording.js';

// --- Each rule, on small texts: it finds what it should and nothing else ----------------------

const facts: WordingFacts = {
	recipients: 3,
	linkedRecipients: 2,
	addressParts: ['Torstraße 140', '10119'],
	security: ['password-hashing stored only as salted bcrypt hashes'],
};

const cases: Record<RuleId, {defects: string[]; fine: string[]; facts?: Partial<WordingFacts>}> = {
	fragment: {
		defects: [
			'We keep it for 30 days from you close your account.',
			'- **How long:** 2 years from we received your request.',
			'| Billing | Until 90 days from they cancel |',
		],
		fine: [
			'We keep it for 30 days from the day you close your account.',
			'From you, during sign-up.',
			'Data we collect from you directly, and from you or your employer.',
			'Until you close your account.',
		],
	},
	'double-full-stop': {
		defects: ['We reply within a month..', 'Write to us at the address above. .', 'etc.. and more'],
		fine: [
			'We reply within a month.',
			'And so on...',
			'Wait… and see.',
			'Version 1.2.3 of the app.',
			'See <https://a.example/x>.',
		],
	},
	'repeated-name': {
		defects: [
			'Acme Labs GmbH (Acme Labs GmbH) is responsible for your personal data in Acme Cloud.',
			'Contact Lumen (Lumen) at any time.',
		],
		fine: [
			'Lumen (Lumen GmbH) is responsible for your personal data in Lumen.',
			'Acme Labs GmbH is responsible for your personal data.',
			'the Swiss-US DPF (Swiss-U.S. Data Privacy Framework)',
		],
	},
	'repeated-address': {
		defects: [
			'- **Post:** Lumen GmbH, Torstraße 140, 10119 Berlin, Germany, or by hand at Torstraße 140, 10119 Berlin',
			'- **Postal address:** Torstraße 140, 10119 Berlin, 10119 Berlin, Germany',
		],
		fine: [
			'- **Post:** Lumen GmbH, Torstraße 140, 10119 Berlin, Germany',
			'- **Postal address:** Torstraße 140, 10119 Berlin, Germany\n- **Post:** Torstraße 140, 10119 Berlin',
		],
	},
	'each-with-one-recipient': {
		defects: ['- **Who receives it:** Postmark, each only for the purpose stated below.'],
		fine: ['- **Who receives it:** Postmark, only for the purpose stated below.'],
		facts: {recipients: 1},
	},
	'links-that-are-not-there': {
		defects: ['Processors act on our instructions; the link on each name leads to its own policy.'],
		fine: ['Processors act on our instructions under a data processing agreement.'],
		facts: {linkedRecipients: 0},
	},
	'unsupported-hashing-claim': {
		defects: ['- Passwords stored only as salted hashes: not in clear text.'],
		fine: ['- Passwords stored only as hashes: not in clear text.'],
		facts: {security: ['password-hashing not in clear text']},
	},
};

for (const rule of rules) {
	const {defects, fine, facts: override} = cases[rule.id];
	test(`rule ${rule.id}: finds ${rule.description}`, (t) => {
		const given = {...facts, ...override};
		for (const text of defects) {
			t.deepEqual(
				wordingDefects(text, given, [rule]).map((defect) => defect.rule),
				[rule.id],
				text,
			);
		}

		for (const text of fine) {
			t.deepEqual(wordingDefects(text, given, [rule]), [], text);
		}
	});
}

test('rules that depend on the answers hold when the answers support the wording', (t) => {
	const many = {...facts, recipients: 2, linkedRecipients: 1};
	t.deepEqual(
		wordingDefects('Stripe and Postmark, each only for the purpose stated below.', many),
		[],
	);
	t.deepEqual(
		wordingDefects('Processors; the link on each name leads to its own policy.', many),
		[],
	);
	for (const measure of [
		'password-hashing with a salt',
		'password-hashing bcrypt',
		'password-hashing Argon2id',
		'password-hashing scrypt, through Firebase Authentication',
	]) {
		t.deepEqual(
			wordingDefects('- Passwords stored only as salted hashes.', {...facts, security: [measure]}),
			[],
			measure,
		);
	}
});

test('the rules read what a reader sees, not the Markdown around it', (t) => {
	t.deepEqual(
		readerLines(
			'- **Who:** [Acme \\(EU\\)](https://a.example/x\\(y\\)), <hello@a.example>\\.\n<!-- privacy-wizard: policy sha256:00 -->\n# Heading&#46;',
		),
		['- Who: Acme (EU), hello@a.example.', '', '# Heading.'],
	);
	// Markdown escapes are not full stops twice over; a link target with ".." is not text.
	t.deepEqual(wordingDefects('1986\\. A great year. See [this](https://a.example/../x).'), []);
	// A bold full stop after a full stop is still two.
	t.is(wordingDefects('We reply within a month.**.**')[0]?.rule, 'double-full-stop');
	t.like(wordingDefects('line one\nWe reply within a month..')[0], {line: 2});
});

test('facts come from the answers: recipients, their links, every postal address, the measures', (t) => {
	const found = wordingFacts({
		controller: {
			address: {lines: ['Oudegracht 101', 'Floor 2'], postalCode: '3511 AG', country: 'NL'},
		},
		representatives: {eu: {address: {lines: ['Main Street 1'], country: 'IE'}}},
		recipients: [{name: 'A', privacyUrl: 'https://a.example'}, {name: 'B'}],
		security: [{kind: 'password-hashing', detail: 'bcrypt'}, {kind: 'backups'}],
	});
	t.deepEqual(found, {
		recipients: 2,
		linkedRecipients: 1,
		addressParts: ['Oudegracht 101', '3511 AG', 'Main Street 1'],
		security: ['password-hashing bcrypt', 'backups'],
	});
});

// --- Every bundled example and complete fixture, in every document kind ----------------------

/**
Defects in the drafter's wording, `answer set/kind/rule`, marked failing until fixed (then the
test passes, `test.failing` fails, and the entry must go). None today: wording-traps.json holds
answers as founders type them, each a trap the drafter once fell into.
*/
const knownDefects = new Set<string>([]);

const answerSets = [
	...bundledExamples(),
	...completeFixtures(),
	// Every regime's test companies too: each law's own wording.
	...regimeFixtures().map(({name, answers}) => ({
		name: `test/fixtures/law/${name}`,
		answers: () => structuredClone(answers),
	})),
];

test('the wording tests cover every bundled example and a complete fixture', (t) => {
	t.true(answerSets.length >= 4, answerSets.map((set) => set.name).join(', '));
	// The fixtures must stay complete (and migrate with the answers model), or their tests vanish.
	for (const fixture of ['v2.json', 'wording-traps.json']) {
		t.true(
			answerSets.some((set) => set.name === `test/fixtures/answers/${fixture}`),
			`${fixture} drafts every document kind`,
		);
	}

	const names = new Set(answerSets.map((set) => set.name));
	for (const entry of knownDefects) {
		t.true(names.has(entry.split('/').slice(0, -2).join('/')), `${entry} names an answer set`);
	}
});

for (const {name, answers} of answerSets) {
	for (const kind of kindsFor(answers())) {
		for (const rule of rules) {
			const id = `${name}/${kind}/${rule.id}`;
			const declare = knownDefects.has(id) ? test.failing : test;
			declare(`wording: ${name}, ${kind}: no ${rule.description}`, (t) => {
				const given = answers();
				const {markdown} = draftOk(given, kind);
				const found = wordingDefects(markdown, wordingFacts(given), [rule]);
				t.deepEqual(
					found.map((defect) => `line ${defect.line}: …${defect.excerpt}…`),
					[],
				);
			});
		}
	}
}

test('a trading name the same as the legal name is no trading name: the company is named once', (t) => {
	const answers = example('eu-saas');
	answers.controller.tradingName = answers.controller.legalName;
	const name = answers.controller.legalName;
	for (const kind of ['policy', 'rights', 'ropa'] as const) {
		const {markdown} = draftOk(answers, kind);
		t.false(markdown.includes(`${name} (${name})`), kind);
		t.false(markdown.includes('a trading name of'), kind);
		t.false(/Trading name/i.test(markdown), kind);
	}
});
