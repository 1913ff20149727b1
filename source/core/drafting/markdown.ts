/**
A tiny Markdown document model and its renderer.

The drafter builds blocks of inline nodes; only this module writes Markdown syntax, so escaping
lives in one place: every string node is user-safe text, whatever it holds.
*/

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

const email = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

const urlOrEmail =
	/\b(?:https?:\/\/[^\s<>"`]+|www\.[^\s<>"`]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

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
	const match = /[.,;:!?'")\]]+$/.exec(url);
	if (!match) {
		return {url, rest: ''};
	}

	return {url: url.slice(0, match.index), rest: match[0]};
}

/**
Bare URLs and emails become autolinks (`<https://…>`), so that no linter sees a bare URL and no
renderer guesses where the link ends.
*/
function renderText(raw: string): string {
	const text = flatten(raw);
	let out = '';
	let last = 0;
	for (const match of text.matchAll(urlOrEmail)) {
		const start = match.index;
		const {url, rest} = trimTrailingPunctuation(match[0]);
		if (url.length === 0 || (url.startsWith('www.') && !url.slice(4).includes('.'))) {
			continue;
		}

		out += escapePlain(text.slice(last, start));
		out += autolink(url.startsWith('www.') ? `https://${url}` : url);
		out += escapePlain(rest);
		last = start + match[0].length;
	}

	out += escapePlain(text.slice(last));
	return out;
}

function autolink(target: string): string {
	// Inside <…> nothing is escaped; the target holds no space, `<` or `>`.
	return `<${target.replace(/[\s<>]/g, '')}>`;
}

function isSafeUrl(url: string): boolean {
	return /^(https?:\/\/|mailto:|#)[^\s<>]*$/.test(url);
}

/** Autolink targets: a web address, or an email address (shown without `mailto:`). */
function isSafeAutolink(target: string): boolean {
	return /^https?:\/\/[^\s<>]+$/.test(target) || email.test(target);
}

function renderLinkTarget(url: string): string {
	return url.replace(/[()\\]/g, (character) => `\\${character}`);
}

export function renderInline(nodes: Inline[]): string {
	return nodes
		.map((node) => {
			if (typeof node === 'string') {
				return renderText(node);
			}

			if ('strong' in node) {
				return `**${renderInline(node.strong).trim()}**`;
			}

			if ('emphasis' in node) {
				return `*${renderInline(node.emphasis).trim()}*`;
			}

			if ('autolink' in node) {
				return isSafeAutolink(node.autolink) ? autolink(node.autolink) : renderText(node.autolink);
			}

			const text = renderInline(node.text).trim();
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
				return node.autolink;
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

function renderCell(nodes: Inline[]): string {
	const cell = renderInline(nodes).trim();
	return cell === '' ? '—' : cell;
}

function renderBlock(block: Block): string {
	switch (block.type) {
		case 'heading': {
			// Headings end without punctuation (markdownlint MD026).
			const text = renderInline(block.text)
				.trim()
				.replace(/[.,;:!。，；：！\\]+$/u, '');
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
