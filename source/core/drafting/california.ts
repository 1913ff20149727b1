import {saleOrSharing, sensitiveItems} from '../answers/derive.js';
import type {Answers, CcpaCategory, DataItem} from '../answers/types.js';
import type {Block, Inline} from './markdown.js';
import type {Section} from './model.js';
import {type Index, sourceText} from './common.js';
import {label, legalTexts, listInWords, phrase} from './text.js';

type CategoryRow = {
	category: CcpaCategory;
	items: DataItem[];
	sources: Set<string>;
	purposes: Set<string>;
	serviceProviders: Set<string>;
	thirdParties: Set<string>;
	soldOrShared: Set<string>;
};

/** "service providers (A and B); third parties (C)". */
function disclosedTo(serviceProviders: Set<string>, thirdParties: Set<string>): string {
	const parts = [
		serviceProviders.size > 0 ? `service providers (${listInWords([...serviceProviders])})` : '',
		thirdParties.size > 0 ? `third parties (${listInWords([...thirdParties])})` : '',
	].filter(Boolean);
	return parts.join('; ');
}

/** Group the data items by statutory category, in the order the categories first appear. */
function categoryRows(answers: Answers, index: Index): CategoryRow[] {
	const rows = new Map<CcpaCategory, CategoryRow>();
	// Completeness requires a category on every item when Californians are served.
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
			// A sale or "sharing" (cross-context advertising) is not a business-purpose disclosure.
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

export function californiaSection(answers: Answers, index: Index): Section {
	const california = answers.california;
	const rows = categoryRows(answers, index);
	const trade = saleOrSharing(answers);
	const serves = [
		'CCPA-COLL',
		'CCPA-SRC',
		'CCPA-PURP',
		'CCPA-SOLD',
		'CCPA-BP',
		'CCPA-RET',
		'CCPA-U16',
		'CCPA-DATE',
	];
	const blocks: Block[] = [
		{type: 'paragraph', text: phrase('ccpaIntro')},
		{type: 'heading', level: 3, text: ['Personal information we collect, use and disclose']},
		{
			type: 'table',
			header: [
				['Category'],
				['What it includes'],
				['Sources'],
				['Business or commercial purposes'],
				['Disclosed for a business purpose to'],
				['Sold or shared to'],
			],
			rows: rows.map((row): Inline[][] => [
				[label(legalTexts.ccpaCategories, row.category)],
				[listInWords(row.items.map((item) => item.name))],
				[listInWords([...row.sources])],
				[listInWords([...row.purposes]) || 'None'],
				[disclosedTo(row.serviceProviders, row.thirdParties) || 'No one'],
				[listInWords([...row.soldOrShared]) || 'No one'],
			]),
		},
		{
			type: 'paragraph',
			text: [
				'How long we keep each category is set out in the section on how long we keep your data, purpose by purpose.',
			],
		},
		{type: 'heading', level: 3, text: ['Sale and sharing']},
	];
	if (trade) {
		serves.push('CCPA-OPTOUT');
		const what = {
			sell: 'We sell',
			share: 'We share (disclose for cross-context behavioral advertising, without selling)',
			'sell and share': 'We sell, and share for cross-context behavioral advertising,',
		}[trade];
		blocks.push(
			{
				type: 'paragraph',
				text: [
					`${what} the categories of personal information marked above, to the third parties named there. You can opt out at any time:`,
				],
			},
			{
				type: 'paragraph',
				text: california?.optOutLink
					? [{link: california.optOutLink, text: ['Do Not Sell or Share My Personal Information']}]
					: [
							'Do Not Sell or Share My Personal Information: contact us through any channel listed under your rights.',
						],
			},
			{type: 'paragraph', text: phrase(california?.honoursGpc ? 'ccpaGpcYes' : 'ccpaGpcNo')},
		);
	} else {
		blocks.push({type: 'paragraph', text: phrase('ccpaNotSold')});
	}

	blocks.push({
		type: 'paragraph',
		text: california?.sellsUnder16
			? phrase('ccpaUnder16Yes', {optIn: california.under16OptIn ?? ''})
			: phrase('ccpaUnder16No'),
	});

	const sensitive = sensitiveItems(answers);
	if (sensitive.length > 0) {
		serves.push('CCPA-SPI');
		const purposes = new Set(
			sensitive.flatMap((item) =>
				(index.purposesByItem.get(item.id) ?? []).map((purpose) => purpose.name),
			),
		);
		blocks.push(
			{type: 'heading', level: 3, text: ['Sensitive personal information']},
			{
				type: 'paragraph',
				text: [
					`We collect these kinds of sensitive personal information: ${listInWords(sensitive.map((item) => item.name))}, for ${listInWords([...purposes]) || 'the purposes described above'}.`,
				],
			},
		);
		if (california?.sensitiveUse === 'beyond-permitted') {
			blocks.push(
				{type: 'paragraph', text: phrase('ccpaSpiLimit')},
				{
					type: 'paragraph',
					text: california.limitLink
						? [
								{
									link: california.limitLink,
									text: ['Limit the Use of My Sensitive Personal Information'],
								},
							]
						: [
								'Limit the Use of My Sensitive Personal Information: contact us through any channel listed under your rights.',
							],
				},
			);
		} else {
			blocks.push({type: 'paragraph', text: phrase('ccpaSpiPermitted')});
		}
	}

	blocks.push({
		type: 'paragraph',
		text: [
			'Your California rights, and how to exercise them, verify your identity or use an authorized agent, are set out under ',
			{link: '#your-rights', text: ['Your rights']},
			'.',
		],
	});
	return {title: 'California privacy notice', serves, blocks};
}
