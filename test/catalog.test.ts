import test from 'ava';
import {Ajv2020} from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import catalog from '../questionnaires/catalog.json' with {type: 'json'};
import schema from '../questionnaires/schemas/catalog.schema.json' with {type: 'json'};
import {examples} from '../source/core/answers/examples.js';
import type {PartialAnswers} from '../source/core/answers/types.js';
import {
	catalogService,
	catalogServices,
	itemMatchesCategory,
	recipientFromService,
	searchCatalog,
	type CatalogService,
} from '../source/core/catalog/catalog.js';

const service = (id: string): CatalogService => {
	const found = catalogService(id);
	if (!found) {
		throw new Error(`No catalog service ${id}`);
	}

	return found;
};

test('the catalog validates against its schema', (t) => {
	const ajv = new Ajv2020({allErrors: true, strict: true});
	addFormats.default(ajv);
	const validate = ajv.compile(schema);
	const valid = validate(catalog);
	t.true(valid, JSON.stringify(validate.errors?.slice(0, 5), undefined, 2));
});

test('the catalog has at least 150 services with unique ids', (t) => {
	t.true(catalogServices.length >= 150, `only ${catalogServices.length} services`);
	const ids = catalogServices.map((entry) => entry.id);
	t.is(new Set(ids).size, ids.length);
});

test('every signal belongs to one service only', (t) => {
	const owners = new Map<string, string>();
	const duplicates: string[] = [];
	for (const entry of catalogServices) {
		for (const [kind, values] of Object.entries(entry.signals)) {
			for (const value of values as string[]) {
				// Scopes and exact names share a namespace (both are npm), as do env names and prefixes.
				const namespace = kind.startsWith('npm') ? 'npm' : kind.startsWith('env') ? 'env' : kind;
				const key = `${namespace}:${value}`;
				const owner = owners.get(key);
				if (owner !== undefined && owner !== entry.id) {
					duplicates.push(`${key} (${owner}, ${entry.id})`);
				}

				owners.set(key, entry.id);
			}
		}
	}

	t.deepEqual(duplicates, []);
});

test('every URL is a well-formed https URL', (t) => {
	for (const entry of catalogServices) {
		for (const url of [entry.privacyUrl, entry.dpaUrl].filter(Boolean) as string[]) {
			const parsed = new URL(url);
			t.is(parsed.protocol, 'https:', `${entry.id}: ${url}`);
			t.true(parsed.hostname.includes('.'), `${entry.id}: ${url}`);
		}
	}
});

test('every data category a service names is in the vocabulary', (t) => {
	const vocabulary = new Set(Object.keys(catalog.dataCategories));
	for (const entry of catalogServices) {
		for (const category of entry.dataCategories) {
			t.true(vocabulary.has(category), `${entry.id}: ${category}`);
		}
	}
});

/** The services issue 4 names (from the reference pages), and the ones its "done when" uses. */
const named: Array<[string, string]> = [
	['Microsoft Azure', 'microsoft-azure'],
	['Auth0', 'auth0'],
	['Hotjar', 'hotjar'],
	['Inline Manual', 'inline-manual'],
	['Intercom', 'intercom'],
	['SendGrid', 'sendgrid'],
	['Gravatar', 'gravatar'],
	['Microsoft 365', 'microsoft-365'],
	['Google Drive / Workspace', 'google-workspace'],
	['Google Analytics', 'google-analytics'],
	['Matomo', 'matomo'],
	['Stripe', 'stripe'],
	['PayPal', 'paypal'],
	['Crisp', 'crisp'],
	['Twilio', 'twilio'],
	['Google Cloud', 'google-cloud'],
	['Userpilot', 'userpilot'],
	['LogRocket', 'logrocket'],
	['LinkedIn Insight Tag', 'linkedin-insight-tag'],
	['Google Translate', 'google-translate'],
	['DeepL', 'deepl'],
	['Segment', 'segment'],
	['Customer.io', 'customer-io'],
	['Close', 'close'],
	['Sentry', 'sentry'],
	['PostHog', 'posthog'],
	['OpenAI', 'openai'],
];

for (const [name, id] of named) {
	test(`the catalog has ${name}`, (t) => {
		const entry = catalogService(id);
		t.truthy(entry, `no service with id ${id}`);
		const words = name.split(' / ')[0]!.toLowerCase();
		t.true(
			entry!.name.toLowerCase().includes(words) || entry!.purpose.toLowerCase().includes('drive'),
			`${id} is named ${entry!.name}`,
		);
		t.true(searchCatalog(name.split(' / ')[0]!).some((match) => match.id === id));
	});
}

test('the catalog covers the categories issue 4 lists', (t) => {
	const categories = new Set(catalogServices.map((entry) => entry.category));
	for (const category of [
		'hosting',
		'cdn',
		'database',
		'authentication',
		'payments',
		'transactional-email',
		'marketing-email',
		'crm',
		'support',
		'analytics',
		'product-analytics',
		'session-replay',
		'error-monitoring',
		'logging',
		'feature-flags',
		'advertising',
		'ai',
		'translation',
		'sms-telephony',
		'video',
		'storage',
		'workspace',
		'forms',
		'scheduling',
		'search',
		'maps',
	]) {
		t.true(categories.has(category as CatalogService['category']), category);
	}
});

// searchCatalog ---------------------------------------------------------------------------

test('search: an exact name comes first, then names that start with the text', (t) => {
	const ids = searchCatalog('stripe').map((entry) => entry.id);
	t.is(ids[0], 'stripe');

	const google = searchCatalog('Google').map((entry) => entry.name);
	t.true(google.length > 5);
	const firstOther = google.findIndex((name) => !name.startsWith('Google'));
	t.true(firstOther === -1 || google.slice(firstOther).every((name) => !name.startsWith('Google')));
	t.true(google.indexOf('Sign in with Google') > google.indexOf('Google Workspace'));
});

