/** California: the CCPA as amended by the CPRA, with the regulations in force from 2026. */
import checklistData from '../../../../questionnaires/law/us-ca/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/us-ca/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/us-ca/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/us-ca/questions.json' with {type: 'json'};
import type {Answers, PartialAnswers} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {messages, sentence} from '../../drafting/text.js';
import {regimeChecklist} from '../checklist.js';
import type {
	Applicability,
	CheckContext,
	Checklist,
	DraftContext,
	Regime,
	RegimeQuestions,
} from '../types.js';
import {
	categoryLines,
	categoryTable,
	dollars,
	sellsOrShares,
	trade,
	usSensitiveItems,
} from '../us/shared.js';
import {draftNoticeAtCollection, sensitiveBlocks} from './notice.js';

declare module '../../answers/types.js' {
	interface Answers {
		california?: {
			/** Sensitive PI used only for the purposes 11 CCR §7027(m) permits. */
			sensitiveUse?: 'permitted-only' | 'beyond-permitted';
			limitLink?: string;
			optOutLink?: string;
			honoursGpc?: boolean;
			sellsUnder16?: boolean;
			under16OptIn?: string;
			/** Online-only business with a direct relationship: email suffices for requests. */
			onlineOnly?: boolean;
			showsOptOutStatus?: boolean;
			confirmsOptOuts?: boolean;
			riskAssessment?: boolean;
			noticeAtCollection?: string;
			/** Where the privacy policy is published: the notice at collection links to it. */
			policyUrl?: string;
			/** Consumers or households whose PI is bought, sold or shared a year. */
			consumersTraded?: number;
		};
	}

	interface Recipient {
		/** A third party that controls the collection of personal information on the site or app. */
		controlsCollection?: boolean;
	}

