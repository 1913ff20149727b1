import path from 'node:path';
import process from 'node:process';
import {defaultExample, examples, exampleNames} from '../core/answers/examples.js';
import {serializeAnswers} from '../core/answers/canonical.js';
import {describeLoadProblem, parseAnswers, validateAnswers} from '../core/answers/load.js';
import {withSchemaReference} from '../core/answers/schema.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {OperationError, UsageError} from '../errors.js';
import {repoRoot} from '../repo/root.js';
import {terminalSafe} from '../cli/terminal-text.js';
import {
	exists,
	fileError,
	nodeFileSystem,
	readText,
	removeStaleTemporaries,
	writeVerified,
	type FileSystem,
} from './files.js';
import {acquireLock, type Lock} from './lock.js';

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
		return exampleAnswers(source.name);
	}

	if (source.kind === 'saved' && !(await exists(source.path))) {
		return undefined;
	}

	const text = await readText(
		source.path,
		source.kind === 'file' ? `Answers file (from ${source.from})` : 'Answers file',
	);
	return parsed(text, source.path);
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

/** The bytes of the file, or undefined when there is none. */
async function currentText(file: string, fs: FileSystem): Promise<string | undefined> {
	try {
		return (await fs.readFile(file)).toString('utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw fileError(error, file, 'Answers file', 'read');
	}
}

/**
The answers file opened for changes: locked against other privacy-wizard processes for as long as
it is open, and saved only over the bytes it was opened with (compare-and-swap), so an edit made
meanwhile by anything else is never silently overwritten.
*/
export type AnswersSession = {
	/** The file's text when opened (undefined: no file yet, or an example). */
	readonly text: string | undefined;
	/** The answers, validated (undefined: no file yet); an invalid file throws its problem. */
	answers: () => DraftAnswers | undefined;
	/** Save (a verified write). Nothing is saved for an example. */
	save: (answers: DraftAnswers) => Promise<void>;
	/** Resolves once no save is in flight (before leaving on a signal). */
	settled: () => Promise<void>;
	/** What a person leaving now should be told about the file. */
	status: () => 'saved' | 'nothing-saved' | 'last-save-failed';
	close: () => Promise<void>;
};

/** Open the answers for changes (the wizard, import, reset). */
export async function openAnswers(
	source: AnswersSource,
	fs: FileSystem = nodeFileSystem,
): Promise<AnswersSession> {
	if (source.kind === 'example') {
		return {
			text: undefined,
			answers: () => exampleAnswers(source.name),
			save: async () => undefined,
			settled: async () => undefined,
			status: () => 'nothing-saved',
			close: async () => undefined,
		};
	}

	const file = source.path;
	const root = (await repoRoot(path.dirname(file))) ?? path.dirname(file);
	const lock: Lock = await acquireLock(file, fs);
	let known: string | undefined;
	try {
		// What a killed run left behind goes now, not at the first save.
		await removeStaleTemporaries(file, fs);
		known = await currentText(file, fs);
	} catch (error) {
		await lock.release();
		throw error;
	}

	const opened = known;
	let inFlight: Promise<unknown> = Promise.resolve();
	let failed = false;
	const save = async (answers: DraftAnswers): Promise<void> => {
		const now = await currentText(file, fs);
		if (now !== known) {
			throw new OperationError(
				`${terminalSafe(file)} was changed by another program since privacy-wizard read it, so this change was not saved (it would undo that one).\nLook at the file; then run the command again, which starts from what it holds now.`,
			);
		}

		const text = serializeAnswers(withSchemaReference(answers as Record<string, unknown>));
		await writeVerified(file, text, {what: 'Answers file', root, fs});
		known = text;
	};

	return {
		text: opened,
		answers: () => (opened === undefined ? undefined : parsed(opened, file)),
		save: async (answers) => {
			const saving = inFlight.then(async () => save(answers));
			inFlight = saving.then(
				() => {
					failed = false;
				},
				() => {
					failed = true;
				},
			);
			return saving;
		},
		settled: async () => {
			let current;
			do {
				current = inFlight;
				await current;
			} while (current !== inFlight);
		},
		status: () => (failed ? 'last-save-failed' : known === undefined ? 'nothing-saved' : 'saved'),
		close: async () => lock.release(),
	};
}

function exampleAnswers(name: string): DraftAnswers {
	const result = validateAnswers(structuredClone(examples[name]!.answers));
	if (!result.ok) {
		throw new Error(
			`The bundled example ${name} is invalid: ${describeLoadProblem(result.problem, name)}`,
		);
	}

	return result.answers;
}

function parsed(text: string, file: string): DraftAnswers {
	const result = parseAnswers(text);
	if (!result.ok) {
		throw new OperationError(describeLoadProblem(result.problem, file));
	}

	return result.answers;
}
