import type {CatalogService} from '../catalog.js';
import {matchHost, type SignalIndex, type SnippetMatch} from '../signals.js';
import {LineCounter} from './text.js';

/**
Script tags, known snippets and Content-Security-Policy hosts in HTML, templates and the
configuration files that set headers. One pass for the snippets (Aho–Corasick) and one for the
tags; a URL that holds a more specific snippet ("googletagmanager.com/gtm.js") counts for that
snippet's service, not for its host's.
*/

export type WebFound = {service: CatalogService; what: string; line: number};

/** Snippet matches without those inside a longer match, by start. */
function outermost(matches: SnippetMatch[]): SnippetMatch[] {
	const sorted = matches.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: SnippetMatch[] = [];
	let reach = -1;
	for (const match of sorted) {
		if (match.end <= reach) continue;
		kept.push(match);
		reach = match.end;
	}

	return kept;
}

/** Snippet matches in order, asked for the spans of URLs in order: a cursor that only moves on. */
class SnippetCursor {
	private next = 0;
	private readonly matches: SnippetMatch[];

	constructor(matches: SnippetMatch[]) {
		this.matches = matches;
	}

	/** Whether a snippet lies within [start, end). */
	within(start: number, end: number): boolean {
		while (this.next < this.matches.length && this.matches[this.next]!.start < start) this.next++;
		for (let index = this.next; index < this.matches.length; index++) {
			const match = this.matches[index]!;
			if (match.start >= end) return false;
			if (match.end <= end) return true;
		}

		return false;
	}
}

const hostPattern = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** The host of an absolute or protocol-relative URL, lower case. */
function urlHost(url: string): string | undefined {
	const match = /^\s*(?:https?:)?\/\/([^/?#:\s"'`]+)/i.exec(url);
	const host = match?.[1]?.toLowerCase();
	return host && hostPattern.test(host) ? host : undefined;
}

class Collector {
	readonly found: WebFound[] = [];
	private readonly seen = new Set<string>();
	readonly lines: LineCounter;

	constructor(text: string) {
		this.lines = new LineCounter(text);
	}

	add(service: CatalogService, what: string, offset: number): void {
		const line = this.lines.lineAt(offset);
		const key = `${service.id}\u0000${line}`;
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.found.push({service, what, line});
	}
}

const cspKeywords =
	/^(?:'[^']*'|[a-z-]+:|\*|[a-z-]+-src|[a-z-]+-uri|[a-z-]+-ancestors|sandbox|[a-z-]+-to)$/;

/** The hosts a Content-Security-Policy allows, each at its offset. */
function cspHosts(
	policy: string,
	offset: number,
	index: SignalIndex,
	collector: Collector,
	cursor: SnippetCursor | undefined,
): void {
	for (const match of policy.matchAll(/[^\s;,"]+/g)) {
		let token = match[0].toLowerCase();
		if (cspKeywords.test(token)) continue;
		token = token.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
		token = token.replace(/[/?#].*$/, '').replace(/:(?:\d+|\*)$/, '');
		const wildcard = token.startsWith('*.');
		if (wildcard) token = token.slice(2);
		if (!hostPattern.test(token)) continue;
		const start = offset + match.index;
		if (cursor?.within(start, start + match[0].length)) continue;
		const service = matchHost(index, token, wildcard);
		if (service) collector.add(service, `CSP host ${match[0]}`, start);
	}
}

const tagPattern = /<(script|iframe|img|link|meta)\b([^>]*)>/gi;
const attributePattern =
	/([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\}|([^\s"'=<>`{}]+))/g;
const scriptUrl = /(?:https?:)?\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`<>()\\]*/gi;

type Attribute = {value: string; offset: number};

function attributes(text: string, offset: number): Map<string, Attribute> {
	const map = new Map<string, Attribute>();
	for (const match of text.matchAll(attributePattern)) {
		const value = match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
		const at = match[0].indexOf(value, match[0].indexOf('=') + 1);
		map.set(match[1]!.toLowerCase(), {value, offset: offset + match.index + Math.max(at, 0)});
	}

	return map;
}

/** HTML and templates (including JSX and components with literal script tags). */
export function readTemplate(text: string, index: SignalIndex): WebFound[] {
	const collector = new Collector(text);
	const snippets = outermost(index.snippets.search(text));
	// Snippets and tags are found in two passes; each pass reads its offsets in order.
	for (const match of snippets) {
		collector.add(match.service, `snippet "${match.snippet}"`, match.start);
	}

	const cursor = new SnippetCursor(snippets);
	const tags = new Collector(text);
	const host = (url: string, offset: number, what: string) => {
		const name = urlHost(url);
		if (name === undefined || cursor.within(offset, offset + url.length)) return;
		const service = matchHost(index, name);
		if (service) tags.add(service, `${what} ${name}`, offset);
	};

	const lower = text.toLowerCase();
	tagPattern.lastIndex = 0;
	for (let match = tagPattern.exec(text); match; match = tagPattern.exec(text)) {
		const tag = match[1]!.toLowerCase();
		const attributeOffset = match.index + 1 + tag.length;
		const attrs = attributes(match[2]!, attributeOffset);
		if (tag === 'meta') {
			const content = attrs.get('content');
			if (/^content-security-policy/i.test(attrs.get('http-equiv')?.value ?? '') && content) {
				cspHosts(content.value, content.offset, index, tags, cursor);
			}

			continue;
		}

		const source = attrs.get(tag === 'link' ? 'href' : 'src');
		if (source) host(source.value, source.offset, tag);
		if (tag !== 'script' || match[0].endsWith('/>')) continue;
		// The script's own text: URLs it loads (`'https://static.hotjar.com/c/hotjar-'`).
		const bodyStart = match.index + match[0].length;
		let bodyEnd = lower.indexOf('</script', bodyStart);
		if (bodyEnd === -1) bodyEnd = text.length;
		const body = text.slice(bodyStart, bodyEnd);
		for (const url of body.matchAll(scriptUrl)) host(url[0], bodyStart + url.index, 'script');
		tagPattern.lastIndex = bodyEnd;
	}

	// Evidence in line order, one per service and line (a snippet before a tag).
	const seen = new Set<string>();
	return [...collector.found, ...tags.found]
		.sort((a, b) => a.line - b.line)
		.filter((found) => {
			const key = `${found.service.id}\u0000${found.line}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

const cspHeader = /content-security-policy(?:-report-only)?/gi;

/**
Files that set headers: Netlify and Cloudflare `_headers`, netlify.toml, vercel.json, nginx
configurations. The policy follows the header name: to the end of the line, or within the
quotes that open after it (which may span lines: TOML's ''' strings, nginx's continued quotes).
*/
export function readHeaders(text: string, index: SignalIndex): WebFound[] {
	const collector = new Collector(text);
	cspHeader.lastIndex = 0;
	for (let match = cspHeader.exec(text); match; match = cspHeader.exec(text)) {
		let at = match.index + match[0].length;
		const separator = /^["']?\s*[:=,]?\s*(?:["']value["']\s*:\s*)?/.exec(text.slice(at, at + 200));
		at += separator?.[0].length ?? 0;
		let end: number;
		const quote = /^(?:'''|"""|"|')/.exec(text.slice(at, at + 3))?.[0];
		if (quote) {
			at += quote.length;
			end = text.indexOf(quote, at);
			if (end === -1) end = text.length;
		} else {
			end = text.indexOf('\n', at);
			if (end === -1) end = text.length;
		}

		cspHosts(text.slice(at, end), at, index, collector, undefined);
		cspHeader.lastIndex = Math.max(end, cspHeader.lastIndex);
	}

	return collector.found;
}
