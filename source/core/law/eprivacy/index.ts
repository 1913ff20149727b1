/**
The ePrivacy rules of the EU (Article 5(3) and 13 of Directive 2002/58/EC, as each member state
implements them) and the UK (PECR): device access and electronic marketing. They apply next to
the GDPR wherever people in the EEA or the UK are, whatever the legal basis says.
*/
import checklistData from '../../../../questionnaires/law/eprivacy/checklist.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/eprivacy/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/eprivacy/questions.json' with {type: 'json'};
import {establishedWhere, servesRegion} from '../../answers/derive.js';
import type {Answers, PartialAnswers} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import {listInWords, messages} from '../../drafting/text.js';
import {isEea} from '../../jurisdictions/index.js';
import {regimeChecklist} from '../checklist.js';
import type {CheckContext, Checklist, Regime, RegimeQuestions} from '../types.js';

export type DeviceAccess =
	'none' | 'strictly-necessary' | 'statistics' | 'replay' | 'advertising' | 'other';
export type MarketingChannel = 'email' | 'sms' | 'phone' | 'post' | 'push' | 'online-ads';

declare module '../../answers/types.js' {
	interface Purpose {
		/** Whether and why the purpose stores or reads information on devices. */
		deviceAccess?: DeviceAccess;
		marketingChannels?: MarketingChannel[];
		/** Whether the e-mail or SMS marketing reaches people in the EEA or the UK. */
		marketingReachesEuUk?: boolean;
		/** E-mail or SMS marketing to own customers about similar products, with an opt-out. */
		softOptIn?: boolean;
	}
}

const text = messages(wording);
type Key = Parameters<typeof text.t>[0];
const checklist = regimeChecklist(checklistData as Checklist);

const inEea = (answers: PartialAnswers): boolean =>
	servesRegion(answers, 'eea') || establishedWhere(answers, isEea).length > 0;
const inUk = (answers: PartialAnswers): boolean =>
	servesRegion(answers, 'uk') ||
	establishedWhere(answers, (country) => country === 'GB').length > 0;

/** The territories where the rules follow people, as place names. */
function places(answers: PartialAnswers): string[] {
	return [
		...(inEea(answers) ? [text.s('place.eea')] : []),
		...(inUk(answers) ? [text.s('place.uk')] : []),
	];
}

/** E-mail or SMS marketing that reaches people in the EEA or the UK (Article 13, PECR reg. 22). */
function electronic(
	purpose: {marketingChannels?: MarketingChannel[]; marketingReachesEuUk?: boolean} | undefined,
): boolean {
	return (
		purpose?.marketingReachesEuUk !== false &&
		(purpose?.marketingChannels ?? []).some((channel) => channel === 'email' || channel === 'sms')
	);
}

const nonExempt = new Set<DeviceAccess>(['statistics', 'replay', 'advertising', 'other']);

/** Catalog categories whose SDKs store or read on the device by design. */
const deviceCategories = new Set([
	'analytics',
	'product-analytics',
	'session-replay',
	'advertising',
	'attribution',
	'ab-testing',
	'tag-management',
]);

