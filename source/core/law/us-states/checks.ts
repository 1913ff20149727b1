/** What `check` finds unlawful or false in the answers under the state laws. */
import checklistData from '../../../../questionnaires/law/us-states/checklist.json' with {type: 'json'};
import type {PartialAnswers} from '../../answers/types.js';
import type {Finding} from '../../checks/finding.js';
import {regimeChecklist} from '../checklist.js';
import type {CheckContext, Checklist} from '../types.js';
import {dollars} from '../us/shared.js';
import {minorsRuleOn, policyDate, stateLaws, undraftedLaws, uoomOn} from './data.js';
import {
	draftedLaws,
	fullLaws,
	minorsRules,
	sellsOrTargets,
	sellsSensitive,
	smallBusinessSensitiveSale,
	statesOf,
	uoomLaws,
	type ScopedLaw,
} from './facts.js';
import {hasSensitive, undraftedScopes} from './scope.js';

export const checklist = regimeChecklist(checklistData as Checklist);

/** Rights named in findings (the drafted wording lives in messages.en.json). */
const rightNames: Partial<Record<string, string>> = {
	correct: 'to correct inaccurate personal data',
	thirdPartiesCategories: 'to the list of the categories of third parties',
};

const citationsOf = (laws: readonly ScopedLaw[]): string =>
	laws.map((scope) => scope.law.citation).join('; ');

function uoom(answers: PartialAnswers): Finding[] {
	if (!sellsOrTargets(answers) || answers.usStateLaws?.honoursGpc !== false) {
		return [];
	}

	const laws = uoomLaws(answers);
	const confirmed = laws.filter((scope) => {
		const rule = uoomOn(scope.law, scope.date);
		return rule !== undefined && rule.verify !== true;
	});
	const binding = confirmed.length > 0 ? confirmed : laws;
	return [
		checklist.finding(
			'US-STATES-UOOM',
			confirmed.length > 0 ? 'error' : 'warning',
			confirmed.length > 0
				? `You sell personal data or use it for targeted advertising, but do not honour Global Privacy Control, which ${statesOf(confirmed)} require${confirmed.length === 1 ? 's' : ''} you to treat as a valid opt-out.`
				: `You sell personal data or use it for targeted advertising and do not honour Global Privacy Control; ${statesOf(binding)} may require it (unconfirmed: verify).`,
			'Treat a Global Privacy Control signal as an opt-out of sale and targeted advertising for that browser or device (and for the person, if known), then answer yes. Honouring it is not optional.',
			{
				questionId: 'usStateLaws.honoursGpc',
				path: 'usStateLaws.honoursGpc',
				citation: citationsOf(binding),
			},
		),
	];
}

function sensitive(answers: PartialAnswers): Finding[] {
	const out: Finding[] = [];
	const full = fullLaws(answers);
	const state = answers.usStateLaws ?? {};
	if (hasSensitive(answers) && state.sensitiveOptIn === false) {
		const optIn = full.filter((scope) => scope.law.sensitive !== 'notice-opt-out');
		if (optIn.length > 0) {
			out.push(
				checklist.finding(
					'US-STATES-SENSITIVE',
					'error',
					`You process sensitive data without the person's opt-in consent, which ${statesOf(optIn)} require${optIn.length === 1 ? 's' : ''}.`,
					"Ask for consent before processing sensitive data (a parent's, under COPPA, for a child under 13), then answer yes; or stop processing it.",
					{
						questionId: 'usStateLaws.sensitiveOptIn',
						path: 'usStateLaws.sensitiveOptIn',
						citation: citationsOf(optIn),
					},
				),
			);
		}

		const small = smallBusinessSensitiveSale(answers);
		if (small.length > 0 && optIn.length === 0) {
			out.push(
				checklist.finding(
					'US-STATES-SENSITIVE',
					'error',
					`Even as a small business, you may not sell sensitive data of residents of ${statesOf(small)} without their consent.`,
					'Ask for consent before selling sensitive data, then answer yes; or stop selling it.',
					{
						questionId: 'usStateLaws.sensitiveOptIn',
						path: 'usStateLaws.sensitiveOptIn',
						citation: small
							.flatMap((scope) => (scope.law.anySize ?? []).map((entry) => entry.citation))
							.join('; '),
					},
				),
			);
		}
	}

	const strict = full.filter((scope) => scope.law.sensitive === 'strictly-necessary');
	if (strict.length > 0 && hasSensitive(answers)) {
		if (sellsSensitive(answers)) {
			out.push(
				checklist.finding(
					'US-STATES-SENSITIVE',
					'error',
					`A recipient marked as a sale receives sensitive data; ${statesOf(strict)} forbid${strict.length === 1 ? 's' : ''} selling sensitive data, even with consent.`,
					'Stop selling sensitive data (remove the sensitive items from that recipient, or make it a processor under contract).',
					{questionId: 'recipients.sold', path: 'recipients', citation: citationsOf(strict)},
				),
			);
		}

		if (state.sensitiveStrictlyNecessary === false) {
			out.push(
				checklist.finding(
					'US-STATES-SENSITIVE',
					'error',
					`You process sensitive data beyond what is strictly necessary for a product or service the person asked for, which ${statesOf(strict)} forbid${strict.length === 1 ? 's' : ''}.`,
					'Limit the collection, processing and sharing of sensitive data to what is strictly necessary to provide or maintain what the person asked for, then answer yes.',
					{
						questionId: 'usStateLaws.sensitiveStrictlyNecessary',
						path: 'usStateLaws.sensitiveStrictlyNecessary',
						citation: citationsOf(strict),
					},
				),
			);
		}
	}

	for (const scope of full) {
		for (const rule of scope.law.noSaleOf ?? []) {
			if (rule.from <= scope.date && sellsSensitive(answers, rule.category)) {
				out.push(
					checklist.finding(
						'US-STATES-SENSITIVE',
						'error',
						`A recipient marked as a sale receives ${rule.category.replace('-', ' ')} data, which ${scope.law.state} forbids selling.`,
						`Stop selling ${rule.category.replace('-', ' ')} data of ${scope.law.state} residents.`,
						{questionId: 'recipients.sold', path: 'recipients', citation: scope.law.citation},
					),
				);
			}
		}
	}

	return out;
}

