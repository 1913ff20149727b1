/**
Text from outside (answers, file contents, paths, names in a repo) made inert for a terminal.
Every character a terminal would act on instead of showing becomes a visible escape: C0 and C1
controls (ESC starts the sequences that clear the screen, retitle the window or plant an OSC 8
link; CR overwrites a line), DEL, and the Unicode controls that reorder text as it is displayed
(bidi embeddings, overrides and isolates) or break it (line and paragraph separators). Newline
and tab stay. One function, applied where text leaves for a terminal: command output and
messages, the wizard's screens and prompts, the preview.
*/
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
	return text.replace(unsafe, (character) => {
		const code = character.charCodeAt(0);
		return code <= 0xff
			? `\\x${code.toString(16).padStart(2, '0')}`
			: `\\u${code.toString(16).padStart(4, '0')}`;
	});
}
