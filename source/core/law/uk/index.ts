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
import type {Checklist, Regime, RegimeQuestions, TransferRule} from '../types.js';

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
