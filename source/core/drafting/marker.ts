/**
The marker comment at the end of a generated document. It holds a hash of the document above it,
so the tool can tell a document it wrote (safe to replace) from one edited by hand since.
The hash function is passed in: the core does no hashing I/O of its own and stays portable.
*/

const markerPattern =
	/\n<!-- privacy-wizard: (?<document>[a-z][a-z-]*) sha256:(?<hash>[0-9a-f]{64}) -->\n?$/;

export type Hash = (text: string) => string;

export function withMarker(markdown: string, document: string, hash: Hash): string {
	return `${markdown}\n<!-- privacy-wizard: ${document} sha256:${hash(markdown)} -->\n`;
}

export type MarkerState =
	| {kind: 'no-marker'}
	| {kind: 'edited'; document: string}
	| {kind: 'unedited'; document: string; body: string};

/** Whether an existing file is one we generated and nobody has changed since. */
export function readMarker(text: string, hash: Hash): MarkerState {
	const match = markerPattern.exec(text);
	if (!match?.groups) {
		return {kind: 'no-marker'};
	}

	const body = text.slice(0, match.index);
	const document = match.groups['document']!;
	return hash(body) === match.groups['hash']
		? {kind: 'unedited', document, body}
		: {kind: 'edited', document};
}
