import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {
	allDocuments,
	defaultFileName,
	documentFormats,
	documentKinds,
	documentLabel,
	documentTargets,
	formatOfPath,
	formatsOf,
	type DocumentFormat,
	type DocumentKind,
} from '../core/drafting/documents.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {oneOf, type Parsed} from '../cli/args.js';
import {OperationError, UsageError} from '../errors.js';
import {resolveSource, type AnswersSource} from '../storage/answers-store.js';
import {writeDocument} from '../storage/documents.js';
import {answersFor, draftOrFail, stderr, stdout} from './shared.js';

/** A format the document cannot be written in is a usage error, named with the ones it can. */
function checkFormat(kind: DocumentKind, format: DocumentFormat): void {
	const allowed = formatsOf(kind);
	if (!allowed.includes(format)) {
		const tabular = documentKinds.filter((candidate) => formatsOf(candidate).includes(format));
		throw new UsageError(
			`The ${documentLabel(kind)} cannot be written as ${format}: expected ${allowed.join(', ')}.${tabular.length > 0 ? ` --format ${format} is for --document ${tabular.join(' or ')}.` : ''}`,
		);
	}
}

function shown(file: string): string {
	return path.relative(process.cwd(), file) || file;
}

/**
`--document all --out DIR`: every document the answers call for, each under its default file name
in DIR, in one format. A file edited by hand is kept (unless --force) and named; the others are
still written.
*/
async function generateAll(
	answers: DraftAnswers,
	source: AnswersSource,
	folder: string,
	format: DocumentFormat,
	force: boolean,
): Promise<number> {
	const targets = documentTargets(answers).filter((target) =>
		formatsOf(target.kind).includes(format),
	);
	if (targets.length === 0) {
		throw new UsageError(
			`No document the answers call for can be written as ${format}: --format ${format} is for --document ${documentKinds.filter((kind) => formatsOf(kind).includes(format)).join(' or ')}.`,
		);
	}

	// Draft them all first: incomplete answers write nothing.
	const drafted = targets.map((target) => ({
		kind: target.kind,
		output: draftOrFail(answers, target.kind, source, format),
		file: path.resolve(process.cwd(), folder, defaultFileName(target.kind, format)),
	}));
	await nodeFs.promises
		.mkdir(path.resolve(process.cwd(), folder), {recursive: true})
		.catch((error: Error) => {
			throw new OperationError(`Could not create the folder ${folder}: ${error.message}`);
		});
	const failures: string[] = [];
	for (const {output, file} of drafted) {
		try {
			const outcome = await writeDocument(file, output, {force});
			await stderr(
				`${outcome === 'unchanged' ? 'Unchanged' : outcome === 'created' ? 'Wrote' : 'Updated'} ${shown(file)}\n`,
			);
		} catch (error) {
			if (!(error instanceof OperationError)) throw error;
			failures.push(error.message);
		}
	}

	if (failures.length > 0) {
		throw new OperationError(failures.join('\n'));
	}

	return 0;
}

export async function generate({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(
			`privacy-wizard generate takes no arguments (got "${positionals[0]}"). Use --out PATH to write a file.`,
		);
	}

	const kind = oneOf(values['document'], [...documentKinds, allDocuments], '--document', 'policy');
	const out = values['out'];
	const force = values['force'] === true;
	if (kind === allDocuments) {
		if (typeof out !== 'string') {
			throw new UsageError(
				'--document all writes one file per document: give --out DIR, the folder to write them in.',
			);
		}

		const format = oneOf(values['format'], documentFormats, '--format', 'markdown');
		const source = await resolveSource({
			answers: values['answers'] as string | undefined,
			example: values['example'] as string | undefined,
		});
		return generateAll(await answersFor(source), source, out, format, force);
	}

	// Without --format, --out's extension decides (.html, .htm, .json, .csv); stdout is Markdown.
	const format = oneOf(
		values['format'],
		documentFormats,
		'--format',
		typeof out === 'string' ? formatOfPath(out) : 'markdown',
	);
	checkFormat(kind, format);
	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	const answers = await answersFor(source);
	const output = draftOrFail(answers, kind, source, format);
	if (typeof out === 'string') {
		const file = path.resolve(process.cwd(), out);
		const outcome = await writeDocument(file, output, {force});
		await stderr(
			`${outcome === 'unchanged' ? 'Unchanged' : outcome === 'created' ? 'Wrote' : 'Updated'} ${shown(file)}\n`,
		);
		return 0;
	}

	await stdout(output);
	return 0;
}
