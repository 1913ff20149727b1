/** The EU General Data Protection Regulation, for the European Economic Area. */
import checklistData from '../../../../questionnaires/law/eu-gdpr/checklist.json' with {type: 'json'};
import facts from '../../../../questionnaires/law/eu-gdpr/data.json' with {type: 'json'};
import wording from '../../../../questionnaires/law/eu-gdpr/messages.en.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/eu-gdpr/questions.json' with {type: 'json'};
import {establishedWhere, homeCountry, servesRegion} from '../../answers/derive.js';
import type {PartialAnswers} from '../../answers/types.js';
import {partyItems} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import {listInWords, messages} from '../../drafting/text.js';
import {adequacyTest, countryInSentence, isEea} from '../../jurisdictions/index.js';
import {transferBasis, transferPart, type TransferTerms} from '../gdpr/index.js';
import {regimeChecklist} from '../checklist.js';
import type {Checklist, Regime, RegimeQuestions, TransferRule} from '../types.js';

declare module '../../answers/types.js' {
	interface Representatives {
		/** Article 27 GDPR. */
		eu?: Party;
	}

	interface Rights {
		/** The supervisory authority named for complaints (the lead one, when established). */
		authority?: {name: string; url: string};
	}
}

const text = messages(wording);
const checklist = regimeChecklist(checklistData as Checklist);
type Key = Parameters<typeof text.t>[0];

const authorities: Readonly<Record<string, {name: string; url: string}>> = facts.authorities;
const adequacy = facts.adequacy.map(
	(entry) => ({...entry}) as {country: string; decision: string; scope?: string},
);

const labels: Pick<TransferTerms, 'safeguardLabel' | 'adequacyLabel'> = {
	safeguardLabel: (value) => text.s(`safeguard.${value}` as Key),
	adequacyLabel(country) {
		const scope = adequacy.find((entry) => entry.country === country)?.scope;
		return text.s(scope ? (`adequacy.${scope}` as Key) : 'adequacy');
	},
};

const transfer: TransferRule = {
	key: 'eu',
	inside: isEea,
	adequate: adequacyTest(adequacy),
	proposeSafeguard: (tools) =>
		tools.includes('sccs') ? 'sccs' : tools.includes('bcrs') ? 'bcrs' : undefined,
	basis: (country, recipient) => transferBasis(transfer, labels, text.s('law'))(country, recipient),
};

function established(answers: PartialAnswers): string[] {
	return establishedWhere(answers, isEea);
}

/** A controller established in one EEA country has a lead authority there (Article 56). */
function leadAuthority(answers: PartialAnswers): {name: string; url: string} | undefined {
	const country = homeCountry(answers);
	return country && isEea(country) && Object.hasOwn(authorities, country)
		? authorities[country]
		: undefined;
}

export const euGdpr: Regime = {
	id: 'eu-gdpr',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['eea'],
	family: 'gdpr',
	familyTerms: {law: text.s('law'), place: text.s('place')},
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	transfer,
	applicability(answers) {
		const countries = established(answers);
		if (countries.length > 0) {
			const values = {countries: listInWords(countries.map((code) => countryInSentence(code)))};
			return {
				status: 'applies',
				reasons: [text.s('reason.established', values)],
				statements: [text.s('reader.established', values)],
			};
		}

		if (servesRegion(answers, 'eea')) {
			return {
				status: 'applies',
				reasons: [text.s('reason.serves')],
				statements: [text.s('reader.serves')],
			};
		}

		return {status: 'does-not-apply', reasons: [text.s('reason.not')]};
	},
	facts: {
		// Article 27: serving people in the EEA without an establishment there.
		needsRepresentative: (answers) =>
			servesRegion(answers, 'eea') &&
			homeCountry(answers) !== undefined &&
			established(answers).length === 0,
		authorityAnswerable: (_answers, _record, env) => env.applies('eu-gdpr'),
	},
	computed: {
		authorityName: (answers) => leadAuthority(answers)?.name,
		authorityUrl(answers) {
			const authority = leadAuthority(answers);
			return authority && authority.name === answers.rights?.authority?.name
				? authority.url
				: undefined;
		},
	},
	checks(ctx) {
		const country = ctx.answers.representatives?.eu?.address?.country;
		// Article 27(3): the representative is established in a member state of the people served.
		return ctx.applies('eu-gdpr') && typeof country === 'string' && !isEea(country)
			? [
					checklist.finding(
						'GDPR-13.1.a-REP',
						'error',
						`The EU representative's address is outside the European Economic Area (${country}).`,
						'Appoint a representative established in an EU or EEA member state where people you serve live (Article 27(3) GDPR), and give its address.',
						{
							questionId: 'representatives.eu.address.country',
							path: 'representatives.eu.address.country',
						},
					),
				]
			: [];
	},
	drafting: {
		contacts(ctx) {
			const representative = ctx.answers.representatives?.eu;
			if (!representative || established(ctx.answers).length > 0) {
				return undefined;
			}

			return {
				serves: ['GDPR-13.1.a-REP'],
				blocks: [
					{type: 'heading', level: 3, text: [text.s('representative.title')]},
					{type: 'paragraph', text: text.t('representative.text')},
					{type: 'list', items: partyItems(representative)},
				],
			};
		},
		transfers: (ctx) =>
			transferPart(ctx, euGdpr, {
				rule: transfer,
				...labels,
				serves: ['GDPR-13.1.f'],
			}),
		automated(ctx) {
			const decisions = ctx.answers.automatedDecisions;
			if (!decisions.used) {
				return undefined;
			}

			const blocks: Block[] = [
				{type: 'paragraph', text: text.t('decisions.rights')},
				{
					type: 'list',
					items: decisions.decisions.map((decision, index): Inline[] => [
						{strong: [`Decision ${index + 1}:`]},
						' ',
						...text.t(`decisions.exception.${decision.exception!}` as Key, {
							law: decision.lawDetail ?? '',
						}),
					]),
				},
			];
			return {
				serves: ['GDPR-13.2.f', 'X-22'],
				blocks: [{type: 'heading', level: 3, text: [text.s('decisions.title')]}, ...blocks],
			};
		},
		children(ctx) {
			return ctx.answers.children.offered
				? {serves: ['GDPR-8'], blocks: [{type: 'paragraph', text: text.t('children.offered')}]}
				: undefined;
		},
		exercising: () => ({
			serves: ['GDPR-12.3', 'X-DEADLINE'],
			blocks: [{type: 'paragraph', text: text.t('deadline')}],
		}),
		complaints(ctx) {
			const lead = established(ctx.answers).length > 0;
			const authority =
				ctx.answers.rights.authority ?? (lead ? leadAuthority(ctx.answers) : undefined);
			const blocks: Block[] = [{type: 'paragraph', text: text.t('complaint.right')}];
			if (authority) {
				blocks.push({
					type: 'paragraph',
					text: text.t(lead ? 'complaint.lead' : 'complaint.named', {
						authority: [{link: authority.url, text: [authority.name]}],
					}),
				});
			}

			blocks.push({
				type: 'paragraph',
				text: [...text.t('complaint.list'), ' ', {autolink: facts.edpbMembersUrl}],
			});
			return {serves: ['GDPR-13.2.d'], blocks};
		},
	},
};
