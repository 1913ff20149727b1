/**
Switzerland's Federal Act on Data Protection (FADP, revised, in force since 1 September 2023)
with the Data Protection Ordinance (DPO). The FADP follows effects in Switzerland (Art. 3(1)):
a controller established there, or one serving people there.

Unlike the GDPR, the FADP asks for no legal basis per purpose (CH-BASIS): this module drafts
none, and asks for a justification only where processing violates personality (Arts 30–31),
such as consent, which must be express for sensitive data and high-risk profiling (Art. 6(7)).
*/
import checklistData from '../../../../questionnaires/law/ch/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/ch/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/ch/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/ch/questions.json' with {type: 'json'};
import {establishedWhere, homeCountry, servesRegion} from '../../answers/derive.js';
import type {
	Answers,
	CountryCode,
	DataItem,
	PartialAnswers,
	Recipient,
	SensitiveCategory,
} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import {partyItems} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {coreText, listInWords, messages, sentence} from '../../drafting/text.js';
import {adequacyTest, countryInSentence, countryName} from '../../jurisdictions/index.js';
import {regimeChecklist} from '../checklist.js';
import type {
	Applicability,
	CheckContext,
	Checklist,
	DraftContext,
	Part,
	Regime,
	RegimeQuestions,
	TransferRule,
} from '../types.js';

/** Art. 16(2) FADP guarantees, and the exceptions of Art. 17(1) (`art17-…`). */
export type SwissTransferBasis =
	| 'ch-sccs'
	| 'fdpic-clauses'
	| 'notified-clauses'
	| 'bcrs'
	| 'treaty'
	| 'specific-guarantees'
	| 'art17-consent'
	| 'art17-contract'
	| 'art17-contract-for-you'
	| 'art17-public-interest'
	| 'art17-legal-claims'
	| 'art17-life'
	| 'art17-made-public'
	| 'art17-register';

declare module '../../answers/types.js' {
	interface Representatives {
		/** Art. 14 FADP. */
		ch?: Party;
	}

	interface Sensitive {
		/** Processed on the person's consent in Switzerland, which must be express (Art. 6(7)(a)). */
		fadpConsent?: boolean;
		/** How the express consent is given. */
		fadpConsentHow?: string;
	}

