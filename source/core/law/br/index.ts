/**
Brazil's General Personal Data Protection Law (LGPD, Law 13,709/2018), with the ANPD's
resolutions in force on 2026-12-01: small processing agents (Res. CD/ANPD 2/2022), the
encarregado (Res. CD/ANPD 18/2024), international transfers (Res. CD/ANPD 19/2024) and the
adequacy of the European Union (Res. CD/ANPD 32/2026).
*/
import checklistData from '../../../../questionnaires/law/br/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/br/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/br/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/br/questions.json' with {type: 'json'};
import {
	article9Categories,
	establishedWhere,
	homeCountry,
	servesRegion,
} from '../../answers/derive.js';
import type {
	Answers,
	CountryCode,
	DataItem,
	PartialAnswers,
	Purpose,
	Recipient,
	SensitiveCategory,
} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import {labelled} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {coreText, listInWords, messages, sentence} from '../../drafting/text.js';
import {adequacyTest, countryInSentence, countryName} from '../../jurisdictions/index.js';
import {regimeChecklist} from '../checklist.js';
import type {
	BasisNote,
	CheckContext,
	Checklist,
	DraftContext,
	Part,
	Regime,
	RegimeQuestions,
	TransferRule,
} from '../types.js';

/** Article 7 I–X. */
export type LgpdBasis =
	| 'consent'
	| 'legal-obligation'
	| 'public-administration'
	| 'research'
	| 'contract'
	| 'exercise-of-rights'
	| 'protection-of-life'
	| 'health-protection'
	| 'legitimate-interests'
	| 'credit-protection';

/** Article 11: I consent, or II (a)–(g). */
export type SensitiveGround =
	| 'consent'
	| 'legal-obligation'
	| 'public-administration'
	| 'research'
	| 'exercise-of-rights'
	| 'protection-of-life'
	| 'health-protection'
	| 'fraud-prevention';

/** Article 33, the grounds open to a private controller. */
export type TransferGround =
	| 'anpd-sccs'
	| 'specific-clauses'
	| 'global-corporate-rules'
	| 'seals'
	| 'anpd-authorisation'
	| 'consent'
	| 'contract'
	| 'legal-obligation'
	| 'exercise-of-rights'
	| 'protection-of-life';

declare module '../../answers/types.js' {
	interface Purpose {
		lgpdBasis?: LgpdBasis;
		/** Article 10: the interest pursued, when the GDPR's answer does not already say it. */
		lgpdInterest?: string;
		/** Article 7(II): the law, when the GDPR's answer does not already name it. */
		lgpdObligation?: string;
	}

	interface Sensitive {
		lgpdGround?: SensitiveGround;
	}

