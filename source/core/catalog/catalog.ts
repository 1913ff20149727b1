import catalog from '../../../questionnaires/catalog.json' with {type: 'json'};
import type {
	Certification,
	ConsentNature,
	CountryCode,
	Id,
	PartialAnswers,
	Recipient,
	RecipientRole,
} from '../answers/types.js';
import {regimeApplies} from '../law/applicability.js';
import {regimes} from '../law/registry.js';

/**
The processor catalog (questionnaires/catalog.json, validated against its schema by a test):
services a policy may disclose, with the facts a founder usually needs and the signals that
reveal each one in a repository. Every fact is a default the founder confirms.
*/

export type CatalogCategory =
	| 'hosting'
	| 'cdn'
	| 'database'
	| 'authentication'
	| 'payments'
	| 'transactional-email'
	| 'marketing-email'
	| 'crm'
	| 'support'
	| 'analytics'
	| 'product-analytics'
	| 'session-replay'
	| 'error-monitoring'
	| 'logging'
	| 'feature-flags'
	| 'advertising'
	| 'ai'
	| 'translation'
	| 'sms-telephony'
	| 'video'
	| 'storage'
	| 'workspace'
	| 'forms'
	| 'scheduling'
	| 'search'
	| 'maps'
	| 'customer-data-platform'
	| 'onboarding'
	| 'avatars'
	| 'attribution'
	| 'push-notifications'
	| 'subscriptions'
	| 'consent-management'
	| 'tag-management'
	| 'identity-verification'
	| 'fraud-prevention'
	| 'surveys'
	| 'e-signature'
	| 'social'
	| 'messaging'
	| 'ab-testing'
	| 'accounting'
	| 'hr-recruiting'
	| 'ecommerce';

export type DataCategoryId =
	| 'name'
	| 'email'
	| 'phone'
	| 'postal-address'
	| 'credentials'
	| 'user-id'
	| 'ip-address'
	| 'device'
	| 'usage'
	| 'location'
	| 'payment-card'
	| 'transactions'
	| 'messages'
	| 'user-content'
	| 'online-identifiers'
	| 'audio-video'
	| 'photo'
	| 'professional'
	| 'diagnostics'
	| 'preferences';

export type DataCategory = {label: string; ccpaCategory: string};

/**
EEA/UK/Swiss transfer mechanisms a vendor usually offers. The three DPF entries (the EU-US Data
Privacy Framework, its UK Extension and the Swiss-US DPF) only for a vendor whose participation is
stated on its own pages or the official list.
*/
export type TransferTool =
	'dpf' | 'uk-extension' | 'swiss-us-dpf' | 'sccs' | 'bcrs' | 'uk-idta' | 'uk-addendum';

/** Certifications and attestations a vendor states on its own pages (the DPF is a transfer tool). */
export type VendorCertification = Exclude<
	Certification,
	'eu-us-dpf' | 'uk-extension' | 'swiss-us-dpf'
>;

export type CatalogSignals = {
	/** Exact npm package names of official SDKs. */
	npm?: string[];
	/** npm scopes owned by the vendor alone (`@sentry`). */
	npmScopes?: string[];
	/** PyPI names, PEP 503 normalised (lower case, runs of `-_.` as `-`). */
	pypi?: string[];
	/** RubyGems names. */
	gems?: string[];
	/** Go module path prefixes (`github.com/stripe/stripe-go` matches `…/stripe-go/v76`). */
	go?: string[];
	/** Packagist `vendor/package` names. */
	composer?: string[];
	/** Packagist vendors owned by the service alone. */
	composerVendors?: string[];
	/** Maven `groupId:artifactId` coordinates. */
	maven?: string[];
	/** Maven groupId prefixes owned by the service alone (`com.google.firebase`). */
	mavenGroups?: string[];
	/** Root CocoaPods names (`Firebase/Analytics` counts as `Firebase`). */
	cocoapods?: string[];
	/** Swift package repository URLs: lower case, no scheme, no `.git`. */
	swiftpm?: string[];
	/** pub.dev package names. */
	pub?: string[];
	/** Exact environment variable names. */
	env?: string[];
	/** Environment variable name prefixes, ending in an underscore (`STRIPE_`). */
	envPrefixes?: string[];
	/** Script, pixel or API host names (a host also matches its subdomains). */
	hosts?: string[];
	/** Literal fragments of the vendor's official embed snippet (`fbq('init'`). */
	snippets?: string[];
};

export type CatalogService = {
	id: string;
	name: string;
	/** The contracting legal entity. */
	entity: string;
	category: CatalogCategory;
	/** Lower-case verb phrase completing "<Name> …" ("delivers our transactional emails"). */
	purpose: string;
	dataCategories: DataCategoryId[];
	role: RecipientRole;
	headquarters: CountryCode;
	/** Data regions the service offers. */
	locations: CountryCode[];
	transferTools: TransferTool[];
	privacyUrl: string;
	dpaUrl?: string;
	consent: ConsentNature;
	certifications?: VendorCertification[];
	signals: CatalogSignals;
};

