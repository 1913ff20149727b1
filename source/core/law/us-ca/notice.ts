/**
California's notice at collection (Cal. Civ. Code 1798.100(a); 11 CCR §7012(e)–(g)): the categories
of personal information collected, sensitive ones included, with their purposes, whether each is
sold or shared, and how long it is kept; the "Do Not Sell or Share" and "Limit" links where they
apply; the third parties that control collection; and the link to the privacy policy.
*/
import wording from '../../../../questionnaires/law/us-ca/messages.en.json' with {type: 'json'};
import {displayName} from '../../answers/derive.js';
import type {DataItem, Purpose, Recipient} from '../../answers/types.js';
import {retentionText} from '../../drafting/common.js';
import {updatedLine} from '../../drafting/documents-text.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {DocumentModel, Section} from '../../drafting/model.js';
import {listInWords, messages, sentence} from '../../drafting/text.js';
import type {DraftContext} from '../types.js';
import {trade, usSensitiveItems, usText, type CcpaCategory} from '../us/shared.js';

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];

type Row = {
	category: CcpaCategory;
	items: DataItem[];
	purposes: Purpose[];
	sold: Set<string>;
	shared: Set<string>;
};

/** The statutory categories collected, in the order they first appear, with what each entails. */
function rows(ctx: DraftContext): Row[] {
	const out = new Map<CcpaCategory, Row>();
	for (const item of ctx.answers.dataItems) {
		const category = item.ccpaCategory;
		if (category === undefined) continue;
		let row = out.get(category);
		if (!row) {
			row = {category, items: [], purposes: [], sold: new Set(), shared: new Set()};
			out.set(category, row);
		}

		row.items.push(item);
		for (const purpose of ctx.index.purposesByItem.get(item.id) ?? []) {
			if (!row.purposes.includes(purpose)) row.purposes.push(purpose);
		}

		for (const recipient of ctx.index.recipientsByItem.get(item.id) ?? []) {
			if (recipient.sold) row.sold.add(recipient.name);
			if (recipient.shared) row.shared.add(recipient.name);
		}
	}

	return [...out.values()];
}

function soldCell(row: Row): string {
	const parts = [
		...(row.sold.size > 0 ? [text.s('nac.sold.sold', {names: listInWords([...row.sold])})] : []),
		...(row.shared.size > 0
			? [text.s('nac.sold.shared', {names: listInWords([...row.shared])})]
			: []),
	];
	return parts.length > 0 ? parts.join('; ') : text.s('nac.sold.no');
}

/** Per category, how long each purpose that uses it keeps it (§7012(e)(4)). */
function retentionSection(ctx: DraftContext): Section {
	return {
		title: text.s('nac.retention.title'),
		serves: ['CCPA-NAC', 'CCPA-RET'],
		blocks: [
			{type: 'paragraph', text: text.t('nac.retention.intro')},
			...rows(ctx).flatMap((row): Block[] => [
				{type: 'heading', level: 3, text: [usText.s(`category.${row.category}`)]},
				row.purposes.length === 0
					? {type: 'paragraph', text: text.t('nac.noPurpose')}
					: {
							type: 'list',
							items: row.purposes.map((purpose) => [
								{strong: [`${purpose.name}:`]},
								' ',
								`${retentionText(purpose.retention)}.`,
							]),
						},
			]),
		],
	};
}

function collectSection(ctx: DraftContext): Section {
	return {
		title: text.s('nac.collect.title'),
		serves: ['CCPA-NAC'],
		blocks: [
			{type: 'paragraph', text: text.t('nac.collect.intro')},
			{
				type: 'table',
				header: [
					[text.s('nac.column.category')],
					[text.s('nac.column.includes')],
					[text.s('nac.column.purposes')],
					[text.s('nac.column.sold')],
				],
				rows: rows(ctx).map((row): Inline[][] => [
					[usText.s(`category.${row.category}`)],
					[listInWords(row.items.map((item) => item.name))],
					[
						row.purposes.length > 0
							? listInWords(row.purposes.map((purpose) => purpose.name))
							: usText.s('none'),
					],
					[soldCell(row)],
				]),
			},
		],
	};
}

