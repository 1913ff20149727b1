import type {
	Answers,
	DataItem,
	DataSource,
	PostalAddress,
	Purpose,
	Recipient,
	Retention,
} from '../answers/types.js';
import {countryName} from '../jurisdictions/index.js';
import {fill, label, legalTexts} from './text.js';

/** Lookups built once per draft, so every section stays linear in the size of the answers. */
export type Index = {
	items: Map<string, DataItem>;
	purposesByItem: Map<string, Purpose[]>;
	recipientsByItem: Map<string, Recipient[]>;
};

export function buildIndex(answers: Answers): Index {
	const items = new Map(answers.dataItems.map((item) => [item.id, item]));
	const purposesByItem = new Map<string, Purpose[]>();
	const recipientsByItem = new Map<string, Recipient[]>();
	for (const purpose of answers.purposes) {
		for (const id of purpose.dataItems) {
			purposesByItem.set(id, [...(purposesByItem.get(id) ?? []), purpose]);
		}
	}

	for (const recipient of answers.recipients) {
		for (const id of recipient.dataItems) {
			const list = recipientsByItem.get(id) ?? [];
			list.push(recipient);
			recipientsByItem.set(id, list);
		}
	}

	return {items, purposesByItem, recipientsByItem};
}

/** Countries that write the postal code after the town (and region), as "City, ST 12345". */
const codeAfterTown = new Set([
	'US',
	'CA',
	'AU',
	'GB',
	'IE',
	'IN',
	'BR',
	'JP',
	'KR',
	'CN',
	'NZ',
	'SG',
	'ZA',
	'MX',
]);

export function addressLine(address: PostalAddress): string {
	const town = codeAfterTown.has(address.country)
		? [address.locality, [address.region, address.postalCode].filter(Boolean).join(' ')]
		: [[address.postalCode, address.locality].filter(Boolean).join(' '), address.region];
	return [...address.lines, ...town, countryName(address.country)].filter(Boolean).join(', ');
}

export function itemNames(ids: string[], index: Index): string[] {
	return ids.map((id) => index.items.get(id)?.name ?? id);
}

export function sourceText(source: DataSource): string {
	const base = fill(label(legalTexts.sources, source.kind), {
		provider: source.provider ?? 'a third party',
	})
		.map(String)
		.join('');
	const parts = [base];
	if (source.detail) {
		parts.push(source.detail);
	}

	if (source.kind === 'third-party' && source.publiclyAccessible !== undefined) {
		parts.push(label(legalTexts.publiclyAccessible, String(source.publiclyAccessible)));
	}

	return parts.join(', ');
}

export function retentionText(retention: Retention): string {
	if (retention.kind === 'criteria') {
		return retention.criteria;
	}

	const [one, many] = legalTexts.timeUnits[retention.unit];
	return `${retention.amount} ${retention.amount === 1 ? one : many} from ${retention.from}`;
}
