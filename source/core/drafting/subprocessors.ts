/**
The sub-processor list: every recipient with what it receives and does not, where, on what basis
a transfer to it is lawful under each law that applies (each regime's own transfer rule and
words), certifications, the choice people have, its role and its policy; and the change log of
recipients added and removed, from the revisions that record them (Art. 28(2) GDPR notices).
*/
import type {Answers, Recipient} from '../answers/types.js';
import {countryName} from '../jurisdictions/index.js';
import type {DraftContext} from '../law/types.js';
import {itemNames, labelled} from './common.js';
import {drafters} from './compose.js';
import {documentsText as d, updatedLine, type DocumentsKey} from './documents-text.js';
import type {Block, Inline} from './markdown.js';
import type {DocumentModel, Section} from './model.js';
import {coreText as t, formatDate, listInWords, sentence} from './text.js';

function displayRecipient(recipient: Recipient): string {
	return recipient.entity && recipient.entity !== recipient.name
		? `${recipient.name} (${recipient.entity})`
		: recipient.name;
}

/** Each law with a transfer rule: the recipient's locations outside its territory, with their basis. */
function transferLines(ctx: DraftContext, recipient: Recipient): Inline[][] {
	const lines: Inline[][] = [];
	for (const regime of ctx.regimes) {
		const rule = regime.transfer;
		if (!rule?.basis) continue;
		const outside = recipient.locations.filter((country) => !rule.inside(country));
		if (outside.length === 0) continue;
		lines.push(
			labelled(d.s('sub.label.transfer', {law: regime.name}), [
				`${outside.map((country) => `${countryName(country)}: ${rule.basis!(country, recipient)}`).join('; ')}.`,
			]),
		);
	}

	return lines;
}

function choiceText(recipient: Recipient): string {
	return `${t.s(`consent.${recipient.consent}`)}${recipient.choiceHow ? `: ${recipient.choiceHow.trim().replace(/\.+$/, '')}` : ''}.`;
}

function recipientBlocks(ctx: DraftContext, recipient: Recipient, position: number): Block[] {
	const {index, answers} = ctx;
	const items: Inline[][] = [];
	if (recipient.entity && recipient.entity !== recipient.name) {
		items.push(labelled(d.s('sub.label.entity'), [recipient.entity]));
	}

	items.push(
		labelled(d.s('sub.label.role'), [`${t.s(`role.${recipient.role}`)}.`]),
		labelled(d.s('sub.label.does'), [sentence(recipient.purpose)]),
	);
	const purposes = (recipient.purposes ?? [])
		.map((id) => answers.purposes.find((purpose) => purpose.id === id)?.name)
		.filter((name): name is string => name !== undefined);
	if (purposes.length > 0) {
		items.push(labelled(d.s('sub.label.purposes'), [`${listInWords(purposes)}.`]));
	}

	items.push(
		labelled(d.s('sub.label.receives'), [`${listInWords(itemNames(recipient.dataItems, index))}.`]),
		labelled(d.s('sub.label.notReceives'), [
			recipient.withheld ? sentence(recipient.withheld) : d.s('sub.notReceives'),
		]),
		labelled(d.s('sub.label.where'), [
			`${listInWords(recipient.locations.map((code) => countryName(code)))}.`,
		]),
		...transferLines(ctx, recipient),
	);
	const certifications = recipient.certifications ?? [];
	if (certifications.length > 0) {
		items.push(
			labelled(d.s('sub.label.certifications'), [
				`${listInWords(certifications.map((certification) => t.s(`certification.${certification}`)))}.`,
			]),
		);
	}

	items.push(labelled(d.s('sub.label.choice'), [choiceText(recipient)]));
	for (const unit of drafters(ctx)) {
		const note = unit.recipientNote?.(ctx, recipient);
		if (note) items.push(note);
	}

	if (recipient.privacyUrl) {
		items.push(labelled(d.s('sub.label.policy'), [{autolink: recipient.privacyUrl}]));
	} else if (recipient.noticeWhere) {
		items.push(labelled(d.s('sub.label.notice'), [sentence(recipient.noticeWhere)]));
	}

	return [
		{type: 'heading', level: 3, text: [`${position}. ${recipient.name}`]},
		{type: 'list', items},
	];
}

