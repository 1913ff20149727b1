/**
The Children's Online Privacy Protection Act (15 U.S.C. 6501–6506) and the FTC's COPPA Rule
(16 CFR Part 312) as amended in 2025 (90 FR 16918; compliance from 2026-04-22): for a service
directed to children under 13, or that knows it collects their personal information. Drafts the
online notice of 16 CFR 312.4(d) as a section of its own. The minors' rules of the US state laws
(US-STATES-MINORS) belong to the us-states regime.
*/
import checklistData from '../../../../questionnaires/law/us-coppa/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/us-coppa/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/us-coppa/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/us-coppa/questions.json' with {type: 'json'};
import {establishedWhere} from '../../answers/derive.js';
import type {Answers, PartialAnswers, Recipient, RightsChannel} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import {addressLine, labelled, retentionText} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {coreText, listInWords, messages, sentence} from '../../drafting/text.js';
import {regimeChecklist} from '../checklist.js';
import type {
	Applicability,
	CheckContext,
	Checklist,
	DraftContext,
	Regime,
	RegimeQuestions,
} from '../types.js';

/** How the service reaches children under 13 (16 CFR 312.2). */
export type CoppaAudience = 'primary' | 'mixed' | 'knowledge' | 'no';

/** The verifiable parental consent methods of 16 CFR 312.5(b)(2), or the 312.5(c) exceptions. */
export type ConsentMethod =
	| 'signed-form'
	| 'payment'
	| 'toll-free'
	| 'video'
	| 'government-id'
	| 'knowledge-based'
	| 'face-match'
	| 'text-plus'
	| 'email-plus'
	| 'exceptions-only';