	interface Outputs {
		/** The notice at collection (11 CCR §7012). */
		noticeAtCollectionPath?: string;
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

function applicability(answers: PartialAnswers): Applicability {
	if (
		!(answers.audience?.regions ?? []).includes('us') ||
		!(answers.audience?.usStates ?? []).includes('CA')
	) {
		return {status: 'does-not-apply', reasons: [text.s('reason.notServed')]};
	}

	const revenue = answers.usThresholds?.annualRevenueUsd;
	const share = answers.usThresholds?.saleRevenueShare;
	const traded = answers.california?.consumersTraded;
	const threshold = dollars(facts.revenueThreshold);
	const reasons: string[] = [];
	const statements: string[] = [];
	const add = (
		key: 'revenue' | 'share' | 'traded',
		values: Record<string, string | number>,
	): void => {
		reasons.push(text.s(`reason.${key}`, values));
		statements.push(text.s(`reader.${key}`, values));
	};

	if (revenue !== undefined && revenue > facts.revenueThreshold) {
		add('revenue', {revenue: dollars(revenue), threshold});
	}

	if (share !== undefined && share >= facts.saleShareThreshold) {
		add('share', {share});
	}

	if (traded !== undefined && traded >= facts.consumersThreshold) {
		add('traded', {count: dollars(traded).slice(1)});
	}

	if (reasons.length > 0) {
		return {status: 'applies', reasons, statements};
	}

	const missing = [
		...(revenue === undefined ? ['usThresholds.annualRevenueUsd'] : []),
		...(share === undefined ? ['usThresholds.saleRevenueShare'] : []),
		...(traded === undefined && revenue !== undefined ? ['california.consumersTraded'] : []),
	];
	if (missing.length > 0) {
		return {status: 'unknown', reasons: [], missing};
	}

	return {
		status: 'does-not-apply',
		reasons: [text.s('reason.below', {revenue: dollars(revenue!), threshold})],
	};
}

function noticeSection(ctx: DraftContext): Section {
	const {answers, index} = ctx;
	const california = answers.california ?? {};
	const serves = [
		'CCPA-COLL',
		'CCPA-SRC',
		'CCPA-PURP',
		'CCPA-SOLD',
		'CCPA-BP',
		'CCPA-RET',
		'CCPA-U16',
		'CCPA-DATE',
		'CCPA-NAC',
		'CCPA26-PP',
	];
	const blocks: Block[] = [
		{type: 'paragraph', text: text.t('notice.intro')},
		{type: 'heading', level: 3, text: [text.s('notice.collection')]},
		categoryTable(answers, index),
		{type: 'paragraph', text: text.t('notice.retention')},
		{type: 'paragraph', text: text.t('notice.sourcesThirdParties')},
	];
	if (california.noticeAtCollection) {
		blocks.push({
			type: 'paragraph',
			text: text.t('notice.atCollection', {where: [{autolink: california.noticeAtCollection}]}),
		});
	}

	blocks.push({type: 'heading', level: 3, text: [text.s('sale.title')]});
	const kind = trade(answers);
	if (kind) {
		serves.push('CCPA-OPTOUT');
		blocks.push(
			{type: 'paragraph', text: text.t(`sale.yes.${kind}` as Key)},
			{
				type: 'paragraph',
				text: california.optOutLink
					? [{link: california.optOutLink, text: [text.s('sale.link')]}]
					: text.t('sale.noLink'),
			},
			{type: 'paragraph', text: text.t(california.honoursGpc ? 'gpc.yes' : 'gpc.no')},
		);
		if (california.showsOptOutStatus) {
			serves.push('CCPA26-OOPS');
			blocks.push({type: 'paragraph', text: text.t('gpc.display')});
		}

		if (california.confirmsOptOuts) {
			serves.push('CCPA26-CONFIRM');
			blocks.push({type: 'paragraph', text: text.t('optout.confirm')});
		}

		blocks.push({
			type: 'paragraph',
			text: california.sellsUnder16
				? text.t('under16.yes', {optIn: sentence(california.under16OptIn ?? '')})
				: text.t('under16.no'),
		});
	} else {
		blocks.push(
			{type: 'paragraph', text: text.t('sale.none')},
			{type: 'paragraph', text: text.t('under16.no')},
		);
	}

	const sensitive = usSensitiveItems(answers);
	if (sensitive.length > 0) {
		serves.push('CCPA-SPI');
		blocks.push(
			{type: 'heading', level: 3, text: [text.s('spi.title')]},
			...sensitiveBlocks(ctx, sensitive),
		);
	}

	return {title: text.s('notice.title'), serves, blocks};
}

function rightsPart(ctx: DraftContext): Block[] {
	const california = ctx.answers.california ?? {};
	const item = (label: Key, rest: Inline[]): Inline[] => [{strong: [text.s(label)]}, ' ', ...rest];
	const optOut = sellsOrShares(ctx.answers)
		? california.optOutLink
			? text.t('right.optout.use', {
					link: [{link: california.optOutLink, text: [text.s('sale.link')]}],
				})
			: text.t('right.optout.channels')
		: text.t('right.optout.none');
	const limit =
		california.sensitiveUse === 'beyond-permitted'
			? california.limitLink
				? text.t('right.limit.use', {
						link: [{link: california.limitLink, text: [text.s('spi.link')]}],
					})
				: text.t('right.limit.channels')
			: text.t('right.limit.permitted');
	return [
		{type: 'paragraph', text: text.t('rights.intro')},
		{
			type: 'list',
			items: [
				item('right.know', text.t('right.know.text')),
				item('right.delete', text.t('right.delete.text')),
				item('right.correct', text.t('right.correct.text')),
				item('right.optout', optOut),
				item('right.limit', limit),
				item('right.nondiscrimination', text.t('right.nondiscrimination.text')),
			],
		},
	];
}

export const usCa: Regime = {
	id: 'us-ca',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['us'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	applicability,
	facts: {
		// The consumer count matters only below the revenue threshold (1798.140(d)(1)(B)).
		belowRevenueThreshold: (answers) =>
			(answers.audience?.usStates ?? []).includes('CA') &&
			typeof answers.usThresholds?.annualRevenueUsd === 'number' &&
			answers.usThresholds.annualRevenueUsd <= facts.revenueThreshold &&
			(answers.usThresholds.saleRevenueShare ?? 0) < facts.saleShareThreshold,
		sellsOrShares: (answers) => sellsOrShares(answers),
		sensitiveData: (answers) =>
			(answers.dataItems ?? []).some(
				(item) => item?.sensitive !== undefined || item?.ccpaCategory === 'sensitive',
			),
		significantRisk: (answers) =>
			sellsOrShares(answers) ||
			answers.automatedDecisions?.used === true ||
			(answers.dataItems ?? []).some(
				(item) => item?.sensitive !== undefined || item?.ccpaCategory === 'sensitive',
			),
	},
	drafting: {
		summaryRights: () => text.t('summary.rights'),
		summaryNotes(ctx) {
			const kind = trade(ctx.answers);
			return [
				kind
					? text.t('summary.sold', {
							trade: text.s(`trade.${kind}` as Key),
							terms: text.s(`terms.${kind}` as Key),
						})
					: text.t('summary.notSold'),
			];
		},
		rights: (ctx) => ({
			title: text.s('rights.title'),
			serves: ['CCPA-RIGHTS', 'CCPA26-KNOW'],
			blocks: rightsPart(ctx),
		}),
		exercising: () => ({
			serves: ['CCPA-METHODS', 'CCPA-VERIFY', 'CCPA-AGENT'],
			blocks: [
				{
					type: 'paragraph',
					text: [{strong: [text.s('exercise.deadlineLabel')]}, ' ', ...text.t('exercise.deadline')],
				},
				{type: 'paragraph', text: text.t('exercise.verification')},
			],
		}),
		notices: (ctx) => [noticeSection(ctx)],
		inventoryLines: (_ctx, item) => categoryLines(item),
		recipientNote(_ctx, recipient) {
			const kind =
				recipient.sold && recipient.shared
					? 'both'
					: recipient.sold
						? 'sell'
						: recipient.shared
							? 'share'
							: undefined;
			return kind
				? [{strong: [text.s('recipient.label')]}, ' ', ...text.t(`recipient.${kind}`)]
				: undefined;
		},
		documents: [
			{
				kind: 'notice-at-collection',
				label: text.s('nac.label'),
				output: 'noticeAtCollectionPath',
				draft: draftNoticeAtCollection,
			},
		],
	},
	checks: californiaChecks,
};

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function californiaChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('us-ca')) {
		return [];
	}

