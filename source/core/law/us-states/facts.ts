/**
Facts about the answers that the questions, the checklist conditions, the drafter and the checks
share. Each accepts answers still being filled in: a missing answer makes a fact false.
*/
import type {PartialAnswers} from '../../answers/types.js';
import {listInWords} from '../../drafting/text.js';
import {sellsOrShares} from '../us/shared.js';
import {
	minorsRuleOn,
	policyDate,
	stateLaws,
	uoomOn,
	type MinorsRule,
	type StateLaw,
} from './data.js';
import {
	draftedScopes,
	fullScopes,
	hasBiometric,
	hasSensitive,
	sells,
	type StateScope,
} from './scope.js';

export type ScopedLaw = StateScope & {date: string};

/** "Colorado, Oregon and Virginia". */
export const statesOf = (laws: readonly ScopedLaw[]): string =>
	listInWords(laws.map((scope) => scope.law.state));

/** "Colorado, Oregon or Virginia", after "if you live in". */
export const anyOf = (laws: readonly ScopedLaw[]): string =>
	listInWords(
		laws.map((scope) => scope.law.state),
		'or',
	);

/** The states whose law applies in full, each with the policy's date. */
export function fullLaws(answers: PartialAnswers): ScopedLaw[] {
	const date = policyDate(answers);
	return fullScopes(answers).map((scope) => ({...scope, date}));
}

export function draftedLaws(answers: PartialAnswers): ScopedLaw[] {
	const date = policyDate(answers);
	return draftedScopes(answers).map((scope) => ({...scope, date}));
}

/** A recipient marked as a sale or for targeted advertising ("shared"). */
export function sellsOrTargets(answers: PartialAnswers): boolean {
	return sellsOrShares(answers);
}

export function targets(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some((recipient) => recipient?.shared === true);
}

export function soldRecipients(answers: PartialAnswers): string[] {
	return (answers.recipients ?? [])
		.filter((recipient) => recipient?.sold === true)
		.map((recipient) => recipient?.name ?? '');
}

/** Ids of the data items that are sensitive (any kind, or the CCPA category). */
function sensitiveIds(answers: PartialAnswers, kind?: string): Set<string> {
	return new Set(
		(answers.dataItems ?? [])
			.filter((item) =>
				kind === undefined
					? item?.sensitive?.category !== undefined || item?.ccpaCategory === 'sensitive'
					: item?.sensitive?.category === kind ||
						(kind === 'biometric' && item?.ccpaCategory === 'biometric'),
			)
			.map((item) => item?.id)
			.filter((id): id is string => typeof id === 'string'),
	);
}

/** Whether a recipient marked as a sale receives sensitive data (of one kind, if given). */
export function sellsSensitive(answers: PartialAnswers, kind?: string): boolean {
	const ids = sensitiveIds(answers, kind);
	return (answers.recipients ?? []).some(
		(recipient) =>
			recipient?.sold === true &&
			(recipient.dataItems ?? []).some((id) => typeof id === 'string' && ids.has(id)),
	);
}

/** The confirmed rules on minors of the states drafted (in full, or Colorado's for every size). */
export function minorsRules(answers: PartialAnswers): Array<{scope: ScopedLaw; rule: MinorsRule}> {
	return draftedLaws(answers)
		.filter((scope) => scope.status === 'applies' || scope.duties.includes('minors'))
		.map((scope) => ({scope, rule: minorsRuleOn(scope.law, scope.date)}))
		.filter((entry): entry is {scope: ScopedLaw; rule: MinorsRule} => entry.rule !== undefined);
}

const has = (laws: readonly ScopedLaw[], test: (law: StateLaw, date: string) => boolean): boolean =>
	laws.some((scope) => test(scope.law, scope.date));

export function hasAppeal(answers: PartialAnswers): boolean {
	return has(fullLaws(answers), (law) => law.appeal !== null);
}

/** The states that apply in full and require a universal opt-out on the policy's date (unconfirmed ones too). */
export function uoomLaws(answers: PartialAnswers): ScopedLaw[] {
	return fullLaws(answers).filter(
		(scope) => uoomOn(scope.law, scope.date) !== undefined || scope.law.uoomVerify,
	);
}

