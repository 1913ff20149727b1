/**
A small JSON Schema interpreter for the subset our schemas use.

Why not Ajv at run time: compiling a schema costs more than the whole `generate` budget, and
Ajv's messages name JSON pointers, not the field paths people read. Tests check that Ajv
(the reference implementation) agrees with this one on every example and fixture.
*/

export type JsonSchema = {
	$ref?: string;
	type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
	const?: unknown;
	enum?: readonly unknown[];
	properties?: Record<string, JsonSchema>;
	required?: readonly string[];
	additionalProperties?: boolean;
	items?: JsonSchema;
	minItems?: number;
	maxItems?: number;
	uniqueItems?: boolean;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	minimum?: number;
	maximum?: number;
	if?: JsonSchema;
	then?: JsonSchema;
	else?: JsonSchema;
	allOf?: readonly JsonSchema[];
	$defs?: Record<string, JsonSchema>;
	/** Our extension: what a person should write, in words. */
	'x-expected'?: string;
	[key: string]: unknown;
};

export type SchemaIssue = {
	/** Field path as people read it: `purposes[2].retention.amount`. */
	path: string;
	/** `missing` issues are about completeness; `invalid` ones about shape. */
	kind: 'missing' | 'invalid';
	expected: string;
	/** A short rendering of the value found, for invalid issues. */
	found?: string;
};

export type ValidateOptions = {
	/**
	Accept a document that is still being filled in: required fields and minimum counts are not
	enforced, everything present must still have the right shape.
	*/
	partial?: boolean;
};

const typeNames: Record<string, string> = {
	string: 'text',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	null: 'null',
};

export function joinPath(parent: string, key: string | number): string {
	if (typeof key === 'number') {
		return `${parent}[${key}]`;
	}

	return parent === '' ? key : `${parent}.${key}`;
}

export function describeValue(value: unknown): string {
	if (value === undefined) {
		return 'nothing';
	}

	if (Array.isArray(value)) {
		return `a list of ${value.length}`;
	}

	if (value !== null && typeof value === 'object') {
		return 'an object';
	}

	const json = JSON.stringify(value);
	return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

function typeMatches(type: NonNullable<JsonSchema['type']>, value: unknown): boolean {
	switch (type) {
		case 'string': {
			return typeof value === 'string';
		}

		case 'number': {
			return typeof value === 'number' && Number.isFinite(value);
		}

		case 'integer': {
			return typeof value === 'number' && Number.isInteger(value);
		}

		case 'boolean': {
			return typeof value === 'boolean';
		}

		case 'object': {
			return value !== null && typeof value === 'object' && !Array.isArray(value);
		}

		case 'array': {
			return Array.isArray(value);
		}

		case 'null': {
			return value === null;
		}
	}
}

/** `YYYY-MM-DD` naming a day that exists (2024-02-29 does, 2026-02-30 does not). */
export function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) {
		return false;
	}

	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return days !== undefined && day >= 1 && day <= days;
}

function expectedOf(schema: JsonSchema, fallback: string): string {
	return schema['x-expected'] ?? fallback;
}

export class SchemaValidator {
	readonly #root: JsonSchema;
	readonly #patterns = new Map<string, RegExp>();

	constructor(root: JsonSchema) {
		this.#root = root;
	}

	validate(value: unknown, options: ValidateOptions = {}): SchemaIssue[] {
		// Checked first, without recursion: everything after (this validator, JSON.stringify) recurses.
		const deep = tooDeep(value);
		if (deep) {
			return [deep];
		}

		const issues: SchemaIssue[] = [];
		this.#check(this.#root, value, '', options, issues);
		return issues;
	}

