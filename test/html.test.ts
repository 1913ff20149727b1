import test from 'ava';
import {formatsOf, render} from '../source/core/drafting/documents.js';
import {pageStyle, renderHtml} from '../source/core/drafting/html.js';
import {renderJson} from '../source/core/drafting/json.js';
import {readMarker} from '../source/core/drafting/marker.js';
import {flatten, type Block} from '../source/core/drafting/markdown.js';
import type {DocumentModel} from '../source/core/drafting/model.js';
import {
	documentFiles,
	draftOk,
	example,
	exampleNames,
	golden,
	kindsOf,
	sha256,
	shuffleKeys,
	variants,
} from './helpers/answers.js';
import {completeFixtures} from './helpers/documents.js';
import {foreignMarkup, headingLevels, parseHtml} from './helpers/html.js';

const answerSets = [
	...exampleNames.map((name) => ({name, answers: () => example(name) as unknown})),
	...Object.entries(variants).map(([name, build]) => ({name, answers: build as () => unknown})),
	...completeFixtures().map((set) => ({name: set.name, answers: set.answers as () => unknown})),
];

// --- Goldens and determinism ---------------------------------------------------------------

for (const name of exampleNames) {
	for (const format of ['html', 'json', 'csv'] as const) {
		for (const [kind, file] of documentFiles(name, format)) {
			if (!formatsOf(kind).includes(format)) continue;
			test(`${name}: ${kind} as ${format} equals outputs/${name}/${file}`, (t) => {
				const {model} = draftOk(example(name), kind);
				t.is(render(model, format, sha256), golden(name, file));
			});
		}
	}
}

test('same answers, same HTML and JSON bytes (shuffled keys)', (t) => {
	for (const name of exampleNames) {
		for (const kind of kindsOf(example(name))) {
			const first = draftOk(example(name), kind).model;
			for (const seed of [1, 2]) {
				const again = draftOk(shuffleKeys(example(name), seed), kind).model;
				t.is(render(again, 'html', sha256), render(first, 'html', sha256));
				t.is(render(again, 'json', sha256), render(first, 'json', sha256));
			}
		}
	}
});

// --- One standalone, accessible page ----------------------------------------------------------

