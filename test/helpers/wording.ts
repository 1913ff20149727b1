/**
Wording defects in a rendered Markdown document: each a small rule over the text a reader sees,
line by line (a paragraph, a list item and a table row are each one line). Some rules need a few
facts from the answers (how many recipients, their links, the postal addresses, the security
measures): `wordingFacts` takes them from the answers, so the rules themselves stay pure and
testable on plain strings.
*/

export type WordingFacts = {
	/** How many recipients the answers name, and how many of them have a link. */
	recipients: number;
	linkedRecipients: number;
	/**
	The parts that identify each postal address in the answers: its first line ("Torstraße 140")
	and its postal code ("10119").
	*/
	addressParts: string[];
	/** The security measures as the answers give them: kind and detail. */
	security: string[];
};

export type RuleId =
	| 'repeated-name'
	| 'fragment'
	| 'double-full-stop'
	| 'repeated-address'
	| 'each-with-one-recipient'
	| 'links-that-are-not-there'
	| 'unsupported-hashing-claim';

export type WordingDefect = {rule: RuleId; line: number; excerpt: string};

type Rule = {
	id: RuleId;
	/** What the rule finds, for test titles and failure messages. */
	description: string;
	/** Offsets in the line where the defect is, or none. */
	find: (line: string, facts: WordingFacts) => number[];
};

const noFacts: WordingFacts = {recipients: 0, linkedRecipients: 0, addressParts: [], security: []};

/** Every offset where a pattern (global) matches. */
function offsets(line: string, pattern: RegExp): number[] {
	return [...line.matchAll(pattern)].map((match) => match.index);
}

/**
Verbs (and auxiliaries) that, right after "from you", make a clause where a noun phrase belongs:
"30 days from you close your account". A past participle counts too ("from we received").
*/
const clauseVerbs = new Set(
	`close closes closed delete deletes cancel cancels stop stops leave leaves end ends ask asks
	request requests unsubscribe unsubscribes withdraw withdraws use uses make makes place places
	create creates open opens submit submits contact contacts receive receives send sends join
	joins apply applies accept accepts become becomes sign signs log logs last lasts order orders
	buy buys pay pays subscribe subscribes register registers upload uploads update updates remove
	removes deactivate deactivates terminate terminates give gives tell tells provide provides
	choose chooses opt opts consent consents agree agrees complete completes finish finishes start
	starts begin begins visit visits install installs uninstall uninstalls stay stays remain
	remains are were is was have has had do does did will would can could may might must shall
	should`.split(/\s+/),
);

export const rules: Rule[] = [
	{
		id: 'fragment',
		description: 'a clause where a noun belongs ("30 days from you close your account")',
		find: (line) =>
			[...line.matchAll(/\b(?:from|of|by|at|on|for|with) (?:you|we|they|he|she|it|I) ([a-z]+)\b/g)]
				.filter((match) => clauseVerbs.has(match[1]!) || /[a-z]{2}ed$/.test(match[1]!))
				.map((match) => match.index),
	},
	{
		id: 'double-full-stop',
		description: 'two full stops ending one sentence (".." that is not "...")',
		find: (line) => offsets(line, /(?<!\.)\.\s*\.(?!\.)/g),
	},
	{
		id: 'repeated-name',
		description: 'a name followed by itself in brackets ("Acme GmbH (Acme GmbH)")',
		find: (line) => offsets(line, /([\p{L}\d][\p{L}\d&.,' -]{1,80}?) \(\1\)/gu),
	},
	{
		id: 'repeated-address',
		description: 'the same postal address twice in one line or list item',
		find: (line, facts) => {
			// Where a part of an address shows up a second time; one defect a line.
			const repeats = facts.addressParts
				.filter((part) => part.trim().length >= 4)
				.flatMap((part) => offsets(line, new RegExp(escapeRegExp(part.trim()), 'g')).slice(1));
			return repeats.length > 0 ? [Math.min(...repeats)] : [];
		},
	},
	{
		id: 'each-with-one-recipient',
		description: '"each only for" when there is only one recipient',
		find: (line, facts) => (facts.recipients < 2 ? offsets(line, /\beach only for\b/gi) : []),
	},
	{
		id: 'links-that-are-not-there',
		description: '"the link on each name" when no recipient has a link',
		find: (line, facts) =>
			facts.linkedRecipients === 0 ? offsets(line, /\bthe link on each name\b/gi) : [],
	},
	{
		id: 'unsupported-hashing-claim',
		description:
			'"salted" hashes when the security measures neither say so nor name an algorithm that salts',
		find: (line, facts) =>
			facts.security.some((measure) =>
				/\bsalt|\b(?:bcrypt|scrypt|yescrypt|argon2(?:id|i|d)?|pbkdf2)\b/i.test(measure),
			)
				? []
				: offsets(line, /\bsalted\b/gi),
	},
];

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
The lines of a Markdown document as a reader sees them: comments dropped; link targets, autolink
brackets, emphasis marks and backslash escapes removed; character references decoded.
*/
export function readerLines(markdown: string): string[] {
	return markdown.split('\n').map((line) => {
		if (/^\s*<!--.*-->\s*$/.test(line)) {
			return '';
		}

		const text = line
			.replace(/\[((?:[^\]\\]|\\.)*)\]\((?:[^()\\]|\\.)*\)/g, '$1')
			.replace(/<((?:https?:\/\/|mailto:)?[^<>\s]+)>/g, '$1')
			.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
		let out = '';
		for (let index = 0; index < text.length; index++) {
			const character = text[index]!;
			if (character === '\\' && index + 1 < text.length) {
				out += text[++index];
			} else if (character !== '*') {
				out += character;
			}
		}

		return out;
	});
}

/** Every defect in a rendered Markdown document, by rule, with its line and some context. */
export function wordingDefects(
	markdown: string,
	facts: WordingFacts = noFacts,
	only: readonly Rule[] = rules,
): WordingDefect[] {
	const defects: WordingDefect[] = [];
	for (const [index, line] of readerLines(markdown).entries()) {
		for (const rule of only) {
			for (const at of rule.find(line, facts)) {
				defects.push({
					rule: rule.id,
					line: index + 1,
					excerpt: line.slice(Math.max(0, at - 40), at + 50),
				});
			}
		}
	}

	return defects;
}

type AnswersLike = {
	recipients?: Array<{privacyUrl?: string}>;
	security?: Array<{kind: string; detail?: string}>;
};

/** The facts the rules need, from answers (any object holding a postal address counts). */
export function wordingFacts(answers: unknown): WordingFacts {
	const {recipients = [], security = []} = answers as AnswersLike;
	const addressParts: string[] = [];
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) {
			for (const item of value) {
				visit(item);
			}
		} else if (value !== null && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			if (Array.isArray(record['lines']) && typeof record['country'] === 'string') {
				const [first] = record['lines'] as unknown[];
				for (const part of [first, record['postalCode']]) {
					if (typeof part === 'string') {
						addressParts.push(part);
					}
				}
			}

			for (const item of Object.values(record)) {
				visit(item);
			}
		}
	};

	visit(answers);
	return {
		recipients: recipients.length,
		linkedRecipients: recipients.filter((recipient) => Boolean(recipient.privacyUrl)).length,
		addressParts: [...new Set(addressParts)],
		security: security.map((measure) => `${measure.kind} ${measure.detail ?? ''}`.trim()),
	};
}
