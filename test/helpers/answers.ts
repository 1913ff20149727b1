import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {examples} from '../../source/core/answers/examples.js';
import type {Answers, DraftAnswers} from '../../source/core/answers/types.js';
import {
	defaultFileName,
	documentTargets,
	draft,
	type DocumentFormat,
	type DocumentKind,
} from '../../source/core/drafting/documents.js';
import type {DocumentModel} from '../../source/core/drafting/model.js';
import {formatPath} from '../../source/core/questionnaire/paths.js';
import {pruneHidden} from '../../source/core/questionnaire/walk.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export const exampleNames = [
	'eu-saas',
	'us-consumer',
	'us-multistate',
	'global-reps',
	'br-app',
	'ca-quebec',
	'ch-saas',
] as const;
export type ExampleName = (typeof exampleNames)[number];

/**
The goldens of an example in one format: every document it calls for, under its default file name
(outputs/<example>/<file>), as `npm run outputs` writes them.
*/
export function documentFiles(
	name: ExampleName,
	format: DocumentFormat = 'markdown',
): Array<[DocumentKind, string]> {
	return documentTargets(examples[name]!.answers as DraftAnswers).map((target) => [
		target.kind,
		defaultFileName(target.kind, format),
	]);
}

/** The documents a set of answers calls for. */
export function kindsOf(answers: unknown): DocumentKind[] {
	return documentTargets(answers as DraftAnswers).map((target) => target.kind);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
Every regime fixture (test/fixtures/law/<regime>/*.json) that is a complete set of answers, by
"<regime>/<name>": the regimes' own test companies.
*/
export function regimeFixtures(): Array<{name: string; answers: Answers}> {
	const folder = new URL('../fixtures/law/', import.meta.url);
	const out: Array<{name: string; answers: Answers}> = [];
	for (const regime of readdirSync(folder).sort()) {
		for (const file of readdirSync(new URL(`${regime}/`, folder)).sort()) {
			if (!file.endsWith('.json')) continue;
			const answers = JSON.parse(
				readFileSync(new URL(`${regime}/${file}`, folder), 'utf8'),
			) as Answers;
			if (draft(answers as unknown as DraftAnswers, 'policy', sha256).ok) {
				out.push({name: `${regime}/${file.slice(0, -5)}`, answers});
			}
		}
	}

	return out;
}

/** A fresh, mutable copy of a bundled example. */
export function example(name: ExampleName): Answers {
	return structuredClone(examples[name]!.answers) as Answers;
}

export function golden(name: ExampleName, file: string): string {
	return readFileSync(new URL(`../../outputs/${name}/${file}`, import.meta.url), 'utf8');
}

export function readJson(relative: string): unknown {
	return JSON.parse(readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8'));
}

/** Draft a document, failing loudly (with the gaps) when the answers are not complete. */
export function draftOk(
	answers: unknown,
	kind: DocumentKind = 'policy',
): {markdown: string; model: DocumentModel} {
	const result = draft(answers as DraftAnswers, kind, sha256);
	if (!result.ok) {
		const shown = result.gaps.map((gap) => `${formatPath(gap.path)}: ${gap.message}`);
		throw new Error(
			`Answers are not complete: ${shown.join('; ') || 'schema or integrity issues'}`,
		);
	}

	return result;
}

/** A tiny deterministic PRNG (mulberry32), for shuffles that are the same on every run. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** The same value with the keys of every object in a different (seeded) order. Arrays keep theirs. */
export function shuffleKeys<T>(value: T, seed = 1): T {
	const next = random(seed);
	const visit = (item: unknown): unknown => {
		if (Array.isArray(item)) {
			return item.map((entry) => visit(entry));
		}

		if (item === null || typeof item !== 'object') {
			return item;
		}

		const keys = Object.keys(item);
		for (let index = keys.length - 1; index > 0; index--) {
			const other = Math.floor(next() * (index + 1));
			[keys[index], keys[other]] = [keys[other]!, keys[index]!];
		}

		// Make sure the order really changes for objects with more than one key.
		if (keys.length > 1 && keys.every((key, index) => key === Object.keys(item)[index])) {
			keys.reverse();
		}

		return Object.fromEntries(
			keys.map((key) => [key, visit((item as Record<string, unknown>)[key])]),
		);
	};

	return visit(value) as T;
}

/** Apply a change to a copy of an example, then drop answers the change made irrelevant. */
export function variant(name: ExampleName, change: (answers: Answers) => void): Answers {
	const answers = example(name);
	change(answers);
	return pruneHidden(answers) as Answers;
}

const californiaBlock = {
	sensitiveUse: 'permitted-only',
	policyUrl: 'https://example.com/privacy',
	honoursGpc: true,
	sellsUnder16: false,
	onlineOnly: true,
	showsOptOutStatus: true,
	confirmsOptOuts: true,
	riskAssessment: true,
} as const;

/** Serve California as well, above the CCPA's revenue threshold. */
function withCalifornia(answers: Answers): void {
	answers.audience.regions = [...new Set([...answers.audience.regions, 'us' as const])];
	answers.audience.usStates = ['CA'];
	answers.usThresholds = {annualRevenueUsd: 40_000_000, saleRevenueShare: 0};
	answers.california = {...californiaBlock};
	for (const item of answers.dataItems) {
		item.ccpaCategory ??= item.sensitive ? 'sensitive' : 'identifiers';
	}

	for (const recipient of answers.recipients) {
		recipient.sold ??= false;
		recipient.shared ??= false;
		if (recipient.role !== 'processor') recipient.controlsCollection ??= false;
	}
}

/**
Answer sets that switch on the conditional parts of the checklist, beyond what the examples
already show. Each one is complete (a test drafts every one of them).
*/
export const variants: Record<string, () => Answers> = {
	'eu-saas, offered to children': () =>
		variant('eu-saas', (answers) => {
			answers.children = {
				offered: true,
				minimumAge: 13,
				ukLikelyAccessed: true,
				parentalConsent:
					'For users under 16 we ask for the email address of a parent, who confirms by a link we send them.',
			};
		}),
	'eu-saas, also serving California': () => variant('eu-saas', withCalifornia),
	'eu-saas, EEA only (no UK)': () =>
		variant('eu-saas', (answers) => {
			answers.audience.regions = answers.audience.regions.filter((region) => region !== 'uk');
		}),
	'us-consumer, sensitive data used beyond the permitted purposes': () =>
		variant('us-consumer', (answers) => {
			answers.california = {
				...answers.california!,
				sensitiveUse: 'beyond-permitted',
				limitLink: 'https://habitly.example/privacy/limit',
			};
		}),
	'us-consumer, sells data of under-16s with opt-in': () =>
		variant('us-consumer', (answers) => {
			answers.california = {
				...answers.california!,
				sellsUnder16: true,
				under16OptIn:
					'Users aged 13 to 15 must switch on "Share with partners" themselves; for younger users a parent must.',
			};
		}),
	'eu-saas, a joint controller, an occasional transfer and a UK recognised interest': () =>
		variant('eu-saas', (answers) => {
			answers.purposes.push({
				id: 'ad-measurement',
				name: 'Measuring our LinkedIn ads',
				description:
					'If you agree, the LinkedIn Insight Tag on our website tells LinkedIn and us which of our ads brought you to us.',
				dataItems: ['usage-data', 'ip-address'],
				legalBasis: 'consent',
				requirement: 'voluntary',
				consequence: 'nothing; you see our website the same.',
				retention: {kind: 'period', amount: 90, unit: 'days', from: 'your visit'},
				occasionalTransfer: {used: false},
				deviceAccess: 'advertising',
			});
			answers.recipients.push({
				id: 'linkedin',
				name: 'LinkedIn',
				entity: 'LinkedIn Ireland Unlimited Company',
				role: 'joint-controller',
				jointStage:
					'collecting data about your visit through the Insight Tag on our website and sending it to LinkedIn',
				jointEssence:
					'We tell you about it and ask for your consent; LinkedIn answers requests about what it does with the data afterwards.',
				purpose: 'measures which of our LinkedIn ads bring visitors',
				purposes: ['ad-measurement'],
				dataItems: ['usage-data', 'ip-address'],
				locations: ['IE', 'US'],
				certifications: ['eu-us-dpf', 'uk-extension'],
				consent: 'opt-in',
				choiceHow: 'accept marketing cookies in our cookie banner',
				privacyUrl: 'https://www.linkedin.com/legal/privacy-policy',
			});
			const support = answers.purposes.find((purpose) => purpose.id === 'support')!;
			support.occasionalTransfer = {
				used: true,
				countries: ['US'],
				derogation: 'contract',
				detail:
					'the details of a support case you ask us to pass to our integration partner in the United States',
			};
			const security = answers.purposes.find((purpose) => purpose.id === 'security')!;
			security.ukRecognisedInterest = 'crime';
		}),
	'eu-saas, established in France, with soft opt-in marketing': () =>
		variant('eu-saas', (answers) => {
			answers.controller.address = {
				lines: ['12 rue de la Paix'],
				postalCode: '75002',
				locality: 'Paris',
				country: 'FR',
			};
			answers.rights.authority = {
				name: 'Commission nationale de l’informatique et des libertés (CNIL)',
				url: 'https://www.cnil.fr',
			};
			const newsletter = answers.purposes.find((purpose) => purpose.id === 'newsletter')!;
			newsletter.legalBasis = 'legitimate-interests';
			newsletter.legitimateInterest =
				'telling our customers about new features of the product they already use';
			newsletter.softOptIn = true;
		}),
	'global-reps, without the UK, with California': () =>
		variant('global-reps', (answers) => {
			answers.audience.regions = ['eea', 'other'];
			withCalifornia(answers);
		}),
};
