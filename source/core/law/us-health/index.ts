/**
The US consumer health data laws: Washington's My Health My Data Act (RCW 19.373) and Nevada's
consumer health data privacy law (SB 370 of 2023, NRS 603A.400–603A.590). No threshold: each
applies to anyone collecting consumer health data, inferences included, of its consumers.
Washington requires a consumer health data privacy policy of its own, drafted here as the
document `consumer-health`; the privacy policy links to it.
*/
import checklistData from '../../../../questionnaires/law/us-health/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/us-health/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/us-health/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/us-health/questions.json' with {type: 'json'};
import {addressLine, labelled, retentionText, sourceText} from '../../drafting/common.js';
import {displayName, lastUpdated} from '../../answers/derive.js';
import type {
	Answers,
	DataItem,
	PartialAnswers,
	Purpose,
	Recipient,
	RightsChannel,
} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {DocumentModel, Section} from '../../drafting/model.js';
import {coreText, formatDate, listInWords, messages, sentence} from '../../drafting/text.js';
import {regimeChecklist} from '../checklist.js';
import type {
	Applicability,
	CheckContext,
	Checklist,
	DraftContext,
	Regime,
	RegimeQuestions,
} from '../types.js';

/** On what terms consumer health data is collected or shared (RCW 19.373.030; NRS 603A.500). */
export type HealthTerms = 'necessary' | 'consent';

declare module '../../answers/types.js' {
	interface Purpose {
		healthBasis?: HealthTerms;
	}

	interface Recipient {
		/** Controls, is controlled by, or is under common control with the company. */
		healthAffiliate?: boolean;
		healthShareBasis?: HealthTerms;
	}

	interface Outputs {
		healthPolicyPath?: string;
	}