	interface Answers {
		fadp?: {
			/** The four cumulative criteria of Art. 14(1) FADP, for a controller seated abroad. */
			representativeTest?: {
				offering?: boolean;
				largeScale?: boolean;
				regular?: boolean;
				highRisk?: boolean;
			};
			/** People are told within one month of data obtained from others (Art. 19(5)). */
			indirectInformed?: boolean;
			/** How people are told of an automated individual decision (Art. 21(1)). */
			decisionsInformHow?: string;
			/** High-risk profiling (Art. 5(g)) and the express consent it may rest on (Art. 6(7)(b)). */
			profiling?: {
				used?: boolean;
				description?: string;
				onConsent?: boolean;
				consentHow?: string;
			};
			/** A contribution to the cost of access for disproportionate effort (DPO Art. 19). */
			accessContribution?: boolean;
		};
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

const isSwitzerland = (country: CountryCode): boolean => country === 'CH';
const adequacy = facts.adequacy as Array<{country: string; decision: string; scope?: string}>;

/**
The Swiss transfer rule. A vendor's EU standard contractual clauses are proposed as the clauses
adapted for Switzerland, as Swiss practice uses them (the FDPIC recognised them on that
condition); its binding corporate rules as binding corporate rules. The founder confirms.
*/
const transfer: TransferRule = {
	key: 'ch',
	inside: isSwitzerland,
	adequate: adequacyTest(adequacy),
	proposeSafeguard: (tools) =>
		tools.includes('sccs') ? 'ch-sccs' : tools.includes('bcrs') ? 'bcrs' : undefined,
	basis(country, recipient) {
		if (transfer.adequate(country, recipient)) {
			return adequacyLabel(country);
		}

		const basis = basisOf(recipient) ?? '';
		return isException(basis)
			? text.s('exception.label', {
					exception: text.s(`exception.${basis.slice('art17-'.length)}` as Key),
				})
			: text.s(`basis.${basis}` as Key);
	},
};

/** Sensitive personal data of Art. 5(c) FADP (social assistance has no category here). */
const swissSensitive: ReadonlySet<SensitiveCategory> = new Set<SensitiveCategory>([
	'racial-or-ethnic-origin',
	'political-opinions',
	'religious-or-philosophical-beliefs',
	'trade-union-membership',
	'genetic',
	'biometric',
	'health',
	'sex-life-or-orientation',
	'criminal-records',
]);

const isSensitive = (category: SensitiveCategory | undefined): boolean =>
	category !== undefined && swissSensitive.has(category);

function established(answers: PartialAnswers): boolean {
	return establishedWhere(answers, isSwitzerland).length > 0;
}

function seatAbroad(answers: PartialAnswers): boolean {
	return homeCountry(answers) !== undefined && !established(answers);
}

/** Art. 14(1) FADP: all four criteria, for a controller seated abroad. */
function needsRepresentative(answers: PartialAnswers): boolean {
	const test = answers.fadp?.representativeTest;
	return (
		seatAbroad(answers) &&
		test?.offering === true &&
		test.largeScale === true &&
		test.regular === true &&
		test.highRisk === true
	);
}

function indirectCollection(answers: PartialAnswers): boolean {
	return (answers.dataItems ?? []).some((item) =>
		(item?.sources ?? []).some((source) => source?.kind === 'third-party'),
	);
}

function hasTransfers(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some((recipient) =>
		(recipient?.locations ?? []).some(
			(country) => typeof country === 'string' && !isSwitzerland(country),
		),
	);
}

function basisOf(
	recipient: {transfers?: Record<string, string | undefined>} | undefined,
): string | undefined {
	return recipient?.transfers?.[transfer.key];
}

const isException = (basis: string | undefined): boolean => basis?.startsWith('art17-') === true;

/** Sensitive data on consent, or high-risk profiling on consent: Art. 6(7) FADP. */
function expressConsent(answers: PartialAnswers): boolean {
	return (
		(answers.dataItems ?? []).some(
			(item) => isSensitive(item?.sensitive?.category) && item?.sensitive?.fadpConsent === true,
		) ||
		(answers.fadp?.profiling?.used === true && answers.fadp.profiling.onConsent === true)
	);
}

function applicability(answers: PartialAnswers): Applicability {
	if (established(answers)) {
		return {
			status: 'applies',
			reasons: [text.s('reason.established')],
			statements: [text.s('reader.established')],
		};
	}

	if (servesRegion(answers, 'ch')) {
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

function contactsPart(ctx: DraftContext): Part | undefined {
	const representative = ctx.answers.representatives?.ch;
	if (!representative || !needsRepresentative(ctx.answers)) {
		return undefined;
	}

	return {
		serves: ['CH-14', 'CH-DELTA'],
		blocks: [
			{type: 'heading', level: 3, text: [text.s('representative.title')]},
			{type: 'paragraph', text: text.t('representative.text')},
			{type: 'list', items: partyItems(representative)},
		],
	};
}

/** Sensitive data and high-risk profiling under Swiss law, with the express consent they rest on. */
function sensitiveSection(ctx: DraftContext): Section[] {
	const {answers} = ctx;
	const items = answers.dataItems.filter(
		(item): item is DataItem & {sensitive: {category: SensitiveCategory}} =>
			isSensitive(item.sensitive?.category),
	);
	const profiling = answers.fadp?.profiling;
	const profiled = profiling?.used === true && profiling.onConsent === true;
	if (items.length === 0 && !profiled) {
		return [];
	}

	const blocks: Block[] = [];
	if (items.length > 0) {
		blocks.push(
			{type: 'paragraph', text: text.t('sensitive.intro')},
			{
				type: 'list',
				items: items.map((item) => {
					const category = coreText.s(`sensitive.${item.sensitive.category}` as never);
					return [
						strong(`${item.name}:`),
						' ',
						...(item.sensitive.fadpConsent === true
							? text.t('sensitive.consent', {
									category,
									how: sentence(item.sensitive.fadpConsentHow ?? ''),
								})
							: text.t('sensitive.item', {category})),
					];
				}),
			},
		);
	}

	if (profiled) {
		blocks.push({
			type: 'paragraph',
			text: text.t('profiling.consent', {
				what: sentence(profiling.description ?? ''),
				how: sentence(profiling.consentHow ?? ''),
			}),
		});
	}

	return [
		{title: text.s('sensitive.title'), serves: expressConsent(answers) ? ['CH-6.7'] : [], blocks},
	];
}

/** Data from others: its categories, and when people are told (Art. 19(3), (5) FADP). */
function indirectSection(ctx: DraftContext): Section[] {
	const {answers} = ctx;
	const items = answers.dataItems.filter((item) =>
		item.sources.some((source) => source.kind === 'third-party'),
	);
	if (items.length === 0) {
		return [];
	}

	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: text.t('indirect.categories', {items: listInWords(items.map((item) => item.name))}),
		},
	];
	if (answers.fadp?.indirectInformed === true) {
		blocks.push({type: 'paragraph', text: text.t('indirect.informed')});
	}

	return [{title: text.s('indirect.title'), serves: ['CH-19.3'], blocks}];
}

function recipientsPart(ctx: DraftContext): Part {
	// The core's sections name the controller, its contact, every purpose and every recipient;
	// processors get the FADP's own rule (Art. 9) in words.
	const processors = ctx.answers.recipients.some((recipient) => recipient.role === 'processor');
	return {
		serves: ['CH-19.2'],
		blocks: processors ? [{type: 'paragraph', text: text.t('recipients.processors')}] : [],
	};
}

type Row = {recipient: Recipient; country: CountryCode};

function adequacyLabel(country: CountryCode): string {
	const scope = adequacy.find((entry) => entry.country === country)?.scope;
	return text.s(scope ? (`adequacy.${scope}` as Key) : 'adequacy');
}

function transfersPart(ctx: DraftContext): (Part & {title: string}) | undefined {
	const {answers} = ctx;
	const rows: Row[] = answers.recipients.flatMap((recipient) =>
		recipient.locations
			.filter((country) => !isSwitzerland(country))
			.map((country) => ({recipient, country})),
	);
	const serves = ['CH-19.4', 'CH-16', 'CH-DELTA'];
	const blocks: Block[] = [];
	if (!established(answers)) {
		blocks.push({
			type: 'paragraph',
			text: text.t('transfers.home', {country: countryInSentence(homeCountry(answers)!)}),
		});
	}

	if (rows.length === 0) {
		blocks.push({type: 'paragraph', text: text.t('transfers.none')});
		return {title: text.s('transfers.title'), serves, blocks};
	}

	// Exceptions are listed once per recipient and exception, with every country they cover.
	const exceptions = new Map<
		string,
		{recipient: Recipient; exception: string; countries: CountryCode[]}
	>();
	let adequate = false;
	let guaranteed = false;
	const cell = (row: Row): string => {
		if (transfer.adequate(row.country, row.recipient)) {
			adequate = true;
			return adequacyLabel(row.country);
		}

		const basis = basisOf(row.recipient) ?? '';
		if (isException(basis)) {
			const exception = text.s(`exception.${basis.slice('art17-'.length)}` as Key);
			const key = `${row.recipient.id}|${basis}`;
			const entry = exceptions.get(key) ?? {recipient: row.recipient, exception, countries: []};
			entry.countries.push(row.country);
			exceptions.set(key, entry);
			return text.s('exception.label', {exception});
		}

		guaranteed = true;
		return text.s(`basis.${basis}` as Key);
	};

	const table: Block = {
		type: 'table',
		header: [
			[coreText.s('column.recipient')],
			[text.s('column.country')],
			[text.s('column.basis')],
		],
		rows: rows.map((row) => [[row.recipient.name], [countryName(row.country)], [cell(row)]]),
	};
	blocks.push({type: 'paragraph', text: text.t('transfers.intro')}, table);
	if (adequate) {
		blocks.push({type: 'paragraph', text: text.t('transfers.adequacyNote')});
	}

	if (guaranteed) {
		blocks.push({type: 'paragraph', text: text.t('transfers.guaranteeNote')});
		if (answers.transferCopyHow) {
			blocks.push({
				type: 'paragraph',
				text: text.t('transfers.copy', {how: sentence(answers.transferCopyHow)}),
			});
		}
	}

	if (exceptions.size > 0) {
		serves.push('CH-17');
		blocks.push(
			{type: 'paragraph', text: text.t('transfers.exceptions')},
			{
				type: 'list',
				items: [...exceptions.values()].map((entry) =>
					text.t('exception.item', {
						recipient: entry.recipient.name,
						countries: listInWords(entry.countries.map((country) => countryName(country))),
						exception: sentence(entry.exception),
					}),
				),
			},
		);
	}

	return {title: text.s('transfers.title'), serves, blocks};
}

function automatedPart(ctx: DraftContext): Part | undefined {
	if (!ctx.answers.automatedDecisions.used) {
		return undefined;
	}

	return {
		serves: ['CH-21', 'CH-DELTA'],
		blocks: [
			{type: 'heading', level: 3, text: [text.s('decisions.title')]},
			{
				type: 'paragraph',
				text: text.t('decisions.inform', {
					how: sentence(ctx.answers.fadp?.decisionsInformHow ?? ''),
				}),
			},
			{type: 'paragraph', text: text.t('decisions.review')},
		],
	};
}

function rightsPart(ctx: DraftContext): Part & {title: string} {
	const {answers} = ctx;
	const items: Inline[][] = (['access', 'portability', 'rectification', 'objection'] as const).map(
		(right) => [
			strong(`${text.s(`right.${right}.name`)} (${text.s(`right.${right}.article`)}):`),
			' ',
			...text.t(`right.${right}.text`),
		],
	);
	if (answers.automatedDecisions.used) {
		items.push([
			strong(`${text.s('right.review.name')} (${text.s('right.review.article')}):`),
			' ',
			...text.t('right.review.text'),
		]);
	}

	if (expressConsent(answers)) {
		items.push([strong(`${text.s('right.consent.name')}:`), ' ', ...text.t('right.consent.text')]);
	}

	return {
		title: text.s('rights.title'),
		serves: ['CH-25'],
		blocks: [
			{type: 'paragraph', text: text.t('rights.intro')},
			{type: 'list', items},
			{type: 'paragraph', text: text.t('rights.restrictions')},
		],
	};
}

function exercisingPart(ctx: DraftContext): Part {
	const contribution = ctx.answers.fadp?.accessContribution === true;
	return {
		serves: ['CH-25', 'X-DEADLINE'],
		blocks: [
			{
				type: 'paragraph',
				text: [
					strong(text.s('exercise.label')),
					' ',
					...text.t('exercise.deadline'),
					' ',
					...text.t(contribution ? 'exercise.contribution' : 'exercise.free'),
				],
			},
		],
	};
}

function complaintsPart(): Part {
	return {
		serves: ['CH-FDPIC', 'CH-DELTA'],
		blocks: [
			{
				type: 'paragraph',
				text: text.t('fdpic.report', {
					authority: [{link: facts.authority.url, text: [facts.authority.name]}],
				}),
			},
			{type: 'paragraph', text: text.t('fdpic.courts')},
		],
	};
}

export const ch: Regime = {
	id: 'ch',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['ch'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	transfer,
	applicability,
	facts: {
		seatAbroad: (answers) => seatAbroad(answers),
		needsRepresentative: (answers) => needsRepresentative(answers),
		indirectCollection: (answers) => indirectCollection(answers),
		hasTransfers: (answers) => hasTransfers(answers),
		exceptions: (answers) =>
			(answers.recipients ?? []).some((recipient) => isException(basisOf(recipient))),
		expressConsent: (answers) => expressConsent(answers),
	},
	computed: {
		// Explicit consent under Article 9(2)(a) GDPR proposes consent under Swiss law (confirmed).
		consentFromGdpr(_answers, record = {}) {
			const sensitive = record['sensitive'] as {article9?: unknown} | undefined;
			return sensitive?.article9 === 'explicit-consent' ? true : undefined;
		},
	},
	drafting: {
		summaryRights: (ctx) =>
			text.t(ctx.answers.automatedDecisions.used ? 'summary.rightsDecisions' : 'summary.rights'),
		contacts: contactsPart,
		afterPurposes: (ctx) => [...sensitiveSection(ctx), ...indirectSection(ctx)],
		recipients: recipientsPart,
		transfers: transfersPart,
		automated: automatedPart,
		rights: rightsPart,
		exercising: exercisingPart,
		complaints: complaintsPart,
	},
	checks: swissChecks,
};

// Checks ---------------------------------------------------------------------------------

function where(list: 'dataItems' | 'recipients', index: number, name: string | undefined): string {
	return `${list}[${index}] ("${name ?? ''}")`;
}

/** Consent read from conduct or pre-set choices is not express consent. */
const impliedConsent =
	/\b(by (using|accessing|continuing|signing up|registering|creating an account|accepting (our|the) terms)|pre-?ticked|pre-?checked|ticked by default|checked by default|opt[- ]out|implied|terms (of service|and conditions))\b/i;

/** A human review answer that says there is none. */
const noReview =
	/^\s*(none|no|n\/a|not (available|possible|offered)|there is no|we do not|no human review)\b/i;

function swissChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('ch')) {
		return [];
	}

