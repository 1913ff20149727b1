import {Marked, type Tokens} from 'marked';
import {terminalSafe} from '../cli/terminal-text.js';
import {markedTerminal, type TerminalRendererOptions} from 'marked-terminal';
import chalk, {Chalk} from 'chalk';

export type RenderOptions = {
	/** Columns to wrap at. */
	width: number;
	/** ANSI styles (bold headings, underlined links) or plain text. */
	color: boolean;
};

/** The marker comment is for the tool, not the reader. */
function withoutMarker(markdown: string): string {
	return markdown.replace(/\n<!-- privacy-wizard: [^\n]*-->\n?$/, '\n');
}

function painter(color: boolean): InstanceType<typeof Chalk> {
	return color ? new Chalk({level: Math.max(chalk.level, 1) as 1 | 2 | 3}) : new Chalk({level: 0});
}

function styles(c: InstanceType<typeof Chalk>): TerminalRendererOptions {
	return {
		firstHeading: (text) => c.bold.underline(text),
		heading: (text) => c.bold(text),
		strong: (text) => c.bold(text),
		em: (text) => c.italic(text),
		link: (text) => c.cyan(text),
		href: (text) => c.cyan.underline(text),
		codespan: (text) => c.yellow(terminalSafe(text)),
		html: () => '',
		hr: (text) => c.dim(text),
		blockquote: (text) => c.gray.italic(text),
		del: (text) => c.dim.strikethrough(text),
		paragraph: (text) => text,
		listitem: (text) => text,
		table: (text) => text,
		text: (text) => terminalSafe(text),
		code: (text) => c.yellow(terminalSafe(text)),
	};
}

/**
Render Markdown for a terminal with marked-terminal. Two fixes on top of it:
- bold and italic inside list items printed literally as `**…**` (marked-terminal #304, #371),
  because a tight list item's text token is printed raw: we render its inline tokens instead;
- table borders kept ANSI codes even without colour: we pass empty styles.
*/
export async function renderMarkdown(markdown: string, options: RenderOptions): Promise<string> {
	const c = painter(options.color);
	const marked = new Marked(
		markedTerminal({
			...styles(c),
			width: Math.max(20, options.width),
			reflowText: true,
			showSectionPrefix: false,
			emoji: false,
			tab: 2,
			tableOptions: options.color ? {} : {style: {head: [], border: []}},
		}),
		{
			renderer: {
				text(token: Tokens.Text | Tokens.Escape | Tokens.Tag) {
					if ('tokens' in token && token.tokens && token.tokens.length > 0) {
						return this.parser.parseInline(token.tokens);
					}

					return false;
				},
				// Wide tables cannot fit a terminal: each row becomes a small block of "Header: value" lines.
				table(token: Tokens.Table) {
					const header = token.header.map((cell) => this.parser.parseInline(cell.tokens));
					const rows = token.rows.map((row) => {
						const cells = row.map((cell) => this.parser.parseInline(cell.tokens));
						const rest = cells
							.slice(1)
							.map((cell, index) => `  ${c.dim(`${header[index + 1] ?? ''}:`)} ${cell}`);
						return [`${c.bold(cells[0] ?? '')}`, ...rest].join('\n');
					});
					return `${rows.join('\n\n')}\n\n`;
				},
				// An email or a table-of-contents link needs no "(target)" after its text.
				link(token: Tokens.Link) {
					const text = this.parser.parseInline(token.tokens);
					const plain = token.text;
					if (
						token.href.startsWith('#') ||
						token.href === plain ||
						token.href === `mailto:${plain}`
					) {
						return c.cyan(text);
					}

					return false;
				},
			},
		},
	);
	// Made inert before and after parsing: Markdown entities (`&#27;`) decode to characters too.
	const rendered = await marked.parse(terminalSafe(withoutMarker(markdown)));
	return `${wrap(rendered.replace(/\n{3,}/g, '\n\n').trimEnd(), Math.max(20, options.width))}\n`;
}

// eslint-disable-next-line no-control-regex
const ansi = /\u001B\[[0-9;]*m/g;

export function visibleWidth(text: string): number {
	return [...text.replace(ansi, '')].length;
}

/**
Wrap long lines (marked-terminal reflows paragraphs, not list items or table cells) at spaces,
with a hanging indent under the text of a bullet.
*/
export function wrap(text: string, width: number): string {
	return text
		.split('\n')
		.flatMap((line) => {
			if (visibleWidth(line) <= width) {
				return [line];
			}

			const indentMatch = /^(\s*(?:[*-] |\d+\. )?)/.exec(line.replace(ansi, ''));
			const hanging = ' '.repeat(Math.min(indentMatch?.[1]?.length ?? 0, Math.floor(width / 2)));
			const leading = /^\s*/.exec(line)![0];
			const out: string[] = [];
			let current = leading;
			for (const word of line.slice(leading.length).split(' ')) {
				const candidate = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
				if (visibleWidth(candidate) > width && current.trim() !== '') {
					out.push(current);
					current = `${hanging}${word}`;
				} else {
					current = candidate;
				}
			}

			out.push(current);
			return out;
		})
		.join('\n');
}