	interface Answers {
		consumerHealth?: {
			collects?: boolean;
			/** The data items (ids) that are consumer health data. */
			items?: string[];
			policyUrl?: string;
			homepageLink?: boolean;
			consentRequest?: boolean;
			separateShareConsent?: boolean;
			saleAuthorization?: boolean;
			thirdPartyContacts?: boolean;
			appealHow?: string;
			reviewChanges?: boolean;
			crossSiteTracking?: boolean;
			geofencing?: boolean;
		};
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

type State = keyof typeof facts.states;
const stateCodes: readonly State[] = ['WA', 'NV'];

/** The states with a consumer health data law whose consumers the answers serve. */
function statesServed(answers: PartialAnswers): State[] {
	if (!(answers.audience?.regions ?? []).includes('us')) {
		return [];
	}

	const served = answers.audience?.usStates ?? [];
	return stateCodes.filter((code) => served.includes(code));
}

const stateNames = (states: readonly State[]): string =>
	listInWords(states.map((code) => facts.states[code].name));

/** Items marked as health data: consumer health data whatever the founder answered. */
function healthMarked(answers: PartialAnswers): Array<Partial<DataItem>> {
	return (answers.dataItems ?? []).filter(
		(item): item is Partial<DataItem> => item?.sensitive?.category === 'health',
	);
}

function healthIds(answers: PartialAnswers): Set<string> {
	return new Set(
		(answers.consumerHealth?.items ?? []).filter((id): id is string => typeof id === 'string'),
	);
}

function touches(record: {dataItems?: unknown}, ids: Set<string>): boolean {
	return (
		Array.isArray(record.dataItems) &&
		record.dataItems.some((id) => typeof id === 'string' && ids.has(id))
	);
}

/** A recipient other than a processor that receives consumer health data: a disclosure is sharing. */
function sharesWith(
	recipient: {role?: unknown; dataItems?: unknown} | undefined,
	ids: Set<string>,
): boolean {
	return recipient !== undefined && recipient.role !== 'processor' && touches(recipient, ids);
}

function healthSales(answers: PartialAnswers): Array<{name?: string}> {
	const ids = healthIds(answers);
	return (answers.recipients ?? []).filter(
		(recipient): recipient is NonNullable<typeof recipient> =>
			recipient?.sold === true && touches(recipient, ids),
	);
}

function applicability(answers: PartialAnswers): Applicability {
	const states = statesServed(answers);
	if (states.length === 0) {
		return {status: 'does-not-apply', reasons: [text.s('reason.notServed')]};
	}

	const marked = healthMarked(answers);
	const collects = answers.consumerHealth?.collects;
	if (collects === true || marked.length > 0) {
		const reasons = states.map((code) => text.s(`reason.${code}`));
		if (collects !== true) {
			// The answer says no, the data says yes: the law follows the data; a check flags the answer.
			reasons.push(
				text.s('reason.marked', {items: listInWords(marked.map((item) => `"${item.name ?? ''}"`))}),
			);
		}

		return {
			status: 'applies',
			reasons,
			statements: states.map((code) => text.s(`reader.${code}`)),
		};
	}

	if (collects === undefined) {
		return {status: 'unknown', reasons: [], missing: ['consumerHealth.collects']};
	}

	return {status: 'does-not-apply', reasons: [text.s('reason.none')]};
}

// Drafting -------------------------------------------------------------------------------

const strong = (value: string): Inline => ({strong: [value]});

function lawsInWords(states: readonly State[]): string {
	return listInWords(states.map((code) => text.s(`laws.${code}`)));
}

function healthItems(ctx: DraftContext): DataItem[] {
	const ids = healthIds(ctx.answers);
	return ctx.answers.dataItems.filter((item) => ids.has(item.id));
}

function healthPurposes(ctx: DraftContext): Purpose[] {
	const ids = healthIds(ctx.answers);
	return ctx.answers.purposes.filter((purpose) => touches(purpose, ids));
}

function healthRecipients(ctx: DraftContext): Recipient[] {
	const ids = healthIds(ctx.answers);
	return ctx.answers.recipients.filter((recipient) => touches(recipient, ids));
}

function namesOf(ids: readonly string[], ctx: DraftContext): string {
	const health = healthIds(ctx.answers);
	return listInWords(
		ids.filter((id) => health.has(id)).map((id) => ctx.index.items.get(id)?.name ?? id),
	);
}

function collectSection(ctx: DraftContext): Section {
	const items = healthItems(ctx);
	const blocks: Block[] = [
		{type: 'paragraph', text: text.t('collect.intro')},
		{
			type: 'table',
			header: [
				[text.s('column.data')],
				[text.s('column.what')],
				[text.s('column.sources')],
				[text.s('column.use')],
			],
			rows: items.map((item) => [
				[item.name],
				[item.description ? item.description.trim().replace(/\.+$/, '') : item.name],
				[item.sources.map((source) => sourceText(source)).join('; ')],
				[
					listInWords(
						(ctx.index.purposesByItem.get(item.id) ?? []).map((purpose) => purpose.name),
					) || coreText.s('data.unused'),
				],
			]),
		},
	];
	const inferred = items.filter((item) =>
		item.sources.some((source) => source.kind === 'generated'),
	);
	if (inferred.length > 0) {
		blocks.push({
			type: 'paragraph',
			text: text.t('collect.inferred', {items: listInWords(inferred.map((item) => item.name))}),
		});
	}

	return {
		title: text.s('collect.title'),
		serves: ['US-WA-POLICY', 'US-NV-CHD'],
		blocks,
	};
}

function useSection(ctx: DraftContext): Section {
	const blocks: Block[] = [{type: 'paragraph', text: text.t('use.intro')}];
	for (const purpose of healthPurposes(ctx)) {
		blocks.push(
			{type: 'heading', level: 3, text: [purpose.name]},
			{type: 'paragraph', text: [sentence(purpose.description)]},
			{
				type: 'list',
				items: [
					labelled(text.s('label.data'), [`${namesOf(purpose.dataItems, ctx)}.`]),
					labelled(
						text.s('label.terms'),
						text.t(purpose.healthBasis === 'consent' ? 'use.consent' : 'use.necessary', {
							service: ctx.answers.service.name,
						}),
					),
					labelled(text.s('label.kept'), [`${retentionText(purpose.retention)}.`]),
				],
			},
		);
	}

	return {
		title: text.s('use.title'),
		serves: ['US-WA-POLICY', 'US-WA-CONSENT', 'US-NV-CHD'],
		blocks,
	};
}

function recipientKind(recipient: Recipient): Key {
	return recipient.role === 'processor'
		? 'kind.processor'
		: recipient.healthAffiliate
			? 'kind.affiliate'
			: 'kind.thirdParty';
}

function recipientTerms(recipient: Recipient): Key {
	return recipient.role === 'processor' && recipient.sold !== true
		? 'terms.processor'
		: recipient.sold === true
			? 'terms.sale'
			: recipient.healthShareBasis === 'consent'
				? 'terms.consent'
				: 'terms.necessary';
}

function shareSection(ctx: DraftContext, states: readonly State[]): Section {
	const recipients = healthRecipients(ctx);
	const blocks: Block[] = [];
	if (recipients.length === 0) {
		blocks.push({type: 'paragraph', text: text.t('share.none')});
	} else {
		blocks.push(
			{type: 'paragraph', text: text.t('share.intro')},
			{
				type: 'table',
				header: [
					[text.s('column.recipient')],
					[text.s('column.kind')],
					[text.s('column.receives')],
					[text.s('column.why')],
					[text.s('column.terms')],
				],
				rows: recipients.map((recipient) => [
					[recipient.entity ? `${recipient.name} (${recipient.entity})` : recipient.name],
					[text.s(recipientKind(recipient))],
					[namesOf(recipient.dataItems, ctx)],
					[recipient.purpose.trim().replace(/\.+$/, '')],
					[text.s(recipientTerms(recipient))],
				]),
			},
		);
		const shared = recipients.filter((recipient) => recipient.role !== 'processor');
		const affiliates = shared.filter((recipient) => recipient.healthAffiliate === true);
		if (shared.length === 0) {
			blocks.push({type: 'paragraph', text: text.t('share.onlyProcessors')});
		} else {
			blocks.push({
				type: 'paragraph',
				text:
					affiliates.length > 0
						? text.t('share.affiliates', {
								names: sentence(listInWords(affiliates.map((recipient) => recipient.name))),
							})
						: text.t('share.noAffiliates'),
			});
		}
	}

	const tracking = ctx.answers.consumerHealth?.crossSiteTracking;
	if (states.includes('NV') && tracking !== undefined) {
		blocks.push({type: 'paragraph', text: text.t(tracking ? 'tracking.yes' : 'tracking.no')});
	}

	return {
		title: text.s('share.title'),
		serves: ['US-WA-POLICY', 'US-WA-CONSENT', 'US-NV-CHD'],
		blocks,
	};
}

function saleSection(ctx: DraftContext, states: readonly State[]): Section {
	const sells = healthSales(ctx.answers).length > 0;
	const cite = states.includes('WA') ? ' (RCW 19.373.070)' : '';
	const blocks: Block[] = [
		{type: 'paragraph', text: sells ? text.t('sale.yes', {cite}) : text.t('sale.none')},
	];
	return {
		title: text.s('sale.title'),
		serves: sells ? ['US-WA-SELL', 'US-NV-CHD'] : ['US-NV-CHD'],
		blocks,
	};
}

function channelInline(channel: RightsChannel): Inline[] {
	const name = `${coreText.s(`channel.${channel.kind}` as never)}:`;
	return channel.kind === 'email' || (channel.kind === 'form' && /^https?:\/\//.test(channel.value))
		? labelled(name, [{autolink: channel.value}])
		: labelled(name, [channel.value]);
}

function rightsSection(ctx: DraftContext, states: readonly State[]): Section {
	const {answers} = ctx;
	const health = answers.consumerHealth ?? {};
	const cite = (wa: string, nv: string): string =>
		states.map((code) => (code === 'WA' ? wa : nv)).join('; ');
	const right = (name: Key, body: Inline[]): Inline[] => [strong(text.s(name)), ' ', ...body];
	const rights: Inline[][] = [
		right('right.access.name', text.t('right.access.text')),
		right('right.withdraw.name', text.t('right.withdraw.text')),
		right('right.delete.name', text.t('right.delete.text')),
	];
	if (states.includes('NV') && health.reviewChanges !== undefined) {
		rights.push(
			right(
				'right.review.name',
				text.t(health.reviewChanges ? 'right.review.yes' : 'right.review.no'),
			),
		);
	}

	rights.push(right('right.fair.name', text.t('right.fair.text')));
	const wa = facts.states.WA;
	const first = facts.states[states[0]!];
	const from: Key =
		states.length === 2
			? 'how.from.both'
			: states[0] === 'NV'
				? 'how.from.authenticating'
				: 'how.from.receiving';
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: text.t('rights.intro', {
				citations: cite('RCW 19.373.030(1)(d), 19.373.040', 'NRS 603A.505, 603A.515'),
			}),
		},
		{type: 'list', items: rights},
		{type: 'heading', level: 3, text: [text.s('how.title')]},
		{type: 'paragraph', text: text.t('how.channels')},
		{type: 'list', items: answers.rights.channels.map((channel) => channelInline(channel))},
		{
			type: 'paragraph',
			text: labelled(text.s('how.identity'), [sentence(answers.rights.verification)]),
		},
		{
			type: 'paragraph',
			text: labelled(
				text.s('how.deadline.label'),
				text.t('how.deadline', {
					days: first.responseDays,
					extension: first.extensionDays,
					from: text.s(from),
					citations: cite('RCW 19.373.040', 'NRS 603A.510'),
				}),
			),
		},
		{
			type: 'paragraph',
			text: [
				...labelled(
					text.s('how.appeal.label'),
					text.t('how.appeal', {how: sentence(health.appealHow ?? '')}),
				),
				...(states.includes('WA')
					? [' ', ...text.t('how.appeal.WA', {days: wa.responseDays, ag: wa.attorneyGeneral.name})]
					: []),
			],
		},
	];
	return {
		title: text.s('rights.title'),
		serves: ['US-WA-POLICY', 'US-WA-RIGHTS', 'US-NV-CHD'],
		blocks,
	};
}

function geofenceSection(states: readonly State[]): Section {
	const bans =
		states.length === 2
			? `${text.s('geofence.WA')}; ${text.s('geofence.NV')}`
			: text.s(states[0] === 'WA' ? 'geofence.WA' : 'geofence.NVonly');
	return {
		title: text.s('geofence.title'),
		serves: ['US-WA-RIGHTS', 'US-NV-CHD'],
		blocks: [{type: 'paragraph', text: text.t('geofence.text', {bans})}],
	};
}

function complaintsSection(states: readonly State[]): Section {
	return {
		title: text.s('complaints.title'),
		serves: ['US-NV-CHD'],
		blocks: states.map((code): Block => ({
			type: 'paragraph',
			text: text.t(`complaints.${code}`, {
				ag: facts.states[code].attorneyGeneral.name,
				url: [{autolink: facts.states[code].attorneyGeneral.url}],
			}),
		})),
	};
}

function healthPolicy(ctx: DraftContext): DocumentModel {
	const {answers} = ctx;
	const states = statesServed(answers);
	const sections: Section[] = [
		collectSection(ctx),
		useSection(ctx),
		shareSection(ctx, states),
		saleSection(ctx, states),
		rightsSection(ctx, states),
	];
	// A geofence is an error `check` reports; the policy never claims there is none.
	if (answers.consumerHealth?.geofencing === false) {
		sections.push(geofenceSection(states));
	}

	sections.push(complaintsSection(states), {
		title: text.s('changes.title'),
		serves: ['US-NV-CHD'],
		blocks: [
			{
				type: 'paragraph',
				text: text.t('changes.text', {notice: sentence(answers.document.changeNotice)}),
			},
			{
				type: 'paragraph',
				text: text.t('changes.dates', {
					effective: formatDate(answers.document.effectiveDate),
					updated: formatDate(lastUpdated(answers)),
				}),
			},
		],
	});
	sections.push({
		title: text.s('contact.title'),
		serves: ['US-WA-POLICY'],
		blocks: [
			{
				type: 'paragraph',
				text: text.t('contact.text', {
					email: [{autolink: answers.controller.email}],
					legalName: answers.controller.legalName,
					address: addressLine(answers.controller.address),
				}),
			},
		],
	});
	return {
		kind: 'consumer-health',
		title: text.t('doc.title', {service: answers.service.name}),
		intro: [
			{
				type: 'paragraph',
				text: text.t('doc.intro', {
					name: displayName(answers),
					states: stateNames(states),
					laws: lawsInWords(states),
				}),
			},
			{
				type: 'paragraph',
				text: text.t('doc.dates', {
					effective: formatDate(answers.document.effectiveDate),
					updated: formatDate(lastUpdated(answers)),
				}),
			},
		],
		sections,
		contents: true,
	};
}

/** A link to the consumer health data privacy policy where it is published. */
function policyLink(ctx: DraftContext): Inline[] {
	return [{link: ctx.answers.consumerHealth?.policyUrl ?? '', text: [text.s('notice.link')]}];
}

function noticeSection(ctx: DraftContext): Section {
	return {
		title: text.s('notice.title'),
		serves: [],
		blocks: [
			{
				type: 'paragraph',
				text: text.t('notice.text', {
					states: stateNames(statesServed(ctx.answers)),
					link: policyLink(ctx),
				}),
			},
		],
	};
}

export const usHealth: Regime = {
	id: 'us-health',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['us'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	applicability,
	facts: {
		purposeUsesHealthData: (answers, record) => touches(record, healthIds(answers)),
		recipientSharesHealthData: (answers, record) => sharesWith(record, healthIds(answers)),
		consentBased: (answers) =>
			(answers.purposes ?? []).some((purpose) => purpose?.healthBasis === 'consent') ||
			(answers.recipients ?? []).some(
				(recipient) =>
					recipient?.healthShareBasis === 'consent' && sharesWith(recipient, healthIds(answers)),
			),
		sharesOnConsent: (answers) =>
			(answers.recipients ?? []).some(
				(recipient) =>
					recipient?.healthShareBasis === 'consent' && sharesWith(recipient, healthIds(answers)),
			),
		sellsHealthData: (answers) => healthSales(answers).length > 0,
	},
	computed: {
		// A suggestion only (confirmed, never kept silently): health data is consumer health data.
		healthMarked: (answers) => (healthMarked(answers).length > 0 ? true : undefined),
		healthItems(answers) {
			const ids = (answers.dataItems ?? [])
				.filter((item) =>
					['health', 'genetic', 'biometric'].includes(item?.sensitive?.category ?? ''),
				)
				.map((item) => item?.id)
				.filter((id): id is string => typeof id === 'string');
			return ids.length > 0 ? ids : undefined;
		},
	},
	drafting: {
		summaryRights: (ctx) =>
			text.t('summary.rights', {states: stateNames(statesServed(ctx.answers))}),
		summaryNotes: (ctx) => [
			text.t('summary.note', {states: stateNames(statesServed(ctx.answers))}),
		],
		rights: (ctx) => ({
			title: text.s('rights.part.title'),
			serves: [],
			blocks: [
				{
					type: 'paragraph',
					text: text.t('rights.part.text', {
						states: stateNames(statesServed(ctx.answers)),
						link: policyLink(ctx),
					}),
				},
			],
		}),
		notices: (ctx) => [noticeSection(ctx)],
		documents: [
			{
				kind: 'consumer-health',
				label: text.s('doc.label'),
				output: 'healthPolicyPath',
				draft: healthPolicy,
			},
		],
	},
	checks: healthChecks,
};

// Checks ---------------------------------------------------------------------------------

function healthChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('us-health')) {
		return [];
	}