	const out: Finding[] = [];
	const answers = ctx.answers as Partial<Answers>;

	// CH-14: the representative is in Switzerland; and a "no" to high risk is plausible.
	const representative = answers.representatives?.ch;
	const country = representative?.address?.country;
	if (needsRepresentative(answers) && typeof country === 'string' && !isSwitzerland(country)) {
		out.push(
			checklist.finding(
				'CH-14',
				'error',
				text.s('check.representativeAbroad.message', {country: countryName(country)}),
				text.s('check.representativeAbroad.fix'),
				{
					questionId: 'representatives.ch.address.country',
					path: 'representatives.ch.address.country',
				},
			),
		);
	}

	const test = answers.fadp?.representativeTest;
	if (
		seatAbroad(answers) &&
		test?.offering === true &&
		test.largeScale === true &&
		test.regular === true &&
		test.highRisk === false
	) {
		const signs = [
			...((answers.dataItems ?? []).some((item) => isSensitive(item?.sensitive?.category))
				? [text.s('check.highRisk.sensitive')]
				: []),
			...(answers.fadp?.profiling?.used === true ? [text.s('check.highRisk.profiling')] : []),
			...(answers.automatedDecisions?.used === true ? [text.s('check.highRisk.automated')] : []),
		];
		if (signs.length > 0) {
			out.push(
				checklist.finding(
					'CH-14',
					'warning',
					text.s('check.highRisk.message', {signs: listInWords(signs)}),
					text.s('check.highRisk.fix'),
					{
						questionId: 'fadp.representativeTest.highRisk',
						path: 'fadp.representativeTest.highRisk',
					},
				),
			);
		}
	}