function minors(answers: PartialAnswers): Finding[] {
	const state = answers.usStateLaws ?? {};
	if (state.minorsKnown !== true) {
		return [];
	}

	const out: Finding[] = [];
	const drafted = draftedLaws(answers);
	const ruled = minorsRules(answers);
	const treatment = state.minorsTreatment;
	if (treatment === 'same' && ruled.length > 0) {
		const laws = ruled.map((entry) => entry.scope);
		out.push(
			checklist.finding(
				'US-STATES-MINORS',
				'error',
				`You sell, target ads at or profile consumers you know to be minors like anyone else; ${statesOf(laws)} require${laws.length === 1 ? 's' : ''} consent, or forbid it.`,
				'Exclude consumers you know to be minors from sale, targeted advertising and profiling (or, where the law allows, ask their consent), then change the answer.',
				{
					questionId: 'usStateLaws.minorsTreatment',
					path: 'usStateLaws.minorsTreatment',
					citation: citationsOf(laws),
				},
			),
		);
	}

	const banned = ruled.filter((entry) => entry.rule.rule === 'ban').map((entry) => entry.scope);
	if (treatment === 'consent' && banned.length > 0) {
		out.push(
			checklist.finding(
				'US-STATES-MINORS',
				'error',
				`Consent is not enough in ${statesOf(banned)}: the law forbids selling the personal data of minors or using it for targeted advertising, even with consent.`,
				'Exclude consumers you know (or should know) to be minors from sale and targeted advertising, then answer "excluded".',
				{
					questionId: 'usStateLaws.minorsTreatment',
					path: 'usStateLaws.minorsTreatment',
					citation: citationsOf(banned),
				},
			),
		);
	}

	// Unconfirmed rules only warn.
	const date = policyDate(answers);
	const drafting = new Set(drafted.map((scope) => scope.code));
	const restricted = sellsOrTargets(answers) || answers.automatedDecisions?.used === true;
	for (const code of answers.audience?.usStates ?? []) {
		const law = typeof code === 'string' ? stateLaws[code] : undefined;
		const rule = law ? minorsRuleOn(law, date, true) : undefined;
		if (!law || !rule?.verify || !restricted || treatment === 'excluded' || date < law.inForce) {
			continue;
		}

		if (drafting.has(code!) || rule.anySize) {
			out.push(
				checklist.finding(
					'US-STATES-MINORS',
					'warning',
					`${law.state} may restrict the sale, targeted advertising or profiling of minors under ${rule.under}${rule.anySize ? ', whatever the size of the business' : ''} (unconfirmed: verify).`,
					'Check the rule with a lawyer; excluding consumers you know to be minors from sale, targeted advertising and profiling is always safe.',
					{
						questionId: 'usStateLaws.minorsTreatment',
						path: 'usStateLaws',
						citation: rule.citation ?? law.citation,
					},
				),
			);
		}
	}

	return out;
}

function rights(answers: PartialAnswers): Finding[] {
	const out: Finding[] = [];
	const channels = (answers.rights?.channels ?? []).filter((channel) => channel !== undefined);
	const full = fullLaws(answers);
	if (full.length === 0 || channels.length === 0) {
		return out;
	}

	const methods = full.filter((scope) => (scope.law.requestMethods ?? 1) > channels.length);
	if (methods.length > 0) {
		out.push(
			checklist.finding(
				'US-STATES-RIGHTS',
				'error',
				`${statesOf(methods)} require${methods.length === 1 ? 's' : ''} at least two secure and reliable methods for requests; you offer ${channels.length}.`,
				'Add a second request channel (for example a web form besides the email address).',
				{questionId: 'rights.channels', path: 'rights.channels', citation: citationsOf(methods)},
			),
		);
	}

	// Rights the data marks as unconfirmed are not drafted: say so, as a warning.
	for (const scope of full) {
		for (const entry of scope.law.rightsFrom ?? []) {
			if (entry.verify && entry.from <= scope.date) {
				out.push(
					checklist.finding(
						'US-STATES-RIGHTS',
						'warning',
						`${scope.law.state} may give a further right from ${entry.from} (${rightNames[entry.right] ?? entry.right}; unconfirmed: verify); the policy does not list it.`,
						'Check it with a lawyer; offering the right to every resident is always safe.',
						{questionId: 'rights.channels', path: 'rights', citation: scope.law.citation},
					),
				);
			}
		}
	}

	if (channels.every((channel) => channel?.kind === 'in-app')) {
		out.push(
			checklist.finding(
				'US-STATES-RIGHTS',
				'error',
				'Requests can be made only in the app, which forces people without an account to create one; the state laws forbid requiring a new account.',
				'Add a channel that needs no account (an email address or a web form).',
				{questionId: 'rights.channels', path: 'rights.channels', citation: citationsOf(full)},
			),
		);
	}

	return out;
}

