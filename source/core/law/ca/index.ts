/**
Canada: PIPEDA, with Québec's Act respecting the protection of personal information in the
private sector (Law 25) for people in Québec, Alberta's and British Columbia's PIPA for
organisations established there, and CASL for commercial electronic messages. One regime, as
one notice: the provincial laws and CASL add to PIPEDA's text where they apply, never replace it.

Canada has no transfer safeguards: it requires telling people that their information is
processed outside Canada and may be accessible to authorities there (no `transfer` rule).
*/
import checklistData from '../../../../questionnaires/law/ca/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/ca/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/ca/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/ca/questions.json' with {type: 'json'};
import {establishedWhere, homeCountry, servesRegion} from '../../answers/derive.js';
import type {
	Answers,
	CountryCode,
	PartialAnswers,
	Purpose,
	Recipient,
} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import {addressLine, labelled} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {coreText, listInWords, messages, sentence} from '../../drafting/text.js';
import {countryInSentence, countryName} from '../../jurisdictions/index.js';
import {regimeChecklist} from '../checklist.js';
import type {
	Applicability,
	CheckContext,
	Checklist,
	DraftContext,
	Part,
	Regime,
	RegimeQuestions,
} from '../types.js';

/** How people consent to a purpose under PIPEDA and Québec's law. */
export type CanadianConsent = 'express' | 'implied' | 'exception';

/** CASL ss. 10(1), 10(9): the consent a commercial electronic message rests on. */
export type CaslConsent =
	'express' | 'implied-customer' | 'implied-published' | 'implied-disclosed' | 'none';

/** Québec P-39.1 s. 3.1: who holds the function of person in charge. */
export type PersonInChargeBasis =
	'highest-authority' | 'delegated-in-writing' | 'delegated-informally';

declare module '../../answers/types.js' {
	interface Audience {
		/** Whether personal information of people in Québec is collected (Québec P-39.1). */
		inQuebec?: boolean;
	}

	interface Purpose {
		caConsent?: CanadianConsent;
		/** A meaningful residual risk of significant harm, in words (OPC consent guidelines). */
		caRisks?: string;
		/** Marketing sent as e-mail, SMS or another electronic message (asked when no channel is). */
		caElectronic?: boolean;
		caslConsent?: CaslConsent;
	}