	interface Answers {
		lgpd?: {
			/** ME, EPP, startup or other small agent of Res. CD/ANPD 2/2022 Art. 2. */
			smallAgent?: boolean;
			/** Res. CD/ANPD 2/2022 Art. 4. */
			highRisk?: boolean;
			encarregado?: {
				/** For a small agent without high-risk processing, who may do without one. */
				appointed?: boolean;
				sameAsDpo?: boolean;
				name?: string;
				/** For a firm: the natural person responsible (Res. CD/ANPD 18/2024). */
				responsible?: string;
				email?: string;
				phone?: string;
			};
			/** The channel a small agent without an encarregado publishes instead (Res. 2/2022 Art. 11). */
			channel?: string;
			/** A Portuguese statement on international transfers is published (Res. 19/2024). */
			transferStatementPt?: boolean;
			/** Directed at or likely to be used by children or adolescents (ECA Digital). */
			minorsLikely?: boolean;
		};
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

const isBrazil = (country: CountryCode): boolean => country === 'BR';
const adequacy = facts.adequacy as Array<{country: string; decision: string}>;

/**
No catalog transfer tool is a Brazilian ground: the European Commission's clauses and EU binding
corporate rules are not the ANPD's clauses or approved global corporate rules, so nothing is
proposed and the founder chooses.
*/
const transfer: TransferRule = {
	key: 'br',
	inside: isBrazil,
	adequate: adequacyTest(adequacy),
	basis: (country, recipient) =>
		transfer.adequate(country, recipient)
			? text.s('adequacy')
			: text.s(`xfer.${recipient.transfers?.[transfer.key] ?? ''}` as Key),
};

/** The sensitive data of Article 5(II) LGPD: the same kinds as Article 9(1) GDPR. */
const isSensitive = (category: SensitiveCategory | undefined): boolean =>
	category !== undefined && article9Categories.has(category);

/** The GDPR basis a purpose already has, as the LGPD basis it proposes (confirmed, never kept). */
const fromGdpr: Readonly<Record<string, LgpdBasis>> = {
	consent: 'consent',
	'legal-obligation': 'legal-obligation',
	contract: 'contract',
	'vital-interests': 'protection-of-life',
	'legitimate-interests': 'legitimate-interests',
	// Article 7(III) serves only the public administration: a check warns a company.
	'public-task': 'public-administration',
};

function established(answers: PartialAnswers): boolean {
	return establishedWhere(answers, isBrazil).length > 0;
}

/** A small agent without high-risk processing may do without an encarregado (Res. 2/2022 Art. 11). */
function smallAgentRelief(answers: PartialAnswers): boolean {
	return (
		established(answers) && answers.lgpd?.smallAgent === true && answers.lgpd.highRisk === false
	);
}

function namesEncarregado(answers: PartialAnswers): boolean {
	return !smallAgentRelief(answers) || answers.lgpd?.encarregado?.appointed === true;
}

function hasTransfers(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some((recipient) =>
		(recipient?.locations ?? []).some(
			(country) => typeof country === 'string' && !isBrazil(country),
		),
	);
}

/** People under 18 (children and adolescents, Art. 14 LGPD) may use the service. */
function minors(answers: PartialAnswers): boolean {
	const age = answers.children?.minimumAge;
	return (
		(typeof age === 'number' && age < 18) ||
		answers.children?.offered === true ||
		answers.lgpd?.minorsLikely === true
	);
}

/** Children under 12 (the ECA's children, Art. 14 §1 LGPD) may use the service. */
function youngChildren(answers: PartialAnswers): boolean {
	const age = answers.children?.minimumAge;
	return typeof age === 'number' && age < 12;
}

/** Purposes a person must give data for: a condition of the service (Art. 9 §3). */
function conditionPurposes(ctx: DraftContext): Purpose[] {
	return ctx.answers.purposes.filter(
		(purpose) =>
			purpose.requirement !== 'voluntary' &&
			purpose.dataItems.some((id) =>
				ctx.index.items.get(id)?.sources.some((source) => source.kind === 'person'),
			),
	);
}

function applicability(answers: PartialAnswers): ReturnType<Regime['applicability']> {
	if (established(answers)) {
		return {
			status: 'applies',
			reasons: [text.s('reason.established')],
			statements: [text.s('reader.established')],
		};
	}

	if (servesRegion(answers, 'br')) {
		return {
			status: 'applies',
			reasons: [text.s('reason.serves')],
			statements: [text.s('reader.serves')],
		};
	}

	return {status: 'does-not-apply', reasons: [text.s('reason.not')]};
}

// Drafting -------------------------------------------------------------------------------

const strong = (value: string): Inline => ({strong: [value]});

function basisNote(_ctx: DraftContext, purpose: Purpose): BasisNote[] {
	const basis = purpose.lgpdBasis;
	if (basis === undefined) {
		return [];
	}

	// Equal labels and explanations merge with the GDPR's note into one line naming both laws.
	return [
		{
			label: text.s(`basis.${basis}.label`),
			citation: `${text.s(`basis.${basis}.article`)} ${text.s('law')}`,
			explanation: text.t(`basis.${basis}.explanation`, {
				interest: sentence(purpose.legitimateInterest ?? purpose.lgpdInterest ?? ''),
				obligation: sentence(purpose.legalObligation ?? purpose.lgpdObligation ?? ''),
			}),
			serves: ['BR-7', 'BR-9', 'BR-DELTA'],
		},
	];
}

/** An email or a web address becomes a link; anything else (a phone number) stays text. */
function channelInline(channel: string): Inline {
	const value = channel.trim();
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || /^https?:\/\/\S+$/.test(value)
		? {autolink: value}
		: value;
}

function contactsPart(ctx: DraftContext): Part {
	const {answers} = ctx;
	const encarregado = answers.lgpd?.encarregado ?? {};
	const serves = ['BR-41', 'BR-9', 'BR-DELTA'];
	const heading: Block = {type: 'heading', level: 3, text: [text.s('encarregado.title')]};
	if (!namesEncarregado(answers)) {
		return {
			serves,
			blocks: [
				{type: 'heading', level: 3, text: [text.s('channel.title')]},
				{type: 'paragraph', text: text.t('encarregado.channel')},
				{
					type: 'list',
					items: [labelled(text.s('label.channel'), [channelInline(answers.lgpd?.channel ?? '')])],
				},
			],
		};
	}

	if (answers.dpo.designated && encarregado.sameAsDpo === true) {
		return {serves, blocks: [heading, {type: 'paragraph', text: text.t('encarregado.dpo')}]};
	}

	const items: Inline[][] = [labelled(coreText.s('label.name'), [encarregado.name ?? ''])];
	if (encarregado.responsible) {
		items.push(labelled(text.s('label.responsible'), [encarregado.responsible]));
	}

	items.push(labelled(coreText.s('label.email'), [{autolink: encarregado.email ?? ''}]));
	if (encarregado.phone) {
		items.push(labelled(coreText.s('label.phone'), [encarregado.phone]));
	}

	return {
		serves,
		blocks: [
			heading,
			{type: 'paragraph', text: text.t('encarregado.intro')},
			{type: 'list', items},
		],
	};
}

function sensitiveSection(ctx: DraftContext): Section[] {
	const items = ctx.answers.dataItems.filter(
		(item): item is DataItem & {sensitive: {category: SensitiveCategory}} =>
			isSensitive(item.sensitive?.category) && item.sensitive?.lgpdGround !== undefined,
	);
	if (items.length === 0) {
		return [];
	}

	return [
		{
			title: text.s('sensitive.title'),
			serves: ['BR-11'],
			blocks: [
				{type: 'paragraph', text: text.t('sensitive.intro')},
				{
					type: 'list',
					items: items.map((item) => [
						strong(`${item.name}:`),
						' ',
						...text.t('sensitive.item', {
							category: coreText.s(`sensitive.${item.sensitive.category}` as never),
							ground: text.s(`ground.${item.sensitive.lgpdGround!}`),
						}),
					]),
				},
			],
		},
	];
}

type Row = {recipient: Recipient; country: CountryCode};

function transfersPart(ctx: DraftContext): Part & {title: string} {
	const {answers} = ctx;
	const serves = ['BR-33'];
	const blocks: Block[] = [];
	if (!established(answers)) {
		blocks.push({
			type: 'paragraph',
			text: text.t('transfers.home', {country: countryInSentence(homeCountry(answers)!)}),
		});
	}

	const rows: Row[] = answers.recipients.flatMap((recipient) =>
		recipient.locations
			.filter((country) => !isBrazil(country))
			.map((country) => ({recipient, country})),
	);
	if (rows.length === 0) {
		blocks.push({type: 'paragraph', text: text.t('transfers.none')});
		return {title: text.s('transfers.title'), serves, blocks};
	}

	const grounds = rows.map((row) =>
		transfer.adequate(row.country, row.recipient)
			? 'adequacy'
			: ((row.recipient.transfers?.[transfer.key] ?? '') as TransferGround),
	);
	blocks.push(
		{type: 'paragraph', text: text.t('transfers.intro')},
		{
			type: 'table',
			header: [
				[coreText.s('column.recipient')],
				[text.s('column.country')],
				[text.s('column.ground')],
			],
			rows: rows.map((row, index) => {
				const ground = grounds[index]!;
				return [
					[row.recipient.name],
					[countryName(row.country)],
					[text.s(ground === 'adequacy' ? 'adequacy' : (`xfer.${ground}` as Key))],
				];
			}),
		},
	);
	if (grounds.includes('adequacy')) {
		blocks.push({type: 'paragraph', text: text.t('transfers.adequacyNote')});
	}

	if (grounds.some((ground) => ground === 'anpd-sccs' || ground === 'specific-clauses')) {
		blocks.push(
			{type: 'paragraph', text: text.t('transfers.clausesNote')},
			{
				type: 'paragraph',
				text: text.t('transfers.copy', {
					how: answers.transferCopyHow
						? sentence(answers.transferCopyHow)
						: text.t('transfers.copyDefault', {email: [{autolink: answers.controller.email}]}),
				}),
			},
		);
	}

	return {title: text.s('transfers.title'), serves, blocks};
}

const rightNames = [
	'confirmation',
	'access',
	'correction',
	'anonymisation',
	'portability',
	'deletion',
	'sharing',
	'refusal',
	'revocation',
	'opposition',
	'review',
] as const;

function rightsPart(ctx: DraftContext): Part & {title: string} {
	const consent = ctx.answers.purposes.filter((purpose) => purpose.lgpdBasis === 'consent');
	const refusal =
		consent.length === 0
			? text.t('right.refusal.none')
			: text.t('right.refusal.some', {
					consequences: `${consent
						.map(
							(purpose) => `${purpose.name}: ${purpose.consequence.trim().replace(/[.\s]+$/, '')}`,
						)
						.join('; ')}.`,
				});
	const body = (right: (typeof rightNames)[number]): Inline[] =>
		right === 'refusal' ? refusal : text.t(`right.${right}.text`);
	return {
		title: text.s('rights.title'),
		serves: ['BR-18', 'BR-9', 'BR-DELTA'],
		blocks: [
			{type: 'paragraph', text: text.t('rights.intro')},
			{
				type: 'list',
				items: rightNames.map((right) => [
					strong(
						`${text.s(`right.${right}.name`)} (${text.s(`right.${right}.article`)} ${text.s('law')}):`,
					),
					' ',
					...body(right),
				]),
			},
			{type: 'paragraph', text: text.t('rights.share')},
		],
	};
}

export const br: Regime = {
	id: 'br',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['br'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	transfer,
	applicability,
	facts: {
		established: (answers) => established(answers),
		smallAgentRelief: (answers) => smallAgentRelief(answers),
		namesEncarregado: (answers) => namesEncarregado(answers),
		sensitiveData: (answers) =>
			(answers.dataItems ?? []).some((item) => isSensitive(item?.sensitive?.category)),
		hasTransfers: (answers) => hasTransfers(answers),
		minors: (answers) => minors(answers),
		youngChildren: (answers) => youngChildren(answers),
	},
	computed: {
		basisFromGdpr: (_answers, record = {}) =>
			typeof record['legalBasis'] === 'string' ? fromGdpr[record['legalBasis']] : undefined,
	},
	drafting: {
		summaryRights: () => text.t('summary.rights'),
		summaryNotes(ctx) {
			const purposes = conditionPurposes(ctx);
			return purposes.length === 0
				? []
				: [
						text.t('summary.condition', {
							purposes: listInWords(purposes.map((purpose) => `"${purpose.name}"`)),
							service: ctx.answers.service.name,
						}),
					];
		},
		contacts: contactsPart,
		purposeBasis: basisNote,
		afterPurposes: sensitiveSection,
		recipients(ctx) {
			const {recipients} = ctx.answers;
			if (recipients.length === 0) {
				return undefined;
			}

			const controllers = recipients.some((recipient) => recipient.role !== 'processor');
			return {
				serves: ['BR-9', 'BR-DELTA'],
				blocks: [
					{
						type: 'paragraph',
						text: [
							...text.t('recipients.roles'),
							...(controllers ? [' ', ...text.t('recipients.controllers')] : []),
						],
					},
				],
			};
		},
		transfers: transfersPart,
		automated: (ctx) =>
			ctx.answers.automatedDecisions.used
				? {
						serves: ['BR-20'],
						blocks: [
							{type: 'heading', level: 3, text: [text.s('decisions.title')]},
							{type: 'paragraph', text: text.t('decisions.text')},
						],
					}
				: undefined,
		children(ctx) {
			if (!minors(ctx.answers)) {
				return undefined;
			}

			// Children are under 12 (Art. 2 ECA); a minimum age of 12 or more leaves adolescents only.
			const young = youngChildren(ctx.answers) || ctx.answers.lgpd?.minorsLikely === true;
			const blocks: Block[] = [
				{
					type: 'paragraph',
					text: text.t(young ? 'children.interest' : 'children.interestAdolescents'),
				},
			];
			if (youngChildren(ctx.answers) && ctx.answers.children.offered) {
				blocks.push(
					{type: 'paragraph', text: text.t('children.parent')},
					{type: 'paragraph', text: text.t('children.public')},
				);
			}

			return {serves: ['BR-14'], blocks};
		},
		rights: rightsPart,
		exercising: () => ({
			serves: ['BR-19', 'X-DEADLINE'],
			blocks: [
				{
					type: 'paragraph',
					text: [strong(text.s('exercise.label')), ' ', ...text.t('exercise.deadline')],
				},
				{type: 'paragraph', text: text.t('exercise.other')},
			],
		}),
		complaints: () => ({
			serves: ['BR-ANPD', 'BR-DELTA'],
			blocks: [
				{
					type: 'paragraph',
					text: text.t('complaint.anpd', {url: [{autolink: facts.authority.url}]}),
				},
				{type: 'paragraph', text: text.t('complaint.consumer')},
			],
		}),
	},
	checks: brazilChecks,
};

// Checks ---------------------------------------------------------------------------------

function where(list: 'purposes' | 'recipients', index: number, name: string | undefined): string {
	return `${list}[${index}] ("${name ?? ''}")`;
}

function brazilChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('br')) {
		return [];
	}