	// CH-6.7 and CH-BASIS: express consent, and a justification where personality is violated.
	const disclosedTo = new Map<string, string[]>();
	for (const recipient of answers.recipients ?? []) {
		if (recipient?.role !== undefined && recipient.role !== 'processor') {
			for (const id of recipient.dataItems ?? []) {
				disclosedTo.set(id, [...(disclosedTo.get(id) ?? []), recipient.name ?? '']);
			}
		}
	}

	for (const [index, item] of (answers.dataItems ?? []).entries()) {
		if (!item || !isSensitive(item.sensitive?.category)) {
			continue;
		}

		const values = {where: where('dataItems', index, item.name)};
		const how = item.sensitive?.fadpConsentHow;
		if (
			item.sensitive?.fadpConsent === true &&
			typeof how === 'string' &&
			impliedConsent.test(how)
		) {
			out.push(
				checklist.finding(
					'CH-6.7',
					'error',
					text.s('check.implied.message', {...values, how: how.trim()}),
					text.s('check.implied.fix'),
					{
						questionId: 'dataItems.sensitive.fadpConsentHow',
						path: `dataItems[${index}].sensitive.fadpConsentHow`,
					},
				),
			);
		}

		const controllers = disclosedTo.get(item.id ?? '') ?? [];
		if (controllers.length > 0 && item.sensitive?.fadpConsent === false) {
			out.push(
				checklist.finding(
					'CH-BASIS',
					'warning',
					text.s('check.sensitiveDisclosed.message', {
						...values,
						recipients: listInWords(controllers),
					}),
					text.s('check.sensitiveDisclosed.fix'),
					{
						questionId: 'dataItems.sensitive.fadpConsent',
						path: `dataItems[${index}].sensitive.fadpConsent`,
					},
				),
			);
		}
	}

