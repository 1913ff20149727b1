import type {Answers} from '../../source/core/answers/types.js';
import type {MaterialType} from '../../source/core/changes/classify.js';
import {example} from './answers.js';

/**
A history of the answers in which each kind of change is made once, in order: the fixture for
`diff` (test/changes.test.ts classifies each step in the core, test/diff.test.ts commits each
step to a real git repository and runs the CLI on it).
*/

export type Step = {
	/** What the step does, as a commit message. */
	name: string;
	change: (answers: Answers) => void;
	/** The material changes it makes; none means editorial only. */
	material: MaterialType[];
};

type Loose = Record<string, unknown>;

/** The first version: the eu-saas example with a revision history from 2024. */
export function baseAnswers(): Answers {
	const answers = example('eu-saas');
	answers.document.effectiveDate = '2024-01-10';
	answers.document.revisions = [{date: '2024-01-10', summary: 'First version.'}];
	return answers;
}

const byId = <T extends {id: string}>(list: T[], id: string): T => {
	const found = list.find((item) => item.id === id);
	if (!found) throw new Error(`no ${id}`);
	return found;
};

export const steps: readonly Step[] = [
	{
		name: 'editorial: wording, a description and the order of the purposes',
		change(answers) {
			answers.service.description =
				'Lumen is a web application that helps research teams code, tag and analyse open-ended survey answers.';
			byId(answers.recipients, 'stripe').purpose =
				'processes card payments, invoices and subscriptions';
			answers.purposes.reverse();
		},
		material: [],
	},
	{
		name: 'a new recipient',
		change(answers) {
			// Not from the catalog: no catalogId.
			const stripe = structuredClone(byId(answers.recipients, 'stripe'));
			delete stripe.catalogId;
			answers.recipients.push({
				...stripe,
				id: 'paddle',
				name: 'Paddle',
				entity: 'Paddle.com Market Limited',
				locations: ['GB'],
			});
		},
		material: ['new-recipient'],
	},
	{
		name: 'a new country for a recipient',
		change(answers) {
			byId(answers.recipients, 'aws').locations.push('JP');
		},
		material: ['new-country'],
	},
	{
		name: 'a new purpose',
		change(answers) {
			answers.purposes.push({
				...structuredClone(byId(answers.purposes, 'newsletter')),
				id: 'research',
				name: 'User research interviews',
				description: 'We invite some customers to interviews about how they use Lumen.',
				dataItems: ['name', 'email-address'],
			});
		},
		material: ['new-purpose'],
	},
	{
		name: 'a new data item',
		change(answers) {
			answers.dataItems.push({
				id: 'job-title',
				name: 'Job title',
				sources: [{kind: 'person', detail: 'on your profile page'}],
			});
			byId(answers.purposes, 'research').dataItems.push('job-title');
		},
		material: ['new-data-item', 'new-data-item'],
	},
	{
		name: 'a legal basis changed',
		change(answers) {
			const purpose = byId(answers.purposes, 'research') as unknown as Loose;
			purpose['legalBasis'] = 'legitimate-interests';
			purpose['legitimateInterest'] = 'learning how researchers use Lumen, to improve it';
		},
		material: ['legal-basis'],
	},
	{
		name: 'a law newly applying',
		change(answers) {
			answers.audience.regions.push('us');
			answers.audience.usStates = ['CA'];
			(answers as unknown as Loose)['usThresholds'] = {annualRevenueUsd: 40_000_000};
		},
		material: ['law-applies'],
	},
	{
		name: 'sharing switched on',
		change(answers) {
			(byId(answers.recipients, 'intercom') as unknown as Loose)['shared'] = true;
		},
		material: ['sale-or-sharing'],
	},
	{
		name: 'a law no longer applying',
		change(answers) {
			answers.audience.regions = answers.audience.regions.filter((region) => region !== 'uk');
		},
		material: ['law-no-longer-applies'],
	},
];

/** The answers after each step (the base first). */
export function versions(): Answers[] {
	const out = [baseAnswers()];
	for (const step of steps) {
		const next = structuredClone(out.at(-1)!);
		step.change(next);
		out.push(next);
	}

	return out;
}