	const out: Finding[] = [];
	const answers = ctx.answers as Partial<Answers>;
	const sensitiveIds = new Set(
		(answers.dataItems ?? [])
			.filter((item) => isSensitive(item?.sensitive?.category))
			.map((item) => item?.id),
	);
	const itemName = new Map((answers.dataItems ?? []).map((item) => [item?.id, item?.name ?? '']));
	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		if (!purpose) {
			continue;
		}

		const at = {questionId: 'purposes.lgpdBasis', path: `purposes[${index}].lgpdBasis`};
		const values = {where: where('purposes', index, purpose.name)};
		if (purpose.lgpdBasis === 'public-administration') {
			out.push(
				checklist.finding(
					'BR-7',
					'warning',
					text.s('check.publicAdministration.message', values),
					text.s('check.publicAdministration.fix'),
					at,
				),
			);
		}

		if (
			purpose.lgpdBasis === 'consent' &&
			purpose.requirement !== undefined &&
			purpose.requirement !== 'voluntary'
		) {
			out.push(
				checklist.finding(
					'BR-7',
					'error',
					text.s('check.consentRequired.message', values),
					text.s('check.consentRequired.fix'),
					{questionId: 'purposes.requirement', path: `purposes[${index}].requirement`},
				),
			);
		}

		const sensitive = (purpose.dataItems ?? []).filter((id) => sensitiveIds.has(id));
		if (
			sensitive.length > 0 &&
			(purpose.lgpdBasis === 'legitimate-interests' || purpose.lgpdBasis === 'credit-protection')
		) {
			out.push(
				checklist.finding(
					'BR-11',
					'error',
					text.s('check.sensitiveBasis.message', {
						...values,
						items: listInWords(sensitive.map((id) => itemName.get(id) ?? id ?? '')),
						basis: `${text.s(`basis.${purpose.lgpdBasis}.label`).toLowerCase()} (${text.s(`basis.${purpose.lgpdBasis}.article`)})`,
					}),
					text.s('check.sensitiveBasis.fix'),
					at,
				),
			);
		}
	}

