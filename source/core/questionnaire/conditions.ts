import {
	gdprApplies,
	hasEuTransfers,
	needsEuRepresentative,
	needsUkRepresentative,
	recipientNeedsEuSafeguard,
	recipientNeedsUkSafeguard,
	sellsOrShares,
	servesCalifornia,
	servesEea,
	servesUk,
} from '../answers/derive.js';
import type {PartialAnswers} from '../answers/types.js';
import {getAt, parsePath, type AnswerPath} from './paths.js';
import type {Condition, FactName} from './types.js';

type Record_ = Record<string, unknown>;

const facts: Record<FactName, (answers: PartialAnswers, record: Record_) => boolean> = {
	gdprApplies: (answers) => gdprApplies(answers),
	servesEea: (answers) => servesEea(answers),
	servesUk: (answers) => servesUk(answers),
	servesCalifornia: (answers) => servesCalifornia(answers),
	needsEuRepresentative: (answers) => needsEuRepresentative(answers),
	needsUkRepresentative: (answers) => needsUkRepresentative(answers),
	hasEuTransfers: (answers) => hasEuTransfers(answers),
	sellsOrShares: (answers) => sellsOrShares(answers),
	recipientNeedsEuSafeguard: (answers, record) => recipientNeedsEuSafeguard(answers, record),
	recipientNeedsUkSafeguard: (answers, record) => recipientNeedsUkSafeguard(answers, record),
};

const recordFacts = new Set<FactName>(['recipientNeedsEuSafeguard', 'recipientNeedsUkSafeguard']);
// Facts about the whole answers are computed once per answers object (they are immutable).
const factCache = new WeakMap<object, Map<FactName, boolean>>();

function fact(name: FactName, answers: PartialAnswers, recordPath: AnswerPath): boolean {
	if (recordFacts.has(name)) {
		return facts[name](answers, (getAt(answers, recordPath) ?? {}) as Record_);
	}

	let cached = factCache.get(answers);
	if (!cached) {
		cached = new Map();
		factCache.set(answers, cached);
	}

	let value = cached.get(name);
	if (value === undefined) {
		value = facts[name](answers, {});
		cached.set(name, value);
	}

	return value;
}

/** Resolve a condition's path: absolute, or relative (`./`) to the record at `recordPath`. */
export function resolvePath(path: string, recordPath: AnswerPath): AnswerPath {
	return path.startsWith('./') ? [...recordPath, ...parsePath(path.slice(2))] : parsePath(path);
}

export function evaluate(
	condition: Condition,
	answers: PartialAnswers,
	recordPath: AnswerPath = [],
): boolean {
	if ('all' in condition) {
		return condition.all.every((part) => evaluate(part, answers, recordPath));
	}

	if ('any' in condition) {
		return condition.any.some((part) => evaluate(part, answers, recordPath));
	}

	if ('not' in condition) {
		return !evaluate(condition.not, answers, recordPath);
	}

	if ('fact' in condition) {
		return fact(condition.fact, answers, recordPath);
	}

	const value = getAt(answers, resolvePath(condition.path, recordPath));
	if ('equals' in condition) {
		return value === condition.equals;
	}

	if ('notEquals' in condition) {
		return value !== condition.notEquals;
	}

	if ('includes' in condition) {
		return Array.isArray(value) && value.includes(condition.includes);
	}

	if ('in' in condition) {
		return condition.in.includes(value);
	}

	return (value !== undefined) === condition.exists;
}
