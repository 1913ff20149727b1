import {
	gdprApplies,
	recipientNeedsEuSafeguard,
	servesCalifornia,
	servesEea,
} from '../answers/derive.js';
import {formatIssue} from '../answers/json-schema.js';
import {missingAnswers} from '../answers/load.js';
import type {DraftAnswers, PartialAnswers} from '../answers/types.js';
import {euAdequate, ukAdequate} from '../jurisdictions/index.js';
import {formatPath, type AnswerPath} from '../questionnaire/paths.js';
import {gaps} from '../questionnaire/walk.js';
import {checklistItem} from './checklist.js';

export type Severity = 'error' | 'warning';

export type Finding = {
	/** Checklist id (`GDPR-13.1.f`), or a privacy-wizard id for repo checks. */
	id: string;
	severity: Severity;
	citation: string;
	/** What is missing or wrong. */
	message: string;
	/** How to fix it. */
	fix: string;
	/** The question that fixes it (its full id), for the wizard's jump key. */
	questionId?: string;
	/** Where in the answers, as people read it (`purposes[1].retention`). */
	path?: string;
};

function finding(
	id: string,
	severity: Severity,
	message: string,
	fix: string,
	extra: Partial<Finding> = {},
): Finding {
	const citation = extra.citation ?? checklistItem(id).citation;
	return {id, severity, citation, message, fix, ...extra};
}

/** The checklist id a question's gap counts against. */
function gapId(serves: string[] | undefined, answers: PartialAnswers): string {
	const applicable = (serves ?? []).filter((id) => {
		if (id.startsWith('CCPA-')) {
			return servesCalifornia(answers);
		}

		return id.startsWith('UK-') || gdprApplies(answers) || !id.startsWith('GDPR-');
	});
	return applicable[0] ?? serves?.[0] ?? 'GDPR-12.1';
}

function questionFindings(answers: DraftAnswers): Finding[] {
	const out: Finding[] = [];
	const covered = new Set<string>();
	for (const gap of gaps(answers)) {
		const path = formatPath(gap.path);
		covered.add(path);
		const where = `${gap.section.title} → ${gap.question.prompt}`;
		out.push(
			finding(
				gapId(gap.question.serves, answers),
				'error',
				gap.kind === 'missing'
					? `Missing answer: ${where} (${path}).`
					: `${where} (${path}): ${gap.message}`,
				`Run \`privacy-wizard\` and answer "${gap.question.prompt}" in the section "${gap.section.title}", or set ${path} in the answers file.`,
				{questionId: gap.fullId, path},
			),
		);
	}

	// The schema also requires a few fields that no question asks for directly.
	for (const issue of missingAnswers(answers)) {
		if (
			covered.has(issue.path) ||
			[...covered].some(
				(path) => path.startsWith(`${issue.path}.`) || path.startsWith(`${issue.path}[`),
			)
		) {
			continue;
		}

		out.push(
			finding(
				'GDPR-12.1',
				'error',
				`Missing answer: ${formatIssue(issue)}.`,
				`Run \`privacy-wizard\` to answer it, or set ${issue.path} in the answers file.`,
				{
					path: issue.path,
				},
			),
		);
	}

	return out;
}

const placeholder = /\b(TODO|TBD|FIXME|XXX|lorem ipsum)\b|\[[^\]\n]{0,40}\]|\{\{|<insert|\bN\/A\b/i;

/** Every string the founder wrote, with its path. */
function userStrings(
	value: unknown,
	path: AnswerPath = [],
): Array<{path: AnswerPath; text: string}> {
	if (typeof value === 'string') {
		return [{path, text: value}];
	}

	if (Array.isArray(value)) {
		return value.flatMap((item, index) => userStrings(item, [...path, index]));
	}

	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) =>
			key === '$schema' ? [] : userStrings(item, [...path, key]),
		);
	}

	return [];
}

