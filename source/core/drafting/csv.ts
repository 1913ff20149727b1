/**
A document's records as CSV (RFC 4180): a header row, then one row per record, fields separated by
commas, rows ended by CRLF, a field quoted when it holds a comma, a quote or a line break. Text that
a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is
defused with a leading apostrophe, so opening the file never runs what the answers hold.
*/
import {flatten} from './markdown.js';
import type {Records} from './model.js';

const formulaStart = /^[=+\-@\t\r]/;

function field(raw: string): string {
	// No line break or control character survives: each record stays on one line in every tool.
	const text = flatten(raw).trim();
	const guarded = formulaStart.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(guarded) || guarded !== text
		? `"${guarded.replace(/"/g, '""')}"`
		: guarded;
}

export function renderCsv(records: Records): string {
	const width = records.header.length;
	const lines = [records.header, ...records.rows].map((row, index) => {
		if (row.length !== width) {
			throw new Error(`CSV row ${index} has ${row.length} fields, the header ${width}`);
		}

		return row.map((value) => field(value)).join(',');
	});
	return `${lines.join('\r\n')}\r\n`;
}

/** How many fields the first record of CSV text has (commas outside quotes, plus one). */
export function csvWidth(text: string): number {
	let width = 1;
	let quoted = false;
	for (const character of text) {
		if (character === '"') quoted = !quoted;
		else if (!quoted && character === ',') width++;
		else if (!quoted && (character === '\r' || character === '\n')) break;
	}

	return width;
}
