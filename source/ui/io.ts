import path from 'node:path';
import process from 'node:process';
import {colorEnabled} from '../cli/style.js';
import {sha256} from '../commands/shared.js';
import type {DraftAnswers} from '../core/answers/types.js';
import type {Hash} from '../core/drafting/marker.js';
import {describeSource, type AnswersSession, type AnswersSource} from '../storage/answers-store.js';
import {
	inspectDocument,
	writeDocument,
	type ExistingDocument,
	type WriteOutcome,
} from '../storage/documents.js';

/** Everything the wizard's screens need from the outside world, injected so tests can fake it. */
export type WizardIo = {
	/** The answers file, as shown to the person. */
	file: string;
	/** Answers are saved to a file (not a bundled example). */
	saves: boolean;
	/** The command that runs the wizard on these answers again. */
	command: string;
	/** A path as the person would type it, relative to where they are. */
	shown: (file: string) => string;
	/** Folder the document paths in the answers are relative to. */
	root: string;
	hash: Hash;
	save: (answers: DraftAnswers) => Promise<void>;
	/** Whether the answers file holds what was answered (for the message on leaving). */
	status: AnswersSession['status'];
	inspect: (file: string) => Promise<ExistingDocument>;
	write: (file: string, markdown: string, force: boolean) => Promise<WriteOutcome>;
	/** Render Markdown for the terminal (marked-terminal), for the preview. */
	render: (markdown: string, width: number) => Promise<string>;
};

/** What to say when the wizard stops before the end (Ctrl-C, a signal): only what is true. */
export function stoppedMessage({
	status,
	file,
	command,
}: Pick<WizardIo, 'status' | 'file' | 'command'>): string {
	switch (status()) {
		case 'saved': {
			return `Stopped. Your answers are saved in ${file}; run ${command} again to go on.`;
		}

		case 'nothing-saved': {
			return 'Stopped. Nothing was saved.';
		}

		case 'last-save-failed': {
			return `Stopped. The last change was not saved: ${file} holds the answers saved before it.`;
		}
	}
}

/** The real edges: answers through the open session, documents through the marker-aware writer. */
export function makeIo(
	source: AnswersSource,
	session: AnswersSession,
	root: string,
	width: () => number,
	{plain = false}: {plain?: boolean} = {},
): WizardIo {
	const base =
		source.kind === 'file' && source.from === '--answers'
			? `npx privacy-wizard --answers ${path.relative(process.cwd(), source.path) || source.path}`
			: source.kind === 'example'
				? `npx privacy-wizard --example ${source.name}`
				: 'npx privacy-wizard';
	return {
		file:
			source.kind === 'example'
				? `${describeSource(source)} (changes are not saved)`
				: path.relative(process.cwd(), source.path) || source.path,
		saves: source.kind !== 'example',
		// The way back in is the way that was used: line by line stays line by line.
		command: plain ? `${base} --plain` : base,
		shown: (file) => path.relative(process.cwd(), file) || file,
		root,
		hash: sha256,
		save: async (answers) => session.save(answers),
		status: session.status,
		inspect: inspectDocument,
		write: async (file, markdown, force) => writeDocument(file, markdown, {force, root}),
		// marked and marked-terminal load only when a preview is asked for.
		render: async (markdown, columns) =>
			(await import('../preview/render.js')).renderMarkdown(markdown, {
				width: Math.min(columns, width()),
				color: colorEnabled(process.stdout.isTTY ? process.stdout : process.stderr),
			}),
	};
}
