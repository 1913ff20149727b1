/**
The marker at the end of a generated document. It holds a hash of the document above it, so the
tool can tell a document it wrote (safe to replace) from one edited by hand since, and names the
document and its format, so `check` can regenerate the same kind in the same format.
The hash function is passed in: the core does no hashing I/O of its own and stays portable.

Markdown and HTML end with the same comment, `<!-- … -->`; a Markdown one names no format (files
written before there were others stay recognised), an HTML one says `html`. JSON has no
comments: its marker is the last property, `"marker"`, and the hash is of the JSON without it.
CSV has none either: its marker is a last record as wide as the header, its first field the
marker text and the others empty, so every CSV reader still sees a rectangular table.
*/
import {csvWidth} from './csv.js';

const commentPattern =
	/\n<!-- privacy-wizard: (?<document>[a-z][a-z-]*)(?: (?<format>html))? sha256:(?<hash>[0-9a-f]{64}) -->\n?$/;
const jsonPattern =
	/,\n {2}"marker": "privacy-wizard: (?<document>[a-z][a-z-]*) json sha256:(?<hash>[0-9a-f]{64})"\n\}\n?$/;
const csvPattern =
	/\r\nprivacy-wizard: (?<document>[a-z][a-z-]*) csv sha256:(?<hash>[0-9a-f]{64}),*\r\n$/;
/** A marker anywhere: one that is no longer last means text was added below it by hand. */
const anyMarker =
	/privacy-wizard: (?<document>[a-z][a-z-]*)(?: (?<format>html|json|csv))? sha256:[0-9a-f]{64}/;
const jsonEnd = '\n}\n';

export type Hash = (text: string) => string;

/** The formats a marker can name. */
export type MarkedFormat = 'markdown' | 'html' | 'json' | 'csv';

export function withMarker(
	text: string,
	document: string,
	hash: Hash,
	format: MarkedFormat = 'markdown',
): string {
	if (format === 'json') {
		if (!text.endsWith(jsonEnd)) {
			throw new Error('A JSON document must be an object printed with two-space indents');
		}

		return `${text.slice(0, -jsonEnd.length)},\n  "marker": "privacy-wizard: ${document} json sha256:${hash(text)}"${jsonEnd}`;
	}

	if (format === 'csv') {
		if (!text.endsWith('\r\n')) {
			throw new Error('CSV text must end with CRLF');
		}

		return `${text}privacy-wizard: ${document} csv sha256:${hash(text)}${','.repeat(csvWidth(text) - 1)}\r\n`;
	}

	const named = format === 'markdown' ? '' : ` ${format}`;
	return `${text}\n<!-- privacy-wizard: ${document}${named} sha256:${hash(text)} -->\n`;
}

export type MarkerState =
	| {kind: 'no-marker'}
	| {kind: 'edited'; document: string; format: MarkedFormat}
	| {kind: 'unedited'; document: string; format: MarkedFormat; body: string};

/** Whether an existing file is one we generated and nobody has changed since. */
export function readMarker(text: string, hash: Hash): MarkerState {
	const comment = commentPattern.exec(text);
	const json = comment ? null : jsonPattern.exec(text);
	const csv = comment || json ? null : csvPattern.exec(text);
	const match = comment ?? json ?? csv;
	if (!match?.groups) {
		const moved = anyMarker.exec(text);
		return moved?.groups
			? {
					kind: 'edited',
					document: moved.groups['document']!,
					format: (moved.groups['format'] as MarkedFormat | undefined) ?? 'markdown',
				}
			: {kind: 'no-marker'};
	}

	const body = comment
		? text.slice(0, match.index)
		: json
			? `${text.slice(0, match.index)}${jsonEnd}`
			: text.slice(0, match.index + 2);
	const document = match.groups['document']!;
	const format: MarkedFormat = json
		? 'json'
		: csv
			? 'csv'
			: match.groups['format'] === 'html'
				? 'html'
				: 'markdown';
	return hash(body) === match.groups['hash']
		? {kind: 'unedited', document, format, body}
		: {kind: 'edited', document, format};
}