/** Whether to ask about Global Privacy Control: selling or targeted advertising where a state requires it. */
export function uoomAsked(answers: PartialAnswers): boolean {
	return sellsOrTargets(answers) && uoomLaws(answers).length > 0;
}

/** The small-business duty of Texas and Nebraska: no sale of sensitive data without consent. */
export function smallBusinessSensitiveSale(answers: PartialAnswers): ScopedLaw[] {
	return draftedLaws(answers).filter((scope) => scope.duties.includes('sensitive-sale-consent'));
}

export const facts = {
	/** At least one state law applies, in full or in the duties that bind every size. */
	drafts: (answers: PartialAnswers) => draftedLaws(answers).length > 0,
	full: (answers: PartialAnswers) => fullLaws(answers).length > 0,
	hasAppeal,
	sellsOrTargets: (answers: PartialAnswers) =>
		fullLaws(answers).length > 0 && sellsOrTargets(answers),
	optOutDisclosure: (answers: PartialAnswers) =>
		fullLaws(answers).length > 0 &&
		(sellsOrTargets(answers) || answers.automatedDecisions?.used === true),
	needsOptOutLink: (answers: PartialAnswers) =>
		sellsOrTargets(answers) && has(fullLaws(answers), (law) => law.optOutLinkRequired === true),
	uoomAsked,
	sensitiveNotice: (answers: PartialAnswers) =>
		hasSensitive(answers) &&
		(fullLaws(answers).length > 0 || smallBusinessSensitiveSale(answers).length > 0),
	asksStrictlyNecessary: (answers: PartialAnswers) =>
		hasSensitive(answers) &&
		has(fullLaws(answers), (law) => law.sensitive === 'strictly-necessary'),
	asksAccessible: (answers: PartialAnswers) =>
		has(fullLaws(answers), (law) => law.noticeRules?.languagesAndAccess === true),
	asksLlm: (answers: PartialAnswers) =>
		has(
			fullLaws(answers),
			(law, date) => law.llmTraining !== undefined && law.llmTraining.from <= date,
		),
	asksBiometricPolicy: (answers: PartialAnswers) =>
		hasBiometric(answers) &&
		draftedLaws(answers).some((scope) =>
			(scope.law.anySize ?? []).some(
				(entry) => entry.duty === 'biometric-policy' && entry.from <= scope.date,
			),
		),
	minors: (answers: PartialAnswers) =>
		draftedLaws(answers).length > 0 &&
		((answers.usStateLaws?.minorsKnown === true && minorsRules(answers).length > 0) ||
			(typeof answers.children?.minimumAge === 'number' && answers.children.minimumAge < 13)),
	asksMinorsTreatment: (answers: PartialAnswers) =>
		answers.usStateLaws?.minorsKnown === true &&
		(sellsOrTargets(answers) || answers.automatedDecisions?.used === true) &&
		draftedLaws(answers).some((scope) => minorsRuleOn(scope.law, scope.date, true) !== undefined),
	texasSaleNotice: (answers: PartialAnswers) =>
		sellsSensitive(answers) && has(fullLaws(answers), (law) => law.saleNotice !== undefined),
	thirdPartyList: (answers: PartialAnswers) =>
		has(
			fullLaws(answers),
			(law, date) =>
				law.rights.some((right) => right.startsWith('thirdParties')) ||
				(law.rightsFrom ?? []).some(
					(entry) =>
						entry.right.startsWith('thirdParties') && entry.from <= date && entry.verify !== true,
				),
		) ||
		(sells(answers) &&
			draftedLaws(answers).some((scope) =>
				(scope.law.anySize ?? []).some(
					(entry) => entry.duty === 'buyers-list' && entry.from <= scope.date,
				),
			)),
};

/** Whether the section of the state laws has a question to ask. */
export function asksSection(answers: PartialAnswers): boolean {
	return (
		facts.optOutDisclosure(answers) ||
		facts.uoomAsked(answers) ||
		facts.sensitiveNotice(answers) ||
		facts.asksStrictlyNecessary(answers) ||
		facts.asksMinorsTreatment(answers) ||
		facts.asksAccessible(answers) ||
		facts.asksLlm(answers) ||
		facts.asksBiometricPolicy(answers)
	);
}

export {stateLaws};
