/**
The answers model: everything a founder tells privacy-wizard, as one versioned document.

The JSON Schema in questionnaires/schemas/answers.schema.json is the contract for the file on
disk; these types describe the same shape for the code. A test validates every example against
the schema and type-checks it against `Answers`, so the two cannot drift apart silently.
*/

export const currentSchemaVersion = 1;

/** ISO 3166-1 alpha-2 code, upper case (`DE`, `US`). */
export type CountryCode = string;
/** Calendar date, `YYYY-MM-DD`. Documents take every date from here, never from the clock. */
export type IsoDate = string;
/** A lower-case slug that other answers refer to (`email-address`). */
export type Id = string;

export type Region = 'eea' | 'uk' | 'california' | 'us' | 'other';

export type PostalAddress = {
	/** Street lines, in order. */
	lines: string[];
	locality: string;
	postalCode?: string;
	region?: string;
	country: CountryCode;
};

export type Party = {
	name: string;
	address: PostalAddress;
	email: string;
	phone?: string;
	url?: string;
};

export type Controller = {
	legalName: string;
	tradingName?: string;
	address: PostalAddress;
	email: string;
	contactForm?: string;
	phone?: string;
	website?: string;
	/** Countries, besides the address's, where the company has an establishment (branch, office). */
	otherEstablishments?: CountryCode[];
};

export type Dpo =
	| {designated: false}
	| {designated: true; name?: string; email: string; address?: PostalAddress; phone?: string};

export type Representatives = {
	/** Article 27 GDPR: needed when not established in the EU/EEA but serving people there. */
	eu?: Party;
	/** Article 27 UK GDPR. */
	uk?: Party;
};

export type Service = {
	name: string;
	/** One or two sentences: what the product does, in plain words. */
	description: string;
	url?: string;
};

export type Audience = {
	regions: Region[];
	/** Kinds of people the policy covers: "customers", "website visitors", "job applicants". */
	people: string[];
};

export type SourceKind = 'person' | 'automatic' | 'third-party' | 'generated';

export type DataSource = {
	kind: SourceKind;
	/** When or how: "during sign-up", "from your browser". */
	detail?: string;
	/** For `third-party`: who provides it ("the Atlassian Marketplace", "the inviting user"). */
	provider?: string;
	/** For `third-party`: whether the source is publicly accessible (Article 14(2)(f)). */
	publiclyAccessible?: boolean;
};

/** Statutory categories of personal information, Cal. Civ. Code 1798.140(v)(1). */
export type CcpaCategory =
	| 'identifiers'
	| 'customer-records'
	| 'protected-characteristics'
	| 'commercial'
	| 'biometric'
	| 'internet-activity'
	| 'geolocation'
	| 'sensory'
	| 'professional'
	| 'education'
	| 'inferences'
	| 'sensitive';

/** Article 9(1) GDPR. */
export type SpecialCategory =
	| 'racial-or-ethnic-origin'
	| 'political-opinions'
	| 'religious-or-philosophical-beliefs'
	| 'trade-union-membership'
	| 'genetic'
	| 'biometric'
	| 'health'
	| 'sex-life-or-orientation';

/** Article 9(2)(a)–(j) GDPR. */
export type Article9Condition =
	| 'explicit-consent'
	| 'employment-law'
	| 'vital-interests'
	| 'not-for-profit-body'
	| 'made-public'
	| 'legal-claims'
	| 'substantial-public-interest'
	| 'health-or-social-care'
	| 'public-health'
	| 'archiving-or-research';

export type DataItem = {
	id: Id;
	name: string;
	description?: string;
	sources: DataSource[];
	/** Needed when California residents are served (CCPA-COLL). */
	ccpaCategory?: CcpaCategory;
	special?: {category: SpecialCategory; condition: Article9Condition; detail?: string};
};

export type LegalBasis =
	| 'consent'
	| 'contract'
	| 'legal-obligation'
	| 'vital-interests'
	| 'public-task'
	| 'legitimate-interests';

/** Article 13(2)(e): why the person has to give the data, if they have to. */
export type Requirement = 'statutory' | 'contractual' | 'contract-prerequisite' | 'voluntary';

export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

export type Retention =
	| {kind: 'period'; amount: number; unit: TimeUnit; /** what starts the clock */ from: string}
	| {kind: 'criteria'; criteria: string};

export type Purpose = {
	id: Id;
	name: string;
	/** What is done, in plain words. */
	description: string;
	dataItems: Id[];
	legalBasis: LegalBasis;
	/** Article 13(1)(d): the interest pursued, in words. Required for legitimate interests. */
	legitimateInterest?: string;
	/** For legal obligations: the law that requires it. */
	legalObligation?: string;
	requirement: Requirement;
	/** What happens if the person does not give the data. */
	consequence: string;
	retention: Retention;
	/** Direct marketing: the absolute right to object applies (Article 21(2)). */
	directMarketing?: boolean;
};

export type RecipientRole = 'processor' | 'controller' | 'joint-controller';

