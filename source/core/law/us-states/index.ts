/**
The comprehensive consumer privacy laws of US states other than California (checklist-regimes.md
§6): Virginia, Colorado, Connecticut, Utah, Texas, Oregon, Montana, Iowa, Delaware, Nebraska, New
Hampshire, New Jersey, Tennessee, Minnesota, Maryland, Indiana, Kentucky and Rhode Island, as data
(questionnaires/law/us-states/states.json). The regime applies when at least one state law does;
the policy names those states only. Florida's law, which privacy-wizard cannot draft, is an error
when it applies, never silence.
*/
import checklistData from '../../../../questionnaires/law/us-states/checklist.json' with {type: 'json'};
import questions from '../../../../questionnaires/law/us-states/questions.json' with {type: 'json'};
import type {PartialAnswers} from '../../answers/types.js';
import type {Checklist, Fact, Regime, RegimeQuestions} from '../types.js';
import {checks} from './checks.js';
import {stateCodes} from './data.js';
import {drafting} from './draft.js';
import {asksSection, facts} from './facts.js';
import {
	applicability,
	askConsumers,
	askFlorida,
	askMinors,
	askSaleDiscount,
	askSells,
	askSmallBusiness,
	text,
} from './scope.js';

declare module '../../answers/types.js' {
	interface UsThresholds {
		/** Consumers (residents, individual or household context) whose data was processed last calendar year, per state code. */
		consumers?: Record<string, number>;
		/** A small business as the US Small Business Administration defines it (Texas, Nebraska; Minnesota). */
		sbaSmallBusiness?: boolean;
		/** A discount on goods or services received for personal data (Colorado, New Jersey). */
		saleDiscount?: boolean;
		/** Whether personal data is sold, asked before the per-recipient answers (Connecticut, Rhode Island). */
		sellsPersonalData?: boolean;
		/** Meets a further condition of the Florida Digital Bill of Rights (ads, smart speaker, app store). */
		floridaController?: boolean;
	}

	interface UsStateLaws {
		/** Knows, or wilfully disregards, that some consumers are minors (under 18). */
		minorsKnown?: boolean;
		/** How consumers known to be minors are treated for sale, targeted advertising and profiling. */
		minorsTreatment?: 'excluded' | 'consent' | 'same';
		/** The opt-out link (Connecticut, Minnesota, Montana: outside the notice). */
		optOutLink?: string;
		/** Global Privacy Control honoured as an opt-out of sale and targeted advertising. */
		honoursGpc?: boolean;
		/** Sensitive data processed (and sold) only with opt-in consent. */
		sensitiveOptIn?: boolean;
		/** Sensitive data only where strictly necessary (Maryland). */
		sensitiveStrictlyNecessary?: boolean;
		/** The notice in every language of the service and accessible (Minnesota, Montana). */
		noticeAccessible?: boolean;
		/** Personal data used to train large language models (Connecticut, verify). */
		llmTraining?: boolean;
		/** Where the written biometric data policy is published (Colorado). */
		biometricPolicy?: string;
	}

	interface Answers {
		usStateLaws?: UsStateLaws;
	}

	interface Rights {
		/** How people appeal a refusal to act on their request (US state laws). */
		appealHow?: string;
	}
}

/** Per state: whether its consumer count decides its law (`us-states.consumersVA`). */
const consumerFacts: Record<string, Fact> = Object.fromEntries(
	stateCodes.map((code) => [
		`consumers${code}`,
		(answers: PartialAnswers) => askConsumers(code, answers),
	]),
);

export const usStates: Regime = {
	id: 'us-states',
	name: text.s('name'),
	title: text.s('title'),
	regions: ['us'],
	questions: questions as RegimeQuestions,
	checklist: checklistData as Checklist,
	applicability,
	facts: {
		...consumerFacts,
		asksSmallBusiness: askSmallBusiness,
		asksSaleDiscount: askSaleDiscount,
		asksSells: askSells,
		asksFlorida: askFlorida,
		asksMinors: askMinors,
		...facts,
		asksSection,
	},
	drafting,
	checks,
};