/** The change log: each revision that records recipients added or removed, newest first. */
function changesSection(answers: Answers): Section {
	const recorded = [...answers.document.revisions]
		.filter(
			(revision) =>
				(revision.recipientsAdded ?? []).length > 0 ||
				(revision.recipientsRemoved ?? []).length > 0,
		)
		.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
	const names = (list: string[] | undefined): Inline[] =>
		(list ?? []).length > 0 ? [listInWords(list!)] : [d.s('sub.changes.nothing')];
	return {
		title: d.s('sub.changes.title'),
		serves: [],
		blocks:
			recorded.length === 0
				? [
						{
							type: 'paragraph',
							text: d.t('sub.changes.none', {
								effective: formatDate(answers.document.effectiveDate),
							}),
						},
					]
				: [
						{type: 'paragraph', text: d.t('sub.changes.intro')},
						{
							type: 'table',
							header: [[d.s('column.date')], [d.s('column.added')], [d.s('column.removed')]],
							rows: recorded.map((revision) => [
								[formatDate(revision.date)],
								names(revision.recipientsAdded),
								names(revision.recipientsRemoved),
							]),
						},
					],
	};
}

export function draftSubprocessors(ctx: DraftContext): DocumentModel {
	const {answers} = ctx;
	const {recipients} = answers;
	const acts = answers.processorRole.acts;
	const others = recipients.some((recipient) => recipient.role !== 'processor');
	const title: DocumentsKey = acts
		? others
			? 'sub.title.subOthers'
			: 'sub.title.sub'
		: others
			? 'sub.title.processorsOthers'
			: 'sub.title.processors';
	const intro: Block[] = [updatedLine(answers)];
	const values = {legalName: answers.controller.legalName, service: answers.service.name};
	const sections: Section[] = [];
	if (recipients.length === 0) {
		intro.push({type: 'paragraph', text: d.t('sub.none', values)});
	} else {
		const transfers = recipients.some((recipient) => transferLines(ctx, recipient).length > 0);
		intro.push({
			type: 'paragraph',
			text: [
				...d.t('sub.intro', values),
				...(transfers ? [' ', ...d.t('sub.introTransfers')] : []),
			],
		});
		sections.push(
			{
				title: d.s('sub.overview.title'),
				serves: [],
				blocks: [
					{
						type: 'table',
						header: [
							[d.s('column.recipient')],
							[d.s('column.role')],
							[d.s('column.whatFor')],
							[d.s('column.where')],
							[d.s('column.choice')],
						],
						rows: recipients.map((recipient) => [
							[displayRecipient(recipient)],
							[d.s(`sub.role.${recipient.role}`)],
							[recipient.purpose],
							[listInWords(recipient.locations.map((code) => countryName(code)))],
							[t.s(`consent.${recipient.consent}`)],
						]),
					},
				],
			},
			{
				title: d.s('sub.details.title'),
				serves: [],
				blocks: recipients.flatMap((recipient, position) =>
					recipientBlocks(ctx, recipient, position + 1),
				),
			},
		);
	}

	if (acts && recipients.some((recipient) => recipient.role === 'processor')) {
		intro.push({
			type: 'paragraph',
			text: d.t('sub.processorRole', {
				data: (answers.processorRole.data ?? '').trim().replace(/\.+$/, ''),
			}),
		});
	}

	intro.push({
		type: 'paragraph',
		text: d.t('sub.contact', {email: [{autolink: answers.controller.email}]}),
	});
	sections.push(changesSection(answers));
	return {
		kind: 'subprocessors',
		title: d.t(title, {service: answers.service.name}),
		intro,
		sections,
		contents: false,
	};
}
