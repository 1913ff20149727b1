/**
What the US privacy laws share: the statutory categories of personal information, sale and
"sharing" (targeted advertising), and the revenue thresholds. The CCPA module and the module of
the other state laws both use it; neither imports the other.
*/
import wording from '../../../../questionnaires/law/shared/us.messages.en.json' with {type: 'json'};
import type {Answers, DataItem, PartialAnswers} from '../../answers/types.js';
import type {Index} from '../../drafting/common.js';
import {sourceText} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import {listInWords, messages} from '../../drafting/text.js';

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

declare module '../../answers/types.js' {
	interface DataItem {
		/** The statutory category (CCPA), which state notices use too. */
		ccpaCategory?: CcpaCategory;
	}

	interface Recipient {
		/** A disclosure for money or other valuable consideration. */
		sold?: boolean;
		/** Cross-context behavioral advertising ("sharing"; "targeted advertising" elsewhere). */
		shared?: boolean;
	}

	/** The answers several US laws' thresholds read (an interface, so each law can add its own). */
	interface UsThresholds {
		annualRevenueUsd?: number;
		saleRevenueShare?: number;
	}

	interface Answers {
		usThresholds?: UsThresholds;
	}
}

export const usText = messages(wording);

export function sellsOrShares(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some(
		(recipient) => recipient?.sold === true || recipient?.shared === true,
	);
}

/** "sell", "share" or "both": the CCPA distinguishes the two, so the policy does too. */
export function trade(answers: PartialAnswers): 'sell' | 'share' | 'both' | undefined {
	const recipients = answers.recipients ?? [];
	const sells = recipients.some((recipient) => recipient?.sold === true);
	const shares = recipients.some((recipient) => recipient?.shared === true);
	return sells && shares ? 'both' : sells ? 'sell' : shares ? 'share' : undefined;
}

/** Sensitive under the US laws: any sensitive kind, or the CCPA category. */
export function usSensitiveItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter(
		(item) => item.sensitive !== undefined || item.ccpaCategory === 'sensitive',
	);
}

export function dollars(amount: number): string {
	return `$${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

type CategoryRow = {
	category: CcpaCategory;
	items: DataItem[];
	sources: Set<string>;
	purposes: Set<string>;
	serviceProviders: Set<string>;
	thirdParties: Set<string>;
	soldOrShared: Set<string>;
};

/** Group the data items by statutory category, in the order the categories first appear. */
function categoryRows(answers: Answers, index: Index): CategoryRow[] {
	const rows = new Map<CcpaCategory, CategoryRow>();
	for (const item of answers.dataItems) {
		const category = item.ccpaCategory;
		if (category === undefined) {
			continue;
		}

		let row = rows.get(category);
		if (!row) {
			row = {
				category,
				items: [],
				sources: new Set(),
				purposes: new Set(),
				serviceProviders: new Set(),
				thirdParties: new Set(),
				soldOrShared: new Set(),
			};
			rows.set(category, row);
		}

		row.items.push(item);
		for (const source of item.sources) {
			row.sources.add(sourceText(source).split(',')[0]!);
		}

		for (const purpose of index.purposesByItem.get(item.id) ?? []) {
			row.purposes.add(purpose.name);
		}

		for (const recipient of index.recipientsByItem.get(item.id) ?? []) {
			// A sale or "sharing" is not a business-purpose disclosure.
			if (recipient.sold || recipient.shared) {
				row.soldOrShared.add(recipient.name);
			} else if (recipient.role === 'processor') {
				row.serviceProviders.add(recipient.name);
			} else {
				row.thirdParties.add(recipient.name);
			}
		}
	}

	return [...rows.values()];
}

function disclosedTo(row: CategoryRow): string {
	return [
		row.serviceProviders.size > 0
			? usText.s('serviceProviders', {names: listInWords([...row.serviceProviders])})
			: '',
		row.thirdParties.size > 0
			? usText.s('thirdParties', {names: listInWords([...row.thirdParties])})
			: '',
	]
		.filter(Boolean)
		.join('; ');
}

/** The table of categories with their sources, purposes and recipients (CCPA and state notices). */
export function categoryTable(answers: Answers, index: Index): Block {
	return {
		type: 'table',
		header: [
			[usText.s('column.category')],
			[usText.s('column.includes')],
			[usText.s('column.sources')],
			[usText.s('column.purposes')],
			[usText.s('column.disclosed')],
			[usText.s('column.sold')],
		],
		rows: categoryRows(answers, index).map((row): Inline[][] => [
			[usText.s(`category.${row.category}`)],
			[listInWords(row.items.map((item) => item.name))],
			[listInWords([...row.sources])],
			[listInWords([...row.purposes]) || usText.s('none')],
			[disclosedTo(row) || usText.s('noOne')],
			[listInWords([...row.soldOrShared]) || usText.s('noOne')],
		]),
	};
}

/** The inventory line of a data item's statutory category, the same under every US law (merged). */
export function categoryLines(item: DataItem): Inline[][] {
	return item.ccpaCategory
		? [
				[
					{strong: [usText.s('label.category')]},
					' ',
					`${usText.s(`category.${item.ccpaCategory}`)}.`,
				],
			]
		: [];
}
