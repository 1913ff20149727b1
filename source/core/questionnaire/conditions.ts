import type {PartialAnswers} from '../answers/types.js';
import {applicabilityOf, regimeApplies} from '../law/applicability.js';
import {factByName, regimes} from '../law/registry.js';
import type {FactEnv} from '../law/types.js';
import {getAt, parsePath, type AnswerPath} from './paths.js';
import type {Condition} from './types.js';

// Facts about the whole answers are computed once per answers object (they are immutable).
const factCache = new WeakMap<object, Map<string, boolean>>();

function env(answers: PartialAnswers): FactEnv {
	return {regimes, applies: (id) => regimeApplies(answers, id)};
}

/** Whether a fact holds; facts about a record (`…recipient…`) see the record at `recordPath`. */
function fact(name: string, answers: PartialAnswers, recordPath: AnswerPath): boolean {
	const compute = factByName(name);
	if (!compute) {
		throw new Error(`Unknown fact "${name}" in a condition`);
	}

	if (recordPath.length > 0) {
		return compute(
			answers,
			(getAt(answers, recordPath) ?? {}) as Record<string, unknown>,
			env(answers),
		);
	}

	let cached = factCache.get(answers);
	if (!cached) {
		cached = new Map();
		factCache.set(answers, cached);
	}

	let value = cached.get(name);
	if (value === undefined) {
		value = compute(answers, {}, env(answers));
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

	if ('applies' in condition) {
		return applicabilityOf(answers).get(condition.applies)?.status === 'applies';
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