	const profiling = answers.fadp?.profiling;
	if (
		profiling?.used === true &&
		profiling.onConsent === true &&
		typeof profiling.consentHow === 'string' &&
		impliedConsent.test(profiling.consentHow)
	) {
		out.push(
			checklist.finding(
				'CH-6.7',
				'error',
				text.s('check.implied.message', {
					where: 'fadp.profiling',
					how: profiling.consentHow.trim(),
				}),
				text.s('check.implied.fix'),
				{questionId: 'fadp.profiling.consentHow', path: 'fadp.profiling.consentHow'},
			),
		);
	}

	if (profiling?.used === true && profiling.onConsent === false) {
		out.push(
			checklist.finding(
				'CH-BASIS',
				'warning',
				text.s('check.profilingJustification.message'),
				text.s('check.profilingJustification.fix'),
				{questionId: 'fadp.profiling.onConsent', path: 'fadp.profiling.onConsent'},
			),
		);
	}

	// CH-16 and CH-17: guarantees a company can use; exceptions are not guarantees.
	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		const basis = basisOf(recipient);
		const at = {questionId: 'recipients.transfers.ch', path: `recipients[${index}].transfers.ch`};
		const values = {where: where('recipients', index, recipient?.name)};
		if (basis === 'specific-guarantees') {
			out.push(
				checklist.finding(
					'CH-16',
					'warning',
					text.s('check.specificGuarantees.message', values),
					text.s('check.specificGuarantees.fix'),
					at,
				),
			);
		}