function textFindings(answers: DraftAnswers): Finding[] {
	const out: Finding[] = [];
	for (const {path, text} of userStrings(answers)) {
		const where = formatPath(path);
		if (placeholder.test(text)) {
			out.push(
				finding(
					'GDPR-12.1',
					'error',
					`${where} holds a placeholder: "${text.slice(0, 60)}".`,
					'Replace it with the real answer; a published policy must not contain placeholders.',
					{path: where},
				),
			);
		}

		if (/privacy\s+shield/i.test(text)) {
			out.push(
				finding(
					'GDPR-13.1.f',
					'error',
					`${where} mentions Privacy Shield, which the CJEU invalidated in 2020 (Schrems II).`,
					'Name the EU-US Data Privacy Framework (only for certified importers) or the Standard Contractual Clauses instead.',
					{path: where},
				),
			);
		}
	}

	return out;
}

const vagueRetention =
	/^\s*(for\s+)?(as\s+long\s+as\s+(is\s+)?(necessary|needed|required)|indefinitely|until\s+no\s+longer\s+needed)[\s.]*$/i;
const bareInterest = /^\s*(our\s+)?(legitimate\s+)?(business\s+)?interests?[\s.]*$/i;

type Draft = {
	purposes?: Array<Record<string, unknown>>;
	recipients?: Array<Record<string, unknown>>;
	dataItems?: Array<Record<string, unknown>>;
	rights?: {responseDays?: unknown; channels?: Array<{kind?: unknown; value?: unknown}>};
	california?: {onlineOnly?: unknown};
	dpo?: {designated?: unknown; email?: unknown};
	controller?: {email?: unknown};
	children?: {offered?: unknown; minimumAge?: unknown};
	document?: {effectiveDate?: unknown; revisions?: Array<{date?: unknown}>};
};

function purposeFindings(answers: Draft): Finding[] {
	const out: Finding[] = [];
	for (const [index, purpose] of (answers.purposes ?? []).entries()) {
		const retention = purpose['retention'] as {kind?: string; criteria?: string} | undefined;
		if (
			retention?.kind === 'criteria' &&
			typeof retention.criteria === 'string' &&
			vagueRetention.test(retention.criteria)
		) {
			out.push(
				finding(
					'GDPR-13.2.a',
					'error',
					`purposes[${index}].retention says only "${retention.criteria.trim()}".`,
					'Give a period with the event that starts it, or concrete criteria (for example "until you close your account, then 30 days").',
					{
						questionId: 'purposes.retention.criteria',
						path: `purposes[${index}].retention.criteria`,
					},
				),
			);
		}

		const interest = purpose['legitimateInterest'];
		if (
			purpose['legalBasis'] === 'legitimate-interests' &&
			typeof interest === 'string' &&
			bareInterest.test(interest)
		) {
			out.push(
				finding(
					'GDPR-13.1.d',
					'error',
					`purposes[${index}] relies on legitimate interests without saying which: "${interest.trim()}".`,
					'Describe the interest you pursue in words, for example "preventing fraud and abuse of our service".',
					{
						questionId: 'purposes.legitimateInterest',
						path: `purposes[${index}].legitimateInterest`,
					},
				),
			);
		}

		if (
			purpose['legalBasis'] === 'consent' &&
			(purpose['requirement'] === 'statutory' || purpose['requirement'] === 'contractual')
		) {
			out.push(
				finding(
					'GDPR-13.2.e',
					'warning',
					`purposes[${index}] relies on consent but says the data is required.`,
					'Consent must be freely given: mark the data as optional, or choose the legal basis that really applies.',
					{
						questionId: 'purposes.requirement',
						path: `purposes[${index}].requirement`,
					},
				),
			);
		}
	}

	const used = new Set(
		(answers.purposes ?? []).flatMap(
			(purpose) => (purpose['dataItems'] as string[] | undefined) ?? [],
		),
	);
	for (const [index, item] of (answers.dataItems ?? []).entries()) {
		if (
			typeof item['id'] === 'string' &&
			(answers.purposes?.length ?? 0) > 0 &&
			!used.has(item['id'])
		) {
			out.push(
				finding(
					'GDPR-13.1.c',
					'warning',
					`dataItems[${index}] ("${String(item['name'])}") is collected but no purpose uses it.`,
					'Add it to the purposes that use it, or stop collecting it and remove it (data minimisation, Article 5(1)(c)).',
					{
						questionId: 'purposes.dataItems',
						path: `dataItems[${index}]`,
					},
				),
			);
		}
	}

	return out;
}

