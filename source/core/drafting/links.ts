/**
Anything a GFM renderer could turn into a link by itself (a superset of what micromark and marked
link): web addresses in any case after anything but a letter, and email addresses, whose domain
may even start with a dot (`+@.A` is one for micromark). No `|`: in a table cell it ends the cell,
even inside an autolink. marked also links `ftp://`, which the drafter never links.

The matches, in order, are those of the regular expression

    /(?<![A-Za-z])(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"`|]*|[A-Za-z0-9._%+-]+@[A-Za-z0-9._-]*\.[A-Za-z0-9._-]*[A-Za-z0-9_-]/gi

found in time linear in the text: that expression, tried at every character of a long word
without "@" or of a long run of dots, backtracks quadratically (212 KB of answers took 24 s).
*/
const webStart = /(?<![A-Za-z])(?:https?:\/\/|ftp:\/\/|www\.)/gi;
const webRest = /[^\s<>"`|]*/y;

function isAlphanumeric(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[A-Za-z0-9._%+-]`: what an email address may have before the @. */
function isLocal(code: number): boolean {
	return (
		isAlphanumeric(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45
	);
}

/** `[A-Za-z0-9._-]`: what its domain may have. */
function isDomain(code: number): boolean {
	return isAlphanumeric(code) || code === 46 || code === 95 || code === 45;
}

type Found = {index: number; end: number};

/** The first email address starting at or after `from`. */
function nextEmail(text: string, from: number): Found | undefined {
	for (let at = text.indexOf('@', from); at !== -1; at = text.indexOf('@', at + 1)) {
		// The part before the @: the run of allowed characters that ends at it, from `from` on.
		let start = at;
		while (start > from && isLocal(text.charCodeAt(start - 1))) start--;
		if (start === at) continue;
		// The domain: its run of allowed characters, ending at its last one that is not a dot, with
		// a dot before that.
		let end = at + 1;
		while (end < text.length && isDomain(text.charCodeAt(end))) end++;
		let last = end - 1;
		while (last > at && text.charCodeAt(last) === 46) last--;
		for (let dot = at + 1; dot < last; dot++) {
			if (text.charCodeAt(dot) === 46) return {index: start, end: last + 1};
		}
	}

	return undefined;
}

function nextWeb(text: string, from: number): Found | undefined {
	webStart.lastIndex = from;
	const match = webStart.exec(text);
	if (!match) return undefined;
	webRest.lastIndex = match.index + match[0].length;
	webRest.exec(text);
	return {index: match.index, end: webRest.lastIndex};
}

export function* linkCandidates(text: string): Generator<{index: number; text: string}> {
	let position = 0;
	let web: Found | undefined;
	let email: Found | undefined;
	let webDone = false;
	let emailDone = false;
	for (;;) {
		if (!webDone && (web === undefined || web.index < position)) {
			web = nextWeb(text, position);
			webDone = web === undefined;
		}

		if (!emailDone && (email === undefined || email.index < position)) {
			email = nextEmail(text, position);
			emailDone = email === undefined;
		}

		// The leftmost; at the same place, a web address (the first alternative) wins.
		const next =
			web && (!email || web.index <= email.index)
				? web
				: email && (!web || email.index < web.index)
					? email
					: undefined;
		if (!next) return;
		yield {index: next.index, text: text.slice(next.index, next.end)};
		position = next.end;
	}
}