	const out: Finding[] = [];
	const answers = ctx.answers as Partial<Answers>;
	const california = answers.california ?? {};
	const selling = sellsOrShares(answers);
	if (selling && california.honoursGpc === false) {
		out.push(
			checklist.finding(
				'CCPA-OPTOUT',
				'error',
				'You sell or share personal information but do not honour Global Privacy Control signals.',
				'A business that sells or shares must treat an opt-out preference signal such as GPC as a valid request to opt out (Cal. Civ. Code 1798.135(e); 11 CCR §7025(b)): honour it, then answer yes.',
				{questionId: 'california.honoursGpc', path: 'california.honoursGpc'},
			),
		);
	}

	if (selling && california.showsOptOutStatus === false) {
		out.push(
			checklist.finding(
				'CCPA26-OOPS',
				'error',
				'Your site does not show whether it processed the opt-out preference signal.',
				'Display the status, for example "Opt-Out Request Honored", where the Do Not Sell or Share link is (11 CCR §7025(c)(6)), then answer yes.',
				{questionId: 'california.showsOptOutStatus', path: 'california.showsOptOutStatus'},
			),
		);
	}

	if (selling && california.confirmsOptOuts === false) {
		out.push(
			checklist.finding(
				'CCPA26-CONFIRM',
				'warning',
				'You do not confirm opt-out requests as processed.',
				'Confirm each opt-out request once processed, whichever channel it came through (11 CCR §7026).',
				{questionId: 'california.confirmsOptOuts', path: 'california.confirmsOptOuts'},
			),
		);
	}