	interface Answers {
		canada?: {
			/** Provinces and territories where the controller is established (ISO 3166-2:CA). */
			provinces?: string[];
			/** The person accountable for compliance (PIPEDA Sch. 1 cl. 4.1). */
			privacyOfficer?: {title: string; name?: string; email: string};
			caslIdentification?: boolean;
			caslUnsubscribe?: boolean;
		};
		quebec?: {
			personInCharge?: {basis: PersonInChargeBasis; title: string; email: string};
			frenchUrl?: string;
			outsideQuebec?: boolean;
			impactAssessment?: boolean;
			profiling?: boolean;
			profilingFunctions?: string;
			profilingActivation?: string;
			profilingOffByDefault?: boolean;
			privacySettings?: boolean;
			settingsHighest?: boolean;
			decisionsInformed?: boolean;
		};
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

const isCanada = (country: CountryCode): boolean => country === 'CA';

const provinceCodes = new Map<string, string>();
for (const province of facts.provinces) {
	for (const spelling of [province.code, province.name, ...province.aliases]) {
		provinceCodes.set(fold(spelling), province.code);
	}
}

/** "Québec", "Quebec", "QC", "Qué." all fold to the same key. */
function fold(spelling: string): string {
	return spelling
		.normalize('NFD')
		.replace(/[\u0300-\u036F]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

function establishedInCanada(answers: PartialAnswers): boolean {
	return establishedWhere(answers, isCanada).length > 0;
}

/** Provinces of establishment; only meaningful for a controller established in Canada. */
function provinces(answers: PartialAnswers): string[] {
	return establishedInCanada(answers)
		? (answers.canada?.provinces ?? []).filter((code): code is string => typeof code === 'string')
		: [];
}

function appliesTo(answers: PartialAnswers): boolean {
	return establishedInCanada(answers) || servesRegion(answers, 'ca');
}

/** Québec's law follows people in Québec, and governs enterprises established there. */
function quebecPart(answers: PartialAnswers): boolean {
	return (
		appliesTo(answers) && (provinces(answers).includes('QC') || answers.audience?.inQuebec === true)
	);
}

function channelsOf(record: Record<string, unknown>): unknown[] {
	// The channels the ePrivacy questions ask, read as answers (this module imports no other).
	const channels = record['marketingChannels'];
	return Array.isArray(channels) ? (channels as unknown[]) : [];
}

/** Commercial electronic messages (CASL s. 1(1)): e-mail or SMS marketing. */
function electronicPurpose(record: Record<string, unknown>): boolean {
	if (record['directMarketing'] !== true) {
		return false;
	}

	const channels = channelsOf(record);
	return channels.length > 0
		? channels.includes('email') || channels.includes('sms')
		: record['caElectronic'] === true;
}

function electronicMarketing(answers: PartialAnswers): boolean {
	return (answers.purposes ?? []).some(
		(purpose) => purpose !== undefined && electronicPurpose(purpose as Record<string, unknown>),
	);
}

type Row = {recipient: Recipient; country: CountryCode};

/** Every recipient location outside Canada. */
function outsideRows(answers: Answers): Row[] {
	return answers.recipients.flatMap((recipient) =>
		recipient.locations
			.filter((country) => !isCanada(country))
			.map((country) => ({recipient, country})),
	);
}

function anyRecipientOutside(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some((recipient) =>
		(recipient?.locations ?? []).some(
			(country) => typeof country === 'string' && !isCanada(country),
		),
	);
}

function applicability(answers: PartialAnswers): Applicability {
	const established = establishedInCanada(answers);
	if (!established && !servesRegion(answers, 'ca')) {
		return {status: 'does-not-apply', reasons: [text.s('reason.not')]};
	}

	const reasons: string[] = [];
	const statements: string[] = [];
	const add = (key: string, values: Record<string, string> = {}): void => {
		reasons.push(text.s(`reason.${key}` as Key, values));
		statements.push(text.s(`reader.${key}` as Key, values));
	};

	add(established ? 'established' : 'serves');
	const where = provinces(answers);
	if (where.includes('QC')) {
		add('quebecEstablished');
	} else if (answers.audience?.inQuebec === true) {
		add('quebecPeople');
	}

	if (where.includes('AB')) {
		add('alberta');
	}

	if (where.includes('BC')) {
		add('bc');
	}

	if (electronicMarketing(answers)) {
		add('casl');
	}

	return {status: 'applies', reasons, statements};
}

// Drafting -------------------------------------------------------------------------------

const strong = (label: string): Inline => ({strong: [label]});

/** "PIPEDA and the Québec Private Sector Act": the laws whose rights a reader in Canada has. */
function lawNames(answers: Answers): string {
	const where = provinces(answers);
	return listInWords([
		text.s('law.pipeda'),
		...(quebecPart(answers) ? [text.s('law.quebec')] : []),
		...(where.includes('AB') ? [text.s('law.alberta')] : []),
		...(where.includes('BC') ? [text.s('law.bc')] : []),
	]);
}

/** A citation with Québec's section added when Québec's law applies. */
function cite(answers: Answers, pipeda: Key, quebec?: Key): string {
	return quebec && quebecPart(answers) ? `${text.s(pipeda)}; ${text.s(quebec)}` : text.s(pipeda);
}

function contactsPart(ctx: DraftContext): Part | undefined {
	const {answers} = ctx;
	const officer = answers.canada?.privacyOfficer;
	if (!officer) {
		return undefined;
	}

	const serves = ['CA-ACCT', 'CA-DELTA'];
	const blocks: Block[] = [
		{type: 'heading', level: 3, text: [text.s('officer.title')]},
		{type: 'paragraph', text: text.t('officer.text', {title: officer.title})},
		{
			type: 'list',
			items: [
				labelled(text.s('label.title'), [officer.title]),
				...(officer.name ? [labelled(coreText.s('label.name'), [officer.name])] : []),
				labelled(coreText.s('label.email'), [{autolink: officer.email}]),
				labelled(coreText.s('label.postalAddress'), [
					text.s('officer.address', {
						title: officer.title,
						name: answers.controller.legalName,
						address: addressLine(answers.controller.address),
					}),
				]),
			],
		},
	];
	const where = provinces(answers);
	const provincial = [
		...(where.includes('AB') ? [text.s('officer.alberta')] : []),
		...(where.includes('BC') ? [text.s('officer.bc')] : []),
	];
	if (provincial.length > 0) {
		serves.push('AB-BC');
		blocks.push({
			type: 'paragraph',
			text: text.t('officer.provincial', {laws: listInWords(provincial)}),
		});
	}

	const person = answers.quebec?.personInCharge;
	if (quebecPart(answers) && person) {
		serves.push('QC-3.1');
		blocks.push(
			{type: 'heading', level: 3, text: [text.s('inCharge.title')]},
			{type: 'paragraph', text: text.t(`inCharge.${person.basis}` as Key, {title: person.title})},
			{
				type: 'list',
				items: [
					labelled(text.s('label.title'), [person.title]),
					labelled(coreText.s('label.email'), [{autolink: person.email}]),
				],
			},
		);
	}

	return {serves, blocks};
}

function recipientNames(recipients: readonly Recipient[]): string {
	return listInWords([...new Set(recipients.map((recipient) => recipient.name))]);
}

const consentKey: Record<CanadianConsent, Key> = {
	express: 'consent.express',
	implied: 'consent.implied',
	exception: 'consent.exception',
};

function caslLine(ctx: DraftContext, purpose: Purpose): Inline[] {
	const canada = ctx.answers.canada ?? {};
	const parts: Inline[] = [...text.t(`casl.${purpose.caslConsent ?? 'none'}` as Key)];
	if (canada.caslIdentification) {
		parts.push(' ', ...text.t('casl.identification'));
	}

	if (canada.caslUnsubscribe) {
		parts.push(' ', ...text.t('casl.unsubscribe'));
	}

	return [strong(text.s('label.casl')), ' ', ...parts];
}

function purposePart(ctx: DraftContext, purpose: Purpose): Part | undefined {
	if (purpose.caConsent === undefined) {
		return undefined;
	}

	const serves = ['CA-CONSENT', 'CA-PURP'];
	const items: Inline[][] = [
		[strong(text.s('label.consent')), ' ', ...text.t(consentKey[purpose.caConsent])],
	];
	const shared = ctx.index.recipientsByPurpose.get(purpose.id) ?? [];
	const mapped = ctx.answers.recipients.every((recipient) => recipient.purposes !== undefined);
	if (shared.length > 0) {
		items.push([
			strong(text.s('label.shared')),
			' ',
			...text.t('shared.with', {names: recipientNames(shared)}),
		]);
	} else if (mapped) {
		const other = Object.values(ctx.answers.otherDisclosures).some((value) => value === true);
		items.push([
			strong(text.s('label.shared')),
			' ',
			...text.t(other ? 'shared.noneButOther' : 'shared.none'),
		]);
	}

	if (purpose.caRisks) {
		items.push([strong(text.s('label.risks')), ' ', sentence(purpose.caRisks)]);
	}

	if (electronicPurpose(purpose as unknown as Record<string, unknown>)) {
		serves.push('CASL');
		items.push(caslLine(ctx, purpose));
	}

	return {serves, blocks: [{type: 'list', items}]};
}

function transfersPart(ctx: DraftContext): (Part & {title: string}) | undefined {
	const {answers} = ctx;
	const rows = outsideRows(answers);
	const established = establishedInCanada(answers);
	const quebec = quebecPart(answers) && answers.quebec?.outsideQuebec === true;
	if (rows.length === 0 && established && !quebec) {
		return undefined;
	}

	const serves: string[] = [];
	const blocks: Block[] = [];
	const countries: CountryCode[] = [];
	if (!established) {
		const home = homeCountry(answers)!;
		countries.push(home);
		blocks.push({
			type: 'paragraph',
			text: text.t('xborder.home', {country: countryInSentence(home)}),
		});
	}

	if (rows.length > 0) {
		countries.push(...rows.map((row) => row.country));
		blocks.push(
			{type: 'paragraph', text: text.t('xborder.intro')},
			{
				type: 'table',
				header: [
					[coreText.s('column.recipient')],
					[coreText.s('column.countries')],
					[coreText.s('column.whatFor')],
				],
				// One row per recipient: its countries outside Canada, and what it does for us.
				rows: [...new Set(rows.map((row) => row.recipient))].map((recipient) => [
					[recipient.name],
					[
						listInWords(
							rows
								.filter((row) => row.recipient === recipient)
								.map((row) => countryName(row.country)),
						),
					],
					[recipient.purpose.trim().replace(/\.+$/, '')],
				]),
			},
		);
	}

	if (countries.length > 0) {
		serves.push('CA-XBORDER', 'CA-DELTA');
		const unique = [...new Set(countries)];
		blocks.push({
			type: 'paragraph',
			text: text.t('xborder.access', {
				countries: listInWords(unique.map((country) => countryInSentence(country))),
			}),
		});
		if (rows.some((row) => row.recipient.role === 'processor')) {
			blocks.push({type: 'paragraph', text: text.t('xborder.accountable')});
		}
	}

	if (quebec) {
		serves.push('QC-8', ...(answers.quebec?.impactAssessment ? ['QC-17'] : []));
		blocks.push({
			type: 'paragraph',
			text: [
				...text.t(rows.length > 0 ? 'xborder.quebecRecipients' : 'xborder.quebec'),
				...(answers.quebec?.impactAssessment ? [' ', ...text.t('xborder.quebecAssessment')] : []),
			],
		});
	}

	const providersOutside = rows.some((row) => row.recipient.role === 'processor');
	if (provinces(answers).includes('AB') && providersOutside) {
		serves.push('AB-BC');
		blocks.push({type: 'paragraph', text: text.t('xborder.alberta')});
	}

	return {title: text.s('xborder.title'), serves, blocks};
}

function rightsPart(ctx: DraftContext): Part & {title: string} {
	const {answers} = ctx;
	const quebec = quebecPart(answers);
	const item = (label: Key, body: Key, pipeda: Key, quebecCite?: Key): Inline[] => [
		strong(text.s(label)),
		' ',
		...text.t(body),
		` (${cite(answers, pipeda, quebecCite)}).`,
	];
	const items: Inline[][] = [
		item('right.access', 'right.access.text', 'cite.access', 'cite.qc.access'),
		item('right.correction', 'right.correction.text', 'cite.correction', 'cite.qc.correction'),
		item('right.withdraw', 'right.withdraw.text', 'cite.withdraw', 'cite.qc.withdraw'),
		item('right.challenge', 'right.challenge.text', 'cite.challenge'),
	];
	const serves = ['CA-ACCT', 'CA-CONSENT'];
	if (quebec) {
		serves.push('QC-8', 'QC-ACCESS');
		items.push(
			[strong(text.s('right.portability')), ' ', ...text.t('right.portability.text')],
			[strong(text.s('right.information')), ' ', ...text.t('right.information.text')],
			[strong(text.s('right.deindexing')), ' ', ...text.t('right.deindexing.text')],
		);
	}

	return {
		title: text.s('rights.title'),
		serves,
		blocks: [
			{type: 'paragraph', text: text.t('rights.intro', {laws: lawNames(answers)})},
			{type: 'list', items},
		],
	};
}

/**
After the purposes, in the policy only (the rights document stands alone): how consent works
in Canada, and what Québec requires this policy itself to be.
*/
function consentSection(ctx: DraftContext): Section {
	const {answers} = ctx;
	const quebec = quebecPart(answers);
	const serves = ['CA-PURP', 'CA-CONSENT'];
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: [
				...text.t('purposes.identified'),
				` (${cite(answers, 'cite.purposes', 'cite.qc.purposes')}).`,
			],
		},
	];
	const sensitive = new Set(
		answers.dataItems.filter((item) => item.sensitive).map((item) => item.id),
	);
	const usesSensitive = answers.purposes.filter((purpose) =>
		purpose.dataItems.some((id) => sensitive.has(id)),
	);
	blocks.push({
		type: 'paragraph',
		text: [
			...text.t(
				answers.purposes.some((purpose) => purpose.caConsent === 'exception')
					? 'consent.formsException'
					: 'consent.forms',
			),
			...(usesSensitive.length > 0 &&
			usesSensitive.every((purpose) => purpose.caConsent === 'express')
				? [' ', ...text.t('consent.sensitive')]
				: []),
			' ',
			...text.t('consent.withdraw'),
			` (${cite(answers, 'cite.consent', 'cite.qc.consent')}).`,
		],
	});
	if (quebec) {
		serves.push('QC-8', 'QC-8.2');
		blocks.push({
			type: 'paragraph',
			text: text.t(answers.quebec?.outsideQuebec ? 'quebec.policyOutside' : 'quebec.policy'),
		});
		if (answers.quebec?.privacySettings && answers.quebec.settingsHighest) {
			serves.push('QC-9.1');
			blocks.push({type: 'paragraph', text: text.t('quebec.settings')});
		}

		if (answers.quebec?.frenchUrl) {
			serves.push('QC-FR');
			blocks.push({
				type: 'paragraph',
				text: text.t('quebec.french', {url: [{autolink: answers.quebec.frenchUrl}]}),
			});
		}
	}

	return {title: text.s('consent.title'), serves, blocks};
}

function complaintsPart(ctx: DraftContext): Part {
	const {answers} = ctx;
	const {authorities} = facts;
	const link = (authority: {name: string; url: string}): Record<string, Inline[]> => ({
		authority: [authority.name],
		url: [{autolink: authority.url}],
	});
	const serves = ['CA-OPC', 'CA-DELTA'];
	const blocks: Block[] = [
		{type: 'paragraph', text: text.t('complaint.opc', link(authorities.opc))},
	];
	if (quebecPart(answers)) {
		serves.push('QC-CAI');
		blocks.push({type: 'paragraph', text: text.t('complaint.cai', link(authorities.cai))});
	}

	const where = provinces(answers);
	if (where.includes('AB')) {
		serves.push('AB-BC');
		blocks.push({type: 'paragraph', text: text.t('complaint.alberta', link(authorities.ab))});
	}

	if (where.includes('BC')) {
		serves.push('AB-BC');
		blocks.push({type: 'paragraph', text: text.t('complaint.bc', link(authorities.bc))});
	}

	return {serves, blocks};
}

/** The countries outside Canada where the information is, for the summary. */
function countriesOutside(answers: Answers): CountryCode[] {
	return [
		...new Set([
			...(establishedInCanada(answers) ? [] : [homeCountry(answers)!]),
			...outsideRows(answers).map((row) => row.country),
		]),
	];
}

export const ca: Regime = {
	id: 'ca',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['ca'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	applicability,
	facts: {
		establishedInCanada: (answers) => establishedInCanada(answers),
		// Asked of everyone PIPEDA reaches, unless established in Québec (then it is known).
		asksQuebec: (answers) => appliesTo(answers) && !provinces(answers).includes('QC'),
		quebec: (answers, _record, env) => env.applies('ca') && quebecPart(answers),
		albertaOrBc: (answers, _record, env) =>
			env.applies('ca') && provinces(answers).some((code) => code === 'AB' || code === 'BC'),
		processingOutsideCanada: (answers, _record, env) =>
			env.applies('ca') && (!establishedInCanada(answers) || anyRecipientOutside(answers)),
		purposeElectronic: (_answers, record) => electronicPurpose(record),
		electronicMarketing: (answers, _record, env) =>
			env.applies('ca') && electronicMarketing(answers),
	},
	computed: {
		provinces(answers) {
			const region = answers.controller?.address?.region;
			const code = typeof region === 'string' ? provinceCodes.get(fold(region)) : undefined;
			return homeCountry(answers) === 'CA' && code ? [code] : undefined;
		},
		// Known to be yes when we are outside Québec or a recipient is outside Canada.
		outsideQuebec: (answers) =>
			!provinces(answers).includes('QC') || anyRecipientOutside(answers) ? true : undefined,
	},
	drafting: {
		summaryRights: (ctx) =>
			text.t(quebecPart(ctx.answers) ? 'summary.rightsQuebec' : 'summary.rights'),
		summaryNotes(ctx) {
			const notes: Inline[][] = [];
			const outside = countriesOutside(ctx.answers);
			if (outside.length > 0) {
				notes.push(
					text.t('summary.outside', {
						countries: listInWords(outside.map((country) => countryInSentence(country))),
					}),
				);
			}

			const french = ctx.answers.quebec?.frenchUrl;
			if (quebecPart(ctx.answers) && french) {
				notes.push(text.t('summary.french', {url: [{autolink: french}]}));
			}

			return notes;
		},
		contacts: contactsPart,
		purposeLines: purposePart,
		transfers: transfersPart,
		cookies(ctx) {
			const quebec = ctx.answers.quebec;
			if (!quebecPart(ctx.answers) || !quebec?.profiling) {
				return undefined;
			}

			return {
				serves: ['QC-8.1'],
				blocks: [
					{type: 'heading', level: 3, text: [text.s('profiling.title')]},
					{
						type: 'paragraph',
						text: text.t(quebec.profilingOffByDefault ? 'profiling.off' : 'profiling.on', {
							functions: sentence(quebec.profilingFunctions ?? ''),
							activation: sentence(quebec.profilingActivation ?? ''),
						}),
					},
				],
			};
		},
		automated(ctx) {
			return quebecPart(ctx.answers) && ctx.answers.automatedDecisions.used
				? {
						serves: ['QC-12.1'],
						blocks: [
							{type: 'heading', level: 3, text: [text.s('decisions.title')]},
							{type: 'paragraph', text: text.t('decisions.text')},
						],
					}
				: undefined;
		},
		children(ctx) {
			return quebecPart(ctx.answers) && ctx.answers.children.offered
				? {serves: [], blocks: [{type: 'paragraph', text: text.t('children.quebec')}]}
				: undefined;
		},
		afterPurposes: (ctx) => [consentSection(ctx)],
		rights: rightsPart,
		exercising(ctx) {
			const blocks: Block[] = [
				{
					type: 'paragraph',
					text: [strong(text.s('label.canada')), ' ', ...text.t('deadline.pipeda')],
				},
			];
			const serves = ['CA-ACCESS', 'X-DEADLINE'];
			if (quebecPart(ctx.answers)) {
				serves.push('QC-ACCESS');
				blocks.push({
					type: 'paragraph',
					text: [strong(text.s('label.quebec')), ' ', ...text.t('deadline.quebec')],
				});
			}

			return {serves, blocks};
		},
		complaints: complaintsPart,
	},
	checks: canadaChecks,
};

// Checks ---------------------------------------------------------------------------------

const structuredFormats = new Set(['json', 'csv', 'xml']);

function canadaChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('ca')) {
		return [];
	}

