/**
The text the EU GDPR and the UK GDPR share: the same articles, drafted once for every member
that applies ("Article 6(1)(b) GDPR and UK GDPR"), and the helpers the members use for their
own transfer sections. What differs (representatives, authorities, deadlines, automated
decisions after the UK's Data (Use and Access) Act 2025) stays in each member.
*/
import checklistData from '../../../../questionnaires/law/gdpr/checklist.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/gdpr/messages.en.json' with {type: 'json'};
import {article9Categories, establishedWhere, homeCountry} from '../../answers/derive.js';
import type {
	Answers,
	CountryCode,
	PartialAnswers,
	Purpose,
	Recipient,
	SensitiveCategory,
} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {coreText, listInWords, messages, sentence} from '../../drafting/text.js';
import {countryInSentence, countryName} from '../../jurisdictions/index.js';
import {regimeChecklist} from '../checklist.js';
import {draftRecord} from './record.js';
import type {
	BasisNote,
	CheckContext,
	Checklist,
	DraftContext,
	Facts,
	FactEnv,
	Family,
	Part,
	Regime,
	TransferRule,
} from '../types.js';

export type LegalBasis =
	| 'consent'
	| 'contract'
	| 'legal-obligation'
	| 'vital-interests'
	| 'public-task'
	| 'legitimate-interests';

/** Article 9(2) GDPR. */
export type Article9Condition =
	| 'explicit-consent'
	| 'employment-law'
	| 'vital-interests'
	| 'not-for-profit-body'
	| 'made-public'
	| 'legal-claims'
	| 'substantial-public-interest'
	| 'health-or-social-care'
	| 'public-health'
	| 'archiving-or-research';

/** Article 49(1) GDPR (the same points in the UK GDPR). */
export type Derogation =
	| 'explicit-consent'
	| 'contract'
	| 'contract-for-you'
	| 'public-interest'
	| 'legal-claims'
	| 'vital-interests'
	| 'register'
	| 'compelling-interests';

declare module '../../answers/types.js' {
	interface Purpose {
		legalBasis?: LegalBasis;
		/** Article 13(1)(d): the interest pursued, in words. */
		legitimateInterest?: string;
		/** For legal obligations: the law that requires it. */
		legalObligation?: string;
		occasionalTransfer?: {
			used: boolean;
			countries?: CountryCode[];
			derogation?: Derogation;
			detail?: string;
		};
	}

	interface Sensitive {
		article9?: Article9Condition;
	}

	interface Recipient {
		/** Article 26: the stage of processing decided jointly. */
		jointStage?: string;
		/** Article 26(2): the essence of the arrangement. */
		jointEssence?: string;
		/** Whether the Canadian entity is subject to PIPEDA (scope of the Canadian adequacy). */
		pipedaCovered?: boolean;
	}

	interface AutomatedDecision {
		/** Article 22(2): the exception that allows the decision. */
		exception?: 'contract' | 'law' | 'explicit-consent';
		lawDetail?: string;
	}

	interface Answers {
		/** How a copy of transfer safeguards can be obtained. */
		transferCopyHow?: string;
	}

	interface Outputs {
		/** The record of processing activities (Article 30(1)); `.csv` writes it as CSV. */
		ropaPath?: string;
	}
}

export const gdprText = messages(wording);
type Key = Parameters<typeof gdprText.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

/** The members of the family that apply, in registry order. */
export function members(ctx: {regimes: readonly Regime[]}): Regime[] {
	return ctx.regimes.filter((regime) => regime.family === 'gdpr');
}

function terms(regime: Regime): {law: string; place: string} {
	return regime.familyTerms ?? {law: regime.name, place: regime.name};
}

/** "GDPR and UK GDPR" */
export function lawNames(list: readonly Regime[]): string {
	return listInWords(list.map((regime) => terms(regime).law));
}

/** "the European Economic Area or the United Kingdom" */
export function placeNames(list: readonly Regime[]): string {
	return listInWords(
		list.map((regime) => terms(regime).place),
		'or',
	);
}

