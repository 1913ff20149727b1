import facts from '../../../questionnaires/jurisdictions.json' with {type: 'json'};
import type {CountryCode} from '../answers/types.js';

const countries: Readonly<Record<string, string>> = facts.countries;
const eea = new Set<string>(facts.eea);
const euAdequacy = new Set<string>(facts.euAdequacy);
const ukAdequacy = new Set<string>(facts.ukAdequacy);
const authorities: Readonly<Record<string, {name: string; url: string}>> = facts.authorities;

export const edpbMembersUrl = facts.edpbMembersUrl;

export function countryName(code: CountryCode): string {
	return countries[code] ?? code;
}

const withArticle = new Set<string>(facts.namesWithArticle);

/** The name as it stands in a sentence: "the United States", "Germany". */
export function countryInSentence(code: CountryCode): string {
	return withArticle.has(code) ? `the ${countryName(code)}` : countryName(code);
}

export function isCountry(code: string): boolean {
	return Object.hasOwn(countries, code);
}

/** Every country, by English name (a plain comparison, so every machine sorts the same). */
export function allCountries(): Array<{code: CountryCode; name: string}> {
	return Object.entries(countries)
		.map(([code, name]) => ({code, name}))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function isEea(code: CountryCode): boolean {
	return eea.has(code);
}

/** A transfer from the EEA to this country needs no further safeguard (Article 45). */
export function euAdequate(code: CountryCode): boolean {
	return eea.has(code) || euAdequacy.has(code);
}

/** A transfer from the UK to this country needs no further safeguard (UK adequacy regulations). */
export function ukAdequate(code: CountryCode): boolean {
	return code === 'GB' || ukAdequacy.has(code);
}

export function authorityFor(code: CountryCode): {name: string; url: string} | undefined {
	return authorities[code];
}

export const ico = authorities['GB']!;