	const out: Finding[] = [];
	const answers = ctx.answers as Partial<Answers>;
	const sensitive = new Set(
		(answers.dataItems ?? [])
			.filter((item) => item?.sensitive !== undefined && typeof item.id === 'string')
			.map((item) => item!.id),
	);
	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		if (!purpose) {
			continue;
		}

		const where = `purposes[${index}] ("${purpose.name ?? ''}")`;
		const items = (purpose.dataItems ?? []).filter((id) => sensitive.has(id));
		if (items.length > 0 && purpose.caConsent === 'implied') {
			out.push(
				checklist.finding(
					'CA-CONSENT',
					'error',
					`${where} uses sensitive information (${items.join(', ')}) on implied consent.`,
					'Sensitive information needs express consent in Canada (PIPEDA Sch. 1 cl. 4.3.6; in Québec s. 12 of the Private Sector Act): ask people to agree actively, then answer "express".',
					{questionId: 'purposes.caConsent', path: `purposes[${index}].caConsent`},
				),
			);
		}

		if (purpose.directMarketing === true && purpose.caConsent === 'exception') {
			out.push(
				checklist.finding(
					'CA-CONSENT',
					'error',
					`${where} is marketing, yet it relies on no consent at all.`,
					'No PIPEDA exception covers marketing, and Québec excludes it from the uses allowed without consent (P-39.1 s. 12): rely on express consent, or on implied consent with an easy way to opt out.',
					{questionId: 'purposes.caConsent', path: `purposes[${index}].caConsent`},
				),
			);
		}

