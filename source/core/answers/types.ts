/**
The answers model: everything a founder tells privacy-wizard, as one versioned document.

The questionnaire (questionnaires/questions.json and each regime's questions under
questionnaires/law/) is the contract: the JSON Schema of the file on disk is generated from it
(questionnaires/schemas/answers.schema.json, checked by a test). These interfaces describe the
regime-neutral core for the code; each regime module adds its own fields by augmenting them
(`declare module '../answers/types.js'`), so adding a regime touches no other file's types.
*/

export const currentSchemaVersion = 2;

/** ISO 3166-1 alpha-2 code, upper case (`DE`, `US`). */
export type CountryCode = string;
/** Calendar date, `YYYY-MM-DD`. Documents take every date from here, never from the clock. */
export type IsoDate = string;
/** A lower-case slug that other answers refer to (`email-address`). */
export type Id = string;

/**
Where the people a policy covers are. Each region is claimed by the regime modules whose law
follows people there; `other` is everywhere else (no country-specific text is drafted for it).
*/
export type Region = 'eea' | 'uk' | 'ch' | 'br' | 'ca' | 'us' | 'other';

export interface PostalAddress {
	/** Street lines, in order (not the town, postal code or country: they have their own answers). */
	lines: string[];
	locality: string;
	postalCode?: string;
	region?: string;
	country: CountryCode;
}

export interface Party {
	name: string;
	address: PostalAddress;
	email: string;
	phone?: string;
	url?: string;
}

export interface Controller {
	legalName: string;
	tradingName?: string;
	address: PostalAddress;
	email: string;
	contactForm?: string;
	phone?: string;
	website?: string;
	/** Countries, besides the address's, where the company has an establishment (branch, office). */
	otherEstablishments?: CountryCode[];
}

/** Another company of the group that is the controller for the people of some regions. */
export interface RegionalController {
	legalName: string;
	address: PostalAddress;
	email: string;
	/** The regions whose residents it is responsible for. */
	serves: Region[];
}

/**
Representatives that laws require of a controller established elsewhere (Article 27 GDPR and
UK GDPR, Art. 14 FADP): each regime module adds its own key.
*/
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Representatives {}

export type Dpo = {designated: false} | {designated: true; name?: string; email: string};

/** A person who answers privacy questions without being a designated DPO. */
export interface PrivacyContact {
	name: string;
	/** Their role ("Head of Engineering"), never "DPO". */
	role?: string;
	email: string;
}

export interface Service {
	name: string;
	/** One or two sentences: what the product does, in plain words. */
	description: string;
	url?: string;
}

export interface Audience {
	regions: Region[];
	/** Kinds of people the policy covers: "customers", "website visitors", "job applicants". */
	people: string[];
	/** US states (two-letter codes) whose residents are served, when `us` is a region. */
	usStates?: string[];
	/** Other countries whose residents the service targets, when `other` is a region. */
	otherCountries?: CountryCode[];
}

export type SourceKind = 'person' | 'automatic' | 'third-party' | 'generated';

export interface DataSource {
	kind: SourceKind;
	/** When or how: "during sign-up", "from your browser". */
	detail?: string;
	/** For `third-party`: who provides it ("the Atlassian Marketplace", "the inviting user"). */
	provider?: string;
	/** For `third-party`: whether the source is publicly accessible (Article 14(2)(f)). */
	publiclyAccessible?: boolean;
}

/**
Kinds of sensitive data, across the laws: the Article 9(1) GDPR special categories, and the
further kinds US state laws and the CCPA call sensitive.
*/
export type SensitiveCategory =
	| 'racial-or-ethnic-origin'
	| 'political-opinions'
	| 'religious-or-philosophical-beliefs'
	| 'trade-union-membership'
	| 'genetic'
	| 'biometric'
	| 'health'
	| 'sex-life-or-orientation'
	| 'criminal-records'
	| 'precise-geolocation'
	| 'account-credentials'
	| 'government-id'
	| 'financial-account'
	| 'communications-content'
	| 'citizenship-or-immigration'
	| 'children';