	const answers = ctx.answers as Partial<Answers>;
	const states = statesServed(answers);
	const health = answers.consumerHealth ?? {};
	const ids = healthIds(answers);
	const out: Finding[] = [];
	const first = states.includes('WA') ? 'US-WA-POLICY' : 'US-NV-CHD';
	const consent = states.includes('WA') ? 'US-WA-CONSENT' : 'US-NV-CHD';
	const marked = (answers.dataItems ?? []).flatMap((item, index) =>
		item?.sensitive?.category === 'health' ? [`dataItems[${index}] ("${item.name ?? ''}")`] : [],
	);
	if (health.collects === false && marked.length > 0) {
		out.push(
			checklist.finding(
				first,
				'error',
				text.s(marked.length === 1 ? 'check.marked.message' : 'check.marked.messageMany', {
					where: listInWords(marked),
					states: listInWords(
						states.map((code) => facts.states[code].name),
						'or',
					),
				}),
				text.s('check.marked.fix', {laws: lawsInWords(states)}),
				{questionId: 'consumerHealth.collects', path: 'consumerHealth.collects'},
			),
		);
	}

	const at = (name: keyof NonNullable<Answers['consumerHealth']>) => ({
		questionId: `consumerHealth.${name}`,
		path: `consumerHealth.${name}`,
	});
	if (health.homepageLink === false) {
		out.push(
			checklist.finding(
				first,
				'error',
				text.s('check.homepage.message'),
				text.s('check.homepage.fix'),
				at('homepageLink'),
			),
		);
	}

