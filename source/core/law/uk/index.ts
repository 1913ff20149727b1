/** The UK GDPR and the Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025. */
import checklistData from '../../../../questionnaires/law/uk/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/uk/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/uk/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/uk/questions.json' with {type: 'json'};
import {establishedWhere, homeCountry, servesRegion} from '../../answers/derive.js';
import type {PartialAnswers} from '../../answers/types.js';
import {partyItems} from '../../drafting/common.js';
import type {Block} from '../../drafting/markdown.js';
import {messages, sentence} from '../../drafting/text.js';
import {adequacyTest} from '../../jurisdictions/index.js';
import {transferBasis, transferPart, type TransferTerms} from '../gdpr/index.js';
import type {Finding} from '../../checks/finding.js';
import {regimeChecklist} from '../checklist.js';
import type {CheckContext, Checklist, Regime, RegimeQuestions, TransferRule} from '../types.js';

type RecognisedInterest =
	'public-task-request' | 'national-security' | 'emergencies' | 'crime' | 'safeguarding';

declare module '../../answers/types.js' {
	interface Representatives {
		/** Article 27 UK GDPR. */
		uk?: Party;
	}

	interface Purpose {
		/** Article 6(1)(ea) and Annex 1 UK GDPR. */
		ukRecognisedInterest?: RecognisedInterest;
	}

	interface Rights {
		/** How people complain to the controller first (s.164A DPA 2018). */
		complaintsHow?: string;
	}

	interface Children {
		/** Likely to be accessed by children in the UK (the Age Appropriate Design Code). */
		ukLikelyAccessed?: boolean;
	}
}

const text = messages(wording);
const checklist = regimeChecklist(checklistData as Checklist);
type Key = Parameters<typeof text.t>[0];

const adequacy = facts.adequacy as Array<{country: string; decision: string; scope?: string}>;
const isUk = (country: string): boolean => country === 'GB';

const labels: Pick<TransferTerms, 'safeguardLabel' | 'adequacyLabel'> = {
	safeguardLabel: (value) => text.s(`safeguard.${value}` as Key),
	adequacyLabel(country) {
		const scope = adequacy.find((entry) => entry.country === country)?.scope;
		return text.s(scope ? (`adequacy.${scope}` as Key) : 'adequacy');
	},
};

const transfer: TransferRule = {
	key: 'uk',
	inside: isUk,
	adequate: adequacyTest(adequacy),
	proposeSafeguard: (tools) =>
		tools.includes('uk-addendum') || tools.includes('sccs')
			? 'uk-addendum'
			: tools.includes('uk-idta')
				? 'uk-idta'
				: tools.includes('bcrs')
					? 'bcrs'
					: undefined,
	basis: (country, recipient) => transferBasis(transfer, labels, text.s('law'))(country, recipient),
};

function establishedInUk(answers: PartialAnswers): boolean {
	return establishedWhere(answers, isUk).length > 0;
}

export const uk: Regime = {
	id: 'uk',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['uk'],
	family: 'gdpr',
	familyTerms: {law: text.s('law'), place: text.s('place')},
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	transfer,
	applicability(answers) {
		if (establishedInUk(answers)) {
			return {
				status: 'applies',
				reasons: [text.s('reason.established')],
				statements: [text.s('reader.established')],
			};
		}

		if (servesRegion(answers, 'uk')) {
			return {
				status: 'applies',
				reasons: [text.s('reason.serves')],
				statements: [text.s('reader.serves')],
			};
		}

		return {status: 'does-not-apply', reasons: [text.s('reason.not')]};
	},
	facts: {
		needsRepresentative: (answers) =>
			servesRegion(answers, 'uk') &&
			homeCountry(answers) !== undefined &&
			!establishedInUk(answers),
		hasTransfers: (answers) =>
			(answers.recipients ?? []).some((recipient) =>
				(recipient?.locations ?? []).some(
					(country) => typeof country === 'string' && !isUk(country),
				),
			) ||
			(answers.purposes ?? []).some(
				(purpose) =>
					purpose?.occasionalTransfer?.used === true &&
					(purpose.occasionalTransfer.countries ?? []).some(
						(country) => typeof country === 'string' && !isUk(country),
					),
			),
		usesRecognisedInterest: (answers) =>
			(answers.purposes ?? []).some((purpose) => purpose?.ukRecognisedInterest !== undefined),
	},
	checks: ukChecks,
	drafting: {
		contacts(ctx) {
			const representative = ctx.answers.representatives?.uk;
			if (!representative || establishedInUk(ctx.answers)) {
				return undefined;
			}

			return {
				serves: ['UK-REP', 'UK-DELTA'],
				blocks: [
					{type: 'heading', level: 3, text: [text.s('representative.title')]},
					{type: 'paragraph', text: text.t('representative.text')},
					{type: 'list', items: partyItems(representative)},
				],
			};
		},
		purposeLines(_ctx, purpose) {
			const interest = purpose.ukRecognisedInterest;
			if (purpose.legalBasis !== 'legitimate-interests' || interest === undefined) {
				return undefined;
			}

			return {
				serves: ['UK-RLI'],
				blocks: [
					{
						type: 'list',
						items: [
							[
								{strong: [text.s('label.recognised')]},
								' ',
								...text.t('basis.recognised', {
									interest: text.s(`recognised.${interest}` as Key),
								}),
							],
						],
					},
				],
			};
		},
		transfers: (ctx) =>
			transferPart(ctx, uk, {
				rule: transfer,
				...labels,
				serves: ['GDPR-13.1.f', 'UK-XFER', 'UK-DELTA', 'UK-LAW'],
			}),
		automated(ctx) {
			return ctx.answers.automatedDecisions.used
				? {
						serves: ['UK-ADM'],
						blocks: [
							{type: 'heading', level: 3, text: [text.s('decisions.title')]},
							{type: 'paragraph', text: text.t('decisions.text')},
						],
					}
				: undefined;
		},
		children(ctx) {
			const blocks: Block[] = [];
			if (ctx.answers.children.offered) {
				blocks.push({type: 'paragraph', text: text.t('children.age')});
			}

			if (ctx.answers.children.ukLikelyAccessed) {
				blocks.push({type: 'paragraph', text: text.t('children.design')});
			}

			return blocks.length > 0 ? {serves: ['UK-CHILD', 'UK-DELTA'], blocks} : undefined;
		},
		exercising: () => ({
			serves: ['UK-12A', 'X-DEADLINE'],
			blocks: [{type: 'paragraph', text: text.t('deadline')}],
		}),
		complaints(ctx) {
			return {
				serves: ['UK-COMPLAINT', 'UK-AUTH', 'UK-DELTA', 'GDPR-13.2.d'],
				blocks: [
					{
						type: 'paragraph',
						text: text.t('complaint.first', {
							how: sentence(ctx.answers.rights.complaintsHow ?? ''),
						}),
					},
					{
						type: 'paragraph',
						text: [
							...text.t('complaint.ico', {authority: facts.authority.name}),
							' ',
							{autolink: `${facts.authority.url}/make-a-complaint/`},
						],
					},
				],
			};
		},
	},
};