declare module '../../answers/types.js' {
	interface Answers {
		coppa?: {
			audience?: CoppaAudience;
			/** The data items (ids) collected from children under 13. */
			childItems?: string[];
			publicPosting?: boolean;
			publicPostingHow?: string;
			/** Names of other operators collecting children's data through the service. */
			otherOperators?: string[];
			consentMethods?: ConsentMethod[];
			separateDisclosureConsent?: boolean;
			internalOperations?: string;
			noticeLinked?: boolean;
			directNotice?: boolean;
			securityProgram?: boolean;
			ageScreen?: boolean;
		};
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

/** Methods that verify only a contact address: for operators that disclose nothing (312.5(b)(2)). */
const contactOnly: ReadonlySet<ConsentMethod> = new Set(['email-plus', 'text-plus']);

/** People in the United States are served, or the company is established there. */
function usNexus(answers: PartialAnswers): boolean {
	return (
		(answers.audience?.regions ?? []).includes('us') ||
		establishedWhere(answers, (country) => country === 'US').length > 0
	);
}

function underAge(answers: PartialAnswers): boolean {
	const age = answers.children?.minimumAge;
	return typeof age === 'number' && age < facts.childAge;
}

/** Whether to ask how the service reaches children: it may reach children under 13. */
function asksAudience(answers: PartialAnswers): boolean {
	return usNexus(answers) && (underAge(answers) || answers.children?.offered === true);
}

function childIds(answers: PartialAnswers): Set<string> {
	return new Set(
		(answers.coppa?.childItems ?? []).filter((id): id is string => typeof id === 'string'),
	);
}

/** A disclosure to a third party: anyone but a service provider, or any sale or advertising. */
function thirdParty(recipient: {role?: unknown; sold?: unknown; shared?: unknown}): boolean {
	return recipient.role !== 'processor' || recipient.sold === true || recipient.shared === true;
}

function receivesChildData(recipient: {dataItems?: unknown}, ids: Set<string>): boolean {
	return (
		Array.isArray(recipient.dataItems) &&
		recipient.dataItems.some((id) => typeof id === 'string' && ids.has(id))
	);
}

function thirdPartyRecipients(answers: PartialAnswers): Array<{name?: string}> {
	const ids = childIds(answers);
	return (answers.recipients ?? []).filter(
		(recipient): recipient is NonNullable<typeof recipient> =>
			recipient !== undefined && thirdParty(recipient) && receivesChildData(recipient, ids),
	);
}

function applicability(answers: PartialAnswers): Applicability {
	if (!usNexus(answers)) {
		return {status: 'does-not-apply', reasons: [text.s('reason.noNexus')]};
	}

	const service = answers.service?.name ?? '';
	const audience = answers.coppa?.audience;
	const age = answers.children?.minimumAge;
	if (audience === 'primary' || audience === 'mixed' || audience === 'knowledge') {
		return {
			status: 'applies',
			reasons: [text.s(`reason.${audience}`)],
			statements: [text.s(`reader.${audience}`, {service})],
		};
	}

	if (underAge(answers)) {
		return {
			status: 'applies',
			reasons: [text.s('reason.age', {age: age!})],
			statements: [text.s('reader.age', {service})],
		};
	}

	if (typeof age !== 'number') {
		return {status: 'unknown', reasons: [], missing: ['children.minimumAge']};
	}

	if (asksAudience(answers) && audience === undefined) {
		return {status: 'unknown', reasons: [], missing: ['coppa.audience']};
	}

	return {status: 'does-not-apply', reasons: [text.s('reason.notChildren', {age})]};
}

// Drafting -------------------------------------------------------------------------------

function channelInline(channel: RightsChannel): Inline[] {
	const name = `${coreText.s(`channel.${channel.kind}` as never)}:`;
	return channel.kind === 'email' || (channel.kind === 'form' && /^https?:\/\//.test(channel.value))
		? labelled(name, [{autolink: channel.value}])
		: labelled(name, [channel.value]);
}

function introKey(answers: Answers): Key {
	const audience = answers.coppa?.audience;
	return audience === 'primary' || audience === 'mixed'
		? `notice.intro.${audience}`
		: 'notice.intro.knowledge';
}

function operatorsBlocks(ctx: DraftContext): Block[] {
	const {answers} = ctx;
	const {controller} = answers;
	const blocks: Block[] = [
		{type: 'heading', level: 3, text: [text.s('operators.title')]},
		{
			type: 'paragraph',
			text: text.t('operators.us', {
				service: answers.service.name,
				legalName: controller.legalName,
				address: addressLine(controller.address),
				phone: controller.phone ?? '',
				email: [{autolink: controller.email}],
			}),
		},
	];
	const others = (answers.coppa?.otherOperators ?? []).filter((name) => name.trim() !== '');
	if (others.length > 0) {
		blocks.push({
			type: 'paragraph',
			text: text.t('operators.others', {
				service: answers.service.name,
				names: sentence(listInWords(others.map((name) => name.trim()))),
			}),
		});
	}

	return blocks;
}

function collectBlocks(ctx: DraftContext): Block[] {
	const {answers, index} = ctx;
	const coppa = answers.coppa ?? {};
	const ids = childIds(answers);
	const items = answers.dataItems.filter((item) => ids.has(item.id));
	const blocks: Block[] = [
		{type: 'heading', level: 3, text: [text.s('collect.title')]},
		{type: 'paragraph', text: text.t('collect.intro')},
		{
			type: 'list',
			items: items.map((item) => {
				const purposes = (index.purposesByItem.get(item.id) ?? []).map((purpose) => purpose.name);
				return labelled(
					`${item.name}:`,
					text.t('collect.item', {
						description: sentence(item.description ?? item.name).replace(/\.$/, ''),
						purposes: purposes.length > 0 ? listInWords(purposes) : text.s('collect.unused'),
					}),
				);
			}),
		},
		{
			type: 'paragraph',
			text: coppa.publicPosting
				? text.t('public.yes', {
						service: answers.service.name,
						how: sentence(coppa.publicPostingHow ?? ''),
					})
				: text.t('public.no', {service: answers.service.name}),
		},
	];
	if (coppa.internalOperations) {
		blocks.push({
			type: 'paragraph',
			text: text.t('internal', {
				service: answers.service.name,
				operations: sentence(coppa.internalOperations),
			}),
		});
	}

	return blocks;
}

function discloseBlocks(ctx: DraftContext): Block[] {
	const {answers, index} = ctx;
	const ids = childIds(answers);
	const recipients = answers.recipients.filter((recipient) => receivesChildData(recipient, ids));
	const blocks: Block[] = [{type: 'heading', level: 3, text: [text.s('disclose.title')]}];
	if (recipients.length === 0) {
		blocks.push({type: 'paragraph', text: text.t('disclose.none')});
		return blocks;
	}

	blocks.push(
		{type: 'paragraph', text: text.t('disclose.intro')},
		{
			type: 'table',
			header: [
				[text.s('column.recipient')],
				[text.s('column.kind')],
				[text.s('column.receives')],
				[text.s('column.why')],
			],
			rows: recipients.map((recipient: Recipient) => [
				[recipient.entity ? `${recipient.name} (${recipient.entity})` : recipient.name],
				[
					text.s(
						thirdParty(recipient)
							? `kind.${recipient.role === 'processor' ? 'controller' : recipient.role}`
							: 'kind.processor',
					),
				],
				[
					listInWords(
						recipient.dataItems
							.filter((id) => ids.has(id))
							.map((id) => index.items.get(id)?.name ?? id),
					),
				],
				[recipient.purpose.trim().replace(/\.+$/, '')],
			]),
		},
	);
	if (!recipients.some((recipient) => thirdParty(recipient))) {
		blocks.push({
			type: 'paragraph',
			text: text.t('disclose.noThirdParties', {service: answers.service.name}),
		});
	} else if (answers.coppa?.separateDisclosureConsent === true) {
		// Without a separate consent `check` errors; the notice never claims one.
		blocks.push({type: 'paragraph', text: text.t('disclose.separate')});
	}

	return blocks;
}

function retentionBlocks(ctx: DraftContext): Block[] {
	const ids = childIds(ctx.answers);
	const purposes = ctx.answers.purposes.filter((purpose) =>
		purpose.dataItems.some((id) => ids.has(id)),
	);
	return [
		{type: 'heading', level: 3, text: [text.s('retention.title')]},
		{type: 'paragraph', text: text.t('retention.intro')},
		{
			type: 'list',
			items: purposes.map((purpose) =>
				labelled(
					`${purpose.name}:`,
					text.t('retention.item', {retention: retentionText(purpose.retention)}),
				),
			),
		},
	];
}

function consentBlocks(ctx: DraftContext): Block[] {
	const {answers} = ctx;
	const methods = (answers.coppa?.consentMethods ?? []).filter(
		(method) => method !== 'exceptions-only',
	);
	const blocks: Block[] = [{type: 'heading', level: 3, text: [text.s('consent.title')]}];
	blocks.push({
		type: 'paragraph',
		text:
			methods.length > 0
				? text.t('consent.methods', {
						methods: listInWords(
							methods.map((method) => text.s(`method.${method}`)),
							'or',
						),
					})
				: text.t('consent.exceptions'),
	});
	if (answers.children.offered && answers.children.parentalConsent) {
		blocks.push({
			type: 'paragraph',
			text: text.t('consent.how', {how: sentence(answers.children.parentalConsent)}),
		});
	}

	return blocks;
}

function parentsBlocks(ctx: DraftContext): Block[] {
	const {rights} = ctx.answers;
	return [
		{type: 'heading', level: 3, text: [text.s('parents.title')]},
		{type: 'paragraph', text: text.t('parents.rights')},
		{type: 'list', items: rights.channels.map((channel) => channelInline(channel))},
		{
			type: 'paragraph',
			text: labelled(text.s('parents.identity'), [sentence(rights.verification)]),
		},
	];
}

function noticeSection(ctx: DraftContext): Section {
	const {answers} = ctx;
	const serves = [
		'US-COPPA',
		'US-COPPA-NOTICE',
		'US-COPPA-RETENTION',
		'US-COPPA-VPC',
		'US-COPPA-PARENT',
	];
	if (
		thirdPartyRecipients(answers).length > 0 &&
		answers.coppa?.separateDisclosureConsent === true
	) {
		serves.push('US-COPPA-3P');
	}

	if (answers.coppa?.internalOperations) {
		serves.push('US-COPPA-INTERNAL');
	}

	return {
		title: text.s('notice.title'),
		serves,
		blocks: [
			{type: 'paragraph', text: text.t(introKey(answers), {service: answers.service.name})},
			...operatorsBlocks(ctx),
			...collectBlocks(ctx),
			...discloseBlocks(ctx),
			...retentionBlocks(ctx),
			...consentBlocks(ctx),
			...parentsBlocks(ctx),
		],
	};
}

export const usCoppa: Regime = {
	id: 'us-coppa',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['us'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	applicability,
	facts: {
		asksAudience: (answers) => asksAudience(answers),
		disclosesToThirdParties: (answers) => thirdPartyRecipients(answers).length > 0,
	},
	drafting: {
		summaryNotes: (ctx) => [text.t('summary.note', {service: ctx.answers.service.name})],
		children: () => ({
			serves: [],
			blocks: [{type: 'paragraph', text: text.t('children.pointer')}],
		}),
		notices: (ctx) => [noticeSection(ctx)],
	},
	checks: coppaChecks,
};

// Checks ---------------------------------------------------------------------------------

function coppaChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('us-coppa')) {
		return [];
	}

	const answers = ctx.answers as Partial<Answers>;
	const coppa = answers.coppa ?? {};
	const age = answers.children?.minimumAge;
	const service = answers.service?.name ?? '';
	// The 2025 amendments bind from their compliance date; before it, their findings only warn.
	const amended = ctx.today >= facts.amendments.compliance ? 'error' : 'warning';
	const compliance = facts.amendments.compliance;
	const at = (name: string) => ({questionId: `coppa.${name}`, path: `coppa.${name}`});
	const out: Finding[] = [];
	if (underAge(answers) && answers.children?.offered === false) {
		out.push(
			checklist.finding(
				'US-COPPA-VPC',
				'error',
				text.s('check.noConsent.message', {service, age: age ?? ''}),
				text.s('check.noConsent.fix'),
				{questionId: 'children.offered', path: 'children.offered'},
			),
		);
	}

	if (underAge(answers) && coppa.audience === 'no') {
		out.push(
			checklist.finding(
				'US-COPPA',
				'error',
				text.s('check.audienceNo.message', {age: age ?? ''}),
				text.s('check.audienceNo.fix'),
				at('audience'),
			),
		);
	}

	const disclosed = thirdPartyRecipients(answers);
	const names = listInWords(disclosed.map((recipient) => recipient.name ?? ''));
	const methods = (coppa.consentMethods ?? []).filter(
		(method): method is ConsentMethod => typeof method === 'string',
	);
	if (
		disclosed.length > 0 &&
		methods.length > 0 &&
		methods.every((method) => contactOnly.has(method))
	) {
		out.push(
			checklist.finding(
				'US-COPPA-VPC',
				'error',
				text.s('check.weakMethod.message', {
					recipients: names,
					methods: listInWords(
						methods.map((method) => text.s(`method.${method}`)),
						'or',
					),
				}),
				text.s('check.weakMethod.fix'),
				at('consentMethods'),
			),
		);
	}

	if (disclosed.length > 0 && coppa.separateDisclosureConsent === false) {
		out.push(
			checklist.finding(
				'US-COPPA-3P',
				amended,
				text.s('check.separate.message', {recipients: names}),
				text.s('check.separate.fix', {compliance}),
				at('separateDisclosureConsent'),
			),
		);
	}

	if (!answers.controller?.phone) {
		out.push(
			checklist.finding(
				'US-COPPA-NOTICE',
				'error',
				text.s('check.phone.message'),
				text.s('check.phone.fix'),
				{questionId: 'controller.phone', path: 'controller.phone'},
			),
		);
	}

	const simple: Array<
		[
			keyof NonNullable<Answers['coppa']>,
			string,
			'noticeLink' | 'direct' | 'security' | 'ageScreen',
			boolean,
		]
	> = [
		['noticeLinked', 'US-COPPA-NOTICE', 'noticeLink', false],
		['directNotice', 'US-COPPA-DIRECT', 'direct', false],
		['securityProgram', 'US-COPPA-SECURITY', 'security', true],
		['ageScreen', 'US-COPPA-MIXED', 'ageScreen', false],
	];
	for (const [name, id, key, byAmendment] of simple) {
		if (coppa[name] === false) {
			out.push(
				checklist.finding(
					id,
					byAmendment ? amended : 'error',
					text.s(`check.${key}.message`),
					text.s(`check.${key}.fix`, {compliance}),
					at(name),
				),
			);
		}
	}

	return out;
}
