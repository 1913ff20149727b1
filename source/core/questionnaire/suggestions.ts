import {questionnaire} from './questionnaire.js';
import type {Question, Questionnaire, Suggestion} from './types.js';

/** Something the repo tells, offered on the welcome screen for a yes or no. */
export type RepoSuggestion = {key: Suggestion; label: string; value: string};

/** What the edges read from the repo: package.json and git. */
export type RepoFacts = {
	manifest?: Record<string, unknown>;
	gitEmail?: string;
	gitRemote?: string;
};

// Where code is hosted, not where a company lives: a repository page is never a website.
const codeHosts = [
	'github.com',
	'gitlab.com',
	'bitbucket.org',
	'codeberg.org',
	'sr.ht',
	'gitea.com',
	'gitee.com',
	'sourceforge.net',
	'dev.azure.com',
	'visualstudio.com',
	'npmjs.com',
	'npmjs.org',
	'jsr.io',
];

export function isCodeHost(url: string): boolean {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return false;
	}

	return codeHosts.some((code) => host === code || host.endsWith(`.${code}`));
}

/** package.json's homepage when it is a real web page, never a repository. */
export function websiteFrom(homepage: unknown): string | undefined {
	if (typeof homepage !== 'string') return undefined;
	const url = homepage.trim();
	return /^https?:\/\/[^\s/]+/i.test(url) && !isCodeHost(url) ? url : undefined;
}

/** The suggestions some question uses as its default: only these are worth asking about. */
export function usedSuggestions(root: Questionnaire = questionnaire): Set<Suggestion> {
	const used = new Set<Suggestion>();
	const visit = (questions: Question[]): void => {
		for (const question of questions) {
			if (question.default && 'suggestion' in question.default) {
				used.add(question.default.suggestion);
			}

			if (question.fields) visit(question.fields);
		}
	};

	for (const section of root.sections) visit(section.questions);
	return used;
}

/** What the repo suggests, in the order the welcome screen asks about it. */
export function repoSuggestions(
	facts: RepoFacts,
	root: Questionnaire = questionnaire,
): RepoSuggestion[] {
	const {manifest} = facts;
	const text = (value: unknown): string | undefined =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	const candidates: Array<[Suggestion, string, string | undefined]> = [
		['packageName', 'Product name (package.json)', text(manifest?.['name'])],
		['packageDescription', 'Description (package.json)', text(manifest?.['description'])],
		['homepage', 'Website (package.json homepage)', websiteFrom(manifest?.['homepage'])],
		['gitRemote', 'Git remote', text(facts.gitRemote)],
		['gitEmail', 'Contact email (git config user.email)', text(facts.gitEmail)],
	];
	const used = usedSuggestions(root);
	return candidates
		.filter(
			(candidate): candidate is [Suggestion, string, string] =>
				candidate[2] !== undefined && used.has(candidate[0]),
		)
		.map(([key, label, value]) => ({key, label, value}));
}