const strong = (text: string): Inline => ({strong: [text]});

function isArticle9(category: SensitiveCategory | undefined): boolean {
	return category !== undefined && article9Categories.has(category);
}

// Facts ----------------------------------------------------------------------------------

function purposesOf(answers: PartialAnswers): Array<Partial<Purpose>> {
	return (answers.purposes ?? []).filter(Boolean) as Array<Partial<Purpose>>;
}

function recipientsOf(answers: PartialAnswers): Array<Partial<Recipient>> {
	return (answers.recipients ?? []).filter(Boolean) as Array<Partial<Recipient>>;
}

/**
Whether a recipient is outside a member's territory somewhere, or a purpose transfers
occasionally: the family's facts see every member whose transfer rule the registry gave it.
*/
function hasTransfersUnder(answers: PartialAnswers, rule: TransferRule): boolean {
	return (
		recipientsOf(answers).some((recipient) =>
			(recipient.locations ?? []).some((country) => !rule.inside(country)),
		) ||
		purposesOf(answers).some(
			(purpose) =>
				purpose.occasionalTransfer?.used === true &&
				(purpose.occasionalTransfer.countries ?? []).some((country) => !rule.inside(country)),
		)
	);
}

/** The transfer rules of the members that apply. */
function applicableRules(env: FactEnv): TransferRule[] {
	return env.regimes
		.filter((regime) => regime.family === 'gdpr' && env.applies(regime.id))
		.flatMap((regime) => (regime.transfer ? [regime.transfer] : []));
}

const facts: Facts = {
	usesLegitimateInterests: (answers: PartialAnswers) =>
		purposesOf(answers).some((purpose) => purpose.legalBasis === 'legitimate-interests'),
	usesConsent: (answers: PartialAnswers) =>
		purposesOf(answers).some((purpose) => purpose.legalBasis === 'consent'),
	indirectCollection: (answers: PartialAnswers) =>
		(answers.dataItems ?? []).some((item) =>
			(item?.sources ?? []).some((source) => source?.kind === 'third-party'),
		),
	article9Data: (answers: PartialAnswers) =>
		(answers.dataItems ?? []).some((item) => isArticle9(item?.sensitive?.category)),
	jointControllers: (answers: PartialAnswers) =>
		recipientsOf(answers).some((recipient) => recipient.role === 'joint-controller'),
	independentControllers: (answers: PartialAnswers) =>
		recipientsOf(answers).some((recipient) => recipient.role === 'controller'),
	hasTransfers: (answers: PartialAnswers, _record: unknown, env: FactEnv) =>
		applicableRules(env).some((rule) => hasTransfersUnder(answers, rule)),
	homeOutside: (answers: PartialAnswers, _record: unknown, env: FactEnv) =>
		homeCountry(answers) !== undefined &&
		applicableRules(env).some((rule) => establishedWhere(answers, rule.inside).length === 0),
	derogations: (answers: PartialAnswers) =>
		purposesOf(answers).some((purpose) => purpose.occasionalTransfer?.used === true) ||
		recipientsOf(answers).some((recipient) =>
			Object.values(recipient.transfers ?? {}).some(
				(value) => typeof value === 'string' && value.startsWith('art49-'),
			),
		),
};

// Drafting -------------------------------------------------------------------------------

/** The Article 6 basis of a purpose under every member that applies. */
export function basisNote(ctx: DraftContext, purpose: Purpose): BasisNote[] {
	const basis = purpose.legalBasis;
	const list = members(ctx);
	if (basis === undefined || list.length === 0) {
		return [];
	}

	const explanation = gdprText.t(`basis.${basis}.explanation` as Key, {
		interest: sentence(purpose.legitimateInterest ?? ''),
		obligation: sentence(purpose.legalObligation ?? ''),
	});
	return [
		{
			label: gdprText.s(`basis.${basis}.label` as Key),
			citation: `${gdprText.s(`basis.${basis}.article` as Key)} ${lawNames(list)}`,
			explanation,
			serves: basis === 'legitimate-interests' ? ['GDPR-13.1.c', 'GDPR-13.1.d'] : ['GDPR-13.1.c'],
		},
	];
}