	if (california.riskAssessment === false) {
		out.push(
			checklist.finding(
				'CCPA26-INTERNAL',
				'warning',
				'No risk assessment is documented for processing that presents significant risk.',
				'Document a risk assessment (11 CCR §§7150–7157) and be ready to attest it to the CPPA by 1 April 2028.',
				{questionId: 'california.riskAssessment', path: 'california.riskAssessment'},
			),
		);
	}

	if (answers.automatedDecisions?.used === true && ctx.today < facts.admtFrom) {
		out.push(
			checklist.finding(
				'CCPA26-ADMT',
				'warning',
				`From ${facts.admtFrom} automated decision-making technology used for a significant decision needs a pre-use notice with the rights to opt out and to access.`,
				'Prepare the pre-use notice (11 CCR §§7220–7222) before that date; privacy-wizard does not draft it yet.',
				{questionId: 'automatedDecisions.used', path: 'automatedDecisions'},
			),
		);
	}

	if (answers.automatedDecisions?.used === true && ctx.today >= facts.admtFrom) {
		out.push(
			checklist.finding(
				'CCPA26-ADMT',
				'error',
				'Automated decision-making technology used for a significant decision needs a pre-use notice, which privacy-wizard cannot draft yet.',
				'Write the pre-use notice (11 CCR §§7220–7222) with a lawyer and link it from the policy.',
				{questionId: 'automatedDecisions.used', path: 'automatedDecisions'},
			),
		);
	}

	const kinds = new Set((answers.rights?.channels ?? []).map((channel) => channel?.kind));
	if (california.onlineOnly === true && !kinds.has('email') && kinds.size > 0) {
		out.push(
			checklist.finding(
				'CCPA-METHODS',
				'error',
				'An online-only business must offer at least an email address for requests.',
				'Add an email channel under rights requests.',
				{questionId: 'rights.channels', path: 'rights.channels'},
			),
		);
	}

	if (california.onlineOnly === false && (!kinds.has('toll-free') || kinds.size < 2)) {
		out.push(
			checklist.finding(
				'CCPA-METHODS',
				'error',
				'California requires two or more request methods, including a toll-free telephone number, unless you are online-only.',
				'Add a toll-free number and a second method (email or a web form) under rights requests.',
				{questionId: 'rights.channels', path: 'rights.channels'},
			),
		);
	}

	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		if (
			recipient &&
			recipient.role !== 'processor' &&
			recipient.sold !== true &&
			recipient.shared !== true
		) {
			out.push(
				checklist.finding(
					'CCPA-SOLD',
					'warning',
					`recipients[${index}] ("${recipient.name ?? ''}") is not a service provider, yet neither a sale nor sharing is recorded.`,
					'Under the CCPA, disclosing personal information to a third party for value or for cross-context advertising is a sale or "sharing": confirm and mark it, or make it a service provider by contract.',
					{questionId: 'recipients.shared', path: `recipients[${index}]`},
				),
			);
		}
	}

	const effective = answers.document?.effectiveDate;
	if (typeof effective === 'string') {
		const latest = [
			effective,
			...(answers.document?.revisions ?? []).map((revision) => revision?.date),
		]
			.filter((date): date is string => typeof date === 'string')
			.sort()
			.at(-1)!;
		if (daysBetween(latest, ctx.today) > 365) {
			out.push(
				checklist.finding(
					'CCPA-DATE',
					'error',
					`The policy was last updated on ${latest}, more than 12 months ago.`,
					'Review the answers and regenerate: the CCPA requires an update at least every 12 months. Re-running the wizard adds a revision entry.',
					{questionId: 'document.revisions', path: 'document'},
				),
			);
		}
	}

	return out;
}