	/** Whether `value` matches without collecting messages (used for `if`). */
	#matches(schema: JsonSchema, value: unknown): boolean {
		const issues: SchemaIssue[] = [];
		this.#check(schema, value, '', {}, issues);
		return issues.length === 0;
	}

	#resolve(schema: JsonSchema): JsonSchema {
		if (schema.$ref === undefined) {
			return schema;
		}

		const name = schema.$ref.replace(/^#\/\$defs\//, '');
		const target = this.#root.$defs?.[name];
		if (!target) {
			throw new Error(`Schema reference ${schema.$ref} does not resolve`);
		}

		return this.#resolve(target);
	}

	#regex(pattern: string): RegExp {
		let regex = this.#patterns.get(pattern);
		if (!regex) {
			regex = new RegExp(pattern, 'u');
			this.#patterns.set(pattern, regex);
		}

		return regex;
	}

	#check(
		rawSchema: JsonSchema,
		value: unknown,
		path: string,
		options: ValidateOptions,
		issues: SchemaIssue[],
		/** The schema an `allOf` part or an `if` branch belongs to: it describes the fields. */
		parent?: JsonSchema,
	): void {
		const schema = this.#resolve(rawSchema);
		const invalid = (expected: string): void => {
			issues.push({path, kind: 'invalid', expected, found: describeValue(value)});
		};

		if (schema.const !== undefined && value !== schema.const) {
			invalid(expectedOf(schema, JSON.stringify(schema.const)));
			return;
		}

		if (schema.enum && !schema.enum.includes(value)) {
			invalid(
				expectedOf(schema, `one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`),
			);
			return;
		}

		if (schema.type && !typeMatches(schema.type, value)) {
			invalid(expectedOf(schema, typeNames[schema.type] ?? schema.type));
			return;
		}

		if (typeof value === 'string') {
			this.#checkString(schema, value, invalid);
		}

		if (typeof value === 'number') {
			if (
				(schema.minimum !== undefined && value < schema.minimum) ||
				(schema.maximum !== undefined && value > schema.maximum)
			) {
				invalid(
					expectedOf(schema, `a number from ${schema.minimum ?? '-∞'} to ${schema.maximum ?? '∞'}`),
				);
			}
		}

		if (Array.isArray(value)) {
			this.#checkArray(schema, value, path, options, issues, invalid);
		} else if (value !== null && typeof value === 'object') {
			this.#checkObject(schema, value as Record<string, unknown>, path, options, issues, parent);
		}

		for (const part of schema.allOf ?? []) {
			this.#check(part, value, path, options, issues, schema.properties ? schema : parent);
		}

		if (schema.if) {
			const branch = this.#matches(schema.if, value) ? schema.then : schema.else;
			if (branch) {
				this.#check(branch, value, path, options, issues, schema.properties ? schema : parent);
			}
		}
	}

	#checkString(schema: JsonSchema, value: string, invalid: (expected: string) => void): void {
		const length = [...value].length;
		if (schema.minLength !== undefined && length < schema.minLength) {
			invalid(
				expectedOf(
					schema,
					schema.minLength === 1 ? 'some text' : `at least ${schema.minLength} characters`,
				),
			);
			return;
		}

		if (schema.maxLength !== undefined && length > schema.maxLength) {
			invalid(`at most ${schema.maxLength} characters`);
			return;
		}

		if (schema.pattern !== undefined && !this.#regex(schema.pattern).test(value)) {
			invalid(expectedOf(schema, `text matching ${schema.pattern}`));
			return;
		}

		// The pattern accepts 2026-02-30; a date must also exist in the calendar.
		if (schema['format'] === 'date' && !isCalendarDate(value)) {
			invalid(expectedOf(schema, 'a date as YYYY-MM-DD'));
		}
	}

	#checkArray(
		schema: JsonSchema,
		value: unknown[],
		path: string,
		options: ValidateOptions,
		issues: SchemaIssue[],
		invalid: (expected: string) => void,
	): void {
		if (!options.partial && schema.minItems !== undefined && value.length < schema.minItems) {
			issues.push({
				path,
				kind: 'missing',
				expected:
					schema.minItems === 1 ? 'at least one entry' : `at least ${schema.minItems} entries`,
			});
		}

		if (schema.maxItems !== undefined && value.length > schema.maxItems) {
			invalid(`at most ${schema.maxItems} entries`);
		}

		if (schema.uniqueItems) {
			const seen = new Set<string>();
			for (const item of value) {
				const key = JSON.stringify(item);
				if (seen.has(key)) {
					invalid(`a list without repeated entries (${describeValue(item)} is repeated)`);
					break;
				}

				seen.add(key);
			}
		}

		if (schema.items) {
			for (const [index, item] of value.entries()) {
				this.#check(schema.items, item, joinPath(path, index), options, issues);
			}
		}
	}

	#checkObject(
		schema: JsonSchema,
		value: Record<string, unknown>,
		path: string,
		options: ValidateOptions,
		issues: SchemaIssue[],
		parent?: JsonSchema,
	): void {
		if (!options.partial) {
			for (const key of schema.required ?? []) {
				if (value[key] === undefined) {
					const property = schema.properties?.[key] ?? parent?.properties?.[key];
					issues.push({
						path: joinPath(path, key),
						kind: 'missing',
						expected: property ? this.#describe(property) : 'a value',
					});
				}
			}
		}

		for (const [key, item] of Object.entries(value)) {
			// Own properties only: `constructor` or `__proto__` are not fields of every schema.
			const property =
				schema.properties && Object.hasOwn(schema.properties, key)
					? schema.properties[key]
					: undefined;
			if (property) {
				this.#check(property, item, joinPath(path, key), options, issues);
			} else if (schema.additionalProperties === false) {
				issues.push({
					path: joinPath(path, key),
					kind: 'invalid',
					expected: `no field named "${key}" here (known fields: ${Object.keys(schema.properties ?? {}).join(', ')})`,
				});
			}
		}
	}

	/** What a field holds, in words, for "missing" messages. */
	#describe(rawSchema: JsonSchema): string {
		const schema = this.#resolve(rawSchema);
		if (schema['x-expected']) {
			return schema['x-expected'];
		}

		if (schema.type === 'array') {
			return 'a list';
		}

		return schema.type ? (typeNames[schema.type] ?? 'a value') : 'a value';
	}
}

/** Deeper than any document these schemas describe, and still far from the call stack's limit. */
export const maxDepth = 64;

/** The first value nested deeper than `maxDepth`, as an issue (found without recursion). */
export function tooDeep(root: unknown): SchemaIssue | undefined {
	const stack: Array<{value: unknown; depth: number; path: string}> = [
		{value: root, depth: 0, path: ''},
	];
	while (stack.length > 0) {
		const {value, depth, path} = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (depth >= maxDepth) {
			return {
				path,
				kind: 'invalid',
				expected: `at most ${maxDepth} levels of nesting (an answers file has fewer than 10)`,
				found: describeValue(value),
			};
		}

		const entries: Array<[string | number, unknown]> = Array.isArray(value)
			? [...value.entries()]
			: Object.entries(value);
		for (const [key, item] of entries) {
			if (item !== null && typeof item === 'object') {
				stack.push({value: item, depth: depth + 1, path: joinPath(path, key)});
			}
		}
	}

	return undefined;
}

export function formatIssue(issue: SchemaIssue): string {
	const where = issue.path === '' ? 'the document' : issue.path;
	if (issue.kind === 'missing') {
		return `${where} is missing: expected ${issue.expected}`;
	}

	return issue.found === undefined
		? `${where}: expected ${issue.expected}`
		: `${where}: expected ${issue.expected}, found ${issue.found}`;
}
