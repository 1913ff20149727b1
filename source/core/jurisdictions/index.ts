import facts from '../../../questionnaires/jurisdictions.json' with {type: 'json'};
import type {CountryCode, Recipient} from '../answers/types.js';

const countries: Readonly<Record<string, string>> = facts.countries;
const eea = new Set<string>(facts.eea);
const usStates: Readonly<Record<string, string>> = facts.usStates;

export function countryName(code: CountryCode): string {
	return Object.hasOwn(countries, code) ? countries[code]! : code;
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

/** US states (and DC) by two-letter code, in alphabetical order of name. */
export function allUsStates(): Array<{code: string; name: string}> {
	return Object.entries(usStates)
		.map(([code, name]) => ({code, name}))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function usStateName(code: string): string {
	return Object.hasOwn(usStates, code) ? usStates[code]! : code;
}

/** One regime's adequacy list (questionnaires/law/<regime>/data.json). */
export type AdequacyEntry = {country: CountryCode; decision: string; scope?: string};

/**
Whether a transfer of data to a recipient in a country needs no further safeguard under an
adequacy list. A scoped finding (the DPF, PIPEDA) covers only recipients with that
certification or status, so the recipient decides.
*/
export function adequacyTest(
	entries: readonly AdequacyEntry[],
): (country: CountryCode, recipient: Partial<Recipient>) => boolean {
	const byCountry = new Map(entries.map((entry) => [entry.country, entry]));
	return (country, recipient) => {
		const entry = byCountry.get(country);
		if (!entry) {
			return false;
		}

		switch (entry.scope) {
			case undefined: {
				return true;
			}

			case 'pipeda': {
				return (recipient as {pipedaCovered?: boolean}).pipedaCovered === true;
			}

			default: {
				return (recipient.certifications ?? []).includes(
					entry.scope as NonNullable<Recipient['certifications']>[number],
				);
			}
		}
	};
}
