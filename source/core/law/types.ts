/**
The shape of a regime module: one law (EU GDPR, LGPD, CCPA…), with when it applies, its
questions and checklist (data in questionnaires/law/<id>/), its checks, and the text it drafts.

The drafter and `check` compose the regimes that apply; none of them knows another by name.
Text a family of laws shares (the EU and UK GDPR) lives in a family unit whose members are
regimes, so that a policy serving both states each right once.
*/
import type {
	Answers,
	Cookie,
	CountryCode,
	DataItem,
	PartialAnswers,
	Purpose,
	Recipient,
	Region,
} from '../answers/types.js';
import type {Finding} from '../checks/finding.js';
import type {Index} from '../drafting/common.js';
import type {Block, Inline} from '../drafting/markdown.js';
import type {DocumentModel, Section} from '../drafting/model.js';
import type {Condition, Questionnaire, Section as QuestionSection} from '../questionnaire/types.js';

export type Applicability = {
	status: 'applies' | 'does-not-apply' | 'unknown';
	/** Why, to the founder, completing "<law>: …" ("you are established in Brazil"). */
	reasons: string[];
	/** The same to the reader of the policy ("we are established in Brazil"). */
	statements?: string[];
	/** Questions (full ids) whose answers decide it and are still missing. */
	missing?: string[];
};

/** One item of a regime's disclosure checklist (questionnaires/law/<id>/checklist.json). */
export type ChecklistItem = {
	id: string;
	requirement: string;
	citation: string;
	/** When the item applies, beyond the regime applying; absent: always. */
	condition?: Condition;
	/** In words, for people reading `check --explain`. */
	conditionText?: string;
	/** Unconfirmed law: findings on it are warnings, and text never asserts it as settled. */
	verify?: boolean;
	/**
	`notice` (default): the policy must say it. `internal`: a duty to act, not notice text (only
	asked and checked). `never`: something the policy must never say as law (only checked).
	*/
	kind?: 'notice' | 'internal' | 'never';
};

export type Checklist = {regime: string; items: ChecklistItem[]};

/** Where a regime's questions go in the questionnaire. */
export type QuestionInsert = {
	/** The full id of a list question whose records get the fields (`purposes`, `dataItems.sources`). */
	into?: string;
	/** Or the id of a section whose questions these join. */
	section?: string;
	/** The id (within `into`) of the question to insert after; absent: at the end. */
	after?: string;
	questions: QuestionSection['questions'];
	/**
	Asked whenever its own condition holds, not only when the regime applies: the answers that
	decide applicability (thresholds, where people are) must be asked before it is known.
	*/
	decidesApplicability?: boolean;
};

export type RegimeQuestions = {
	regime: string;
	/** Shared question groups (questionnaires/law/shared/) this regime needs. */
	uses?: string[];
	insert?: QuestionInsert[];
	sections?: Array<QuestionSection & {after: string}>;
	/** Checklist items of this regime that core questions serve too (by full question id). */
	alsoServes?: Array<{question: string; serves: string[]}>;
};

export type QuestionGroup = {group: string; insert: QuestionInsert[]};

export type Questionnaires = {core: Questionnaire};

/** What a fact may ask besides the answers: the regimes, and which apply. */
export type FactEnv = {regimes: readonly Regime[]; applies: (regime: string) => boolean};

/** A fact a condition can name (`{"fact": "uk.needsRepresentative"}`). */
export type Fact = (
	answers: PartialAnswers,
	record: Record<string, unknown>,
	env: FactEnv,
) => boolean;

export type Facts = Record<string, Fact>;

/**
A computed default a question can name (`{"computed": "eu-gdpr.authorityName"}`); a question in
a list sees its record (a purpose's other answers), as facts do.
*/
export type Computed = (answers: PartialAnswers, record?: Record<string, unknown>) => unknown;

/** Text with the checklist ids it discloses. */
export type Part = {serves: string[]; blocks: Block[]};

/** A legal basis as one law states it, for the line next to a purpose. */
export type BasisNote = {
	/** "Contract", "Legitimate interests": equal labels and explanations merge across laws. */
	label: string;
	citation: string;
	explanation: Inline[];
	serves: string[];
};

/** Everything the drafter knows while composing: the answers and which units apply. */
export type DraftContext = {
	answers: Answers;
	index: Index;
	/** Applicability of every regime, by id. */
	applicability: ReadonlyMap<string, Applicability>;
	applies: (regime: string) => boolean;
	/** The regimes that apply, in registry order. */
	regimes: readonly Regime[];
};

/**
A document a law requires besides the policy (Washington's separate consumer health data privacy
policy): drafted while the unit applies, by `generate --document <kind>` and by the wizard.
*/
export type RegimeDocument = {
	/** Its `--document` name (`consumer-health`), unique across units. */
	kind: string;
	/** What it is, in lists and messages ("consumer health data privacy policy"). */
	label: string;
	/** The key of the answers' `outputs` that names its file (`healthPolicyPath`). */
	output: string;
	/** Whether the answers call for it, beyond its unit applying (a cookie policy: cookies used). */
	applies?: (answers: PartialAnswers) => boolean;
	/** The document is also a table of records (its model has `records`): `--format csv`. */
	tabular?: boolean;
	draft: (ctx: DraftContext) => DocumentModel;
};

