/**
Which state laws apply: per state, the threshold in force on the policy's date compared with the
answers, with the numbers compared in the reason; the duties that bind businesses of every size;
and the laws privacy-wizard cannot draft (Florida), which are named, never left out.
*/
import wording from '../../../../questionnaires/law/us-states/messages.en.json' with {type: 'json'};
import type {PartialAnswers} from '../../answers/types.js';
import {formatDate, listInWords, messages} from '../../drafting/text.js';
import type {Applicability} from '../types.js';
import {dollars} from '../us/shared.js';
import {
	inForceOn,
	minorsRuleOn,
	policyDate,
	stateCodes,
	stateLaws,
	undraftedLaws,
	type Duty,
	type StateLaw,
	type Threshold,
} from './data.js';

export const text = messages(wording);
export type Key = Parameters<typeof text.t>[0];

/** A count as people read it: 120000 → "120,000". */
export const count = (value: number): string => dollars(value).slice(1);

export type StateStatus = 'applies' | 'limited' | 'does-not-apply' | 'unknown';

export type StateScope = {
	code: string;
	law: StateLaw;
	status: StateStatus;
	/** To the founder: "VCDPA (Virginia): you processed … (≥ 100,000; Va. Code 59.1-576(A))". */
	reason: string;
	/** Questions (full ids) still missing for an unknown status. */
	missing: string[];
	/** For `limited`: the duties that bind businesses of every size and hold here. */
	duties: Array<Duty | 'minors'>;
};

export type UndraftedScope = {
	code: string;
	status: 'applies' | 'does-not-apply' | 'unknown';
	reason: string;
	missing: string[];
};

/** Sensitive data under the state laws: any sensitive kind, or the CCPA category. */
export function hasSensitive(answers: PartialAnswers): boolean {
	return (answers.dataItems ?? []).some(
		(item) => item?.sensitive?.category !== undefined || item?.ccpaCategory === 'sensitive',
	);
}

export function hasBiometric(answers: PartialAnswers): boolean {
	return (answers.dataItems ?? []).some(
		(item) => item?.sensitive?.category === 'biometric' || item?.ccpaCategory === 'biometric',
	);
}

/**
Whether the business sells personal data: a recipient marked as a sale, or the answer asked
before applicability is known (the per-recipient answers are asked only once a US law applies).
*/
export function sells(answers: PartialAnswers): boolean {
	return (
		answers.usThresholds?.sellsPersonalData === true ||
		(answers.recipients ?? []).some((recipient) => recipient?.sold === true)
	);
}

function servedStates(answers: PartialAnswers): string[] {
	if (!(answers.audience?.regions ?? []).includes('us')) {
		return [];
	}

	return (answers.audience?.usStates ?? []).filter(
		(code): code is string => typeof code === 'string',
	);
}

const byState = (a: {law: {state: string}}, b: {law: {state: string}}): number =>
	a.law.state.localeCompare(b.law.state);

type Met = {met: true; reason: string} | {met: false; reason: string} | {missing: string[]};

function names(law: StateLaw): Record<string, string> {
	return {short: law.short, state: law.state, citation: law.scopeCitation};
}