function specialSection(ctx: DraftContext): Section[] {
	const items = ctx.answers.dataItems.filter((item) => isArticle9(item.sensitive?.category));
	if (items.length === 0) {
		return [];
	}

	return [
		{
			title: gdprText.s('special.title'),
			serves: ['GDPR-9'],
			blocks: [
				{
					type: 'paragraph',
					text: gdprText.t('special.intro', {laws: lawNames(members(ctx))}),
				},
				{
					type: 'list',
					items: items.map((item) => [
						strong(`${item.name}:`),
						' ',
						...gdprText.t('special.item', {
							category: coreText.s(`sensitive.${item.sensitive!.category}` as never),
							condition: `${gdprText.s(`art9.${item.sensitive!.article9!}` as Key)} ${lawNames(members(ctx))}`,
						}),
					]),
				},
			],
		},
	];
}

function recipientsPart(ctx: DraftContext): Part | undefined {
	const joint = ctx.answers.recipients.filter((recipient) => recipient.role === 'joint-controller');
	const independent = ctx.answers.recipients.some((recipient) => recipient.role === 'controller');
	const blocks: Block[] = [];
	const serves: string[] = [];
	if (independent) {
		serves.push('X-INDEP');
		blocks.push({type: 'paragraph', text: gdprText.t('independent.text')});
	}

	if (joint.length > 0) {
		serves.push('X-JOINT');
		blocks.push(
			{type: 'heading', level: 3, text: [gdprText.s('joint.title')]},
			{type: 'paragraph', text: gdprText.t('joint.intro', {laws: lawNames(members(ctx))})},
			{
				type: 'list',
				items: joint.map((recipient) =>
					gdprText.t('joint.item', {
						name: recipient.entity ?? recipient.name,
						stage: recipient.jointStage!.replace(/[.\s]+$/, ''),
						essence: sentence(recipient.jointEssence!),
					}),
				),
			},
		);
	}

	return blocks.length > 0 ? {serves, blocks} : undefined;
}

function rightsPart(ctx: DraftContext): (Part & {title: string}) | undefined {
	const list = members(ctx);
	if (list.length === 0) {
		return undefined;
	}

	const laws = lawNames(list);
	const rights = ['access', 'rectification', 'erasure', 'restriction', 'portability'] as const;
	const serves = ['GDPR-R15', 'GDPR-R16', 'GDPR-R17', 'GDPR-R18', 'GDPR-R20', 'GDPR-R21'];
	const blocks: Block[] = [
		{type: 'paragraph', text: gdprText.t('rights.intro', {laws})},
		{
			type: 'list',
			items: rights.map((right) => [
				strong(
					`${gdprText.s(`right.${right}.name`)} (${gdprText.s(`right.${right}.article`)} ${laws}):`,
				),
				' ',
				...gdprText.t(`right.${right}.text`),
			]),
		},
		{type: 'heading', level: 4, text: [gdprText.s('object.title')]},
		{
			type: 'paragraph',
			text: [
				strong(gdprText.s('object.marketingLabel')),
				' ',
				...gdprText.t(
					ctx.answers.purposes.some((purpose) => purpose.directMarketing)
						? 'object.marketing'
						: 'object.marketingNone',
					{laws},
				),
			],
		},
		{
			type: 'paragraph',
			text: [strong(gdprText.s('object.otherLabel')), ' ', ...gdprText.t('object.general', {laws})],
		},
	];
	if (ctx.answers.purposes.some((purpose) => purpose.legalBasis === 'consent')) {
		serves.push('GDPR-13.2.c');
		blocks.push(
			{type: 'heading', level: 4, text: [gdprText.s('consent.title')]},
			{type: 'paragraph', text: gdprText.t('consent.text', {laws})},
		);
	}

	return {title: gdprText.s('rights.title', {places: placeNames(list)}), serves, blocks};
}

