import {createHash} from 'node:crypto';
import path from 'node:path';
import process from 'node:process';
import {draft, type DocumentKind} from '../core/drafting/documents.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {formatPath} from '../core/questionnaire/paths.js';
import {terminalSafe} from '../cli/terminal-text.js';
import {OperationError} from '../errors.js';
import {describeSource, type AnswersSource} from '../storage/answers-store.js';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Draft a document or fail with the list of what is missing. */
export function draftOrFail(
	answers: DraftAnswers,
	kind: DocumentKind,
	source: AnswersSource,
): string {
	const result = draft(answers, kind, sha256);
	if (result.ok) {
		return result.markdown;
	}

	const shown = result.gaps
		.slice(0, 8)
		.map((gap) => `  - ${gap.section.title} → ${gap.question.prompt} (${formatPath(gap.path)})`);
	const more = result.gaps.length > 8 ? [`  - and ${result.gaps.length - 8} more`] : [];
	throw new OperationError(
		[
			`The answers in ${describeSource(source)} are not complete yet, so no ${kind === 'policy' ? 'policy' : 'data-rights section'} was drafted (it would have gaps):`,
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
