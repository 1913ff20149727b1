import {establishmentCountries, regionOf} from '../answers/derive.js';
import type {PartialAnswers, Region} from '../answers/types.js';
import {regimes} from './registry.js';
import type {Applicability} from './types.js';

// Applicability is asked for the same (immutable) answers by every condition of a walk.
const cache = new WeakMap<object, ReadonlyMap<string, Applicability>>();

/** Which regimes apply to the answers, and why: one entry per regime, in registry order. */
export function applicabilityOf(answers: PartialAnswers): ReadonlyMap<string, Applicability> {
	let result = cache.get(answers);
	if (!result) {
		result = new Map(regimes.map((regime) => [regime.id, regime.applicability(answers)]));
		cache.set(answers, result);
	}

	return result;
}

export function regimeApplies(answers: PartialAnswers, id: string): boolean {
	return applicabilityOf(answers).get(id)?.status === 'applies';
}

/**
Regions the answers select, or where the company is established, that no regime drafts for.
`other` is the rest of the world, drafted as such; any other region without a module is a law
the tool cannot draft, and an error.
*/
export function unclaimedRegions(answers: PartialAnswers): Region[] {
	const claimed = new Set(regimes.flatMap((regime) => regime.regions));
	const regions = new Set<Region>([
		...(answers.audience?.regions ?? []).filter(
			(region): region is Region => typeof region === 'string',
		),
		...establishmentCountries(answers).map((country) => regionOf(country)),
	]);
	return [...regions].filter((region) => region !== 'other' && !claimed.has(region));
}