/** How a transfer out of the EEA is made lawful. Privacy Shield is not an option. */
export type TransferSafeguard = 'adequacy' | 'dpf' | 'sccs' | 'bcrs' | 'derogation';

/** How a transfer out of the UK is made lawful. */
export type UkTransferSafeguard =
	'adequacy' | 'uk-extension' | 'uk-idta' | 'uk-addendum' | 'bcrs' | 'derogation';

export type ConsentNature = 'essential' | 'opt-in' | 'opt-out';

export type Recipient = {
	id: Id;
	name: string;
	/** The legal entity that receives the data, when it differs from the name. */
	entity?: string;
	role: RecipientRole;
	/** Why it receives data, in words ("sends our transactional email"). */
	purpose: string;
	/** Purposes it serves (ids). */
	purposes: Id[];
	/** Data it receives (ids). */
	dataItems: Id[];
	/** What it does not get, in words ("any of the content you upload"). */
	withheld?: string;
	/** Where it stores or accesses the data. */
	locations: CountryCode[];
	/** Safeguard for transfers out of the EEA, when a location lacks an adequacy decision. */
	transferSafeguard?: TransferSafeguard;
	/** Safeguard for transfers out of the UK, when needed. */
	ukTransferSafeguard?: UkTransferSafeguard;
	/** Whether the importer is certified under the EU-US Data Privacy Framework. */
	dpfCertified?: boolean;
	consent: ConsentNature;
	/** For opt-in or opt-out: how the person turns it on or off. */
	choiceHow?: string;
	privacyUrl?: string;
	/** Set when the record came from the processor catalog. */
	catalogId?: string;
	/** California: whether this disclosure is a sale or a "sharing" (cross-context advertising). */
	sold?: boolean;
	shared?: boolean;
};

export type RightsChannelKind = 'email' | 'form' | 'in-app' | 'phone' | 'toll-free' | 'postal';

export type RightsChannel = {kind: RightsChannelKind; value: string};

export type Rights = {
	channels: RightsChannel[];
	/** Days to answer; GDPR allows one month, CCPA 45 days. */
	responseDays: number;
	/** How identity is checked and what is asked for. */
	verification: string;
	/** How an authorized agent makes a request (CCPA) or someone acts for another. */
	authorizedAgents: string;
	/** The lead supervisory authority, for the right to complain. */
	authority?: {name: string; url: string};
};

export type Cookie = {
	name: string;
	provider: string;
	purpose: string;
	duration: string;
	kind: 'essential' | 'preferences' | 'analytics' | 'marketing';
};

export type Cookies = {used: false} | {used: true; items: Cookie[]; consentHow: string};

export type Children = {
	/** Whether the service is offered to children (below the digital age of consent). */
	offered: boolean;
	/** Minimum age to use the service. */
	minimumAge: number;
	/** How parental consent is obtained, when children are served. */
	parentalConsent?: string;
};

export type AutomatedDecision = {
	name: string;
	logic: string;
	significance: string;
	humanReview: string;
};

export type AutomatedDecisions = {used: false} | {used: true; decisions: AutomatedDecision[]};

export type California = {
	/** Sensitive PI used only for the purposes 11 CCR §7027(m) permits. */
	sensitiveUse: 'permitted-only' | 'beyond-permitted';
	/** "Limit the Use of My Sensitive Personal Information" link, when beyond permitted. */
	limitLink?: string;
	/** "Do Not Sell or Share My Personal Information" link, when selling or sharing. */
	optOutLink?: string;
	/** Whether a Global Privacy Control signal is honoured as an opt-out. */
	honoursGpc: boolean;
	/** Whether personal information of consumers under 16 is knowingly sold or shared. */
	sellsUnder16: boolean;
	/** The opt-in process, when it is. */
	under16OptIn?: string;
	/** Online-only business with a direct relationship: email suffices as a request method. */
	onlineOnly: boolean;
};

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

export type SecurityMeasure = {kind: SecurityMeasureKind; detail?: string};

export type Revision = {date: IsoDate; summary: string};

export type DocumentSettings = {
	effectiveDate: IsoDate;
	/** How changes are announced ("by email to account holders 30 days in advance"). */
	changeNotice: string;
	/** Newest first. */
	revisions: Revision[];
};

export type Outputs = {
	policyPath: string;
	rightsPath?: string;
};

export type Answers = {
	$schema?: string;
	schemaVersion: typeof currentSchemaVersion;
	controller: Controller;
	dpo: Dpo;
	representatives?: Representatives;
	service: Service;
	audience: Audience;
	dataItems: DataItem[];
	purposes: Purpose[];
	recipients: Recipient[];
	/** How a copy of transfer safeguards can be obtained. */
	transferCopyHow?: string;
	rights: Rights;
	cookies: Cookies;
	children: Children;
	automatedDecisions: AutomatedDecisions;
	california?: California;
	security: SecurityMeasure[];
	document: DocumentSettings;
	outputs?: Outputs;
	/** Questionnaire version the answers were last reviewed against ("new questions since"). */
	questionnaireVersion?: number;
	/** The question on screen when the wizard was left mid-way: the next run opens it. */
	resumeAt?: string;
};

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