function notice(answers: PartialAnswers): Finding[] {
	const out: Finding[] = [];
	const full = fullLaws(answers);
	const state = answers.usStateLaws ?? {};
	const accessible = full.filter((scope) => scope.law.noticeRules?.languagesAndAccess);
	if (accessible.length > 0 && state.noticeAccessible === false) {
		out.push(
			checklist.finding(
				'US-STATES-NOTICE',
				'error',
				`${statesOf(accessible)} require${accessible.length === 1 ? 's' : ''} the privacy notice in every language in which you offer your service, and accessible to people with disabilities.`,
				'Publish the policy in each language of your service and in an accessible format (for example meeting WCAG 2.1 AA), then answer yes.',
				{
					questionId: 'usStateLaws.noticeAccessible',
					path: 'usStateLaws.noticeAccessible',
					citation: citationsOf(accessible),
				},
			),
		);
	}

	const llm = full.filter(
		(scope) => scope.law.llmTraining !== undefined && scope.law.llmTraining.from <= scope.date,
	);
	if (llm.length > 0 && state.llmTraining === undefined) {
		out.push(
			checklist.finding(
				'US-STATES-NOTICE',
				'warning',
				`${statesOf(llm)} may require the notice to say whether you use personal data to train large language models (unconfirmed: verify).`,
				'Answer whether you collect, use or sell personal data to train large language models; the policy then says so.',
				{
					questionId: 'usStateLaws.llmTraining',
					path: 'usStateLaws.llmTraining',
					citation: citationsOf(llm),
				},
			),
		);
	}

	return out;
}

function scope(answers: PartialAnswers): Finding[] {
	const out: Finding[] = [];
	const us = answers.usThresholds ?? {};
	const sold = (answers.recipients ?? []).findIndex((recipient) => recipient?.sold === true);
	if (us.sellsPersonalData === false && sold !== -1) {
		out.push(
			checklist.finding(
				'US-STATES-SCOPE',
				'error',
				`You answered that you do not sell personal data, but recipients[${sold}] ("${answers.recipients?.[sold]?.name ?? ''}") is marked as a sale.`,
				'Make the two answers agree: a disclosure for money or other valuable consideration is a sale under most state laws.',
				{questionId: 'usThresholds.sellsPersonalData', path: 'usThresholds.sellsPersonalData'},
			),
		);
	}

	const exempt = fullLaws(answers).filter(
		(entry) => entry.law.smallBusinessExempt?.verify && us.sbaSmallBusiness === true,
	);
	if (exempt.length > 0) {
		out.push(
			checklist.finding(
				'US-STATES-SCOPE',
				'warning',
				`${statesOf(exempt)} may exempt small businesses as the SBA defines them, except from the rule against selling sensitive data without consent (unconfirmed: verify); the policy covers ${statesOf(exempt)} all the same.`,
				'Check the exemption with a lawyer before relying on it.',
				{
					questionId: 'usThresholds.sbaSmallBusiness',
					path: 'usThresholds.sbaSmallBusiness',
					citation: citationsOf(exempt),
				},
			),
		);
	}

	for (const florida of undraftedScopes(answers)) {
		if (florida.status !== 'applies') {
			continue;
		}

		const law = undraftedLaws[florida.code]!;
		out.push({
			id: 'LAW-UNDRAFTED',
			severity: 'error',
			citation: `${law.citation}; checklist-regimes §1`,
			message: `The ${law.law} applies to you (revenue above ${dollars(law.revenueAbove)} and a further condition of ${law.scopeCitation}), and privacy-wizard cannot draft it: the policy is silent on it.`,
			fix: `Have the notice the ${law.law} requires drafted by a lawyer and published with this policy, or correct usThresholds.floridaController if you meet none of its further conditions.`,
			regime: 'core',
			questionId: 'usThresholds.floridaController',
			path: 'usThresholds.floridaController',
		});
	}

	return out;
}

/** Every finding of the state laws; run while the regime applies. */
export function checks(ctx: CheckContext): Finding[] {
	const {answers} = ctx;
	return [
		...scope(answers),
		...uoom(answers),
		...sensitive(answers),
		...minors(answers),
		...rights(answers),
		...notice(answers),
	];
}
