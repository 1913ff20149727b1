import {createHash} from 'node:crypto';
import path from 'node:path';
import process from 'node:process';
import {
	documentLabel,
	draft,
	render,
	type DocumentFormat,
	type DocumentKind,
} from '../core/drafting/documents.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {formatPath} from '../core/questionnaire/paths.js';
import {terminalSafe} from '../cli/terminal-text.js';
import {OperationError} from '../errors.js';
import {describeSource, requireAnswers, type AnswersSource} from '../storage/answers-store.js';
import {exists} from '../storage/files.js';

/** Today's date (`YYYY-MM-DD`, UTC): the edge reads the clock and passes it to the core. */
export function today(): string {
	return new Date().toISOString().slice(0, 10);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Draft a document in a format, or fail with the list of what is missing. */
export function draftOrFail(
	answers: DraftAnswers,
	kind: DocumentKind,
	source: AnswersSource,
	format: DocumentFormat = 'markdown',
): string {
	const result = draft(answers, kind, sha256);
	if (result.ok) {
		return format === 'markdown' ? result.markdown : render(result.model, format, sha256);
	}

	if ('inapplicable' in result) {
		throw new OperationError(
			result.inapplicable === 'law'
				? `No ${documentLabel(kind)} is drafted for the answers in ${describeSource(source)}: no law that applies to them requires one. \`privacy-wizard check --explain\` lists the laws that apply and why.`
				: `No ${documentLabel(kind)} is drafted for the answers in ${describeSource(source)}: nothing in them calls for one. \`privacy-wizard generate --document all --out DIR\` writes every document they call for.`,
		);
	}

	const shown = result.gaps
		.slice(0, 8)
		.map((gap) => `  - ${gap.section.title} → ${gap.question.prompt} (${formatPath(gap.path)})`);
	const more = result.gaps.length > 8 ? [`  - and ${result.gaps.length - 8} more`] : [];
	throw new OperationError(
		[
			`The answers in ${describeSource(source)} are not complete yet, so no ${documentLabel(kind)} was drafted (it would have gaps):`,
			...(result.gaps.length > 0
				? [...shown, ...more]
				: ['  - some required fields are missing; `privacy-wizard check` lists them']),
			'Run `npx privacy-wizard` to answer them, or `privacy-wizard check` for the full list with citations.',
		].join('\n'),
	);
}

/** Where documents named in the answers live: next to the saved answers or the --answers file. */
export function documentsRoot(source: AnswersSource): string | undefined {
	return source.kind === 'example' ? undefined : path.dirname(source.path);
}

export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		stream.write(text, (error) => {
			if (error) {
				reject(error);
			} else {
				resolve();
			}
		});
	});
}

/** stdout carries documents and JSON as they are; text for people goes through terminalSafe. */
export const stdout = (text: string): Promise<void> => write(process.stdout, text);
/** Messages for people: made inert for the terminal (see cli/terminal-text.ts). */
export const stderr = (text: string): Promise<void> => write(process.stderr, terminalSafe(text));

/**
The answers a command reads. A --answers file that does not exist yet is named with the way to
start it: the wizard creates it.
*/
export async function answersFor(source: AnswersSource): Promise<DraftAnswers> {
	if (source.kind === 'file' && !(await exists(source.path))) {
		const shown = path.relative(process.cwd(), source.path) || source.path;
		const how = source.from === '--answers' ? `--answers ${shown}` : `with ${source.from}=${shown}`;
		throw new OperationError(
			`The answers file ${source.path} (from ${source.from}) does not exist.\nCheck the path, or run \`npx privacy-wizard ${how}\` to answer the questions and start it there.`,
		);
	}

	return requireAnswers(source);
}
