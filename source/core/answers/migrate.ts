import {currentSchemaVersion} from './types.js';

/**
One step per released schema version: `migrations[n]` turns a version-n document into a
version-(n+1) document. Version 1 is the first release, so the table is empty; each future
change of shape adds a step here and a fixture in test/fixtures/answers/ (a test loads every
fixture and checks it reaches the current version and validates).
*/
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Readonly<Record<number, Migration>> = {};

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
