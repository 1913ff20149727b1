import type {Key} from 'ink';

/** Backspace arrives as DEL (0x7f) in most terminals, which Ink reports as `delete`. */
export function isBackspace(input: string, key: Key): boolean {
	return key.backspace || key.delete || input === '\u0008' || input === '\u007F';
}

/** Printable text from a key press or a paste; line breaks become spaces. */
export function printable(input: string, key: Key): string {
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

	// eslint-disable-next-line no-control-regex
	return input.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
}