/** The threshold compared with the answers, with the figures in the reason. */
function threshold(
	code: string,
	law: StateLaw,
	rule: Threshold,
	answers: PartialAnswers,
	date: string,
): Met {
	const values = names(law);
	const us = answers.usThresholds ?? {};
	if (rule.notSmallBusiness) {
		if (us.sbaSmallBusiness === undefined) {
			return {missing: ['usThresholds.sbaSmallBusiness']};
		}

		return us.sbaSmallBusiness
			? {met: false, reason: text.s('reason.smallBusiness', values)}
			: {met: true, reason: text.s('reason.notSmallBusiness', values)};
	}

	if (rule.revenue) {
		const revenue = us.annualRevenueUsd;
		if (revenue === undefined) {
			return {missing: ['usThresholds.annualRevenueUsd']};
		}

		const {amount, strict} = rule.revenue;
		if (strict ? revenue <= amount : revenue < amount) {
			return {
				met: false,
				reason: text.s(strict ? 'reason.revenueNotAbove' : 'reason.revenueBelow', {
					...values,
					revenue: dollars(revenue),
					amount: dollars(amount),
				}),
			};
		}
	}

	const revenuePart = rule.revenue
		? text.s(rule.revenue.strict ? 'reason.part.revenueAbove' : 'reason.part.revenueAtLeast', {
				revenue: dollars(us.annualRevenueUsd!),
				amount: dollars(rule.revenue.amount),
			})
		: '';
	const from = formatDate(inForceOn(law.thresholds, date)!.from);
	// Connecticut from 1 July 2026: any sensitive data, or offering data for sale, suffices.
	if (rule.sensitiveData && hasSensitive(answers)) {
		return {met: true, reason: text.s('reason.sensitive', {...values, from})};
	}

	if (rule.offersSale && sells(answers)) {
		return {met: true, reason: text.s('reason.sells', {...values, from})};
	}

	const consumers = us.consumers?.[code];
	if (consumers === undefined) {
		return {
			missing: [
				`usThresholds.consumers.${code}`,
				...(rule.offersSale && us.sellsPersonalData === undefined
					? ['usThresholds.sellsPersonalData']
					: []),
			],
		};
	}

	const base = {...values, count: count(consumers), revenuePart};
	if (rule.consumers !== undefined && consumers >= rule.consumers) {
		return {
			met: true,
			reason: text.s('reason.consumers', {...base, threshold: count(rule.consumers)}),
		};
	}

	const sale = rule.withSale;
	if (sale && consumers >= sale.consumers) {
		const share = us.saleRevenueShare;
		if (share === undefined) {
			return {missing: ['usThresholds.saleRevenueShare']};
		}

		if (sale.anyRevenueOrDiscount) {
			if (share > 0) {
				return {
					met: true,
					reason: text.s('reason.saleRevenue', {...base, lower: count(sale.consumers), share}),
				};
			}

			if (us.saleDiscount === undefined) {
				return {missing: ['usThresholds.saleDiscount']};
			}

			if (us.saleDiscount) {
				return {
					met: true,
					reason: text.s('reason.saleDiscount', {...base, lower: count(sale.consumers)}),
				};
			}
		} else if (
			sale.share !== undefined &&
			(sale.strict ? share > sale.share : share >= sale.share)
		) {
			return {
				met: true,
				reason: text.s('reason.saleShare', {
					...base,
					lower: count(sale.consumers),
					share,
					op: sale.strict ? '>' : '≥',
					min: sale.share,
				}),
			};
		}
	}

	if (rule.offersSale && us.sellsPersonalData === undefined) {
		return {missing: ['usThresholds.sellsPersonalData']};
	}

	return {
		met: false,
		reason: text.s('reason.below', {...base, detail: belowDetail(rule, answers, consumers)}),
	};
}

/** Why the thresholds are not met, figure by figure. */
function belowDetail(rule: Threshold, answers: PartialAnswers, consumers: number): string {
	const parts = [text.s('below.consumers', {threshold: count(rule.consumers!)})];
	const sale = rule.withSale;
	if (sale) {
		const share = answers.usThresholds?.saleRevenueShare ?? 0;
		if (consumers < sale.consumers) {
			parts.push(text.s('below.saleConsumers', {lower: count(sale.consumers)}));
		} else if (sale.anyRevenueOrDiscount) {
			parts.push(text.s('below.noSaleRevenue'));
		} else {
			parts.push(
				text.s('below.saleShare', {
					share,
					op: sale.strict ? 'more than' : 'at least',
					min: sale.share!,
				}),
			);
		}
	}

	if (rule.sensitiveData) {
		parts.push(text.s('below.noSensitive'));
	}

	if (rule.offersSale) {
		parts.push(text.s('below.noSale'));
	}

	return parts.join('; ');
}