test('search is case- and accent-insensitive and looks at id, entity and category', (t) => {
	t.is(searchCatalog('SENTRY')[0]?.id, 'sentry');
	t.is(searchCatalog('customer-io')[0]?.id, 'customer-io');
	t.true(searchCatalog('Functional Software').some((entry) => entry.id === 'sentry'));
	const errorMonitoring = searchCatalog('error-monitoring');
	t.true(errorMonitoring.length > 3);
	t.true(
		errorMonitoring.every(
			(entry) =>
				entry.category === 'error-monitoring' ||
				/error/i.test(entry.name + entry.id + entry.entity),
		),
	);
	t.deepEqual(searchCatalog('zzzz-no-such-thing'), []);
});

test('search: several words must all match', (t) => {
	const matches = searchCatalog('google maps');
	t.is(matches[0]?.id, 'google-maps');
	t.true(matches.every((entry) => /google/i.test(`${entry.name} ${entry.entity} ${entry.id}`)));
});

test('search is deterministic: ties go by name, an empty text lists every service by name', (t) => {
	const all = searchCatalog('');
	t.is(all.length, catalogServices.length);
	const names = all.map((entry) => entry.name.toLowerCase());
	t.deepEqual(
		names,
		[...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
	);
	t.deepEqual(searchCatalog('analytics'), searchCatalog('  Analytics '));
	const reversed = [...catalogServices].reverse();
	t.deepEqual(
		searchCatalog('mail', reversed).map((entry) => entry.id),
		searchCatalog('mail').map((entry) => entry.id),
	);
});

// recipientFromService --------------------------------------------------------------------

const euSaas = examples['eu-saas']!.answers as PartialAnswers;

test('a recipient from the catalog: name, entity, role, purpose, consent, URL, catalogId', (t) => {
	const stripe = service('stripe');
	const draft = recipientFromService(stripe, {});
	t.like(draft, {
		id: 'stripe',
		name: 'Stripe',
		entity: stripe.entity,
		role: stripe.role,
		purpose: stripe.purpose,
		consent: stripe.consent,
		privacyUrl: stripe.privacyUrl,
		catalogId: 'stripe',
	});
	t.deepEqual(draft.dataItems, []);
});

test('a recipient id does not collide with an answered one', (t) => {
	const draft = recipientFromService(service('stripe'), euSaas);
	t.is(draft.id, 'stripe-2');
});

test('a DPF participant is certified, so its US location needs no safeguard; others get the clauses', (t) => {
	const answers: PartialAnswers = {audience: {regions: ['eea', 'uk'], people: ['customers']}};
	const dpf = catalogServices.find(
		(entry) => entry.transferTools.includes('dpf') && entry.headquarters === 'US',
	)!;
	const withDpf = recipientFromService(dpf, answers);
	t.deepEqual(withDpf.locations, ['US']);
	t.true(withDpf.certifications?.includes('eu-us-dpf'));
	t.is(withDpf.transfers?.['eu'], undefined, 'the DPF makes the US location adequate');

	const sccsOnly = catalogServices.find(
		(entry) =>
			!entry.transferTools.includes('dpf') &&
			entry.transferTools.includes('sccs') &&
			entry.headquarters === 'US' &&
			entry.locations.includes('US'),
	)!;
	const withSccs = recipientFromService(sccsOnly, answers);
	t.deepEqual(withSccs.transfers, {eu: 'sccs', uk: 'uk-addendum'});
	t.is(withSccs.certifications, undefined);
});

test('no safeguard for adequate locations, no UK safeguard when the UK is not served', (t) => {
	const eu = catalogServices.find(
		(entry) => entry.headquarters === 'DE' && entry.locations.includes('DE'),
	)!;
	const draft = recipientFromService(eu, {audience: {regions: ['eea', 'uk'], people: ['users']}});
	t.deepEqual(draft.locations, ['DE']);
	t.is(draft.transfers, undefined);

	const us = recipientFromService(service('sentry'), {
		audience: {regions: ['eea'], people: ['users']},
	});
	t.truthy(us.transfers?.['eu']);
	t.is(us.transfers?.['uk'], undefined);
});

test('no EU safeguard when the answers say the GDPR does not apply', (t) => {
	const draft = recipientFromService(service('sentry'), {
		controller: {address: {country: 'US'}},
		audience: {regions: ['us'], people: ['users']},
	} as PartialAnswers);
	t.is(draft.transfers, undefined);
});

test('data items: the answers’ items whose names match the service’s data categories', (t) => {
	const stripe = recipientFromService(service('stripe'), euSaas);
	t.true(stripe.dataItems.includes('name'));
	t.true(stripe.dataItems.includes('email-address'));
	t.false(stripe.dataItems.includes('uploaded-content'));
	const ids = new Set((euSaas.dataItems ?? []).map((item) => item?.id));
	t.true(stripe.dataItems.every((id) => ids.has(id)));
});

test('item names match data categories loosely', (t) => {
	t.true(itemMatchesCategory('E-mail addresses', 'email'));
	t.true(itemMatchesCategory('IP address', 'ip-address'));
	t.true(itemMatchesCategory('Full name', 'name'));
	t.true(itemMatchesCategory('Phone', 'phone'));
	t.true(itemMatchesCategory('Crash reports', 'diagnostics'));
	t.false(itemMatchesCategory('Username', 'name'));
	t.false(itemMatchesCategory('Login history', 'diagnostics'));
	t.false(itemMatchesCategory('', 'name'));
});