export interface Sensitive {
	category: SensitiveCategory;
}

export interface DataItem {
	id: Id;
	name: string;
	description?: string;
	sources: DataSource[];
	sensitive?: Sensitive;
}

/** Article 13(2)(e) GDPR: why the person has to give the data, if they have to. */
export type Requirement = 'statutory' | 'contractual' | 'contract-prerequisite' | 'voluntary';

export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

export type Retention =
	| {kind: 'period'; amount: number; unit: TimeUnit; /** what starts the clock */ from: string}
	| {kind: 'criteria'; criteria: string};

export interface Purpose {
	id: Id;
	name: string;
	/** What is done, in plain words. */
	description: string;
	dataItems: Id[];
	requirement: Requirement;
	/** What happens if the person does not give the data. */
	consequence: string;
	retention: Retention;
	/** Direct marketing: the absolute right to object and marketing rules apply. */
	directMarketing?: boolean;
}

export type RecipientRole = 'processor' | 'controller' | 'joint-controller';

/** Certifications and frameworks a recipient takes part in; the DPF ones decide adequacy. */
export type Certification =
	| 'eu-us-dpf'
	| 'uk-extension'
	| 'swiss-us-dpf'
	| 'iso-27001'
	| 'iso-27701'
	| 'iso-27018'
	| 'soc-2'
	| 'pci-dss'
	| 'hipaa'
	| 'csa-star'
	| 'tisax'
	| 'hds'
	| 'c5';

export type ConsentNature = 'essential' | 'opt-in' | 'opt-out';

export interface Recipient {
	id: Id;
	name: string;
	/** The legal entity that receives the data, when it differs from the name. */
	entity?: string;
	role: RecipientRole;
	/** Why it receives data, in words ("sends our transactional email"). */
	purpose: string;
	/** Purposes it serves (ids). */
	purposes?: Id[];
	/** Data it receives (ids). */
	dataItems: Id[];
	/** What it does not get, in words ("any of the content you upload"). */
	withheld?: string;
	/** Where it stores or accesses the data. */
	locations: CountryCode[];
	certifications?: Certification[];
	/** How a transfer to it is made lawful, per regime (keys are the regimes' transfer keys). */
	transfers?: Record<string, string>;
	consent: ConsentNature;
	/** For opt-in or opt-out: how the person turns it on or off. */
	choiceHow?: string;
	privacyUrl?: string;
	/** Where its own notice is, for a controller without one link ("on each job page"). */
	noticeWhere?: string;
	/** Set when the record came from the processor catalog. */
	catalogId?: string;
}

/** Disclosures beyond the named recipients, which most policies forget (X-OTHER). */
export interface OtherDisclosures {
	/** To authorities, courts and police when the law requires it, or for legal claims. */
	legalRequests: boolean;
	/** How such requests are checked before anything is disclosed. */
	legalRequestVetting?: string;
	/** To lawyers, auditors and insurers, under confidentiality. */
	advisers: boolean;
	/** To buyers or investors in a merger or acquisition, under a non-disclosure agreement. */
	corporateTransactions: boolean;
}

/** Data the company processes for its business customers, as their processor. */
export interface ProcessorRole {
	acts: boolean;
	/** What that data is, in words ("the survey answers our customers upload"). */
	data?: string;
}

export type RightsChannelKind = 'email' | 'form' | 'in-app' | 'phone' | 'toll-free' | 'postal';

export interface RightsChannel {
	kind: RightsChannelKind;
	value: string;
}

export type ExportFormat = 'json' | 'csv' | 'xml' | 'pdf';

