import {formatIssue, joinPath, tooDeep, type SchemaIssue} from './json-schema.js';
import {migrate} from './migrate.js';
import {answersValidator} from './schema.js';
import {currentSchemaVersion, type Answers, type DraftAnswers} from './types.js';

export type LoadProblem =
	| {kind: 'syntax'; line: number; column: number; detail: string}
	| {kind: 'not-object'}
	| {kind: 'version'; reason: 'no-version' | 'newer' | 'unknown'; found: unknown}
	| {kind: 'schema'; issues: SchemaIssue[]};

export type LoadResult =
	{ok: true; answers: DraftAnswers; migratedFrom?: number} | {ok: false; problem: LoadProblem};

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, Math.max(0, offset));
	const lines = before.split('\n');
	return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1};
}

/**
The offset of the first character that makes `text` invalid JSON. Node 20's V8 names no position
for an unexpected token (`Unexpected token ',', "…" is not valid JSON`), so we find it ourselves.
*/
export function jsonErrorOffset(text: string): number {
	let at = 0;
	const fail = (): never => {
		throw new RangeError(String(at));
	};

	const space = (): void => {
		while (at < text.length && ' \t\n\r'.includes(text[at]!)) {
			at++;
		}
	};

	const expect = (character: string): void => {
		space();
		if (text[at] !== character) {
			fail();
		}

		at++;
	};

	const string = (): void => {
		expect('"');
		for (;;) {
			const character = text[at];
			if (character === undefined || character < ' ') {
				fail();
			} else if (character === '"') {
				at++;
				return;
			} else if (character === '\\') {
				at++;
				const escaped = text[at];
				if (escaped === 'u') {
					for (let digit = 0; digit < 4; digit++) {
						at++;
						if (!/^[\da-fA-F]$/.test(text[at] ?? '')) {
							fail();
						}
					}
				} else if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
					fail();
				}
			}

			at++;
		}
	};

	const value = (): void => {
		space();
		const character = text[at];
		if (character === '{' || character === '[') {
			const close = character === '{' ? '}' : ']';
			at++;
			space();
			if (text[at] === close) {
				at++;
				return;
			}

			for (;;) {
				if (close === '}') {
					string();
					expect(':');
				}

				value();
				space();
				if (text[at] === close) {
					at++;
					return;
				}

				expect(',');
			}
		}

		if (character === '"') {
			string();
			return;
		}

		const token = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
			text.slice(at),
		);
		if (!token) {
			fail();
		}

		at += token![0].length;
	};

	try {
		value();
		space();
		return at;
	} catch (error) {
		return error instanceof RangeError && /^\d+$/.test(error.message) ? at : text.length;
	}
}

function syntaxProblem(text: string, error: SyntaxError): LoadProblem {
	// V8 sometimes names the offset ("at position 42"); newer versions also give line and column.
	const lineColumn = /line (\d+) column (\d+)/.exec(error.message);
	const position = /position (\d+)/.exec(error.message);
	const detail = error.message
		.replace(/(?<!\s)\s*\(line \d+ column \d+\)/, '')
		.replace(/ at position \d+/, '')
		.replace(/ in JSON$/, '')
		// Node 20 quotes a snippet of the file, newlines included: not for a one-line message.
		.replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
		.replace(/^JSON\.parse: /, '');
	if (lineColumn) {
		return {kind: 'syntax', line: Number(lineColumn[1]), column: Number(lineColumn[2]), detail};
	}

	const offset = position ? Number(position[1]) : jsonErrorOffset(text);
	return {kind: 'syntax', ...lineAndColumn(text, offset), detail};
}

/**
Cross-references the schema cannot express: ids are unique, and every id a purpose or a
recipient names exists.
*/
export function integrityIssues(answers: DraftAnswers): SchemaIssue[] {
	const issues: SchemaIssue[] = [];
	const ids = (list: unknown, name: string): Set<string> => {
		const seen = new Set<string>();
		if (!Array.isArray(list)) {
			return seen;
		}

		for (const [index, item] of list.entries()) {
			const id = (item as {id?: unknown})?.id;
			if (typeof id !== 'string') {
				continue;
			}

			if (seen.has(id)) {
				issues.push({
					path: joinPath(joinPath(name, index), 'id'),
					kind: 'invalid',
					expected: `an id not used by another entry of ${name}`,
					found: JSON.stringify(id),
				});
			}

			seen.add(id);
		}

		return seen;
	};

	const dataIds = ids(answers['dataItems'], 'dataItems');
	const purposeIds = ids(answers['purposes'], 'purposes');
	ids(answers['recipients'], 'recipients');

	const references = (
		list: unknown,
		name: string,
		field: string,
		known: Set<string>,
		what: string,
	): void => {
		if (!Array.isArray(list)) {
			return;
		}

		for (const [index, item] of list.entries()) {
			const refs = (item as Record<string, unknown>)?.[field];
			if (!Array.isArray(refs)) {
				continue;
			}

			for (const [position, ref] of refs.entries()) {
				if (typeof ref === 'string' && !known.has(ref)) {
					issues.push({
						path: joinPath(joinPath(joinPath(name, index), field), position),
						kind: 'invalid',
						expected: `the id of one of the ${what}`,
						found: JSON.stringify(ref),
					});
				}
			}
		}
	};

	references(answers['purposes'], 'purposes', 'dataItems', dataIds, 'dataItems');
	references(answers['recipients'], 'recipients', 'dataItems', dataIds, 'dataItems');
	references(answers['recipients'], 'recipients', 'purposes', purposeIds, 'purposes');
	return issues;
}