	if (smallAgentRelief(answers)) {
		const criteria = [
			...(sensitiveIds.size > 0 ? [text.s('check.highRisk.sensitive')] : []),
			...(answers.automatedDecisions?.used === true ? [text.s('check.highRisk.automated')] : []),
			...(minors(answers) ? [text.s('check.highRisk.minors')] : []),
		];
		if (criteria.length > 0) {
			out.push(
				checklist.finding(
					'BR-41',
					'warning',
					text.s('check.highRisk.message', {criteria: listInWords(criteria)}),
					text.s('check.highRisk.fix'),
					{questionId: 'lgpd.highRisk', path: 'lgpd.highRisk'},
				),
			);
		}
	}

	// High-risk processing takes every relief of Res. 2/2022 away (Art. 3), the deadlines included.
	if (smallAgentRelief(answers)) {
		out.push(
			checklist.finding(
				'BR-19-SMALL',
				'warning',
				text.s('check.smallAgentDeadlines.message'),
				text.s('check.smallAgentDeadlines.fix'),
				{questionId: 'lgpd.smallAgent', path: 'lgpd.smallAgent'},
			),
		);
	}

	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		const ground = recipient?.transfers?.[transfer.key];
		const at = {questionId: 'recipients.transfers.br', path: `recipients[${index}].transfers.br`};
		const values = {where: where('recipients', index, recipient?.name), asOf: facts.asOf};
		if (ground === 'seals') {
			out.push(
				checklist.finding(
					'BR-33',
					'warning',
					text.s('check.seals.message', values),
					text.s('check.seals.fix'),
					at,
				),
			);
		}