for (const {name, answers} of answerSets) {
	for (const kind of kindsOf(answers())) {
		test(`${name}: the ${kind} page is standalone, titled, in order, with named tables and a working contents`, (t) => {
			const {model, markdown} = draftOk(answers(), kind);
			const html = render(model, 'html', sha256);
			t.true(
				html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'),
			);
			const dom = parseHtml(html);
			const {document} = dom.window;
			t.is(document.documentElement.lang, 'en');
			t.truthy(document.querySelector('meta[name="viewport"][content*="width=device-width"]'));
			t.not(document.title.trim(), '');
			t.deepEqual(foreignMarkup(dom), []);

			// No script, nothing loaded from elsewhere.
			t.is(document.querySelectorAll('script, link, img, iframe, object, embed').length, 0);
			t.is(document.querySelectorAll('style').length, 1);
			t.notRegex(pageStyle, /url\(|@import/);

			// One h1, first; no level skipped on the way down.
			const levels = headingLevels(dom);
			t.is(levels[0], 1);
			t.is(levels.filter((level) => level === 1).length, 1);
			for (const [index, level] of levels.entries()) {
				t.true(index === 0 || level <= levels[index - 1]! + 1, `h${levels[index - 1]} → h${level}`);
			}

			// Unique ids; every in-page link lands on one.
			const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
			t.is(new Set(ids).size, ids.length, 'ids are unique');
			for (const link of document.querySelectorAll('a[href^="#"]')) {
				t.truthy(document.getElementById(link.getAttribute('href')!.slice(1)), link.outerHTML);
			}

			// Every table has a name and header cells with a scope.
			for (const table of document.querySelectorAll('table')) {
				const label = document.getElementById(table.getAttribute('aria-labelledby') ?? '');
				const caption = table.querySelector('caption');
				t.true(
					(label?.textContent ?? caption?.textContent ?? '').trim() !== '',
					table.outerHTML.slice(0, 80),
				);
				t.true(table.querySelectorAll('thead th').length > 0);
				for (const header of table.querySelectorAll('th')) {
					t.regex(header.getAttribute('scope') ?? '', /^(col|row)$/);
				}
			}

			// The contents is a nav, with the same anchors as the Markdown's.
			const nav = document.querySelector('nav');
			t.is(nav !== null, model.contents);
			if (nav) {
				t.truthy(document.getElementById(nav.getAttribute('aria-labelledby')!));
				const anchors = [...nav.querySelectorAll('a')].map((link) => link.getAttribute('href'));
				// The Markdown's contents: an ordered list of in-page links.
				const markdownAnchors = [...markdown.matchAll(/^\d+\. \[[^\n]*\]\((#[^)\s]+)\)$/gm)].map(
					(match) => match[1],
				);
				t.deepEqual(anchors, markdownAnchors);
				t.is(anchors.length, model.sections.length - 1);
			}

			// The marker comment closes the page and holds its hash.
			const marker = readMarker(html, sha256);
			t.like(marker, {kind: 'unedited', document: kind, format: 'html'});
			t.regex(html, /<\/html>\n\n<!-- privacy-wizard: [a-z-]+ html sha256:[\da-f]{64} -->\n$/);
			dom.window.close();
		});
	}
}

// --- Escaping, links and every block -----------------------------------------------------------

const hostile = 'Acme & "Co" <script>alert(1)</script> \'x\' --> <!-- \u0000\n# h';

function page(blocks: Block[], title = ['A title']): DocumentModel {
	return {
		kind: 'policy',
		title,
		intro: [],
		sections: [{title: 'Only section', serves: [], blocks}],
		contents: false,
	};
}

test('every block and inline type renders; user text is text, in elements and attributes', (t) => {
	const html = renderHtml(
		page(
			[
				{type: 'heading', level: 3, text: [hostile]},
				{type: 'paragraph', text: [hostile, {strong: [hostile]}, {emphasis: [hostile]}]},
				{
					type: 'list',
					items: [[hostile], [{link: `https://a.example/?q="x"&y='z'`, text: [hostile]}]],
				},
				{type: 'list', ordered: true, items: [[{autolink: 'me@example.com'}]]},
				{type: 'table', header: [[hostile], ['B']], rows: [[[hostile], []]]},
				{type: 'comment', text: hostile},
			],
			[hostile],
		),
	);
	const dom = parseHtml(html);
	const {document} = dom.window;
	t.deepEqual(foreignMarkup(dom), []);
	const flat = flatten(hostile);
	t.is(document.title, flat);
	t.is(document.querySelector('h1')!.textContent, flat);
	t.is(document.querySelector('h3')!.textContent, flat);
	t.is(document.querySelector('p strong')!.textContent, flat);
	t.is(document.querySelector('p em')!.textContent, flat);
	t.is(document.querySelector('ul a')!.getAttribute('href'), `https://a.example/?q="x"&y='z'`);
	t.is(document.querySelector('ul a')!.textContent, flat);
	t.is(document.querySelector('ol a')!.getAttribute('href'), 'mailto:me@example.com');
	t.is(document.querySelector('thead th[scope="col"]')!.textContent, flat);
	t.is(document.querySelector('tbody th[scope="row"]')!.textContent, flat);
	t.is(document.querySelector('tbody td')!.textContent, '—', 'an empty cell is never blank');
	// The comment stays one comment: no `--` inside it, nothing after it but the page.
	const comments = html.match(/<!--[\s\S]*?-->/g) ?? [];
	t.is(comments.length, 1);
	t.notRegex(comments[0]!.slice(4, -3), /--|[<>]/);
	t.is(document.querySelectorAll('script').length, 0);
});

test('only http(s), mailto and in-page links are made; anything else stays text', (t) => {
	const unsafe = [
		'javascript:alert(1)',
		'JAVASCRIPT:alert(1)',
		'data:text/html,<b>x</b>',
		'vbscript:x',
		'file:///etc/passwd',
		'ftp://files.example.com',
		'//evil.example',
	];
	const html = renderHtml(
		page([
			{type: 'list', items: unsafe.map((url) => [{link: url, text: ['click']}])},
			{type: 'list', items: unsafe.map((url) => [{autolink: url}])},
			{type: 'paragraph', text: [unsafe.join(' ')]},
		]),
	);
	const dom = parseHtml(html);
	t.deepEqual(foreignMarkup(dom), []);
	t.is(
		dom.window.document.querySelectorAll('main a').length,
		0,
		html.slice(html.indexOf('<main>')),
	);
	t.true(dom.window.document.body.textContent!.includes('javascript:alert(1)'));

	const linked = parseHtml(
		renderHtml(
			page([
				{
					type: 'paragraph',
					text: [
						'See https://a.example/x. Or www.b.example, or write to c@d.example. ',
						{link: 'mailto:e@f.example', text: ['mail']},
						' ',
						{link: '#only-section', text: ['up']},
					],
				},
			]),
		),
	).window.document;
	t.deepEqual(
		[...linked.querySelectorAll('p a')].map((link) => [
			link.getAttribute('href'),
			link.textContent,
		]),
		[
			['https://a.example/x', 'https://a.example/x'],
			['https://www.b.example', 'www.b.example'],
			['mailto:c@d.example', 'c@d.example'],
			['mailto:e@f.example', 'mail'],
			['#only-section', 'up'],
		],
	);
	// Printed pages show where a named web link goes; an address shown as itself needs no repeat.
	t.deepEqual(
		[...linked.querySelectorAll('a.print-href')].map((link) => link.getAttribute('href')),
		['https://www.b.example'],
	);
});

test('links never nest: an address inside link text stays text', (t) => {
	const document = parseHtml(
		renderHtml(
			page([
				{
					type: 'paragraph',
					text: [{link: 'https://a.example', text: ['see https://b.example or x@y.example']}],
				},
			]),
		),
	).window.document;
	t.is(document.querySelectorAll('main a').length, 1);
	t.is(document.querySelector('main a')!.textContent, 'see https://b.example or x@y.example');
});

test('headings keep GitHub anchors: a repeated heading gets -1, -2', (t) => {
	const model: DocumentModel = {
		kind: 'policy',
		title: ['T'],
		intro: [],
		sections: [
			{title: 'Summary', serves: [], blocks: [{type: 'heading', level: 3, text: ['Cookies']}]},
			{title: 'Cookies', serves: [], blocks: [{type: 'heading', level: 3, text: ['Contents']}]},
			{title: '!!!', serves: [], blocks: [{type: 'paragraph', text: ['x']}]},
		],
		contents: true,
	};
	const document = parseHtml(renderHtml(model)).window.document;
	t.deepEqual(
		[...document.querySelectorAll('[id]')].map((element) => element.id),
		['t', 'summary', 'cookies', 'contents', 'cookies-1', 'contents-1', 'section'],
	);
	t.deepEqual(
		[...document.querySelectorAll('nav a')].map((link) => link.getAttribute('href')),
		['#cookies-1', '#section'],
	);
});

test('the renderer refuses an empty section, as the Markdown one does', (t) => {
	t.throws(() => renderHtml(page([])), {message: /empty/});
});

// --- Markers -----------------------------------------------------------------------------------

test('HTML and JSON markers: a file we wrote is unedited; any edit is seen; Markdown markers are unchanged', (t) => {
	const {model} = draftOk(example('eu-saas'));
	for (const format of ['markdown', 'html', 'json'] as const) {
		const text = render(model, format, sha256);
		t.like(readMarker(text, sha256), {kind: 'unedited', document: 'policy', format});
		const edited = text.replace('Lumen', 'Lumen!');
		t.like(readMarker(edited, sha256), {kind: 'edited', format});
	}

	t.regex(
		render(model, 'markdown', sha256),
		/\n<!-- privacy-wizard: policy sha256:[\da-f]{64} -->\n$/,
	);
	const json = render(model, 'json', sha256);
	const parsed = JSON.parse(json) as {marker: string};
	t.regex(parsed.marker, /^privacy-wizard: policy json sha256:[\da-f]{64}$/);
	t.is(sha256(renderJson(model)), parsed.marker.slice(-64));
	t.is(readMarker('{"kind": "policy"}\n', sha256).kind, 'no-marker');
});

// --- Colours -----------------------------------------------------------------------------------

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((start) => {
		const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
		return channel <= 0.039_28 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light! + 0.05) / (dark! + 0.05);
}

test('the page colours meet WCAG AA contrast in light, dark and print', (t) => {
	// axe cannot measure colours without a canvas: the palettes are measured here.
	const palettes = [...pageStyle.matchAll(/:root \{([^}]*)\}/g)].map((match) =>
		Object.fromEntries(
			[...match[1]!.matchAll(/--([a-z]+): (#[\da-f]{6});/g)].map((entry) => [entry[1]!, entry[2]!]),
		),
	);
	t.is(palettes.length, 3, 'light, dark and print');
	for (const palette of palettes) {
		const colours = palette as Record<string, string>;
		for (const background of [colours['background']!, colours['header']!]) {
			t.true(contrast(colours['text']!, background) >= 7, `text on ${background}`);
			t.true(contrast(colours['link']!, background) >= 4.5, `link on ${background}`);
		}

		if (colours['focus']) {
			t.true(contrast(colours['focus'], colours['background']!) >= 3, 'focus ring');
		}
	}
});