/** Parse, migrate and validate the text of an answers file. Pure: the caller reads the file. */
export function parseAnswers(text: string): LoadResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return {ok: false, problem: syntaxProblem(text, error as SyntaxError)};
	}

	return validateAnswers(data);
}

/** Migrate and validate an already parsed value. */
export function validateAnswers(data: unknown): LoadResult {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return {ok: false, problem: {kind: 'not-object'}};
	}

	// Before anything that recurses (migration, validation): a hostile file nests without limit.
	const deep = tooDeep(data);
	if (deep) {
		return {ok: false, problem: {kind: 'schema', issues: [deep]}};
	}

	const migrated = migrate(data as Record<string, unknown>);
	if (!migrated.ok) {
		return {ok: false, problem: {kind: 'version', reason: migrated.reason, found: migrated.found}};
	}

	const answers = migrated.document as DraftAnswers;
	const issues = [
		...answersValidator.validate(answers, {partial: true}),
		...integrityIssues(answers),
	];
	if (issues.length > 0) {
		return {ok: false, problem: {kind: 'schema', issues}};
	}

	return migrated.from === currentSchemaVersion
		? {ok: true, answers}
		: {ok: true, answers, migratedFrom: migrated.from};
}

/** What is still missing before the answers describe a complete policy. */
export function missingAnswers(answers: DraftAnswers): SchemaIssue[] {
	return answersValidator
		.validate(answers, {partial: false})
		.filter((issue) => issue.kind === 'missing');
}

export function isComplete(answers: DraftAnswers): answers is DraftAnswers & Answers {
	return answersValidator.validate(answers).length === 0 && integrityIssues(answers).length === 0;
}

/**
Where a file that could not be used comes from, which decides what to do about it: the answers a
command works on, a file given to `answers import`, or the answers at an earlier git revision
(history: nothing to fix there).
*/
export type LoadSource = 'answers' | 'import' | 'revision';

const remedies: Record<
	Exclude<LoadProblem['kind'], 'version'> | 'unknown-version',
	Record<LoadSource, string | undefined>
> = {
	syntax: {
		answers:
			'Fix the file by hand (it has not been changed), or start over with `privacy-wizard answers reset`.',
		import: 'Fix the file by hand and import it again; it has not been changed.',
		revision: undefined,
	},
	'not-object': {
		answers:
			'Point --answers at a file written by privacy-wizard (see `privacy-wizard answers export`).',
		import: 'Import a file written by privacy-wizard (see `privacy-wizard answers export`).',
		revision: undefined,
	},
	'unknown-version': {
		answers: `Add "schemaVersion": ${currentSchemaVersion} if the file was written by hand; it has not been changed.`,
		import: `Add "schemaVersion": ${currentSchemaVersion} if the file was written by hand, and import it again.`,
		revision: undefined,
	},
	schema: {
		answers:
			'Fix these fields by hand or re-run `privacy-wizard` to answer them again; the file has not been changed.',
		import: 'Fix these fields by hand and import the file again; it has not been changed.',
		revision: undefined,
	},
};

/** One paragraph (several lines) describing why a file could not be used, and what to do. */
export function describeLoadProblem(
	problem: LoadProblem,
	file: string,
	source: LoadSource = 'answers',
): string {
	const lines = (what: string[], remedy: string | undefined): string =>
		[...what, ...(remedy === undefined ? [] : [remedy])].join('\n');
	switch (problem.kind) {
		case 'syntax': {
			return lines(
				[`${file}:${problem.line}:${problem.column} is not valid JSON: ${problem.detail}.`],
				remedies.syntax[source],
			);
		}

		case 'not-object': {
			return lines(
				[`${file} does not hold an answers document: expected a JSON object with "schemaVersion".`],
				remedies['not-object'][source],
			);
		}

		case 'version': {
			if (problem.reason === 'newer') {
				return `${file} was written by a newer privacy-wizard (schemaVersion ${String(problem.found)}; this version reads up to ${currentSchemaVersion}).\nUpgrade with \`npx privacy-wizard@latest\`${source === 'revision' ? '' : '; the file has not been changed'}.`;
			}

			return lines(
				[
					`${file} has ${problem.reason === 'no-version' ? 'no "schemaVersion"' : `an unknown "schemaVersion" (${JSON.stringify(problem.found)})`}: expected a whole number from 1 to ${currentSchemaVersion}.`,
				],
				remedies['unknown-version'][source],
			);
		}

		case 'schema': {
			const shown = problem.issues.slice(0, 12).map((issue) => `  - ${formatIssue(issue)}`);
			const more = problem.issues.length > 12 ? [`  - and ${problem.issues.length - 12} more`] : [];
			return lines(
				[
					`${file} does not match the answers schema (${problem.issues.length} ${problem.issues.length === 1 ? 'problem' : 'problems'}):`,
					...shown,
					...more,
				],
				remedies.schema[source],
			);
		}
	}
}