function exercisingPart(ctx: DraftContext): Part | undefined {
	const list = members(ctx);
	if (list.length === 0) {
		return undefined;
	}

	const laws = lawNames(list);
	return {
		serves: ['GDPR-12.3'],
		blocks: [
			{
				type: 'paragraph',
				text: gdprText.t('exercise.free', {places: placeNames(list), laws}),
			},
			{
				type: 'paragraph',
				text: gdprText.t('exercise.identity', {places: placeNames(list), laws}),
			},
		],
	};
}

/** The family's own text: one unit, drafted when any member applies. */
export const gdprFamily: Family = {
	id: 'gdpr',
	checklist: checklistData as Checklist,
	facts,
	drafting: {
		summaryRights(ctx) {
			const list = members(ctx);
			return list.length === 0
				? undefined
				: gdprText.t('summary.rights', {places: placeNames(list)});
		},
		summaryNotes(ctx) {
			return members(ctx).length > 0 &&
				ctx.answers.dataItems.some((item) => isArticle9(item.sensitive?.category))
				? [gdprText.t('summary.special')]
				: [];
		},
		contacts(ctx) {
			return members(ctx).length > 0 && !ctx.answers.dpo.designated
				? {serves: [], blocks: [{type: 'paragraph', text: gdprText.t('dpo.none')}]}
				: undefined;
		},
		purposeBasis: basisNote,
		afterPurposes: (ctx) => (members(ctx).length > 0 ? specialSection(ctx) : []),
		recipients: (ctx) => (members(ctx).length > 0 ? recipientsPart(ctx) : undefined),
		rights: rightsPart,
		exercising: exercisingPart,
		documents: [
			{
				kind: 'ropa',
				label: gdprText.s('ropa.label'),
				output: 'ropaPath',
				tabular: true,
				draft: draftRecord,
			},
		],
	},
	checks: (ctx) =>
		ctx.regimes.some((regime) => regime.family === 'gdpr') ? familyChecks(ctx) : [],
};

// Transfers, for the members ---------------------------------------------------------------

export type TransferTerms = {
	/** The member's transfer rule. */
	rule: TransferRule;
	/** Label of a safeguard value in the member's own wording. */
	safeguardLabel: (value: string) => string;
	/** Label of an adequacy finding for a country and recipient. */
	adequacyLabel: (country: CountryCode, recipient: Recipient) => string;
	serves: string[];
};

type Row = {recipient: Recipient; country: CountryCode};

/**
A member's `TransferRule.basis`: the adequacy finding, the Article 49 derogation (with the law's
name) or the safeguard of one transfer, as the member's transfers table names them.
*/
export function transferBasis(
	rule: Pick<TransferRule, 'key' | 'adequate'>,
	labels: Pick<TransferTerms, 'safeguardLabel' | 'adequacyLabel'>,
	law: string,
): (country: CountryCode, recipient: Recipient) => string {
	return (country, recipient) => {
		if (rule.adequate(country, recipient)) {
			return labels.adequacyLabel(country, recipient);
		}

		const value = recipient.transfers?.[rule.key] ?? '';
		return value.startsWith('art49-')
			? `${gdprText.s(`art49.${value.slice('art49-'.length)}` as Key)} ${law}`
			: labels.safeguardLabel(value);
	};
}