/** What the UK GDPR as amended makes unlawful, beyond what is missing. */
function ukChecks(ctx: CheckContext): Finding[] {
	if (!ctx.applies('uk')) {
		return [];
	}

	const out: Finding[] = [];
	const {answers} = ctx;
	const repCountry = answers.representatives?.uk?.address?.country;
	if (typeof repCountry === 'string' && !isUk(repCountry)) {
		out.push(
			checklist.finding(
				'UK-REP',
				'error',
				`The UK representative's address is outside the United Kingdom (${repCountry}).`,
				'Appoint a representative established in the United Kingdom (Article 27(3) UK GDPR) and give its address.',
				{
					questionId: 'representatives.uk.address.country',
					path: 'representatives.uk.address.country',
				},
			),
		);
	}

	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		const certifications = recipient?.certifications ?? [];
		if (certifications.includes('uk-extension') && !certifications.includes('eu-us-dpf')) {
			out.push(
				checklist.finding(
					'UK-XFER',
					'error',
					`recipients[${index}] ("${recipient?.name ?? ''}") is said to be certified under the UK Extension but not under the EU-US Data Privacy Framework it extends.`,
					'Check the recipient on the official DPF list: only EU-US DPF participants can join the UK Extension. Correct its certifications, or choose the IDTA or the UK Addendum.',
					{questionId: 'recipients.certifications', path: `recipients[${index}].certifications`},
				),
			);
		}
	}

	// Article 22B: special categories only with explicit consent, or a contract or law together
	// with the substantial public interest condition.
	const decisions = answers.automatedDecisions;
	if (decisions?.used === true) {
		const special = (answers.dataItems ?? []).filter(
			(item) =>
				item?.sensitive?.article9 !== undefined &&
				item.sensitive.article9 !== 'explicit-consent' &&
				item.sensitive.article9 !== 'substantial-public-interest',
		);
		if (special.length > 0) {
			out.push(
				checklist.finding(
					'UK-ADM',
					'warning',
					`You make solely automated decisions and process special categories of data (${special.map((item) => item?.name ?? '').join(', ')}) on a condition that UK law does not allow for such decisions.`,
					'Make sure no significant decision uses these data, or base their processing on explicit consent (Article 22B UK GDPR).',
					{questionId: 'dataItems.sensitive.article9', path: 'dataItems'},
				),
			);
		}
	}

	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		if (purpose?.ukRecognisedInterest !== undefined && purpose.directMarketing === true) {
			out.push(
				checklist.finding(
					'UK-RLI',
					'warning',
					`purposes[${index}] ("${purpose.name ?? ''}") is direct marketing, which is not a recognised legitimate interest.`,
					'Marketing is only an example of an ordinary legitimate interest (Article 6(9) UK GDPR): answer "None of these" and state the interest in words.',
					{
						questionId: 'purposes.ukRecognisedInterest',
						path: `purposes[${index}].ukRecognisedInterest`,
					},
				),
			);
		}
	}

	const how = answers.rights?.complaintsHow;
	if (typeof how === 'string' && !/@|https?:\/\/|\bform\b|\bapp\b|e-?mail|online/i.test(how)) {
		out.push(
			checklist.finding(
				'UK-COMPLAINT',
				'warning',
				'The way to complain to you does not look usable electronically.',
				'Offer a complaint form, an email address or a place in your app (section 164A(3) DPA 2018 asks for a means such as an electronic form).',
				{questionId: 'rights.complaintsHow', path: 'rights.complaintsHow'},
			),
		);
	}

	return out;
}