/**
What the CCPA asks about sensitive personal information (1798.121, 11 CCR 7027): what is collected
and for what, and the right to limit its use where it goes beyond the permitted purposes. The same
text in the policy and in the notice at collection.
*/
export function sensitiveBlocks(ctx: DraftContext, sensitive: readonly DataItem[]): Block[] {
	const purposes = new Set(
		sensitive.flatMap((item) =>
			(ctx.index.purposesByItem.get(item.id) ?? []).map((purpose) => purpose.name),
		),
	);
	const california = ctx.answers.california ?? {};
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: text.t('spi.collected', {
				items: listInWords(sensitive.map((item) => item.name)),
				purposes: listInWords([...purposes]),
			}),
		},
	];
	if (california.sensitiveUse === 'beyond-permitted') {
		blocks.push(
			{type: 'paragraph', text: text.t('spi.limit')},
			{
				type: 'paragraph',
				text: california.limitLink
					? [{link: california.limitLink, text: [text.s('spi.link')]}]
					: text.t('spi.noLink'),
			},
		);
	} else {
		blocks.push({type: 'paragraph', text: text.t('spi.permitted')});
	}

	return blocks;
}

function sensitiveSection(ctx: DraftContext): Section | undefined {
	const sensitive = usSensitiveItems(ctx.answers);
	if (sensitive.length === 0) return undefined;
	return {
		title: text.s('nac.sensitive.title'),
		serves: ['CCPA-NAC', 'CCPA-SPI'],
		blocks: sensitiveBlocks(ctx, sensitive),
	};
}

function saleSection(ctx: DraftContext): Section {
	const california = ctx.answers.california ?? {};
	const kind = trade(ctx.answers);
	const blocks: Block[] = kind
		? [
				{type: 'paragraph', text: text.t(`sale.yes.${kind}` as Key)},
				{
					type: 'paragraph',
					text: california.optOutLink
						? [{link: california.optOutLink, text: [text.s('sale.link')]}]
						: text.t('sale.noLink'),
				},
				{type: 'paragraph', text: text.t(california.honoursGpc ? 'gpc.yes' : 'gpc.no')},
			]
		: [{type: 'paragraph', text: text.t('sale.none')}];
	return {title: text.s('nac.sale.title'), serves: ['CCPA-NAC', 'CCPA-SOLD'], blocks};
}

function thirdPartyItem(recipient: Recipient): Inline[] {
	const name =
		recipient.entity && recipient.entity !== recipient.name
			? `${recipient.name} (${recipient.entity})`
			: recipient.name;
	if (recipient.privacyUrl) {
		return text.t('nac.thirdParties.policy', {name, link: [{autolink: recipient.privacyUrl}]});
	}

	return recipient.noticeWhere
		? text.t('nac.thirdParties.notice', {name, where: sentence(recipient.noticeWhere)})
		: [name];
}

function thirdPartiesSection(ctx: DraftContext): Section {
	const service = ctx.answers.service.name;
	const controlling = ctx.answers.recipients.filter((recipient) => recipient.controlsCollection);
	return {
		title: text.s('nac.thirdParties.title'),
		serves: ['CCPA-NAC'],
		blocks:
			controlling.length > 0
				? [
						{type: 'paragraph', text: text.t('nac.thirdParties.intro', {service})},
						{type: 'list', items: controlling.map((recipient) => thirdPartyItem(recipient))},
					]
				: [{type: 'paragraph', text: text.t('nac.thirdParties.none', {service})}],
	};
}

export function draftNoticeAtCollection(ctx: DraftContext): DocumentModel {
	const {answers} = ctx;
	const service = answers.service.name;
	const sections: Section[] = [collectSection(ctx), retentionSection(ctx)];
	const sensitive = sensitiveSection(ctx);
	if (sensitive) sections.push(sensitive);
	sections.push(saleSection(ctx), thirdPartiesSection(ctx), {
		title: text.s('nac.policy.title'),
		serves: ['CCPA-NAC'],
		blocks: [
			{
				type: 'paragraph',
				text: text.t('nac.policy.text', {
					link: [
						{
							link: answers.california?.policyUrl ?? '',
							text: [text.s('nac.policy.link', {service})],
						},
					],
				}),
			},
		],
	});
	return {
		kind: 'notice-at-collection',
		title: text.t('nac.title', {service}),
		intro: [
			updatedLine(answers),
			{type: 'paragraph', text: text.t('nac.intro', {name: displayName(answers), service})},
		],
		sections,
		contents: false,
	};
}