export interface Rights {
	channels: RightsChannel[];
	/** How identity is checked and what is asked for. */
	verification: string;
	/** How an authorized agent or someone acting for another makes a request. */
	authorizedAgents: string;
	/** The formats in which people get a copy of their data. */
	exportFormats?: ExportFormat[];
}

export type CookieKind = 'essential' | 'preferences' | 'analytics' | 'marketing';

export interface Cookie {
	name: string;
	provider: string;
	purpose: string;
	duration: string;
	kind: CookieKind;
	/** Set by the site's own domain (first party), or by another company's domain (third party). */
	firstParty: boolean;
}

export type Cookies = {used: false} | {used: true; items: Cookie[]; consentHow: string};

export interface Children {
	/** Whether the service is offered to children (below the digital age of consent). */
	offered: boolean;
	/** Minimum age to use the service. */
	minimumAge: number;
	/** How parental consent is obtained, when children are served. */
	parentalConsent?: string;
}

export interface AutomatedDecision {
	name: string;
	logic: string;
	significance: string;
	humanReview: string;
}

export type AutomatedDecisions = {used: false} | {used: true; decisions: AutomatedDecision[]};

export type SecurityMeasureKind =
	| 'encryption-in-transit'
	| 'encryption-at-rest'
	| 'password-hashing'
	| 'two-factor'
	| 'access-control'
	| 'backups'
	| 'logging-and-monitoring'
	| 'pseudonymisation'
	| 'staff-training'
	| 'incident-response'
	| 'device-security'
	| 'other';

export interface SecurityMeasure {
	kind: SecurityMeasureKind;
	detail?: string;
}

export interface Revision {
	date: IsoDate;
	summary: string;
	/**
	The recipients this revision added and removed, by the name each had then (a removed one is no
	longer in the answers): the sub-processor list's change log (Art. 28(2) GDPR notices). The
	wizard records them when it makes the revision; absent, the revision records no such change.
	*/
	recipientsAdded?: string[];
	recipientsRemoved?: string[];
}

export interface DocumentSettings {
	effectiveDate: IsoDate;
	/** How changes are announced ("by email to account holders 30 days in advance"). */
	changeNotice: string;
	/** Newest first. */
	revisions: Revision[];
}

/** Where each document goes (paths inside the repository); a regime adds the keys of its own. */
export interface Outputs {
	policyPath: string;
	rightsPath?: string;
	subprocessorsPath?: string;
	inventoryPath?: string;
	cookiesPath?: string;
}

export interface Answers {
	$schema?: string;
	schemaVersion: typeof currentSchemaVersion;
	controller: Controller;
	otherControllers?: RegionalController[];
	dpo: Dpo;
	privacyContact?: PrivacyContact;
	representatives?: Representatives;
	service: Service;
	audience: Audience;
	dataItems: DataItem[];
	purposes: Purpose[];
	recipients: Recipient[];
	otherDisclosures: OtherDisclosures;
	processorRole: ProcessorRole;
	rights: Rights;
	cookies: Cookies;
	children: Children;
	automatedDecisions: AutomatedDecisions;
	security: SecurityMeasure[];
	document: DocumentSettings;
	outputs?: Outputs;
	/** Questionnaire version the answers were last reviewed against ("new questions since"). */
	questionnaireVersion?: number;
	/** The question on screen when the wizard was left mid-way: the next run opens it. */
	resumeAt?: string;
}

/**
A document being filled in. Every field may still be missing; `check` names what is, and
`generate` refuses to draft until the answers are complete.
*/
export type DraftAnswers = {schemaVersion: number} & Record<string, unknown>;

/** Any part of the answers may be missing while the questionnaire is being filled in. */
export type DeepPartial<T> =
	T extends Array<infer U>
		? Array<DeepPartial<U>>
		: T extends object
			? {[K in keyof T]?: DeepPartial<T[K]>}
			: T;

export type PartialAnswers = DeepPartial<Omit<Answers, 'schemaVersion'>> & {schemaVersion?: number};
