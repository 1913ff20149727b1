/**
The record of processing activities of Article 30(1) GDPR and UK GDPR, drafted when any member of
the family applies: the controller (with its representatives and DPO or privacy contact), then one
activity per purpose with its categories of data and recipients, the transfers outside each
member's territory with their basis (the member's own transfer rule and words) and the time limit
for erasure, then the security measures. The same facts as one CSV row per purpose (`records`).
*/
import {article9Categories, tradingName} from '../../answers/derive.js';
import type {Answers, Purpose, Recipient} from '../../answers/types.js';
import {addressLine, itemNames, labelled, retentionText} from '../../drafting/common.js';
import {updatedLine} from '../../drafting/documents-text.js';
import {plainText, type Block, type Inline} from '../../drafting/markdown.js';
import type {DocumentModel, Records, Section} from '../../drafting/model.js';
import {coreText, listInWords, sentence} from '../../drafting/text.js';
import {countryInSentence} from '../../jurisdictions/index.js';
import type {DraftContext, Regime} from '../types.js';
import {basisNote, gdprText as text, lawNames, members} from './index.js';

type Key = Parameters<typeof text.t>[0];

/** A purpose's recipients: those that name it, or that name no purpose but receive its data. */
function recipientsOf(answers: Answers, purpose: Purpose): Recipient[] {
	return answers.recipients.filter((recipient) =>
		(recipient.purposes ?? []).length > 0
			? recipient.purposes!.includes(purpose.id)
			: recipient.dataItems.some((id) => purpose.dataItems.includes(id)),
	);
}

function controllerItems(ctx: DraftContext): Inline[][] {
	const {answers} = ctx;
	const {controller} = answers;
	const items: Inline[][] = [labelled(text.s('ropa.label.legalName'), [controller.legalName])];
	const trading = tradingName(answers);
	if (trading) {
		items.push(labelled(text.s('ropa.label.tradingName'), [trading]));
	}

	items.push(
		labelled(text.s('ropa.label.address'), [addressLine(controller.address)]),
		labelled(text.s('ropa.label.email'), [{autolink: controller.email}]),
	);
	if (controller.phone) {
		items.push(labelled(text.s('ropa.label.phone'), [controller.phone]));
	}

	if (controller.website) {
		items.push(labelled(text.s('ropa.label.website'), [{autolink: controller.website}]));
	}

	const group = answers.otherControllers ?? [];
	if (group.length > 0) {
		items.push(
			labelled(text.s('ropa.label.group'), [
				`${group
					.map((other) =>
						text.s('ropa.groupEntry', {
							name: other.legalName,
							address: addressLine(other.address),
							email: other.email,
							regions: listInWords(other.serves.map((region) => coreText.s(`region.${region}`))),
						}),
					)
					.join('; ')}.`,
			]),
		);
	}

	const joint = answers.recipients.filter((recipient) => recipient.role === 'joint-controller');
	if (joint.length > 0) {
		items.push(
			labelled(text.s('ropa.label.joint'), [
				`${joint
					.map((recipient) =>
						text.s('ropa.jointEntry', {
							name: recipient.entity ?? recipient.name,
							stage: (recipient.jointStage ?? '').trim().replace(/\.+$/, ''),
						}),
					)
					.join('; ')}.`,
			]),
		);
	}

	return items;
}

function dpoItem(answers: Answers): Inline[] {
	const {dpo, privacyContact} = answers;
	if (dpo.designated) {
		return labelled(text.s('ropa.label.dpo'), [
			...(dpo.name ? [`${dpo.name}, `] : []),
			{autolink: dpo.email},
		]);
	}

	if (privacyContact) {
		return labelled(
			text.s('ropa.label.contact'),
			text.t('ropa.contactNoDpo', {
				contact: [
					`${privacyContact.name}${privacyContact.role ? ` (${privacyContact.role})` : ''}, `,
					{autolink: privacyContact.email},
				],
			}),
		);
	}

	return labelled(text.s('ropa.label.dpo'), text.t('ropa.noDpo'));
}

/**
Each member's representative, from the member's own "Who we are" text (its heading and the
party's details), as one line of the controller's list.
*/
function representatives(ctx: DraftContext, list: readonly Regime[]): Inline[][] {
	return list.flatMap((member) => {
		const blocks = member.drafting?.contacts?.(ctx)?.blocks ?? [];
		const heading = blocks.find((block) => block.type === 'heading');
		const details = blocks.flatMap((block) => (block.type === 'list' ? block.items : []));
		if (!heading || heading.type !== 'heading' || details.length === 0) return [];
		// Each detail is a labelled line ("**Name:** …"): the value is what follows the label.
		const values = details.map((item) => item.slice(2));
		return [
			labelled(text.s('ropa.label.representative', {title: plainText(heading.text)}), [
				...values.flatMap((value, index) => [...(index > 0 ? [', '] : []), ...value]),
			]),
		];
	});
}

