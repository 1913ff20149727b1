import {euAdequate, isEea, ukAdequate} from '../jurisdictions/index.js';
import type {
	Answers,
	CountryCode,
	DataItem,
	DeepPartial,
	PartialAnswers,
	Recipient,
} from './types.js';

/**
Facts that follow from the answers. The drafter, the checks and the questionnaire's conditions
all ask these questions, so they are answered once, here. Each accepts answers still being
filled in: a missing answer makes a fact false.
*/

export function servesEea(answers: PartialAnswers): boolean {
	return answers.audience?.regions?.includes('eea') ?? false;
}

export function servesUk(answers: PartialAnswers): boolean {
	return answers.audience?.regions?.includes('uk') ?? false;
}

export function servesCalifornia(answers: PartialAnswers): boolean {
	return answers.audience?.regions?.includes('california') ?? false;
}

function establishments(answers: PartialAnswers): CountryCode[] {
	const main = answers.controller?.address?.country;
	return [
		...(main ? [main] : []),
		...((answers.controller?.otherEstablishments ?? []) as CountryCode[]),
	];
}

export function establishedInEea(answers: PartialAnswers): boolean {
	return establishments(answers).some((country) => isEea(country));
}

export function establishedInUk(answers: PartialAnswers): boolean {
	return establishments(answers).includes('GB');
}

/** GDPR applies when people in the EEA or UK are served (Article 3(2)) or the company is established there. */
export function gdprApplies(answers: PartialAnswers): boolean {
	return servesEea(answers) || servesUk(answers) || establishedInEea(answers);
}

/** Article 27: a representative is needed when serving people in the EEA without an establishment there. */
export function needsEuRepresentative(answers: PartialAnswers): boolean {
	return (
		servesEea(answers) &&
		answers.controller?.address?.country !== undefined &&
		!establishedInEea(answers)
	);
}

export function needsUkRepresentative(answers: PartialAnswers): boolean {
	return (
		servesUk(answers) &&
		answers.controller?.address?.country !== undefined &&
		!establishedInUk(answers)
	);
}

type PartialRecipient = DeepPartial<Recipient>;

function locations(recipient: PartialRecipient): CountryCode[] {
	return (recipient.locations ?? []).filter(
		(country): country is CountryCode => typeof country === 'string',
	);
}

/** A recipient that holds data in a country without an EU adequacy decision, when the GDPR applies. */
export function recipientNeedsEuSafeguard(
	answers: PartialAnswers,
	recipient: PartialRecipient,
): boolean {
	return gdprApplies(answers) && locations(recipient).some((country) => !euAdequate(country));
}

/** A recipient that holds data in a country without UK adequacy regulations, when UK people are served. */
export function recipientNeedsUkSafeguard(
	answers: PartialAnswers,
	recipient: PartialRecipient,
): boolean {
	return servesUk(answers) && locations(recipient).some((country) => !ukAdequate(country));
}

export function hasEuTransfers(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some((recipient) =>
		recipientNeedsEuSafeguard(answers, recipient ?? {}),
	);
}

export type Transfer = {recipient: Recipient; countries: CountryCode[]};

/** Recipients that hold data in a country without an EU adequacy decision. */
export function euTransfers(answers: Pick<Answers, 'recipients'>): Transfer[] {
	return answers.recipients
		.map((recipient) => ({
			recipient,
			countries: recipient.locations.filter((country) => !euAdequate(country)),
		}))
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

export function usesConsent(answers: PartialAnswers): boolean {
	return (answers.purposes ?? []).some((purpose) => purpose?.legalBasis === 'consent');
}

export function usesDirectMarketing(answers: PartialAnswers): boolean {
	return (answers.purposes ?? []).some((purpose) => purpose?.directMarketing === true);
}

export function indirectItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) =>
		item.sources.some((source) => source.kind === 'third-party'),
	);
}

export function specialItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter((item) => item.special !== undefined);
}

export function sensitiveItems(answers: Pick<Answers, 'dataItems'>): DataItem[] {
	return answers.dataItems.filter(
		(item) => item.ccpaCategory === 'sensitive' || item.special !== undefined,
	);
}

/** "sell", "share" or "sell and share": the CCPA distinguishes the two, so the policy does too. */
export function saleOrSharing(
	answers: PartialAnswers,
): 'sell' | 'share' | 'sell and share' | undefined {
	const recipients = answers.recipients ?? [];
	const sells = recipients.some((recipient) => recipient?.sold === true);
	const shares = recipients.some((recipient) => recipient?.shared === true);
	return sells && shares ? 'sell and share' : sells ? 'sell' : shares ? 'share' : undefined;
}

export function sellsOrShares(answers: PartialAnswers): boolean {
	return (answers.recipients ?? []).some(
		(recipient) => recipient?.sold === true || recipient?.shared === true,
	);
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
	return answers.controller.tradingName ?? answers.controller.legalName;
}
