import {euAdequate, isEea, ukAdequate} from '../jurisdictions/index.js';
import type {Answers, CountryCode, DataItem, Purpose, Recipient} from './types.js';

/**
Facts that follow from the answers. The drafter and the checks both ask these questions, so
they are answered once, here.
*/

export function servesEea(answers: Pick<Answers, 'audience'>): boolean {
	return answers.audience.regions.includes('eea');
}

export function servesUk(answers: Pick<Answers, 'audience'>): boolean {
	return answers.audience.regions.includes('uk');
}

export function servesCalifornia(answers: Pick<Answers, 'audience'>): boolean {
	return answers.audience.regions.includes('california');
}

/** GDPR applies when people in the EEA or UK are served (Article 3(2)) or the company is established there. */
export function gdprApplies(answers: Pick<Answers, 'audience' | 'controller'>): boolean {
	return servesEea(answers) || servesUk(answers) || establishedInEea(answers);
}

export function establishedInEea(answers: Pick<Answers, 'controller'>): boolean {
	const countries = [answers.controller.address.country, ...(answers.controller.otherEstablishments ?? [])];
	return countries.some((country) => isEea(country));
}

export function establishedInUk(answers: Pick<Answers, 'controller'>): boolean {
	const countries = [answers.controller.address.country, ...(answers.controller.otherEstablishments ?? [])];
	return countries.includes('GB');
}

/** Article 27: a representative is needed when serving people in the EEA without an establishment there. */
export function needsEuRepresentative(answers: Pick<Answers, 'audience' | 'controller'>): boolean {
	return servesEea(answers) && !establishedInEea(answers);
}

export function needsUkRepresentative(answers: Pick<Answers, 'audience' | 'controller'>): boolean {
	return servesUk(answers) && !establishedInUk(answers);
}

export type Transfer = {recipient: Recipient; countries: CountryCode[]};

/** Recipients that hold data in a country without an EU adequacy decision. */
export function euTransfers(answers: Pick<Answers, 'recipients'>): Transfer[] {
	return answers.recipients
		.map((recipient) => ({recipient, countries: recipient.locations.filter((country) => !euAdequate(country))}))
		.filter((transfer) => transfer.countries.length > 0);
}

/** Recipients that hold data in a country without UK adequacy regulations. */
export function ukTransfers(answers: Pick<Answers, 'recipients'>): Transfer[] {
	return answers.recipients
		.map((recipient) => ({recipient, countries: recipient.locations.filter((country) => !ukAdequate(country))}))
		.filter((transfer) => transfer.countries.length > 0);
}

/** Every country outside the EEA that receives data (adequate or not), for the transfers section. */
export function countriesOutsideEea(answers: Pick<Answers, 'recipients'>): CountryCode[] {
	const countries = new Set<CountryCode>();
	for (const recipient of answers.recipients) {
		for (const country of recipient.locations) {
			if (!isEea(country)) {
				countries.add(country);
			}
		}
	}

	return [...countries].sort();
}

export function usesConsent(answers: Pick<Answers, 'purposes'>): boolean {
	return answers.purposes.some((purpose) => purpose.legalBasis === 'consent');
}

export function usesLegitimateInterests(answers: Pick<Answers, 'purposes'>): boolean {
	return answers.purposes.some(
		(purpose) => purpose.legalBasis === 'legitimate-interests' || purpose.legalBasis === 'public-task',
	);
}

export function usesDirectMarketing(answers: Pick<Answers, 'purposes'>): boolean {
	return answers.purposes.some((purpose) => purpose.directMarketing === true);
}

export function indirectItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) => item.sources.some((source) => source.kind === 'third-party'));
}

export function specialItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) => item.special !== undefined);
}

export function sensitiveItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) => item.ccpaCategory === 'sensitive' || item.special !== undefined);
}

export function sellsOrShares(answers: Pick<Answers, 'recipients'>): boolean {
	return answers.recipients.some((recipient) => recipient.sold === true || recipient.shared === true);
}

export function purposesFor(answers: Pick<Answers, 'purposes'>, itemId: string): Purpose[] {
	return answers.purposes.filter((purpose) => purpose.dataItems.includes(itemId));
}

export function recipientsFor(answers: Pick<Answers, 'recipients'>, itemId: string): Recipient[] {
	return answers.recipients.filter((recipient) => recipient.dataItems.includes(itemId));
}

/** The newest of the effective date and the revision dates. */
export function lastUpdated(answers: Pick<Answers, 'document'>): string {
	return [answers.document.effectiveDate, ...answers.document.revisions.map((revision) => revision.date)]
		.sort()
		.at(-1)!;
}

export function displayName(answers: Pick<Answers, 'controller'>): string {
	return answers.controller.tradingName ?? answers.controller.legalName;
}
