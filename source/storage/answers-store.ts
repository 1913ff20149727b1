import path from 'node:path';
import process from 'node:process';
import {defaultExample, examples, exampleNames} from '../core/answers/examples.js';
import {describeLoadProblem, parseAnswers, validateAnswers} from '../core/answers/load.js';
import {withSchemaReference} from '../core/answers/schema.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {OperationError, UsageError} from '../errors.js';
import {repoRoot} from '../repo/root.js';
import {exists, fileError, readText} from './files.js';

export const answersFileName = 'privacy-wizard.json';

export type AnswersSource =
	| {kind: 'example'; name: string}
	| {kind: 'file'; path: string; from: '--answers' | 'PRIVACY_WIZARD_ANSWERS'}
	| {kind: 'saved'; path: string};

export type SourceOptions = {answers?: string; example?: string};

/** Where the answers come from: an example, --answers, PRIVACY_WIZARD_ANSWERS, or the repo's saved file. */
export async function resolveSource(
	options: SourceOptions,
	cwd: string = process.cwd(),
	env: NodeJS.ProcessEnv = process.env,
): Promise<AnswersSource> {
	if (options.example !== undefined && options.answers !== undefined) {
		throw new UsageError('Use either --example or --answers, not both.');
	}

	if (options.example !== undefined) {
		const name = options.example === '' ? defaultExample : options.example;
		if (!Object.hasOwn(examples, name)) {
			throw new UsageError(`Unknown example "${name}". Examples: ${exampleNames().join(', ')}.`);
		}

		return {kind: 'example', name};
	}

	if (options.answers !== undefined) {
		return {kind: 'file', path: path.resolve(cwd, options.answers), from: '--answers'};
	}

	const fromEnv = env['PRIVACY_WIZARD_ANSWERS'];
	if (fromEnv) {
		return {kind: 'file', path: path.resolve(cwd, fromEnv), from: 'PRIVACY_WIZARD_ANSWERS'};
	}

	return {kind: 'saved', path: await savedAnswersPath(cwd)};
}

/** `privacy-wizard.json` at the repository root (see repo/root.ts), or in the current folder outside one. */
export async function savedAnswersPath(cwd: string = process.cwd()): Promise<string> {
	return path.join((await repoRoot(cwd)) ?? cwd, answersFileName);
}

export function describeSource(source: AnswersSource): string {
	switch (source.kind) {
		case 'example': {
			return `the bundled example "${source.name}"`;
		}

		case 'file': {
			return source.path;
		}

		case 'saved': {
			return source.path;
		}
	}
}

/** Read and validate answers. Undefined when the saved file does not exist yet. */
export async function readAnswers(source: AnswersSource): Promise<DraftAnswers | undefined> {
	if (source.kind === 'example') {
		const result = validateAnswers(structuredClone(examples[source.name]!.answers));
		if (!result.ok) {
			throw new Error(
				`The bundled example ${source.name} is invalid: ${describeLoadProblem(result.problem, source.name)}`,
			);
		}

		return result.answers;
	}

	if (source.kind === 'saved' && !(await exists(source.path))) {
		return undefined;
	}

	const text = await readText(
		source.path,
		source.kind === 'file' ? `Answers file (from ${source.from})` : 'Answers file',
	);
	const result = parseAnswers(text);
	if (!result.ok) {
		throw new OperationError(describeLoadProblem(result.problem, source.path));
	}

	return result.answers;
}

/** Like readAnswers, but a missing file is an error that says how to create one. */
export async function requireAnswers(source: AnswersSource): Promise<DraftAnswers> {
	const answers = await readAnswers(source);
	if (!answers) {
		throw new OperationError(
			`No saved answers at ${describeSource(source)}.\nRun \`npx privacy-wizard\` to answer the questions, pass --answers FILE, or try --example.`,
		);
	}

	return answers;
}

/** Save answers (atomically, through conf): see storage/conf-store.ts. */
export async function saveAnswers(file: string, answers: DraftAnswers): Promise<void> {
	const {writeAnswersFile} = await import('./conf-store.js');
	try {
		await writeAnswersFile(file, withSchemaReference(answers as Record<string, unknown>));
	} catch (error) {
		throw fileError(error, file, 'Answers file', 'write');
	}
}
