/**
A document model as one standalone, accessible HTML page: no script, no external resource, its
style inline. Only this module writes HTML, so escaping lives in one place: every string of the
model is text here, whatever it holds, escaped for the element or attribute it lands in, and only
web, email and in-page links are ever made.
*/
import type {Inline} from './markdown.js';
import {emptyCell, isSafeAutolink, isSafeUrl, plainText, textRuns} from './markdown.js';
import {layout, type DocumentModel, type Part} from './model.js';

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Text for an element's content or a double-quoted attribute value: both are safe with this. */
function escape(text: string): string {
	return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

function unhandled(value: never): never {
	throw new Error(`Unhandled document node: ${JSON.stringify(value)}`);
}

/**
A link. Printed pages lose link targets, so a link whose text is not its own address carries the
`print-href` class, and the print style writes the address after it.
*/
function anchor(href: string, content: string, shown: string): string {
	const printed =
		/^https?:/i.test(href) && shown !== href && `mailto:${shown}` !== href
			? ' class="print-href"'
			: '';
	return `<a${printed} href="${escape(href)}">${content}</a>`;
}

function renderText(raw: string, links: boolean): string {
	return textRuns(raw, links)
		.map((run) => {
			switch (run.kind) {
				case 'text':
				case 'address': {
					return escape(run.text);
				}

				case 'link': {
					return anchor(run.href, escape(run.text), run.text);
				}

				default: {
					return unhandled(run);
				}
			}
		})
		.join('');
}

/** Inline nodes as HTML; `links` is false inside a link, where links cannot nest. */
function renderInline(nodes: Inline[], links = true): string {
	return nodes
		.map((node) => {
			if (typeof node === 'string') {
				return renderText(node, links);
			}

			if ('strong' in node) {
				return `<strong>${renderInline(node.strong, links)}</strong>`;
			}

			if ('emphasis' in node) {
				return `<em>${renderInline(node.emphasis, links)}</em>`;
			}

			if ('autolink' in node) {
				const target = node.autolink;
				return links && isSafeAutolink(target)
					? anchor(/^https?:/i.test(target) ? target : `mailto:${target}`, escape(target), target)
					: renderText(target, links);
			}

			if ('link' in node) {
				const text = renderInline(node.text, false);
				const shown = plainText(node.text).trim();
				return links && isSafeUrl(node.link) && shown !== ''
					? anchor(node.link, text, shown)
					: text;
			}

			return unhandled(node);
		})
		.join('');
}

function cell(nodes: Inline[]): string {
	return plainText(nodes).trim() === '' ? emptyCell : renderInline(nodes).trim();
}

/** An HTML comment holds no `--`, and no `<` or `>` that could end or nest it. */
function comment(text: string): string {
	return `<!-- ${text.replace(/[<>]/g, ' ').replace(/-(?=-)/g, '- ')} -->`;
}

/**
One part of the page. `label` is the id of the heading a table sits under: tables are named by
it, so every table has an accessible name.
*/
function renderPart(part: Part, label: string): string {
	switch (part.type) {
		case 'heading': {
			return `<h${part.level} id="${escape(part.id)}">${renderInline(part.text).trim()}</h${part.level}>`;
		}

		case 'paragraph': {
			return `<p>${renderInline(part.text).trim()}</p>`;
		}

		case 'list': {
			const tag = part.ordered ? 'ol' : 'ul';
			return [
				`<${tag}>`,
				...part.items.map((item) => `<li>${renderInline(item).trim()}</li>`),
				`</${tag}>`,
			].join('\n');
		}

		case 'table': {
			const header = part.header.map((nodes) => `<th scope="col">${cell(nodes)}</th>`).join('');
			// The first column names the row (the recipient, the data item, the purpose…).
			const rows = part.rows.map(
				(cells) =>
					`<tr>${cells.map((nodes, index) => (index === 0 ? `<th scope="row">${cell(nodes)}</th>` : `<td>${cell(nodes)}</td>`)).join('')}</tr>`,
			);
			return [
				'<div class="table">',
				`<table aria-labelledby="${escape(label)}">`,
				'<thead>',
				`<tr>${header}</tr>`,
				'</thead>',
				...(rows.length > 0 ? ['<tbody>', ...rows, '</tbody>'] : []),
				'</table>',
				'</div>',
			].join('\n');
		}

		case 'comment': {
			return comment(part.text);
		}

		case 'contents': {
			return [
				`<nav aria-labelledby="${escape(part.heading.id)}">`,
				renderPart(part.heading, label),
				'<ol>',
				...part.entries.map(
					(entry) => `<li>${renderInline([{link: entry.target, text: entry.text}])}</li>`,
				),
				'</ol>',
				'</nav>',
			].join('\n');
		}

		default: {
			return unhandled(part);
		}
	}
}

// System fonts, a readable measure, tables that wrap (and scroll when they still do not fit),
// a visible focus ring, dark mode, and a print style that keeps link targets. Colours meet
// WCAG AA contrast in both schemes (test/html.test.ts measures them).
export const pageStyle = `:root {
	color-scheme: light dark;
	--text: #1b1b1b;
	--background: #ffffff;
	--link: #0b57d0;
	--focus: #0b57d0;
	--rule: #c4c4c4;
	--header: #f0f0f0;
}
@media (prefers-color-scheme: dark) {
	:root {
		--text: #e6e6e6;
		--background: #121212;
		--link: #8ab4f8;
		--focus: #8ab4f8;
		--rule: #4a4a4a;
		--header: #1f1f1f;
	}
}
html {
	-webkit-text-size-adjust: 100%;
	text-size-adjust: 100%;
}
body {
	margin: 0;
	background: var(--background);
	color: var(--text);
	font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
	font-size: 1rem;
	line-height: 1.6;
}
main {
	max-width: 64rem;
	margin: 0 auto;
	padding: 2rem 1rem 4rem;
}
h1, h2, h3, h4, p, ul, ol {
	max-width: 72ch;
}
h1, h2, h3, h4 {
	line-height: 1.25;
	margin: 2em 0 0.6em;
}
h1 {
	font-size: 2rem;
	margin-top: 0;
}
li + li {
	margin-top: 0.25em;
}
a {
	color: var(--link);
	text-underline-offset: 0.15em;
	overflow-wrap: anywhere;
}
a:focus-visible {
	outline: 3px solid var(--focus);
	outline-offset: 2px;
	border-radius: 2px;
}
.table {
	overflow-x: auto;
	margin: 1rem 0;
}
table {
	border-collapse: collapse;
	width: 100%;
	font-size: 0.9375rem;
}
th, td {
	border: 1px solid var(--rule);
	padding: 0.4em 0.6em;
	text-align: left;
	vertical-align: top;
	overflow-wrap: break-word;
	hyphens: auto;
}
thead th {
	background: var(--header);
}
@media print {
	:root {
		--text: #000000;
		--background: #ffffff;
		--link: #000000;
		--rule: #777777;
		--header: #eeeeee;
	}
	body {
		font-size: 11pt;
	}
	main {
		max-width: none;
		padding: 0;
	}
	.table {
		overflow: visible;
	}
	h1, h2, h3, h4 {
		break-after: avoid;
	}
	tr, li {
		break-inside: avoid;
	}
	thead {
		display: table-header-group;
	}
	a.print-href::after {
		content: " (" attr(href) ")";
	}
}`;

/** The page, without the marker comment (documents.ts adds it). */
export function renderHtml(model: DocumentModel): string {
	const parts = layout(model);
	let label = '';
	const body = parts.map((part) => {
		if (part.type === 'heading') {
			label = part.id;
		}

		return renderPart(part, label);
	});
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(plainText(model.title).trim())}</title>
<style>
${pageStyle}
</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}
