import type {Keypress} from './key-router.js';

/** Backspace arrives as DEL (0x7f) in most terminals, which Ink reports as `delete`. */
export function isBackspace(input: string, key: Keypress): boolean {
	return !key.paste && (key.backspace || key.delete || input === '\u0008' || input === '\u007F');
}

/** Printable text from a key press or a paste: a line break (and the spaces around it) is one space. */
export function printable(input: string, key: Keypress): string {
	if (
		key.ctrl ||
		key.meta ||
		key.escape ||
		key.return ||
		key.tab ||
		key.upArrow ||
		key.downArrow ||
		key.leftArrow ||
		key.rightArrow ||
		key.pageDown ||
		key.pageUp
	) {
		return '';
	}

	return (
		input
			.replace(/[ \t]*(?:\r\n|\r|\n)+[ \t]*/g, ' ')
			.replace(/\t/g, ' ')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001F\u007F]/g, '')
	);
}

/** Pasted text as lines (a textlist keeps each as an entry). */
export function pastedLines(input: string): string[] {
	return input.split(/\r\n|\r|\n/).map((line) => printable(line, {} as Keypress));
}
