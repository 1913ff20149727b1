import type {
	Answers,
	DataItem,
	DataSource,
	Party,
	PostalAddress,
	Purpose,
	Recipient,
	Retention,
} from '../answers/types.js';
import {countryName} from '../jurisdictions/index.js';
import type {Inline} from './markdown.js';
import {coreText, joinInline} from './text.js';

/** Lookups built once per draft, so every section stays linear in the size of the answers. */
export type Index = {
	items: Map<string, DataItem>;
	purposesByItem: Map<string, Purpose[]>;
	recipientsByItem: Map<string, Recipient[]>;
	recipientsByPurpose: Map<string, Recipient[]>;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) {
		list.push(value);
	} else {
		map.set(key, [value]);
	}
}

export function buildIndex(answers: Answers): Index {
	const items = new Map(answers.dataItems.map((item) => [item.id, item]));
	const purposesByItem = new Map<string, Purpose[]>();
	const recipientsByItem = new Map<string, Recipient[]>();
	const recipientsByPurpose = new Map<string, Recipient[]>();
	for (const purpose of answers.purposes) {
		for (const id of purpose.dataItems) {
			push(purposesByItem, id, purpose);
		}
	}

	for (const recipient of answers.recipients) {
		for (const id of recipient.dataItems) {
			push(recipientsByItem, id, recipient);
		}

		for (const id of recipient.purposes ?? []) {
			push(recipientsByPurpose, id, recipient);
		}
	}

	return {items, purposesByItem, recipientsByItem, recipientsByPurpose};
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

/**
One line for a postal address. A street line that already ends with the town or postal code
(people often type the whole address on it) does not get them repeated.
*/
export function addressLine(address: PostalAddress): string {
	const town = codeAfterTown.has(address.country)
		? [address.locality, [address.region, address.postalCode].filter(Boolean).join(' ')]
		: [[address.postalCode, address.locality].filter(Boolean).join(' '), address.region];
	const parts = [...address.lines];
	const folded = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
	const written = folded(parts.join(' '));
	for (const part of [...town, countryName(address.country)]) {
		if (part && !written.includes(folded(part))) {
			parts.push(part);
		}
	}

	return parts.filter(Boolean).join(', ');
}

export function itemNames(ids: string[], index: Index): string[] {
	return ids.map((id) => index.items.get(id)?.name ?? id);
}

export function sourceText(source: DataSource): string {
	const base = coreText.s(`source.${source.kind}`, {
		provider: source.provider ?? 'a third party',
	});
	const parts = [base];
	if (source.detail) {
		parts.push(source.detail);
	}

	if (source.kind === 'third-party' && source.publiclyAccessible !== undefined) {
		parts.push(coreText.s(source.publiclyAccessible ? 'source.public' : 'source.notPublic'));
	}

	return parts.join(', ');
}

export function retentionText(retention: Retention): string {
	if (retention.kind === 'criteria') {
		return retention.criteria.trim().replace(/\.+$/, '');
	}

	return coreText.s('retention.period', {
		amount: retention.amount,
		unit: coreText.s(`unit.${retention.unit}.${retention.amount === 1 ? 'one' : 'other'}`),
		from: retention.from.trim().replace(/\.+$/, ''),
	});
}

export function labelled(name: string, value: Inline[]): Inline[] {
	return [{strong: [name]}, ' ', ...value];
}

export function contactInlines(party: {email: string; phone?: string}): Inline[] {
	const parts: Inline[][] = [[{autolink: party.email}]];
	if (party.phone) {
		parts.push([party.phone]);
	}

	return joinInline(parts, 'or');
}

/** The list items naming a party (a representative): name, address, contact, website. */
export function partyItems(party: Party): Inline[][] {
	const items: Inline[][] = [
		labelled(coreText.s('label.name'), [party.name]),
		labelled(coreText.s('label.address'), [addressLine(party.address)]),
		labelled(coreText.s('label.contact'), contactInlines(party)),
	];
	if (party.url) {
		items.push(labelled(coreText.s('label.website'), [{autolink: party.url}]));
	}

	return items;
}
