/**
A tiny Markdown document model and its renderer.

The drafter builds blocks of inline nodes; only this module writes Markdown syntax, so escaping
lives in one place: every string node is user-safe text, whatever it holds.
*/

import {linkCandidates} from './links.js';

export type Inline =
	| string
	| {strong: Inline[]}
	| {emphasis: Inline[]}
	| {link: string; text: Inline[]}
	| {autolink: string};

export type Block =
	| {type: 'heading'; level: 1 | 2 | 3 | 4; text: Inline[]; id?: string}
	| {type: 'paragraph'; text: Inline[]}
	| {type: 'list'; ordered?: boolean; items: Inline[][]}
	| {type: 'table'; header: Inline[][]; rows: Inline[][][]}
	| {type: 'comment'; text: string};

// Line breaks and control characters would let text escape its paragraph, cell or heading.
// eslint-disable-next-line no-control-regex
const controlOrBreak = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** Collapse whitespace: no newline, tab or control character survives. */
export function flatten(text: string): string {
	return text.replace(controlOrBreak, ' ').replace(/\s+/g, ' ');
}

/** An email address CommonMark accepts as an autolink (`<a@b.example>`). */
const email =
	/^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
Escape text for an inline context. Every ASCII character with a Markdown meaning is
backslash-escaped; `&` too, so `&amp;` stays literal.
*/
function escapePlain(text: string): string {
	return text.replace(/[\\`*_[\]<>|~&#!{}]/g, (character) => `\\${character}`);
}

/** Characters that start a block at the beginning of a line. */
function escapeLineStart(markdown: string): string {
	return markdown.replace(/^([-+=>])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

function trimTrailingPunctuation(url: string): {url: string; rest: string} {
	// From the start of the run only: a long run not at the end would be scanned from each of its characters.
	const match = /(?<![.,;:!?'")\]])[.,;:!?'")\]]+$/.exec(url);
	if (!match) {
		return {url, rest: ''};
	}

	return {url: url.slice(0, match.index), rest: match[0]};
}

/** An address written so that no renderer links it: inside link text, or not a valid autolink. */
function defuse(url: string): string {
	return escapePlain(url)
		.replace(/[:@]/g, (character) => `\\${character}`)
		.replace(/(www)\./gi, '$1\\.');
}

/** A piece of flattened text: plain, an address to link, or an address left unlinked. */
export type TextRun =
	| {kind: 'text'; text: string}
	| {kind: 'link'; text: string; href: string}
	| {kind: 'address'; text: string};

/**
Split text at the web and email addresses a reader would expect to follow. Inside link text
(`links` false), where a link would nest in a link, and where an address is not a valid one, the
address is an `address` run (with any trailing punctuation): every renderer must keep it inert.
Every format links the same addresses, so they come from here.
*/
export function textRuns(raw: string, links = true): TextRun[] {
	const text = flatten(raw);
	const runs: TextRun[] = [];
	const plain = (piece: string): void => {
		if (piece !== '') {
			runs.push({kind: 'text', text: piece});
		}
	};

	let last = 0;
	for (const match of linkCandidates(text)) {
		const {url, rest} = trimTrailingPunctuation(match.text);
		const www = /^www\.[^.]+\./i.test(url);
		const web = www || /^https?:\/\/./i.test(url);
		plain(text.slice(last, match.index));
		last = match.index + match.text.length;
		const href = !links
			? undefined
			: www
				? `https://${url}`
				: web
					? url
					: email.test(url)
						? `mailto:${url}`
						: undefined;
		if (href === undefined) {
			runs.push({kind: 'address', text: match.text});
			continue;
		}

		runs.push({kind: 'link', text: url, href});
		plain(rest);
	}

	plain(text.slice(last));
	return runs;
}

/**
Bare URLs and emails become autolinks (`<https://…>`), so that no linter sees a bare URL and no
renderer guesses where the link ends. Inside link text, and where an address is not a valid
autolink, they are defused instead (micromark links `www.,` as "www": trailing punctuation too).
*/
function renderText(raw: string, links = true): string {
	return textRuns(raw, links)
		.map((run) => {
			switch (run.kind) {
				case 'text': {
					return escapePlain(run.text);
				}

				case 'address': {
					return defuse(run.text);
				}

				case 'link': {
					// Shown as typed; a link text cannot hold a link, so a www address is defused.
					return run.href === `https://${run.text}`
						? `[${defuse(run.text)}](${renderLinkTarget(run.href)})`
						: autolink(run.text);
				}
			}
		})
		.join('');
}

function autolink(target: string): string {
	// Inside <…> nothing is escaped; the target holds no space, `<` or `>`.
	return `<${target.replace(/[\s<>]/g, '')}>`;
}

/** Link targets any format may write: web, email and in-document links; anything else is text. */
export function isSafeUrl(url: string): boolean {
	return /^(https?:\/\/|mailto:|#)[^\s<>]*$/.test(url);
}

/** Autolink targets: a web address, or an email address (shown without `mailto:`). */
export function isSafeAutolink(target: string): boolean {
	return /^https?:\/\/[^\s<>|]+$/i.test(target) || email.test(target);
}

function renderLinkTarget(url: string): string {
	// `\|` keeps a table cell whole and is a plain `|` in the link everywhere else.
	return url.replace(/[()\\|]/g, (character) => `\\${character}`);
}

/** Inline nodes as Markdown; `links` is false inside link text, where links cannot nest. */
export function renderInline(nodes: Inline[], links = true): string {
	return nodes
		.map((node) => {
			if (typeof node === 'string') {
				return renderText(node, links);
			}

			if ('strong' in node) {
				return `**${renderInline(node.strong, links).trim()}**`;
			}

			if ('emphasis' in node) {
				return `*${renderInline(node.emphasis, links).trim()}*`;
			}

			if ('autolink' in node) {
				return links && isSafeAutolink(node.autolink)
					? autolink(node.autolink)
					: renderText(node.autolink, links);
			}

			const text = renderInline(node.text, false).trim();
			if (!isSafeUrl(node.link) || text === '') {
				return text;
			}

			return `[${text}](${renderLinkTarget(node.link)})`;
		})
		.join('');
}

/** Plain text of inline nodes, for slugs and measurements. */
export function plainText(nodes: Inline[]): string {
	return nodes
		.map((node) => {
			if (typeof node === 'string') {
				return flatten(node);
			}

			if ('strong' in node) {
				return plainText(node.strong);
			}

			if ('emphasis' in node) {
				return plainText(node.emphasis);
			}

			if ('autolink' in node) {
				return flatten(node.autolink);
			}

			return plainText(node.text);
		})
		.join('');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.trim()
		.replace(/\s/g, '-');
}

/** What an empty table cell shows, in every format: a cell is never blank. */
export const emptyCell = '—';

function renderCell(nodes: Inline[]): string {
	const cell = renderInline(nodes).trim();
	return cell === '' ? emptyCell : cell;
}

function renderBlock(block: Block): string {
	switch (block.type) {
		case 'heading': {
			// Headings end without punctuation (markdownlint MD026). A heading that is nothing but
			// punctuation keeps it, the last character as a character reference, which MD026 allows.
			const full = renderInline(block.text).trim();
			const text =
				full.replace(/(?<![\s.,;:!。，；：！\\])[\s.,;:!。，；：！\\]+$/u, '') ||
				full.replace(
					/\\?([.,;:!。，；：！])$/u,
					(_, character: string) => `&#${character.codePointAt(0)};`,
				);
			return `${'#'.repeat(block.level)} ${text}`;
		}

		case 'paragraph': {
			return escapeLineStart(renderInline(block.text).trim());
		}

		case 'list': {
			return block.items
				.map(
					(item, index) =>
						`${block.ordered ? `${index + 1}.` : '-'} ${escapeLineStart(renderInline(item).trim())}`,
				)
				.join('\n');
		}

		case 'table': {
			const row = (cells: Inline[][]): string =>
				`| ${cells.map((cell) => renderCell(cell)).join(' | ')} |`;
			const rule = `| ${block.header.map(() => '---').join(' | ')} |`;
			return [row(block.header), rule, ...block.rows.map((cells) => row(cells))].join('\n');
		}

		case 'comment': {
			return `<!-- ${block.text.replace(/--/g, '- -')} -->`;
		}
	}
}

export function renderMarkdown(blocks: Block[]): string {
	return `${blocks.map((block) => renderBlock(block)).join('\n\n')}\n`;
}