		if (
			electronicPurpose(purpose as unknown as Record<string, unknown>) &&
			purpose.caslConsent === 'none'
		) {
			out.push(
				checklist.finding(
					'CASL',
					'error',
					`${where} sends commercial e-mail or SMS without consent under Canada's Anti-Spam Legislation.`,
					'CASL forbids commercial electronic messages without express or implied consent (s. 6(1)(a)): ask for opt-in consent, or send only to people whose implied consent s. 10(9) recognises (customers for two years, inquiries for six months, addresses published or given for professional contact).',
					{questionId: 'purposes.caslConsent', path: `purposes[${index}].caslConsent`},
				),
			);
		}
	}

	const canada = answers.canada;
	if (electronicMarketing(answers) && canada?.caslIdentification === false) {
		out.push(
			checklist.finding(
				'CASL',
				'error',
				'Your commercial e-mails or SMS do not identify you with a mailing address and a working contact.',
				'Put your name, mailing address and a phone number, e-mail or web address valid for at least 60 days in every message (CASL s. 6(2)(b)–(c), 6(3); SOR/2012-36 s. 2), then answer yes.',
				{questionId: 'canada.caslIdentification', path: 'canada.caslIdentification'},
			),
		);
	}

	if (electronicMarketing(answers) && canada?.caslUnsubscribe === false) {
		out.push(
			checklist.finding(
				'CASL',
				'error',
				'Your commercial e-mails or SMS lack an unsubscribe mechanism honoured within 10 business days.',
				'Add an unsubscribe link or address to every message, keep it working for 60 days after sending and act on requests within 10 business days (CASL ss. 6(2)(d), 11), then answer yes.',
				{questionId: 'canada.caslUnsubscribe', path: 'canada.caslUnsubscribe'},
			),
		);
	}