/**
A member's transfers section: every recipient location outside its territory with the basis
that makes it lawful, derogations named as derogations (never as safeguards), occasional
transfers per purpose, and, for a controller established outside the territory, where it is.
*/
export function transferPart(
	ctx: DraftContext,
	member: Regime,
	transfer: TransferTerms,
): Part & {title: string} {
	const {law, place} = terms(member);
	const {answers} = ctx;
	const {rule} = transfer;
	const serves = [...transfer.serves];
	const blocks: Block[] = [];
	const home = homeCountry(answers)!;
	const establishedInside = establishedWhere(answers, rule.inside).length > 0;
	if (!establishedInside) {
		serves.push('X-HOME');
		blocks.push({
			type: 'paragraph',
			text: gdprText.t('transfers.home', {place, law, country: countryInSentence(home)}),
		});
	}

	const rows: Row[] = answers.recipients.flatMap((recipient) =>
		recipient.locations
			.filter((country) => !rule.inside(country))
			.map((country) => ({recipient, country})),
	);
	const derogations: Inline[][] = [];
	let safeguarded = false;
	const basisOf = (row: Row): string => {
		if (rule.adequate(row.country, row.recipient)) {
			return transfer.adequacyLabel(row.country, row.recipient);
		}

		const value = row.recipient.transfers?.[rule.key] ?? '';
		if (value.startsWith('art49-')) {
			const point = gdprText.s(`art49.${value.slice('art49-'.length)}` as Key);
			derogations.push([`${row.recipient.name} (${countryName(row.country)}): ${point} ${law}`]);
			return gdprText.s(`art49.${value.slice('art49-'.length)}` as Key);
		}

		safeguarded = true;
		return transfer.safeguardLabel(value);
	};

	if (rows.length > 0) {
		const table: Block = {
			type: 'table',
			header: [
				[coreText.s('column.recipient')],
				[gdprText.s('column.country')],
				[gdprText.s('column.basis')],
			],
			rows: rows.map((row) => [[row.recipient.name], [countryName(row.country)], [basisOf(row)]]),
		};
		blocks.push({type: 'paragraph', text: gdprText.t('transfers.intro', {place})}, table, {
			type: 'paragraph',
			text: gdprText.t('transfers.adequacyNote', {law}),
		});
	} else {
		blocks.push({type: 'paragraph', text: gdprText.t('transfers.none', {place})});
	}

	for (const purpose of answers.purposes) {
		const occasional = purpose.occasionalTransfer;
		const countries = (occasional?.countries ?? []).filter((country) => !rule.inside(country));
		if (occasional?.used && countries.length > 0 && occasional.derogation) {
			derogations.push(
				gdprText.t('occasional.item', {
					purpose: purpose.name,
					countries: listInWords(countries.map((country) => countryInSentence(country))),
					basis: `${gdprText.s(`art49.${occasional.derogation}` as Key)} ${law}`,
					detail: occasional.detail ? sentence(occasional.detail) : '',
				}),
			);
		}
	}

	if (derogations.length > 0) {
		serves.push('X-49');
		blocks.push(
			{type: 'paragraph', text: gdprText.t('transfers.derogations', {law})},
			{type: 'list', items: derogations.map((item) => trimEnd(item))},
		);
	}

	if (safeguarded) {
		blocks.push({
			type: 'paragraph',
			text: gdprText.t('transfers.copy', {
				how: answers.transferCopyHow
					? sentence(answers.transferCopyHow)
					: gdprText.t('transfers.copyDefault', {email: [{autolink: answers.controller.email}]}),
			}),
		});
	}

	return {title: gdprText.s('transfers.outside', {place}), serves, blocks};
}

/** A list item never ends in a space left by an empty slot. */
function trimEnd(nodes: Inline[]): Inline[] {
	const last = nodes.at(-1);
	return typeof last === 'string' ? [...nodes.slice(0, -1), last.trimEnd()] : nodes;
}

// Checks ---------------------------------------------------------------------------------

const bareInterest = /^\s*(our\s+)?(legitimate\s+)?(business\s+)?interests?[\s.]*$/i;

/** Words that name special categories in a data item a founder did not mark as sensitive. */
const specialWords =
	/\b(health|medical|diagnos\w*|symptom\w*|medication|disabilit\w*|pregnan\w*|menstrua\w*|biometric\w*|fingerprint\w*|face ?id|genetic|dna|religio\w*|ethnic\w*|racial|sexual|sex life|trade union|political)\b/i;

