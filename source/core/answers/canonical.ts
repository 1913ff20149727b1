import type {JsonSchema} from './json-schema.js';
import {answersSchema} from './schema.js';

/**
The answers in a stable key order (the schema's order; unknown keys alphabetically), so that a
changed answer is a small diff in review and the same answers always serialise to the same bytes.
*/
export function canonicalize(
	value: unknown,
	schema: JsonSchema = answersSchema as JsonSchema,
): unknown {
	const resolved = resolve(schema);
	if (Array.isArray(value)) {
		return value.map((item) => canonicalize(item, resolved.items ?? {}));
	}

	if (value === null || typeof value !== 'object') {
		return value;
	}

	const record = value as Record<string, unknown>;
	const known = Object.keys(resolved.properties ?? {});
	const keys = [
		...known.filter((key) => Object.hasOwn(record, key)),
		...Object.keys(record)
			.filter((key) => !known.includes(key))
			.sort(),
	];
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		if (record[key] !== undefined) {
			const property =
				resolved.properties && Object.hasOwn(resolved.properties, key)
					? resolved.properties[key]!
					: {};
			out[key] = canonicalize(record[key], property);
		}
	}

	return out;
}

function resolve(schema: JsonSchema): JsonSchema {
	if (schema.$ref === undefined) {
		return schema;
	}

	const name = schema.$ref.replace(/^#\/\$defs\//, '');
	return resolve((answersSchema as JsonSchema).$defs?.[name] ?? {});
}

/** The bytes of an answers file: canonical order, two-space indent, final newline. */
export function serializeAnswers(answers: unknown): string {
	return `${JSON.stringify(canonicalize(answers), undefined, 2)}\n`;
}
