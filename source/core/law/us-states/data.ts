/** The state laws as data (questionnaires/law/us-states/states.json), typed. */
import data from '../../../../questionnaires/law/us-states/states.json' with {type: 'json'};
import type {PartialAnswers} from '../../answers/types.js';

export type Right =
	| 'access'
	| 'correct'
	| 'delete'
	| 'portability'
	| 'optOutTargeted'
	| 'optOutSale'
	| 'optOutProfiling'
	| 'thirdPartiesSpecific'
	| 'thirdPartiesCategories'
	| 'questionProfiling'
	| 'inferences';

export type Threshold = {
	code: string;
	from: string;
	revenue?: {amount: number; strict: boolean};
	consumers?: number;
	withSale?: {consumers: number; share?: number; strict?: boolean; anyRevenueOrDiscount?: true};
	sensitiveData?: true;
	offersSale?: true;
	notSmallBusiness?: true;
};

export type Activity = 'targeted' | 'sale' | 'profiling';

export type MinorsRule = {
	from: string;
	atLeast?: number;
	under: number;
	rule: 'consent' | 'ban';
	activities: Activity[];
	shouldHaveKnown?: true;
	anySize?: true;
	verify?: boolean;
	citation?: string;
};

export type Duty = 'biometric-policy' | 'sensitive-sale-consent' | 'buyers-list';

export type StateLaw = {
	state: string;
	law: string;
	short: string;
	citation: string;
	scopeCitation: string;
	inForce: string;
	thresholds: Threshold[];
	excludesPaymentOnly: boolean;
	smallBusinessExempt?: {verify?: boolean};
	rights: Right[];
	rightsFrom?: Array<{right: Right; from: string; verify?: boolean}>;
	deleteProvidedOnly?: true;
	sensitive: 'opt-in' | 'notice-opt-out' | 'strictly-necessary';
	noSaleOf?: Array<{category: string; from: string}>;
	uoom: {from: string; verify?: boolean} | null;
	uoomVerify?: true;
	response: {days: number; extension: number};
	appeal: {days: number; extension?: number; verify?: boolean} | null;
	attorneyGeneral: {name: string; url: string} | null;
	minors: MinorsRule[];
	anySize?: Array<{duty: Duty; from: string; citation: string}>;
	optOutLinkRequired?: true;
	noticeRules?: {retentionPolicy?: true; lastUpdated?: true; languagesAndAccess?: true};
	llmTraining?: {from: string; verify?: boolean};
	requestMethods?: number;
	saleNotice?: {citation: string};
};

export type UndraftedLaw = {
	state: string;
	law: string;
	citation: string;
	scopeCitation: string;
	inForce: string;
	revenueAbove: number;
};

export const asOf: string = data.asOf;
export const stateLaws = data.states as unknown as Readonly<Record<string, StateLaw>>;
export const undraftedLaws = data.undrafted as unknown as Readonly<Record<string, UndraftedLaw>>;

/** Every state with a law in the data, in the data's order (by the date the laws came into force). */
export const stateCodes: readonly string[] = Object.keys(stateLaws);

/**
The date the policy's current text takes effect: its effective date, or the latest revision.
Before the founder has given one, the laws are taken as they stand at the data's date.
*/
export function policyDate(answers: PartialAnswers): string {
	const dates = [
		answers.document?.effectiveDate,
		...(answers.document?.revisions ?? []).map((revision) => revision?.date),
	].filter((date): date is string => typeof date === 'string');
	return dates.length === 0 ? asOf : dates.sort().at(-1)!;
}

/** The entry of a dated list in force on a date (the latest one that started by then). */
export function inForceOn<T extends {from: string}>(
	entries: readonly T[],
	date: string,
): T | undefined {
	return entries
		.filter((entry) => entry.from <= date)
		.sort((a, b) => a.from.localeCompare(b.from))
		.at(-1);
}

/** The rights a state gives on a date; unconfirmed ones (`verify`) are left out, never asserted. */
export function rightsOn(law: StateLaw, date: string): Right[] {
	return [
		...law.rights,
		...(law.rightsFrom ?? [])
			.filter((entry) => entry.from <= date && entry.verify !== true)
			.map((entry) => entry.right),
	];
}

/** The minors rule beyond COPPA in force on a date, confirmed ones only unless asked. */
export function minorsRuleOn(
	law: StateLaw,
	date: string,
	withUnconfirmed = false,
): MinorsRule | undefined {
	return inForceOn(
		law.minors.filter((rule) => withUnconfirmed || rule.verify !== true),
		date,
	);
}

export function uoomOn(law: StateLaw, date: string): {from: string; verify?: boolean} | undefined {
	return law.uoom && law.uoom.from <= date ? law.uoom : undefined;
}