function otherRecipients(answers: Answers): string[] {
	const other = answers.otherDisclosures;
	return [
		...(other.legalRequests ? [text.s('ropa.other.legal')] : []),
		...(other.advisers ? [text.s('ropa.other.advisers')] : []),
		...(other.corporateTransactions ? [text.s('ropa.other.transactions')] : []),
	];
}

function specialEntries(ctx: DraftContext, purpose: Purpose, laws: string): string[] {
	return purpose.dataItems
		.map((id) => ctx.index.items.get(id))
		.filter(
			(item) =>
				item?.sensitive !== undefined &&
				article9Categories.has(item.sensitive.category) &&
				item.sensitive.article9 !== undefined,
		)
		.map((item) =>
			text.s('ropa.specialEntry', {
				item: item!.name,
				category: coreText.s(`sensitive.${item!.sensitive!.category}`),
				condition: `${text.s(`art9.${item!.sensitive!.article9!}` as Key)} ${laws}`,
			}),
		);
}

function recipientEntries(answers: Answers, purpose: Purpose): string[] {
	return recipientsOf(answers, purpose).map((recipient) =>
		text.s('ropa.recipientEntry', {
			name:
				recipient.entity && recipient.entity !== recipient.name
					? `${recipient.name} (${recipient.entity})`
					: recipient.name,
			role: text.s(`ropa.role.${recipient.role}` as Key),
			countries: listInWords(recipient.locations.map((code) => countryInSentence(code))),
		}),
	);
}

/** Per member: the transfers of a purpose outside its territory, each with its basis. */
function transferEntries(
	ctx: DraftContext,
	purpose: Purpose,
	list: readonly Regime[],
): Array<{member: Regime; entries: string[]}> {
	return list.flatMap((member) => {
		const rule = member.transfer;
		if (!rule?.basis) return [];
		const law = member.familyTerms?.law ?? member.name;
		const entries = recipientsOf(ctx.answers, purpose).flatMap((recipient) =>
			recipient.locations
				.filter((country) => !rule.inside(country))
				.map((country) =>
					text.s('ropa.transferEntry', {
						recipient: recipient.name,
						country: countryInSentence(country),
						basis: rule.basis!(country, recipient),
					}),
				),
		);
		const occasional = purpose.occasionalTransfer;
		const countries = (occasional?.countries ?? []).filter((country) => !rule.inside(country));
		if (occasional?.used && occasional.derogation && countries.length > 0) {
			entries.push(
				`${text.s('ropa.occasionalEntry', {
					countries: listInWords(countries.map((country) => countryInSentence(country))),
					basis: `${text.s(`art49.${occasional.derogation}` as Key)} ${law}`,
				})}${occasional.detail ? ` (${occasional.detail.trim().replace(/\.+$/, '')})` : ''}`,
			);
		}

		return [{member, entries}];
	});
}

/**
The Article 6 basis under the members, with what a record needs beside it: the interest
pursued, or the law that requires the processing (the policy's explanations speak to the reader).
*/
function basisText(ctx: DraftContext, purpose: Purpose): Inline[] {
	return basisNote(ctx, purpose).flatMap((note, index): Inline[] => {
		const detail =
			purpose.legalBasis === 'legitimate-interests' && purpose.legitimateInterest
				? text.s('ropa.basis.interest', {
						interest: purpose.legitimateInterest.trim().replace(/\.+$/, ''),
					})
				: purpose.legalBasis === 'legal-obligation' && purpose.legalObligation
					? text.s('ropa.basis.obligation', {
							obligation: purpose.legalObligation.trim().replace(/\.+$/, ''),
						})
					: '';
		return [`${index > 0 ? ' ' : ''}${note.label} (${note.citation})${detail}.`];
	});
}

function activityBlocks(
	ctx: DraftContext,
	purpose: Purpose,
	position: number,
	list: readonly Regime[],
): Block[] {
	const laws = lawNames(list);
	const items: Inline[][] = [
		labelled(text.s('ropa.label.purpose'), [sentence(purpose.description)]),
	];
	const basis = basisText(ctx, purpose);
	if (basis.length > 0) {
		items.push(labelled(text.s('ropa.label.basis'), basis));
	}

	items.push(
		labelled(text.s('ropa.label.data'), [
			`${listInWords(itemNames(purpose.dataItems, ctx.index))}.`,
		]),
	);
	const special = specialEntries(ctx, purpose, laws);
	if (special.length > 0) {
		items.push(labelled(text.s('ropa.label.special'), [`${special.join('; ')}.`]));
	}

	const recipients = recipientEntries(ctx.answers, purpose);
	items.push(
		labelled(text.s('ropa.label.recipients'), [
			recipients.length > 0 ? `${recipients.join('; ')}.` : text.s('ropa.noRecipients'),
		]),
	);
	for (const {member, entries} of transferEntries(ctx, purpose, list)) {
		items.push(
			labelled(
				text.s('ropa.label.transfers', {
					place: member.familyTerms?.place ?? member.name,
					law: member.familyTerms?.law ?? member.name,
				}),
				[entries.length > 0 ? `${entries.join('; ')}.` : text.s('ropa.noTransfers')],
			),
		);
	}

	items.push(labelled(text.s('ropa.label.erasure'), [`${retentionText(purpose.retention)}.`]));
	return [
		{type: 'heading', level: 3, text: [`${position}. ${purpose.name}`]},
		{type: 'list', items},
	];
}