/** Duties that bind whatever the size, holding on the policy's date (only for laws that do not apply). */
function anySizeDuties(
	law: StateLaw,
	answers: PartialAnswers,
	date: string,
	smallBusiness: boolean,
): Array<Duty | 'minors'> {
	const duties: Array<Duty | 'minors'> = [];
	for (const entry of law.anySize ?? []) {
		if (entry.from > date) {
			continue;
		}

		const holds =
			entry.duty === 'biometric-policy'
				? hasBiometric(answers)
				: entry.duty === 'buyers-list'
					? sells(answers)
					: smallBusiness && sells(answers) && hasSensitive(answers);
		if (holds) {
			duties.push(entry.duty);
		}
	}

	const minors = minorsRuleOn(law, date);
	if (minors?.anySize && answers.usStateLaws?.minorsKnown === true) {
		duties.push('minors');
	}

	return duties;
}

/** Whether the rules on minors of a state that does not apply by threshold could still bind (Colorado). */
export function minorsAnySize(law: StateLaw, date: string): boolean {
	return minorsRuleOn(law, date)?.anySize === true;
}

/** One state's law, judged on the answers. */
export function stateScope(code: string, answers: PartialAnswers): StateScope {
	const law = stateLaws[code]!;
	const date = policyDate(answers);
	const result = (
		status: StateStatus,
		reason: string,
		extra: Partial<StateScope> = {},
	): StateScope => ({
		code,
		law,
		status,
		reason,
		missing: [],
		duties: [],
		...extra,
	});
	if (date < law.inForce) {
		return result(
			'does-not-apply',
			text.s('reason.notInForce', {
				...names(law),
				from: formatDate(law.inForce),
				date: formatDate(date),
			}),
		);
	}

	const rule = inForceOn(law.thresholds, date)!;
	const met = threshold(code, law, rule, answers, date);
	if ('missing' in met) {
		return result('unknown', '', {missing: met.missing});
	}

	if (met.met) {
		return result('applies', met.reason);
	}

	const duties = anySizeDuties(law, answers, date, rule.notSmallBusiness === true);
	if (duties.length > 0) {
		const citations = dutyCitations(law, duties);
		return result(
			'limited',
			text.s('reason.limited', {
				below: met.reason,
				duties: listInWords(
					duties.map((duty) => text.s(`duty.${duty}` as Key, {state: law.state})),
				),
				citations,
			}),
			{duties},
		);
	}

	if (
		minorsAnySize(law, date) &&
		answers.usStateLaws?.minorsKnown === undefined &&
		askMinors(answers)
	) {
		return result('unknown', '', {missing: ['usStateLaws.minorsKnown']});
	}

	return result('does-not-apply', met.reason);
}

export function dutyCitations(law: StateLaw, duties: ReadonlyArray<Duty | 'minors'>): string {
	return listInWords(
		duties.map((duty) =>
			duty === 'minors'
				? (law.minors.find((rule) => rule.anySize)?.citation ?? law.citation)
				: law.anySize!.find((entry) => entry.duty === duty)!.citation,
		),
	);
}

/** Florida: the Digital Bill of Rights, which privacy-wizard does not draft. */
function undraftedScope(code: string, answers: PartialAnswers): UndraftedScope {
	const law = undraftedLaws[code]!;
	const values = {
		law: law.law,
		state: law.state,
		citation: law.scopeCitation,
		amount: dollars(law.revenueAbove),
	};
	const date = policyDate(answers);
	if (date < law.inForce) {
		return {
			code,
			status: 'does-not-apply',
			reason: text.s('reason.undrafted.notInForce', {...values, from: formatDate(law.inForce)}),
			missing: [],
		};
	}

	const revenue = answers.usThresholds?.annualRevenueUsd;
	if (revenue === undefined) {
		return {code, status: 'unknown', reason: '', missing: ['usThresholds.annualRevenueUsd']};
	}

	if (revenue <= law.revenueAbove) {
		return {
			code,
			status: 'does-not-apply',
			reason: text.s('reason.undrafted.below', {...values, revenue: dollars(revenue)}),
			missing: [],
		};
	}

	const controller = answers.usThresholds?.floridaController;
	if (controller === undefined) {
		return {code, status: 'unknown', reason: '', missing: ['usThresholds.floridaController']};
	}

	return controller
		? {code, status: 'applies', reason: text.s('reason.undrafted.applies', values), missing: []}
		: {
				code,
				status: 'does-not-apply',
				reason: text.s('reason.undrafted.notController', values),
				missing: [],
			};
}