		if (ground === 'consent' && recipient?.role === 'processor') {
			out.push(
				checklist.finding(
					'BR-33',
					'warning',
					text.s('check.transferConsent.message', values),
					text.s('check.transferConsent.fix'),
					at,
				),
			);
		}
	}

	if (answers.lgpd?.transferStatementPt === false) {
		out.push(
			checklist.finding(
				'BR-33-PT',
				'warning',
				text.s('check.statementPt.message'),
				text.s('check.statementPt.fix'),
				{
					questionId: 'lgpd.transferStatementPt',
					path: 'lgpd.transferStatementPt',
				},
			),
		);
	}

	const age = answers.children?.minimumAge;
	if (youngChildren(answers) && answers.children?.offered === false) {
		out.push(
			checklist.finding(
				'BR-14',
				'error',
				text.s('check.youngChildren.message', {age: age ?? ''}),
				text.s('check.youngChildren.fix'),
				{questionId: 'children.offered', path: 'children.offered'},
			),
		);
	}

	if (answers.lgpd?.minorsLikely === true) {
		out.push(
			checklist.finding(
				'BR-14-ECA',
				'warning',
				text.s('check.eca.message'),
				text.s('check.eca.fix'),
				{
					questionId: 'lgpd.minorsLikely',
					path: 'lgpd.minorsLikely',
				},
			),
		);
	}

	const otherBases = (answers.purposes ?? []).filter(
		(purpose) => purpose?.lgpdBasis !== undefined && purpose.lgpdBasis !== 'consent',
	);
	if (youngChildren(answers) && answers.children?.offered === true && otherBases.length > 0) {
		out.push(
			checklist.finding(
				'BR-14-ENUNCIADO',
				'warning',
				text.s('check.enunciado.message', {
					purposes: listInWords(otherBases.map((purpose) => `"${purpose?.name ?? ''}"`)),
				}),
				text.s('check.enunciado.fix'),
				{questionId: 'purposes.lgpdBasis', path: 'purposes'},
			),
		);
	}

	return out;
}