	if (quebecPart(answers)) {
		out.push(...quebecChecks(answers));
	}

	return out;
}

function quebecChecks(answers: Partial<Answers>): Finding[] {
	const out: Finding[] = [];
	const quebec = answers.quebec ?? {};
	if (quebec.personInCharge?.basis === 'delegated-informally') {
		out.push(
			checklist.finding(
				'QC-3.1',
				'error',
				'The function of person in charge of the protection of personal information was delegated without a written delegation.',
				'The person with the highest authority holds the function unless they delegate it in writing (Québec P-39.1 s. 3.1): sign a written delegation, then choose "delegated in writing".',
				{questionId: 'quebec.personInCharge.basis', path: 'quebec.personInCharge.basis'},
			),
		);
	}

	if (quebec.profiling === true && quebec.profilingOffByDefault === false) {
		out.push(
			checklist.finding(
				'QC-8.1',
				'error',
				'Functions that identify, locate or profile people in Québec are on before they activate them.',
				'Switch them off by default and let people turn them on (Québec P-39.1 s. 8.1), then answer yes.',
				{questionId: 'quebec.profilingOffByDefault', path: 'quebec.profilingOffByDefault'},
			),
		);
	}

	if (quebec.privacySettings === true && quebec.settingsHighest === false) {
		out.push(
			checklist.finding(
				'QC-9.1',
				'error',
				'Your privacy settings do not give the highest level of confidentiality by default.',
				'Set every privacy setting to its most protective value until the person changes it (Québec P-39.1 s. 9.1; browser cookie settings excepted), then answer yes.',
				{questionId: 'quebec.settingsHighest', path: 'quebec.settingsHighest'},
			),
		);
	}

	if (answers.automatedDecisions?.used === true && quebec.decisionsInformed === false) {
		out.push(
			checklist.finding(
				'QC-12.1',
				'error',
				'People in Québec are not told of decisions made by automated means only, or cannot have a staff member review them.',
				'Tell each person at the latest when you tell them the decision, answer their questions on the information, reasons and principal factors used, and let them submit observations to a staff member who can review it (Québec P-39.1 s. 12.1).',
				{questionId: 'quebec.decisionsInformed', path: 'quebec.decisionsInformed'},
			),
		);
	}

	if (quebec.outsideQuebec === true && quebec.impactAssessment === false) {
		out.push(
			checklist.finding(
				'QC-17',
				'error',
				'Personal information leaves Québec without a privacy impact assessment and a written agreement.',
				'Before communicating it outside Québec, or entrusting it to a service provider outside Québec, assess the privacy impact (sensitivity, purposes, protection measures, the law there) and sign a written agreement with the recipient (Québec P-39.1 s. 17).',
				{questionId: 'quebec.impactAssessment', path: 'quebec.impactAssessment'},
			),
		);
	}

	const formats = answers.rights?.exportFormats ?? [];
	if (!formats.some((format) => format !== undefined && structuredFormats.has(format))) {
		out.push(
			checklist.finding(
				'QC-ACCESS',
				'error',
				'People in Québec cannot get their information in a structured, commonly used technological format.',
				'Offer a copy in JSON, CSV or XML (Québec P-39.1 s. 27, in force since 22 September 2024) and add it under rights.exportFormats.',
				{questionId: 'rights.exportFormats', path: 'rights.exportFormats'},
			),
		);
	}

	if (!quebec.frenchUrl) {
		out.push(
			checklist.finding(
				'QC-FR',
				'warning',
				'There is no French version of this policy for people in Québec.',
				'Québec\'s Charter of the French language is understood to require this policy and your consent texts in French: have the draft translated, publish it and give its address under "Web address of the French version". privacy-wizard drafts English only.',
				{questionId: 'quebec.frenchUrl', path: 'quebec.frenchUrl'},
			),
		);
	}

	return out;
}