function familyChecks(ctx: CheckContext): Finding[] {
	const out: Finding[] = [];
	const answers = ctx.answers as Partial<Answers>;
	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		if (!purpose) {
			continue;
		}

		const interest = purpose.legitimateInterest;
		if (
			purpose.legalBasis === 'legitimate-interests' &&
			typeof interest === 'string' &&
			bareInterest.test(interest)
		) {
			out.push(
				checklist.finding(
					'GDPR-13.1.d',
					'error',
					`purposes[${index}] relies on legitimate interests without saying which: "${interest.trim()}".`,
					'Describe the interest you pursue in words, for example "preventing fraud and abuse of our service".',
					{
						questionId: 'purposes.legitimateInterest',
						path: `purposes[${index}].legitimateInterest`,
					},
				),
			);
		}

		if (
			purpose.legalBasis === 'consent' &&
			purpose.requirement !== undefined &&
			purpose.requirement !== 'voluntary'
		) {
			out.push(
				checklist.finding(
					'GDPR-13.2.e',
					'error',
					`purposes[${index}] ("${purpose.name ?? ''}") relies on consent but says the data is required.`,
					'Consent must be freely given: mark the data as optional, or choose the legal basis that really applies.',
					{questionId: 'purposes.requirement', path: `purposes[${index}].requirement`},
				),
			);
		}
	}

	for (const [index, item] of (answers.dataItems ?? []).entries()) {
		const text = `${item?.name ?? ''} ${item?.description ?? ''}`;
		if (item && item.sensitive === undefined && specialWords.test(text)) {
			out.push(
				checklist.finding(
					'GDPR-9',
					'warning',
					`dataItems[${index}] ("${item.name ?? ''}") sounds like a special category of data, but is not marked as sensitive.`,
					'If it reveals health, biometrics, beliefs, ethnicity or sex life, mark its kind under "Is this sensitive data?" and name the Article 9(2) condition; processing it on a contract alone is unlawful.',
					{questionId: 'dataItems.sensitive.category', path: `dataItems[${index}].sensitive`},
				),
			);
		}
	}

	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		for (const [key, value] of Object.entries(recipient?.transfers ?? {})) {
			if (typeof value === 'string' && value.startsWith('art49-')) {
				const routine = recipient?.role === 'processor';
				out.push(
					checklist.finding(
						'X-49',
						routine ? 'error' : 'warning',
						routine
							? `recipients[${index}] ("${recipient?.name ?? ''}") is a processor you use routinely, but its transfer rests on an Article 49 derogation.`
							: `recipients[${index}] ("${recipient?.name ?? ''}") relies on an Article 49 derogation, which allows only occasional transfers.`,
						'A derogation is not a safeguard: use standard contractual clauses (or the IDTA or UK Addendum), binding corporate rules, or a DPF certification for regular transfers.',
						{
							questionId: `recipients.transfers.${key}`,
							path: `recipients[${index}].transfers.${key}`,
						},
					),
				);
			}
		}
	}

	// Article 8: below the age of digital consent (16 in the EU by default, 13 in the UK), a
	// service open to children must say so and get a parent's consent.
	const eu = ctx.regimes.some((regime) => regime.family === 'gdpr' && regime.id === 'eu-gdpr');
	const age = answers.children?.minimumAge;
	const threshold = eu ? 16 : 13;
	if (answers.children?.offered === false && typeof age === 'number' && age < threshold) {
		out.push(
			checklist.finding(
				'GDPR-8',
				'warning',
				`The service is open from age ${age}, but says it is not offered to children.`,
				eu
					? 'In the EU, people under 16 (13 to 16 depending on the country) need a parent to consent for them: raise the minimum age to 16, or answer that the service is offered to children and describe parental consent.'
					: 'In the UK, children under 13 need a parent to consent for them: raise the minimum age to 13, or answer that the service is offered to children and describe parental consent.',
				{questionId: 'children.offered', path: 'children'},
			),
		);
	}

	if (
		answers.dpo?.designated === true &&
		answers.dpo.email !== undefined &&
		answers.dpo.email === answers.controller?.email
	) {
		out.push(
			checklist.finding(
				'GDPR-13.1.b',
				'warning',
				'The DPO has the same email address as the general privacy contact.',
				'A DPO is a formally designated, independent role (Articles 37–39). If this is just your privacy contact, answer no to the DPO question and name a privacy contact instead.',
				{questionId: 'dpo.designated', path: 'dpo'},
			),
		);
	}

	return out;
}
