// marked-terminal can turn :shortcodes: into emoji through node-emoji (a 200 KiB table).
// privacy-wizard renders with `emoji: false`, so the table is never consulted.
export function get() {
	return undefined;
}

export function emojify(text) {
	return text;
}
