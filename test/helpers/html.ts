import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {AxeResults, ImpactValue, RunOptions} from 'axe-core';
import {HtmlValidate, type ConfigData} from 'html-validate';
import {JSDOM} from 'jsdom';

// No browser runs in CI: axe-core runs on jsdom, beside an HTML validator and the checks below.
// Both are devDependencies, so `npm ci` brings them to a fresh machine.

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function parseHtml(html: string): JSDOM {
	return new JSDOM(html);
}

export type AxeReport = {
	violations: string[];
	/** Rules axe could not decide, with why. */
	incomplete: string[];
	passes: string[];
};

/**
Every axe rule (WCAG 2.0–2.2 A and AA, and best practices) on a page in jsdom. jsdom has no layout:
axe asks which elements lie under points of the viewport only to see whether a modal covers the
page, and a page with no script has none, so nothing lies under any point. Colour contrast needs
a canvas and stays incomplete; test/html.test.ts measures the page's colours instead.
*/
export async function axeReport(html: string, options: RunOptions = {}): Promise<AxeReport> {
	const dom = new JSDOM(html, {runScripts: 'outside-only', pretendToBeVisual: true});
	const {window} = dom;
	Object.defineProperty(window.document, 'elementFromPoint', {value: () => null});
	window.eval(axeSource);
	const axe = (window as unknown as {axe: {run: (...args: unknown[]) => Promise<AxeResults>}}).axe;
	const results = await axe.run(window.document, {
		resultTypes: ['violations', 'incomplete'],
		...options,
	});
	window.close();
	const describe = (impact: ImpactValue | undefined, id: string, help: string, targets: string[]) =>
		`${impact ?? 'n/a'} ${id}: ${help} (${targets.slice(0, 3).join(', ')})`;
	return {
		violations: results.violations.map((rule) =>
			describe(
				rule.impact,
				rule.id,
				rule.help,
				rule.nodes.map((node) => node.target.join(' ')),
			),
		),
		incomplete: results.incomplete.map((rule) => {
			const why = rule.nodes
				.flatMap((node) => [...node.any, ...node.all, ...node.none])
				.map((check) => check.message)[0];
			return `${rule.id}: ${why ?? rule.help}`;
		}),
		passes: results.passes.map((rule) => rule.id),
	};
}

/**
html-validate's recommended rules, and its rules for whole documents (a doctype, heading levels in
order, references that resolve, subresource integrity). One is relaxed: `valid-id` by default wants ids to start with a
letter (for CSS selectors); HTML allows any id without spaces, and headings like "1. Billing" must
keep GitHub's anchor (`#1-billing`) so that links work in the Markdown and the HTML alike.
*/
export const validatorConfig: ConfigData = {
	extends: ['html-validate:recommended', 'html-validate:document'],
	rules: {'valid-id': ['error', {relaxed: true}]},
};

const validator = new HtmlValidate(validatorConfig);

/** The validator's messages, one line each: empty when the page is valid. */
export async function validatorMessages(html: string): Promise<string[]> {
	const report = await validator.validateString(html);
	return report.results.flatMap((result) =>
		result.messages.map(
			(message) => `line ${message.line}:${message.column} ${message.ruleId}: ${message.message}`,
		),
	);
}

/** Elements and attributes the renderer may write: anything else came from user text. */
export const allowedMarkup: Record<string, Set<string>> = Object.fromEntries(
	Object.entries({
		html: ['lang'],
		head: [],
		meta: ['charset', 'name', 'content'],
		title: [],
		style: [],
		body: [],
		main: [],
		nav: ['aria-labelledby'],
		h1: ['id'],
		h2: ['id'],
		h3: ['id'],
		h4: ['id'],
		p: [],
		ul: [],
		ol: [],
		li: [],
		div: ['class'],
		table: ['aria-labelledby'],
		thead: [],
		tbody: [],
		tr: [],
		th: ['scope'],
		td: [],
		strong: [],
		em: [],
		a: ['href', 'class'],
	}).map(([name, attributes]) => [name, new Set(attributes)]),
);

/** Markup the renderer never writes, found in a parsed page. */
export function foreignMarkup(dom: JSDOM): string[] {
	const problems: string[] = [];
	for (const element of dom.window.document.querySelectorAll('*')) {
		const name = element.localName;
		const allowed = allowedMarkup[name];
		if (!allowed) {
			problems.push(`element <${name}>`);
			continue;
		}

		for (const attribute of element.getAttributeNames()) {
			if (!allowed.has(attribute)) {
				problems.push(`attribute ${attribute} on <${name}>`);
			}
		}

		const href = element.getAttribute('href');
		if (href !== null && !/^(https?:\/\/|mailto:|#)/i.test(href)) {
			problems.push(`link to ${href}`);
		}
	}

	return problems;
}

/** The heading levels in document order. */
export function headingLevels(dom: JSDOM): number[] {
	return [...dom.window.document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) =>
		Number(heading.localName.slice(1)),
	);
}