/** The scope of every state law the answers reach, states in alphabetical order. */
export function scopes(answers: PartialAnswers): StateScope[] {
	return servedStates(answers)
		.filter((code) => Object.hasOwn(stateLaws, code))
		.map((code) => stateScope(code, answers))
		.sort(byState);
}

export function undraftedScopes(answers: PartialAnswers): UndraftedScope[] {
	return servedStates(answers)
		.filter((code) => Object.hasOwn(undraftedLaws, code))
		.map((code) => undraftedScope(code, answers));
}

/** The states whose law the policy drafts: in full, or the duties that bind every size. */
export function draftedScopes(answers: PartialAnswers): StateScope[] {
	return scopes(answers).filter(
		(scope) => scope.status === 'applies' || scope.status === 'limited',
	);
}

export function fullScopes(answers: PartialAnswers): StateScope[] {
	return scopes(answers).filter((scope) => scope.status === 'applies');
}

/**
Whether to ask if the business knows some users are minors: people under 18 may use the service
and a state with rules for minors beyond COPPA applies by threshold, or binds every size.
*/
export function askMinors(answers: PartialAnswers): boolean {
	const minimumAge = answers.children?.minimumAge;
	if (typeof minimumAge !== 'number' || minimumAge >= 18) {
		return false;
	}

	const date = policyDate(answers);
	return servedStates(answers)
		.filter((code) => Object.hasOwn(stateLaws, code))
		.some((code) => {
			const law = stateLaws[code]!;
			if (date < law.inForce || minorsRuleOn(law, date, true) === undefined) {
				return false;
			}

			// Rules that bind every size, confirmed or not (Montana's only warns).
			if (minorsRuleOn(law, date, true)?.anySize || minorsAnySize(law, date)) {
				return true;
			}

			const met = threshold(code, law, inForceOn(law.thresholds, date)!, answers, date);
			return 'met' in met && met.met;
		});
}

/** Applicability of the regime: it applies when at least one state law applies (or binds every size). */
export function applicability(answers: PartialAnswers): Applicability {
	if (!(answers.audience?.regions ?? []).includes('us')) {
		return {status: 'does-not-apply', reasons: [text.s('reason.notServed')]};
	}

	if (answers.audience?.usStates === undefined) {
		return {status: 'unknown', reasons: [], missing: ['audience.usStates']};
	}

	const states = scopes(answers);
	const undrafted = undraftedScopes(answers);
	if (states.length === 0 && undrafted.length === 0) {
		return {status: 'does-not-apply', reasons: [text.s('reason.noLaw')]};
	}

	const drafted = states.filter(
		(scope) => scope.status === 'applies' || scope.status === 'limited',
	);
	const floridaApplies = undrafted.filter((scope) => scope.status === 'applies');
	const known = [...states, ...undrafted].filter((scope) => scope.status !== 'unknown');
	// Those that apply first, then the rest with why not.
	const reasons = [
		...known.filter((scope) => scope.status !== 'does-not-apply'),
		...known.filter((scope) => scope.status === 'does-not-apply'),
	].map((scope) => scope.reason);
	const missing = [...new Set([...states, ...undrafted].flatMap((scope) => scope.missing))];
	if (drafted.length > 0 || floridaApplies.length > 0) {
		return {
			status: 'applies',
			reasons,
			statements: [
				...drafted.map((scope) =>
					scope.status === 'applies'
						? text.s('reader.applies', {
								law: scope.law.law,
								citation: scope.law.citation,
								state: scope.law.state,
							})
						: text.s('reader.limited', {
								law: scope.law.law,
								citation: dutyCitations(scope.law, scope.duties),
								state: scope.law.state,
							}),
				),
				...floridaApplies.map((scope) => {
					const law = undraftedLaws[scope.code]!;
					return text.s('reader.applies', {law: law.law, citation: law.citation, state: law.state});
				}),
			],
			...(missing.length > 0 ? {missing} : {}),
		};
	}

	if (missing.length > 0) {
		return {status: 'unknown', reasons, missing};
	}

	return {status: 'does-not-apply', reasons};
}