function recipientFindings(answers: Draft & PartialAnswers): Finding[] {
	const out: Finding[] = [];
	for (const [index, recipient] of (answers.recipients ?? []).entries()) {
		const where = `recipients[${index}] ("${String(recipient['name'])}")`;
		const locations = (recipient['locations'] as string[] | undefined) ?? [];
		const safeguard = recipient['transferSafeguard'];
		const ukSafeguard = recipient['ukTransferSafeguard'];
		if (
			(safeguard === 'dpf' || ukSafeguard === 'uk-extension') &&
			recipient['dpfCertified'] !== true
		) {
			out.push(
				finding(
					'GDPR-13.1.f',
					'error',
					`${where} relies on the Data Privacy Framework but is not marked as certified.`,
					'Check the recipient on the official DPF list. If it is certified, answer yes to "certified"; if not, use the Standard Contractual Clauses (and the UK Addendum).',
					{
						questionId: 'recipients.dpfCertified',
						path: `recipients[${index}].dpfCertified`,
					},
				),
			);
		}

		if ((safeguard === 'dpf' || ukSafeguard === 'uk-extension') && !locations.includes('US')) {
			out.push(
				finding(
					'GDPR-13.1.f',
					'error',
					`${where} relies on the Data Privacy Framework, which covers only transfers to the United States.`,
					'Choose the Standard Contractual Clauses or another Article 46 safeguard for its other locations.',
					{
						questionId: 'recipients.transferSafeguard',
						path: `recipients[${index}].transferSafeguard`,
					},
				),
			);
		}

		if (safeguard === 'adequacy' && locations.some((country) => !euAdequate(country))) {
			out.push(
				finding(
					'GDPR-13.1.f',
					'error',
					`${where} is said to rely on adequacy, but ${locations.filter((country) => !euAdequate(country)).join(', ')} has no EU adequacy decision.`,
					'Choose the Standard Contractual Clauses, binding corporate rules or (for certified US importers) the Data Privacy Framework.',
					{
						questionId: 'recipients.transferSafeguard',
						path: `recipients[${index}].transferSafeguard`,
					},
				),
			);
		}

		if (ukSafeguard === 'adequacy' && locations.some((country) => !ukAdequate(country))) {
			out.push(
				finding(
					'UK-DELTA',
					'error',
					`${where} is said to rely on UK adequacy, but not all of its locations have UK adequacy regulations.`,
					'Choose the IDTA, the UK Addendum, or the UK Extension to the DPF for certified US importers.',
					{
						questionId: 'recipients.ukTransferSafeguard',
						path: `recipients[${index}].ukTransferSafeguard`,
					},
				),
			);
		}

		if (
			servesCalifornia(answers) &&
			recipient['role'] !== 'processor' &&
			recipient['sold'] !== true &&
			recipient['shared'] !== true
		) {
			out.push(
				finding(
					'CCPA-SOLD',
					'warning',
					`${where} is not a service provider, yet neither a sale nor sharing is recorded.`,
					'Under the CCPA, disclosing personal information to a third party for value or for cross-context advertising is a sale or "sharing": confirm and mark it, or make it a service provider by contract.',
					{
						questionId: 'recipients.shared',
						path: `recipients[${index}]`,
					},
				),
			);
		}

		if (recipientNeedsEuSafeguard(answers, recipient) && safeguard === 'derogation') {
			out.push(
				finding(
					'GDPR-13.1.f',
					'warning',
					`${where} relies on an Article 49 derogation.`,
					'Derogations suit only occasional, non-repetitive transfers; a processor you use routinely needs the SCCs or the DPF.',
					{
						questionId: 'recipients.transferSafeguard',
						path: `recipients[${index}].transferSafeguard`,
					},
				),
			);
		}
	}

	return out;
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function rightsFindings(answers: Draft & PartialAnswers, today: string): Finding[] {
	const out: Finding[] = [];
	const days = answers.rights?.responseDays;
	if (gdprApplies(answers) && typeof days === 'number' && days > 30) {
		out.push(
			finding(
				'GDPR-12.3',
				'error',
				`rights.responseDays is ${days}, longer than the GDPR's one month.`,
				'Answer within one month (30 days); the policy already explains the two-month extension for complex requests.',
				{
					questionId: 'rights.responseDays',
					path: 'rights.responseDays',
				},
			),
		);
	}

	if (servesCalifornia(answers)) {
		const kinds = new Set((answers.rights?.channels ?? []).map((channel) => channel.kind));
		const onlineOnly = answers.california?.onlineOnly === true;
		if (onlineOnly && !kinds.has('email') && kinds.size > 0) {
			out.push(
				finding(
					'CCPA-METHODS',
					'error',
					'An online-only business must offer at least an email address for requests.',
					'Add an email channel under rights requests.',
					{questionId: 'rights.channels', path: 'rights.channels'},
				),
			);
		}

		if (answers.california?.onlineOnly === false && (!kinds.has('toll-free') || kinds.size < 2)) {
			out.push(
				finding(
					'CCPA-METHODS',
					'error',
					'California requires two or more request methods, including a toll-free telephone number, unless you are online-only.',
					'Add a toll-free number and a second method (email or a web form) under rights requests.',
					{questionId: 'rights.channels', path: 'rights.channels'},
				),
			);
		}

		const effective = answers.document?.effectiveDate;
		if (typeof effective === 'string') {
			const dates = [
				effective,
				...(answers.document?.revisions ?? [])
					.map((revision) => revision.date)
					.filter((date): date is string => typeof date === 'string'),
			];
			const latest = dates.sort().at(-1)!;
			if (daysBetween(latest, today) > 365) {
				out.push(
					finding(
						'CCPA-DATE',
						'error',
						`The policy was last updated on ${latest}, more than 12 months ago.`,
						'Review the answers and regenerate: the CCPA requires an update at least every 12 months. Re-running the wizard adds a revision entry.',
						{questionId: 'document.revisions', path: 'document'},
					),
				);
			}
		}
	}

	if (
		answers.dpo?.designated === true &&
		answers.dpo.email !== undefined &&
		answers.dpo.email === answers.controller?.email
	) {
		out.push(
			finding(
				'GDPR-13.1.b',
				'warning',
				'The DPO has the same email address as the general privacy contact.',
				'A DPO is a formally designated, independent role (Article 37–39). If this is just your privacy contact, answer no to the DPO question.',
				{questionId: 'dpo.designated', path: 'dpo'},
			),
		);
	}

	const age = answers.children?.minimumAge;
	if (
		servesEea(answers) &&
		answers.children?.offered === false &&
		typeof age === 'number' &&
		age < 16
	) {
		out.push(
			finding(
				'GDPR-8',
				'warning',
				`The service is open from age ${age}, but says it is not offered to children.`,
				'In the EU, people under 16 (13 to 16 depending on the country) need parental consent: raise the minimum age to 16, or answer that the service is offered to children and describe parental consent.',
				{questionId: 'children.offered', path: 'children'},
			),
		);
	}

	return out;
}

export type CheckOptions = {
	/** Today's date (`YYYY-MM-DD`), for the 12-month freshness rule. Passed in: the core reads no clock. */
	today: string;
};

/** Every finding for a set of answers, errors first, in a stable order. */
export function checkAnswers(answers: DraftAnswers, options: CheckOptions): Finding[] {
	const draft = answers as Draft & PartialAnswers;
	const all = [
		...questionFindings(answers),
		...textFindings(answers),
		...purposeFindings(draft),
		...recipientFindings(draft),
		...rightsFindings(draft, options.today),
	];
	return [
		...all.filter((item) => item.severity === 'error'),
		...all.filter((item) => item.severity === 'warning'),
	];
}

export function hasErrors(findings: Finding[]): boolean {
	return findings.some((item) => item.severity === 'error');
}