export const ePrivacy: Regime = {
	id: 'eprivacy',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['eea', 'uk'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	applicability(answers) {
		const where = places(answers);
		if (where.length === 0) {
			return {status: 'does-not-apply', reasons: [text.s('reason.territoryNot')]};
		}

		const reasons: string[] = [];
		const statements: string[] = [];
		const values = {places: listInWords(where)};
		if (answers.cookies?.used === true) {
			reasons.push(text.s('reason.cookies', values));
			statements.push(text.s('reader.cookies', values));
		}

		if ((answers.purposes ?? []).some((purpose) => purpose?.directMarketing === true)) {
			reasons.push(text.s('reason.marketing', values));
			statements.push(text.s('reader.marketing', values));
		}

		if (reasons.length === 0) {
			const unknown = answers.cookies?.used === undefined;
			return unknown
				? {status: 'unknown', reasons: [], missing: ['cookies.used']}
				: {status: 'does-not-apply', reasons: [text.s('reason.not')]};
		}

		return {status: 'applies', reasons, statements};
	},
	facts: {
		ukTerritory: (answers) => inUk(answers),
		establishedInGermany: (answers) => establishedWhere(answers, (c) => c === 'DE').length > 0,
		establishedInFrance: (answers) => establishedWhere(answers, (c) => c === 'FR').length > 0,
		nonExemptAccess: (answers) =>
			(answers.purposes ?? []).some(
				(purpose) => purpose?.deviceAccess !== undefined && nonExempt.has(purpose.deviceAccess),
			),
		replay: (answers) =>
			(answers.purposes ?? []).some((purpose) => purpose?.deviceAccess === 'replay'),
		electronicMarketing: (answers) =>
			(answers.purposes ?? []).some(
				(purpose) => purpose?.directMarketing === true && electronic(purpose),
			),
		softOptIn: (answers) =>
			(answers.purposes ?? []).some(
				(purpose) => purpose?.softOptIn === true && electronic(purpose),
			),
	},
	drafting: {
		cookieBasis(ctx, cookie) {
			const {answers} = ctx;
			const eea = inEea(answers);
			const uk = inUk(answers);
			const citation = (exempt: boolean): string =>
				[
					...(eea ? [text.s('cite.eea')] : []),
					...(uk ? [text.s(exempt ? 'cite.ukExempt' : 'cite.uk')] : []),
				].join('; ');
			const serves = ['EPR-53', 'EPR-EXEMPT'];
			if (cookie.kind === 'essential') {
				return {label: text.s('basis.necessary'), citation: citation(true), serves};
			}

			// The UK statistics exemption, where the policy says it is used (see cookies.ukStatistics):
			// never for session replay, which needs consent everywhere.
			const statistics =
				uk &&
				!eea &&
				cookie.kind === 'analytics' &&
				answers.purposes.some(
					(purpose) => purpose.deviceAccess === 'statistics' && purpose.legalBasis !== 'consent',
				) &&
				!answers.purposes.some((purpose) => purpose.deviceAccess === 'replay');
			return statistics
				? {label: text.s('basis.statistics'), citation: text.s('cite.ukExempt'), serves}
				: {label: text.s('basis.consent'), citation: citation(false), serves};
		},
		cookies(ctx) {
			const {answers} = ctx;
			const {cookies} = answers;
			if (!cookies.used) {
				return undefined;
			}

			const national = [
				...(establishedWhere(answers, (c) => c === 'DE').length > 0
					? [text.s('cookies.germany')]
					: []),
				...(establishedWhere(answers, (c) => c === 'FR').length > 0
					? [text.s('cookies.france')]
					: []),
				...(inUk(answers) ? [text.s('cookies.uk')] : []),
			].join('');
			const serves = ['EPR-53', 'EPR-NOLI', 'EPR-EXEMPT'];
			if (national.includes('Germany')) serves.push('EPR-DE');
			if (national.includes('France')) serves.push('EPR-FR');
			if (inUk(answers)) serves.push('UK-PECR6');
			const blocks: Block[] = [
				{
					type: 'paragraph',
					text: text.t('cookies.consent', {places: listInWords(places(answers), 'or'), national}),
				},
			];
			if (cookies.items.length > 0) {
				serves.push('EPR-NOTICE');
				blocks.push({type: 'paragraph', text: text.t('cookies.thirdParty')});
			}

			if (
				inUk(answers) &&
				answers.purposes.some((purpose) => purpose.deviceAccess === 'statistics') &&
				!inEea(answers)
			) {
				blocks.push({type: 'paragraph', text: text.t('cookies.ukStatistics')});
			}

			const replay = answers.purposes.filter((purpose) => purpose.deviceAccess === 'replay');
			if (replay.length > 0) {
				serves.push('EPR-REPLAY');
				const names = answers.recipients
					.filter((recipient) =>
						(recipient.purposes ?? []).some((id) => replay.some((purpose) => purpose.id === id)),
					)
					.map((recipient) => recipient.name);
				blocks.push(
					{type: 'heading', level: 3, text: [text.s('replay.title')]},
					{
						type: 'paragraph',
						text: text.t('replay.text', {
							recipients: names.length > 0 ? listInWords(names) : 'our own tools',
						}),
					},
				);
			}

			return {serves, blocks};
		},
		purposeLines(ctx, purpose) {
			const items: Inline[][] = [];
			const serves: string[] = [];
			const access = purpose.deviceAccess;
			if (access !== undefined && access !== 'none') {
				serves.push('EPR-53');
				const ukOnly = inUk(ctx.answers) && !inEea(ctx.answers);
				const key: Key =
					access === 'statistics' && ukOnly ? 'device.ukStatistics' : `device.${access}`;
				items.push([{strong: [text.s('label.device')]}, ' ', ...text.t(key)]);
			}

			if (purpose.directMarketing && (purpose.marketingChannels ?? []).length > 0) {
				const channels = listInWords(
					(purpose.marketingChannels ?? []).map((channel) => text.s(`channel.${channel}` as Key)),
					'or',
				);
				const isElectronic = electronic(purpose);
				// Only what the answers say: consent, the soft opt-in, or neither (which check reports).
				const key: Key =
					isElectronic && purpose.legalBasis === 'consent'
						? 'marketing.consent'
						: isElectronic && purpose.softOptIn === true
							? 'marketing.soft'
							: 'marketing.other';
				if (isElectronic) {
					serves.push('EPR-13', ...(purpose.softOptIn ? ['EPR-SOFT'] : []));
					if (inUk(ctx.answers)) serves.push('UK-PECR22');
				}

				items.push([{strong: [text.s('label.marketing')]}, ' ', ...text.t(key, {channels})]);
			}

			return items.length > 0 ? {serves, blocks: [{type: 'list', items}]} : undefined;
		},
	},
	checks: ePrivacyChecks,
};

function ePrivacyChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('eprivacy')) {
		return [];
	}

	const out: Finding[] = [];
	const answers = ctx.answers as Partial<Answers>;
	const eea = inEea(answers);
	const uk = inUk(answers);
	const recipients = answers.recipients ?? [];
	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		if (!purpose) continue;
		const access = purpose.deviceAccess;
		const where = `purposes[${index}] ("${purpose.name ?? ''}")`;
		// Statistics without consent are lawful only under the UK exemption (PECR Sch. A1).
		const exemptInUkOnly = access === 'statistics' && uk && !eea;
		if (
			access !== undefined &&
			nonExempt.has(access) &&
			purpose.legalBasis !== undefined &&
			purpose.legalBasis !== 'consent' &&
			!exemptInUkOnly
		) {
			out.push(
				checklist.finding(
					access === 'replay' ? 'EPR-REPLAY' : 'EPR-NOLI',
					'error',
					`${where} stores or reads information on devices (${access}) but relies on ${purpose.legalBasis}.`,
					'In the EU and UK only strictly necessary device access works without consent (Article 5(3) ePrivacy Directive, PECR reg. 6): make consent its legal basis and ask before anything is stored or read.',
					{questionId: 'purposes.legalBasis', path: `purposes[${index}].legalBasis`},
				),
			);
		}

		if (
			ctx.catalogCategory &&
			(access === undefined || access === 'none' || access === 'strictly-necessary')
		) {
			const revealing = recipients.filter(
				(recipient) =>
					recipient?.catalogId !== undefined &&
					(recipient.purposes ?? []).includes(purpose.id ?? '') &&
					deviceCategories.has(ctx.catalogCategory!(recipient.catalogId) ?? ''),
			);
			if (revealing.length > 0 && access !== undefined) {
				out.push(
					checklist.finding(
						'EPR-NOLI',
						'error',
						`${where} says it does not store or read on devices beyond necessity, but ${listInWords(revealing.map((recipient) => recipient?.name ?? ''))} ${revealing.length === 1 ? 'does' : 'do'} by design (${revealing.map((recipient) => ctx.catalogCategory!(recipient!.catalogId!)).join(', ')}).`,
						'Answer what the purpose really does on devices (statistics, session recording, advertising…), and ask for consent.',
						{questionId: 'purposes.deviceAccess', path: `purposes[${index}].deviceAccess`},
					),
				);
			}
		}

		if (
			purpose.directMarketing &&
			electronic(purpose) &&
			purpose.legalBasis !== 'consent' &&
			purpose.softOptIn !== true
		) {
			out.push(
				checklist.finding(
					uk && !eea ? 'UK-PECR22' : 'EPR-13',
					'error',
					`${where} sends e-mail or SMS marketing without consent, to people who are not existing customers under the soft opt-in.`,
					'Ask for consent (and make it the legal basis), or limit the marketing to your customers about similar products with an opt-out at collection and in every message (soft opt-in).',
					{questionId: 'purposes.legalBasis', path: `purposes[${index}].legalBasis`},
				),
			);
		}
	}

	const cookies = answers.cookies;
	if (cookies?.used === true) {
		for (const [index, cookie] of (cookies.items ?? []).entries()) {
			if (
				cookie?.kind === 'essential' &&
				/^(_ga|_gid|_gcl|_fbp|_fbc|_hj|_lr|_clck|_clsk|_uet|ajs_|amplitude|mp_|ph_|_pk_)/i.test(
					cookie.name ?? '',
				)
			) {
				out.push(
					checklist.finding(
						'EPR-EXEMPT',
						'error',
						`cookies.items[${index}] ("${cookie.name ?? ''}") is an analytics or advertising cookie, but is marked essential.`,
						'Only cookies strictly necessary for the service the person asked for are essential; mark it analytics or marketing and set it only after consent.',
						{questionId: 'cookies.items.kind', path: `cookies.items[${index}].kind`},
					),
				);
			}
		}
	}

	return out;
}