/** The legal basis for placing or reading one cookie under a law, for the cookie policy. */
export type CookieBasis = {
	/** "Consent", "Strictly necessary (no consent needed)": equal labels merge across laws. */
	label: string;
	citation: string;
	serves: string[];
};

/** The contributions a unit makes to the documents; each slot is optional. */
export type Drafting = {
	/** Lines of the summary's "Your rights", one per unit that has rights to name. */
	summaryRights?: (ctx: DraftContext) => Inline[] | undefined;
	/** "Worth knowing" lines of the summary. */
	summaryNotes?: (ctx: DraftContext) => Inline[][];
	/** Blocks at the end of "Who we are" (representatives, officers). */
	contacts?: (ctx: DraftContext) => Part | undefined;
	/** Lines of one data item's entry in the inventory (a statutory category); equal lines merge. */
	inventoryLines?: (ctx: DraftContext, item: DataItem) => Inline[][];
	/** Legal bases of one purpose under this law. */
	purposeBasis?: (ctx: DraftContext, purpose: Purpose) => BasisNote[];
	/** Further lines in one purpose's list (labelled). */
	purposeLines?: (ctx: DraftContext, purpose: Purpose) => Part | undefined;
	/** Sections after the purposes (special categories, sensitive data). */
	afterPurposes?: (ctx: DraftContext) => Section[];
	/** Blocks in "Who receives your data", after the table. */
	recipients?: (ctx: DraftContext) => Part | undefined;
	/** A line about one recipient under this law (a sale or sharing), in the sub-processor list. */
	recipientNote?: (ctx: DraftContext, recipient: Recipient) => Inline[] | undefined;
	/** A subsection of "Where your data is processed". */
	transfers?: (ctx: DraftContext) => (Part & {title: string}) | undefined;
	cookies?: (ctx: DraftContext) => Part | undefined;
	/** The legal basis of one cookie under this law (the cookie policy's column). */
	cookieBasis?: (ctx: DraftContext, cookie: Cookie) => CookieBasis | undefined;
	automated?: (ctx: DraftContext) => Part | undefined;
	children?: (ctx: DraftContext) => Part | undefined;
	/** A subsection of "Your rights". */
	rights?: (ctx: DraftContext) => (Part & {title: string}) | undefined;
	/** Blocks of "How to exercise your rights" (deadlines, identity checks). */
	exercising?: (ctx: DraftContext) => Part | undefined;
	/** Blocks of "Complaints". */
	complaints?: (ctx: DraftContext) => Part | undefined;
	/** Top-level sections of its own (the California notice). */
	notices?: (ctx: DraftContext) => Section[];
	/** Documents of its own, beside the policy and the data-rights section. */
	documents?: readonly RegimeDocument[];
};

export type CheckContext = {
	/** The answers with hidden answers removed (what the drafter sees). */
	answers: PartialAnswers;
	applicability: ReadonlyMap<string, Applicability>;
	applies: (regime: string) => boolean;
	/** The regimes that apply, in registry order. */
	regimes: readonly Regime[];
	/** A catalog service's category, when the edge loaded the catalog (`check` does). */
	catalogCategory?: (catalogId: string) => string | undefined;
	/** Today's date (`YYYY-MM-DD`), passed in: the core reads no clock. */
	today: string;
};

/** How a regime judges transfers out of its territory (exporter's view). */
export type TransferRule = {
	/** The key of `recipients[].transfers` and of its messages (`eu`, `uk`, `ch`, `br`). */
	key: string;
	/** Whether a country is inside the territory (no transfer). */
	inside: (country: string) => boolean;
	/** Whether a transfer to this country and recipient needs no safeguard. */
	adequate: (country: string, recipient: Partial<Recipient>) => boolean;
	/** The safeguard to propose for a vendor offering these transfer tools (catalog). */
	proposeSafeguard?: (tools: readonly string[]) => string | undefined;
	/**
	What makes a transfer to this country and recipient lawful, in the regime's own words (an
	adequacy finding, a safeguard, a derogation or exception), for documents that list transfers
	(the sub-processor list, the record of processing). Asked only for a country outside the
	territory, of a recipient whose answers are complete.
	*/
	basis?: (country: CountryCode, recipient: Recipient) => string;
};

export type Unit = {
	id: string;
	/** The items the unit's text serves and its checks report on. */
	checklist?: Checklist;
	drafting?: Drafting;
	facts?: Facts;
	computed?: Record<string, Computed>;
	checks?: (ctx: CheckContext) => Finding[];
};

export type Regime = Unit & {
	/** The law's name as it stands in lists: "LGPD (Brazil)". */
	name: string;
	/** The law's full name and citation, for "Laws that apply". */
	title: string;
	/** Regions whose people this law follows; a region no regime claims is an error. */
	regions: Region[];
	/** A family of laws sharing text (`gdpr`), drafted once for all its members. */
	family?: string;
	/** How the family's shared text names this member's law and territory. */
	familyTerms?: {law: string; place: string};
	applicability: (answers: PartialAnswers) => Applicability;
	questions: RegimeQuestions;
	checklist: Checklist;
	transfer?: TransferRule;
};

/** Text shared by the regimes whose `family` is this family's id; applies when any member does. */
export type Family = Unit;