	if (health.consentRequest === false) {
		out.push(
			checklist.finding(
				consent,
				'error',
				text.s('check.consentRequest.message'),
				text.s('check.consentRequest.fix'),
				at('consentRequest'),
			),
		);
	}

	if (health.separateShareConsent === false) {
		out.push(
			checklist.finding(
				consent,
				'error',
				text.s('check.separate.message'),
				text.s('check.separate.fix'),
				at('separateShareConsent'),
			),
		);
	}

	const sales = healthSales(answers);
	if (sales.length > 0 && health.saleAuthorization === false) {
		out.push(
			checklist.finding(
				states.includes('WA') ? 'US-WA-SELL' : 'US-NV-CHD',
				'error',
				text.s('check.sale.message', {
					recipients: listInWords(sales.map((recipient) => recipient.name ?? '')),
				}),
				text.s('check.sale.fix'),
				at('saleAuthorization'),
			),
		);
	}

	if (health.thirdPartyContacts === false) {
		out.push(
			checklist.finding(
				states.includes('WA') ? 'US-WA-RIGHTS' : 'US-NV-CHD',
				'error',
				text.s('check.contacts.message'),
				text.s('check.contacts.fix'),
				at('thirdPartyContacts'),
			),
		);
	}

	if (health.geofencing === true) {
		for (const code of states) {
			out.push(
				checklist.finding(
					code === 'WA' ? 'US-WA-RIGHTS' : 'US-NV-CHD',
					'error',
					text.s(`check.geofence.${code}.message`),
					text.s(`check.geofence.${code}.fix`),
					at('geofencing'),
				),
			);
		}
	}

	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		if (purpose?.directMarketing === true && purpose.healthBasis === 'necessary') {
			out.push(
				checklist.finding(
					consent,
					'error',
					text.s('check.marketing.message', {
						where: `purposes[${index}] ("${purpose.name ?? ''}")`,
					}),
					text.s('check.marketing.fix'),
					{questionId: 'purposes.healthBasis', path: `purposes[${index}].healthBasis`},
				),
			);
		}
	}

	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		if (
			recipient?.shared === true &&
			recipient.healthShareBasis === 'necessary' &&
			sharesWith(recipient, ids)
		) {
			out.push(
				checklist.finding(
					consent,
					'error',
					text.s('check.advertising.message', {
						where: `recipients[${index}] ("${recipient.name ?? ''}")`,
					}),
					text.s('check.advertising.fix'),
					{
						questionId: 'recipients.healthShareBasis',
						path: `recipients[${index}].healthShareBasis`,
					},
				),
			);
		}
	}

	return out;
}