function securityItems(answers: Answers): string[] {
	return answers.security.map(
		(measure) =>
			`${coreText.s(`security.${measure.kind}`)}${measure.detail ? `: ${measure.detail.trim().replace(/\.+$/, '')}` : ''}`,
	);
}

function records(ctx: DraftContext, list: readonly Regime[]): Records {
	const {answers} = ctx;
	const laws = lawNames(list);
	const controller = controllerItems(ctx)
		.map((item) => plainText(item))
		.join('; ');
	const representative =
		representatives(ctx, list)
			.map((line) => plainText(line))
			.join(' | ') || text.s('ropa.none');
	const dpo = plainText(dpoItem(answers).slice(2));
	const people = listInWords(answers.audience.people);
	const security = securityItems(answers).join('; ');
	const column = (key: Key): string => text.s(key);
	return {
		header: [
			column('ropa.column.controller'),
			column('ropa.column.representative'),
			column('ropa.column.dpo'),
			column('ropa.column.purpose'),
			column('ropa.column.description'),
			column('ropa.column.basis'),
			column('ropa.column.people'),
			column('ropa.column.data'),
			column('ropa.column.special'),
			column('ropa.column.recipients'),
			column('ropa.column.transfers'),
			column('ropa.column.erasure'),
			column('ropa.column.security'),
		],
		rows: answers.purposes.map((purpose) => {
			const transfers = transferEntries(ctx, purpose, list)
				.filter(({entries}) => entries.length > 0)
				.map(
					({member, entries}) => `${member.familyTerms?.law ?? member.name}: ${entries.join('; ')}`,
				);
			return [
				controller,
				representative,
				dpo,
				purpose.name,
				sentence(purpose.description),
				plainText(basisText(ctx, purpose)) || text.s('ropa.none'),
				people,
				listInWords(itemNames(purpose.dataItems, ctx.index)),
				specialEntries(ctx, purpose, laws).join('; ') || text.s('ropa.none'),
				recipientEntries(answers, purpose).join('; ') || text.s('ropa.none'),
				transfers.join(' | ') || text.s('ropa.none'),
				retentionText(purpose.retention),
				security,
			];
		}),
	};
}

export function draftRecord(ctx: DraftContext): DocumentModel {
	const {answers} = ctx;
	const list = members(ctx);
	const laws = lawNames(list);
	const other = otherRecipients(answers);
	const scope: Block[] = [
		{
			type: 'paragraph',
			text: text.t('ropa.scope.people', {people: listInWords(answers.audience.people)}),
		},
		{
			type: 'paragraph',
			text:
				other.length > 0
					? text.t('ropa.scope.other', {recipients: listInWords(other)})
					: text.t('ropa.scope.otherNone'),
		},
	];
	if (answers.processorRole.acts) {
		scope.push({
			type: 'paragraph',
			text: text.t('ropa.scope.processor', {
				data: (answers.processorRole.data ?? '').trim().replace(/\.+$/, ''),
				laws,
			}),
		});
	}

	const sections: Section[] = [
		{
			title: text.s('ropa.controller.title'),
			serves: [],
			blocks: [
				{
					type: 'list',
					items: [...controllerItems(ctx), ...representatives(ctx, list), dpoItem(answers)],
				},
			],
		},
		{title: text.s('ropa.scope.title'), serves: [], blocks: scope},
		{
			title: text.s('ropa.activities.title'),
			serves: [],
			blocks: [
				{type: 'paragraph', text: text.t('ropa.activities.intro', {laws})},
				...answers.purposes.flatMap((purpose, index) =>
					activityBlocks(ctx, purpose, index + 1, list),
				),
			],
		},
		{
			title: text.s('ropa.security.title'),
			serves: [],
			blocks: [
				{type: 'paragraph', text: text.t('ropa.security.intro', {laws})},
				{type: 'list', items: securityItems(answers).map((line) => [`${line}.`])},
			],
		},
	];
	return {
		kind: 'ropa',
		title: text.t('ropa.title', {legalName: answers.controller.legalName}),
		intro: [
			updatedLine(answers),
			{
				type: 'paragraph',
				text: text.t('ropa.intro', {legalName: answers.controller.legalName, laws}),
			},
		],
		sections,
		contents: true,
		records: records(ctx, list),
	};
}
