import nodeFs from 'node:fs';
import {readMarker, type MarkedFormat} from '../core/drafting/marker.js';
import {OperationError} from '../errors.js';
import {sha256} from '../commands/shared.js';
import path from 'node:path';
import {terminalSafe} from '../cli/terminal-text.js';
import {repoRoot} from '../repo/root.js';
import {fileError, writeVerified, type FileSystem} from './files.js';

export type ExistingDocument =
	| {kind: 'absent'}
	| {kind: 'no-marker'; text: string}
	| {kind: 'edited'; text: string}
	| {kind: 'unedited'; text: string; body: string; format: MarkedFormat};

export async function inspectDocument(file: string): Promise<ExistingDocument> {
	let text: string;
	try {
		text = await nodeFs.promises.readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {kind: 'absent'};
		}

		throw fileError(error, file, 'Document', 'read');
	}

	const marker = readMarker(text, sha256);
	return marker.kind === 'unedited'
		? {kind: 'unedited', text, body: marker.body, format: marker.format}
		: {kind: marker.kind, text};
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/**
Write a generated document (a verified write: see storage/files.ts) inside `root`, by default the
repository holding it. A file that privacy-wizard did not write, or that was edited by hand since,
is never replaced without `force`: the hash in its marker comment tells which.
*/
export async function writeDocument(
	file: string,
	markdown: string,
	options: {force?: boolean; root?: string; fs?: FileSystem} = {},
): Promise<WriteOutcome> {
	const existing = await inspectDocument(file);
	if (existing.kind !== 'absent' && existing.text === markdown) {
		return 'unchanged';
	}

	if (!options.force) {
		if (existing.kind === 'no-marker') {
			throw new OperationError(
				`${terminalSafe(file)} already exists and was not written by privacy-wizard, so it was left untouched.\nMove it away, choose another path, or pass --force to replace it.`,
			);
		}

		if (existing.kind === 'edited') {
			throw new OperationError(
				`${terminalSafe(file)} was edited by hand since privacy-wizard generated it, so it was left untouched.\nCarry your edits into the answers (they would be lost), then pass --force to replace it.`,
			);
		}
	}

	const root = options.root ?? (await repoRoot(path.dirname(file))) ?? path.dirname(file);
	await writeVerified(file, markdown, {what: 'Document', root, fs: options.fs});
	return existing.kind === 'absent' ? 'created' : 'updated';
}
