/** The questionnaire's shape: questionnaires/questions.json, validated by its schema in a test. */

/**
A fact a regime module computes (`uk.needsRepresentative`), named `<regime>.<fact>`; facts
about a record (a recipient) see that record.
*/
export type FactName = string;

/** A path into the answers; `./` makes it relative to the record being edited. */
export type Condition =
	| {all: Condition[]}
	| {any: Condition[]}
	| {not: Condition}
	/** The regime with this id applies to the answers. */
	| {applies: string}
	| {fact: FactName}
	| {path: string; equals: unknown}
	| {path: string; notEquals: unknown}
	| {path: string; includes: unknown}
	| {path: string; in: unknown[]}
	| {path: string; exists: boolean};

export type QuestionType =
	| 'text'
	| 'email'
	| 'url'
	| 'country'
	| 'date'
	| 'yesno'
	| 'number'
	| 'select'
	| 'multiselect'
	| 'textlist'
	| 'list';

export type Option = {value: string | number | boolean; label: string; help?: string};

export type Suggestion =
	'packageName' | 'packageDescription' | 'homepage' | 'gitEmail' | 'gitRemote';

/** `today`, `minimumAge`, or a regime's computed default (`eu-gdpr.authorityName`). */
export type Computed = string;

export type DefaultSpec =
	| {value: unknown}
	| {from: string; as?: 'emailChannel'}
	| {suggestion: Suggestion}
	| {computed: Computed};

export type Validation = {
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	patternMessage?: string;
	/** Known-bad wording, refused with `rejectMessage` (matched case-insensitively, spaces collapsed). */
	rejectPattern?: string;
	rejectMessage?: string;
	min?: number;
	max?: number;
	maxItems?: number;
	/** Answers this one should not repeat (the postal code in the street lines): a warning. */
	distinctFrom?: string[];
};

export type OptionsFrom =
	| {source: 'countries'}
	| {source: 'usStates'}
	| {source: 'answers'; path: string; value: string; label: string};

export type Question = {
	/** The answer path, relative to the record for list fields. */
	id: string;
	type: QuestionType;
	prompt: string;
	help: string;
	cite?: string;
	serves?: string[];
	required?: boolean | Condition;
	condition?: Condition;
	/** Questionnaire version that added the question. */
	since?: number;
	validation?: Validation;
	default?: DefaultSpec;
	options?: Option[];
	optionsFrom?: OptionsFrom;
	clearable?: boolean;
	fields?: Question[];
	idFrom?: string;
	itemLabel?: string;
	catalogPicker?: boolean;
	/**
	A field of a list record whose default (from the catalog or the repo) states a fact about
	this company (a vendor's data region, its transfer safeguard): the record's summary marks it,
	for the person to confirm; never silently kept.
	*/
	confirmDefault?: boolean;
};

export type Section = {
	id: string;
	title: string;
	intro: string;
	condition?: Condition;
	questions: Question[];
};

export type Questionnaire = {version: number; sections: Section[]};

/** What the edges found out before the questionnaire runs: suggestions from the repo, today's date. */
export type Context = {
	today: string;
	suggestions: Partial<Record<Suggestion, string>>;
};