		if (isException(basis) && recipient?.role === 'processor') {
			out.push(
				checklist.finding(
					'CH-17',
					'warning',
					text.s('check.exceptionRoutine.message', values),
					text.s('check.exceptionRoutine.fix'),
					at,
				),
			);
		}
	}

	// CH-19.3: people told within one month of data obtained from others.
	if (indirectCollection(answers) && answers.fadp?.indirectInformed === false) {
		out.push(
			checklist.finding(
				'CH-19.3',
				'warning',
				text.s('check.indirect.message'),
				text.s('check.indirect.fix'),
				{questionId: 'fadp.indirectInformed', path: 'fadp.indirectInformed'},
			),
		);
	}

	// CH-21: review by a natural person on request.
	if (answers.automatedDecisions?.used === true) {
		for (const [index, decision] of (answers.automatedDecisions.decisions ?? []).entries()) {
			const review = decision?.humanReview;
			if (typeof review === 'string' && noReview.test(review)) {
				out.push(
					checklist.finding(
						'CH-21',
						'error',
						text.s('check.noReview.message', {
							where: `automatedDecisions.decisions[${index}] ("${decision?.name ?? ''}")`,
							review: review.trim(),
						}),
						text.s('check.noReview.fix'),
						{
							questionId: 'automatedDecisions.decisions.humanReview',
							path: `automatedDecisions.decisions[${index}].humanReview`,
						},
					),
				);
			}
		}
	}

	// CH-25-FEE (verify): the DPO's cap on a contribution to costs.
	if (answers.fadp?.accessContribution === true) {
		out.push(
			checklist.finding(
				'CH-25-FEE',
				'warning',
				text.s('check.contribution.message'),
				text.s('check.contribution.fix'),
				{questionId: 'fadp.accessContribution', path: 'fadp.accessContribution'},
			),
		);
	}

	return out;
}