export type Catalog = {
	catalogVersion: number;
	dataCategories: Record<DataCategoryId, DataCategory>;
	services: CatalogService[];
};

export const processorCatalog = catalog as unknown as Catalog;

export const catalogServices: readonly CatalogService[] = processorCatalog.services;

const byId = new Map(catalogServices.map((service) => [service.id, service]));

export function catalogService(id: string): CatalogService | undefined {
	return byId.get(id);
}

export function dataCategoryLabel(id: DataCategoryId): string {
	return processorCatalog.dataCategories[id]?.label ?? id;
}

// Search ----------------------------------------------------------------------------------

function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replaceAll(/[\u0300-\u036F]/g, '')
		.toLowerCase();
}

/** Words of a name: "Customer.io" → customer, io; "Twilio SendGrid" → twilio, sendgrid. */
function words(text: string): string[] {
	return fold(text)
		.split(/[^a-z0-9]+/)
		.filter((word) => word !== '');
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending order by name, then id: the order of an empty search and of ties. */
export function compareServices(a: CatalogService, b: CatalogService): number {
	return compareText(fold(a.name), fold(b.name)) || compareText(a.id, b.id);
}

/** Lower is better; undefined when the service does not match. */
function rank(service: CatalogService, query: string, terms: string[]): number | undefined {
	const name = fold(service.name);
	const compactQuery = query.replaceAll(/[^a-z0-9]/g, '');
	const compactName = name.replaceAll(/[^a-z0-9]/g, '');
	if (name === query || compactName === compactQuery || service.id === query) {
		return 0;
	}

	if (name.startsWith(query) || (compactQuery !== '' && compactName.startsWith(compactQuery))) {
		return 1;
	}

	const nameWords = words(service.name);
	if (nameWords.some((word) => word.startsWith(query))) {
		return 2;
	}

	if (service.id.startsWith(query)) {
		return 3;
	}

	if (name.includes(query)) {
		return 4;
	}

	const fields = [name, service.id, fold(service.entity), service.category];
	if (fields.some((field) => field.includes(query))) {
		return 5;
	}

	// Every term somewhere: "google maps", "analytics product".
	if (terms.length > 1 && terms.every((term) => fields.some((field) => field.includes(term)))) {
		return terms.every((term) => nameWords.some((word) => word.startsWith(term))) ? 2 : 6;
	}

	// Last, what the service does: "Google Drive" is part of Google Workspace.
	const purposeWords = words(service.purpose);
	const inPurpose = (term: string) => purposeWords.some((word) => word.startsWith(term));
	if (
		terms.every((term) => inPurpose(term) || fields.some((field) => field.includes(term))) &&
		terms.some((term) => term.length >= 3 && inPurpose(term))
	) {
		return 7;
	}

	return undefined;
}

/**
Services whose id, name, legal entity or category contain the text (case- and accent-
insensitive), best first: exact names, then names starting with the text, then names with a
word starting with it, then the rest, and last the services whose purpose has a word starting
with it ("drive" finds Google Workspace). Ties go by name. An empty text lists every service.
*/
export function searchCatalog(
	text: string,
	services: readonly CatalogService[] = catalogServices,
): CatalogService[] {
	const query = fold(text).trim().replaceAll(/\s+/g, ' ');
	if (query === '') {
		return [...services].sort(compareServices);
	}

	const terms = query.split(' ');
	const ranked: Array<{service: CatalogService; score: number}> = [];
	for (const service of services) {
		const score = rank(service, query, terms);
		if (score !== undefined) {
			ranked.push({service, score});
		}
	}

	return ranked
		.sort((a, b) => a.score - b.score || compareServices(a.service, b.service))
		.map((entry) => entry.service);
}

// Pre-filled recipients -------------------------------------------------------------------

/** A recipient record pre-filled from the catalog: every field is a default the founder edits. */
export type RecipientDraft = Partial<Recipient> &
	Pick<Recipient, 'id' | 'name' | 'role' | 'purpose' | 'locations' | 'consent' | 'dataItems'> & {
		catalogId: string;
	};

/** Extra words that reveal a data category in a founder's own name for a data item. */
const categoryKeywords: Record<DataCategoryId, string[]> = {
	name: ['name'],
	email: ['email'],
	phone: ['phone', 'telephone', 'mobile'],
	'postal-address': ['postal', 'shipping', 'street', 'home address', 'billing address'],
	credentials: ['password', 'credential', 'login'],
	'user-id': ['user id', 'account id', 'customer id', 'username'],
	'ip-address': ['ip address', 'ip'],
	device: ['device', 'browser', 'user agent'],
	usage: ['usage', 'activity', 'interaction', 'clickstream'],
	location: ['location', 'geolocation', 'gps'],
	'payment-card': ['card', 'payment'],
	transactions: ['transaction', 'purchase', 'order', 'billing', 'invoice'],
	messages: ['message', 'communication', 'chat', 'correspondence'],
	'user-content': ['content', 'upload', 'file', 'document'],
	'online-identifiers': ['cookie', 'advertising id', 'online identifier'],
	'audio-video': ['audio', 'video', 'recording', 'voice'],
	photo: ['photo', 'picture', 'avatar', 'image'],
	professional: ['job', 'employer', 'professional', 'company'],
	diagnostics: ['diagnostic', 'error', 'crash', 'log'],
	preferences: ['preference', 'setting'],
};

const ignoredWords = new Set(['and', 'or', 'of', 'the', 'your', 'our', 'data', 'information']);

/** Singular-ish words, with "e-mail" read as "email". */
function looseWords(text: string): string[] {
	return words(fold(text).replaceAll('e-mail', 'email'))
		.filter((word) => !ignoredWords.has(word))
		.map((word) =>
			word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
		);
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
	if (phrase.length === 0 || phrase.length > haystack.length) {
		return false;
	}

	for (let start = 0; start + phrase.length <= haystack.length; start++) {
		if (phrase.every((word, offset) => haystack[start + offset] === word)) {
			return true;
		}
	}

	return false;
}

/** Whether a data item's name loosely names a catalog data category. */
export function itemMatchesCategory(itemName: string, category: DataCategoryId): boolean {
	const item = looseWords(itemName);
	if (item.length === 0) {
		return false;
	}

	const label = looseWords(dataCategoryLabel(category));
	if (item.join(' ') === label.join(' ')) {
		return true;
	}

	return categoryKeywords[category].some((keyword) => containsPhrase(item, looseWords(keyword)));
}

function uniqueId(base: string, taken: ReadonlySet<string>): Id {
	if (!taken.has(base)) {
		return base;
	}

	let suffix = 2;
	while (taken.has(`${base}-${suffix}`)) {
		suffix++;
	}

	return `${base}-${suffix}`;
}

/** The Data Privacy Framework participations a vendor's transfer tools state, as certifications. */
function certificationsOf(service: CatalogService): Certification[] {
	const map: Partial<Record<string, Certification>> = {
		dpf: 'eu-us-dpf',
		'uk-extension': 'uk-extension',
		'swiss-us-dpf': 'swiss-us-dpf',
	};
	return [
		...service.transferTools.flatMap((tool) => (map[tool] ? [map[tool]] : [])),
		...(service.certifications ?? []),
	];
}

/**
A recipient record pre-filled from a catalog service, for the wizard to show as editable
defaults. Locations default to the headquarters when the service offers it there (the catalog
lists every region a service offers, not the one a customer chose). A transfer safeguard is
proposed only for a location without an EU adequacy decision (and only when the GDPR applies,
or before the audience is answered); a UK one only when the answers serve the UK. Data items are
the answers' own items whose names match the service's data categories.
*/
export function recipientFromService(
	service: CatalogService,
	answers: PartialAnswers = {},
): RecipientDraft {
	const locations = service.locations.includes(service.headquarters)
		? [service.headquarters]
		: [...service.locations];
	const taken = new Set(
		(answers.recipients ?? [])
			.map((recipient) => recipient?.id)
			.filter((id): id is string => typeof id === 'string'),
	);
	const dataItems = (answers.dataItems ?? [])
		.filter(
			(item): item is {id: string; name: string} =>
				typeof item?.id === 'string' && typeof item.name === 'string',
		)
		.filter((item) =>
			service.dataCategories.some((category) => itemMatchesCategory(item.name, category)),
		)
		.map((item) => item.id);

	const draft: RecipientDraft = {
		id: uniqueId(service.id, taken),
		name: service.name,
		entity: service.entity,
		role: service.role,
		purpose: service.purpose,
		dataItems: [...new Set(dataItems)],
		locations,
		consent: service.consent,
		privacyUrl: service.privacyUrl,
		catalogId: service.id,
	};

	const certifications = certificationsOf(service);
	if (certifications.length > 0) {
		draft.certifications = certifications;
	}

	// Each regime that applies proposes the safeguard the vendor offers for a location its
	// adequacy does not cover; the founder confirms it.
	const transfers: Record<string, string> = {};
	for (const regime of regimes) {
		const rule = regime.transfer;
		if (!rule?.proposeSafeguard || !regimeApplies(answers, regime.id)) {
			continue;
		}

		if (locations.some((country) => !rule.inside(country) && !rule.adequate(country, draft))) {
			const proposed = rule.proposeSafeguard(service.transferTools);
			if (proposed) {
				transfers[rule.key] = proposed;
			}
		}
	}

	if (Object.keys(transfers).length > 0) {
		draft.transfers = transfers;
	}

	return draft;
}
