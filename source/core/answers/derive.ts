import {isEea} from '../jurisdictions/index.js';
import type {
	Answers,
	CountryCode,
	DataItem,
	PartialAnswers,
	Region,
	SensitiveCategory,
} from './types.js';

/**
Regime-neutral facts that follow from the answers. The drafter, the checks, the regime modules
and the questionnaire's conditions all ask these questions, so they are answered once, here.
Each accepts answers still being filled in: a missing answer makes a fact false.
*/

export function servesRegion(answers: PartialAnswers, region: Region): boolean {
	return answers.audience?.regions?.includes(region) ?? false;
}

/** The region a country belongs to, as the audience question names regions. */
export function regionOf(country: CountryCode): Region {
	switch (country) {
		case 'GB': {
			return 'uk';
		}

		case 'CH': {
			return 'ch';
		}

		case 'BR': {
			return 'br';
		}

		case 'CA': {
			return 'ca';
		}

		case 'US': {
			return 'us';
		}

		default: {
			return isEea(country) ? 'eea' : 'other';
		}
	}
}

/** The country of the controller's address. */
export function homeCountry(answers: PartialAnswers): CountryCode | undefined {
	return answers.controller?.address?.country;
}

/**
Every country where the controller or a company of its group that is controller for some
people has an establishment (address, branch, office).
*/
export function establishmentCountries(answers: PartialAnswers): CountryCode[] {
	const countries = new Set<CountryCode>();
	const home = homeCountry(answers);
	if (home) {
		countries.add(home);
	}

	for (const country of answers.controller?.otherEstablishments ?? []) {
		if (typeof country === 'string') {
			countries.add(country);
		}
	}

	for (const other of answers.otherControllers ?? []) {
		const country = other?.address?.country;
		if (typeof country === 'string') {
			countries.add(country);
		}
	}

	return [...countries];
}

export function establishedWhere(
	answers: PartialAnswers,
	inside: (country: CountryCode) => boolean,
): CountryCode[] {
	return establishmentCountries(answers).filter((country) => inside(country));
}

/** Art. 9(1) GDPR categories: the others are sensitive under US and other laws only. */
export const article9Categories: ReadonlySet<SensitiveCategory> = new Set([
	'racial-or-ethnic-origin',
	'political-opinions',
	'religious-or-philosophical-beliefs',
	'trade-union-membership',
	'genetic',
	'biometric',
	'health',
	'sex-life-or-orientation',
]);

export function sensitiveItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) => item.sensitive !== undefined);
}

export function hasSensitiveData(answers: PartialAnswers): boolean {
	return (answers.dataItems ?? []).some((item) => item?.sensitive?.category !== undefined);
}

export function indirectItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) =>
		item.sources.some((source) => source.kind === 'third-party'),
	);
}

export function usesDirectMarketing(answers: PartialAnswers): boolean {
	return (answers.purposes ?? []).some((purpose) => purpose?.directMarketing === true);
}

/** Every country where personal data is processed: ours and every recipient's. */
export function processingCountries(answers: Answers): CountryCode[] {
	const countries = new Set(establishmentCountries(answers));
	for (const recipient of answers.recipients) {
		for (const country of recipient.locations) {
			countries.add(country);
		}
	}

	return [...countries].sort();
}

/** The newest of the effective date and the revision dates. */
export function lastUpdated(answers: Pick<Answers, 'document'>): string {
	return [
		answers.document.effectiveDate,
		...answers.document.revisions.map((revision) => revision.date),
	]
		.sort()
		.at(-1)!;
}

export function displayName(answers: Pick<Answers, 'controller'>): string {
	return tradingName(answers) ?? answers.controller.legalName;
}

/** The name people know the company by, when it is not its legal name (said once, never twice). */
export function tradingName(answers: Pick<Answers, 'controller'>): string | undefined {
	const {tradingName: name, legalName} = answers.controller;
	return name && name !== legalName ? name : undefined;
}