export {stateCodes};

// --- When to ask the questions that decide applicability -------------------------------------

function servedInForce(
	answers: PartialAnswers,
): Array<{code: string; law: StateLaw; rule: Threshold}> {
	const date = policyDate(answers);
	return servedStates(answers)
		.filter((code) => Object.hasOwn(stateLaws, code) && stateLaws[code]!.inForce <= date)
		.map((code) => ({
			code,
			law: stateLaws[code]!,
			rule: inForceOn(stateLaws[code]!.thresholds, date)!,
		}));
}

/** A state's consumer count decides its law: served, in force, and any revenue condition met. */
export function askConsumers(code: string, answers: PartialAnswers): boolean {
	const entry = servedInForce(answers).find((candidate) => candidate.code === code);
	if (!entry || entry.rule.consumers === undefined) {
		return false;
	}

	// Connecticut from 1 July 2026: sensitive data, or selling, decides it without a count.
	if (
		(entry.rule.sensitiveData && hasSensitive(answers)) ||
		(entry.rule.offersSale && answers.usThresholds?.sellsPersonalData === true)
	) {
		return false;
	}

	const {revenue} = entry.rule;
	const actual = answers.usThresholds?.annualRevenueUsd;
	return (
		revenue === undefined ||
		(actual !== undefined && (revenue.strict ? actual > revenue.amount : actual >= revenue.amount))
	);
}

/** Texas and Nebraska apply unless the business is an SBA small business; Minnesota exempts them (verify). */
export function askSmallBusiness(answers: PartialAnswers): boolean {
	return servedInForce(answers).some(
		({code, law, rule}) =>
			rule.notSmallBusiness === true ||
			(law.smallBusinessExempt !== undefined && stateScope(code, answers).status === 'applies'),
	);
}

/** Colorado and New Jersey count a discount received for personal data like revenue from selling it. */
export function askSaleDiscount(answers: PartialAnswers): boolean {
	return (
		answers.usThresholds?.saleRevenueShare === 0 &&
		servedInForce(answers).some(({code, rule}) => {
			const consumers = answers.usThresholds?.consumers?.[code];
			return (
				rule.withSale?.anyRevenueOrDiscount === true &&
				consumers !== undefined &&
				consumers >= rule.withSale.consumers &&
				consumers < (rule.consumers ?? Number.POSITIVE_INFINITY)
			);
		})
	);
}

/** Whether selling decides a law: Connecticut from 1 July 2026, Rhode Island's buyers list, small businesses in Texas and Nebraska. */
export function askSells(answers: PartialAnswers): boolean {
	const date = policyDate(answers);
	return servedInForce(answers).some(
		({law, rule}) =>
			(rule.offersSale === true && !hasSensitive(answers)) ||
			(law.anySize ?? []).some(
				(entry) =>
					entry.from <= date &&
					(entry.duty === 'buyers-list' ||
						(entry.duty === 'sensitive-sale-consent' &&
							answers.usThresholds?.sbaSmallBusiness === true &&
							hasSensitive(answers))),
			),
	);
}

/** Florida's law reaches only controllers above $1 billion in revenue that meet a further condition. */
export function askFlorida(answers: PartialAnswers): boolean {
	const date = policyDate(answers);
	const revenue = answers.usThresholds?.annualRevenueUsd;
	return servedStates(answers).some((code) => {
		const law = undraftedLaws[code];
		return (
			law !== undefined &&
			law.inForce <= date &&
			revenue !== undefined &&
			revenue > law.revenueAbove
		);
	});
}
