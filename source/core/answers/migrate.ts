import {currentSchemaVersion} from './types.js';

/**
One step per released schema version: `migrations[n]` turns a version-n document into a
version-(n+1) document. Each step keeps every answer that still means the same thing, and drops
what can no longer be stated truthfully (it becomes a question to answer again, never a guess).
test/fixtures/answers/ holds a document of every released version; a test migrates each one.
*/
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function records(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter((item) => isObject(item)) : [];
}

/**
Version 2: law as modules. Regions gain Switzerland, Brazil and Canada, and California becomes
a US state; transfer safeguards are per regime, and the DPF a certification of the recipient
(which makes the transfer adequate, not a safeguard); the GDPR's response time gives way to
each law's own deadline; special categories become sensitive data across the laws.
*/
function toVersion2(document: Json): Json {
	const out: Json = structuredClone(document);
	const audience = isObject(out['audience']) ? out['audience'] : undefined;
	if (audience && Array.isArray(audience['regions'])) {
		const regions = audience['regions'] as unknown[];
		const california = regions.includes('california');
		const next = regions.filter((region) => region !== 'california');
		if (california && !next.includes('us')) {
			next.push('us');
		}

		audience['regions'] = next;
		if (california) {
			audience['usStates'] = ['CA'];
		}
	}

	for (const recipient of records(out['recipients'])) {
		const certifications = new Set<string>();
		const transfers: Json = {};
		const eu = recipient['transferSafeguard'];
		const uk = recipient['ukTransferSafeguard'];
		// "dpfCertified" meant the EU-US DPF; the UK Extension was claimed through the UK safeguard.
		if (recipient['dpfCertified'] === true) {
			certifications.add('eu-us-dpf');
			if (uk === 'uk-extension') certifications.add('uk-extension');
		}

		// Safeguards that still mean the same; adequacy is now worked out, a bare "derogation"
		// must name its point of Article 49, and an uncertified "DPF" was never lawful.
		if (eu === 'sccs' || eu === 'bcrs') transfers['eu'] = eu;
		if (uk === 'uk-idta' || uk === 'uk-addendum' || uk === 'bcrs') transfers['uk'] = uk;
		delete recipient['transferSafeguard'];
		delete recipient['ukTransferSafeguard'];
		delete recipient['dpfCertified'];
		if (certifications.size > 0) recipient['certifications'] = [...certifications].sort();
		if (Object.keys(transfers).length > 0) recipient['transfers'] = transfers;
	}

	for (const item of records(out['dataItems'])) {
		const special = item['special'];
		delete item['special'];
		if (isObject(special) && typeof special['category'] === 'string') {
			item['sensitive'] = {
				category: special['category'],
				...(typeof special['condition'] === 'string' ? {article9: special['condition']} : {}),
			};
		}
	}

	for (const purpose of records(out['purposes'])) {
		const retention = purpose['retention'];
		// "from" now completes "… after": "from the end of X" reads "after the end of X".
		if (isObject(retention) && typeof retention['from'] === 'string') {
			retention['from'] = retention['from'].replace(/^from\s+/i, '');
		}
	}

	const rights = isObject(out['rights']) ? out['rights'] : undefined;
	if (rights) {
		delete rights['responseDays'];
	}

	const dpo = isObject(out['dpo']) ? out['dpo'] : undefined;
	if (dpo) {
		delete dpo['address'];
		delete dpo['phone'];
	}

	return out;
}

export const migrations: Readonly<Record<number, Migration>> = {1: toVersion2};

export type MigrationResult =
	| {ok: true; document: Record<string, unknown>; from: number}
	| {ok: false; reason: 'no-version' | 'newer' | 'unknown'; found: unknown};

export function migrate(
	document: Record<string, unknown>,
	table: Readonly<Record<number, Migration>> = migrations,
	target: number = currentSchemaVersion,
): MigrationResult {
	const found = document['schemaVersion'];
	if (found === undefined) {
		return {ok: false, reason: 'no-version', found};
	}

	if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
		return {ok: false, reason: 'unknown', found};
	}

	if (found > target) {
		return {ok: false, reason: 'newer', found};
	}

	let current = document;
	for (let version = found; version < target; version++) {
		const step = table[version];
		if (!step) {
			return {ok: false, reason: 'unknown', found};
		}

		current = {...step(current), schemaVersion: version + 1};
	}

	return {ok: true, document: current, from: found};
}
