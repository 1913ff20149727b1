import {isRecord, parseJson, type Sink} from './text.js';

/** composer.json (what the project requires) and composer.lock (every installed package). */

export function readComposerJson(text: string, file: string, warnings: string[], out: Sink): void {
	const manifest = parseJson(text, file, warnings);
	if (manifest === undefined) return;
	if (!isRecord(manifest)) {
		warnings.push(`${file} does not hold a JSON object; it was skipped.`);
		return;
	}

	for (const field of ['require', 'require-dev']) {
		const required = manifest[field];
		if (required === undefined) continue;
		if (!isRecord(required)) {
			warnings.push(`"${field}" in ${file} is not an object; it was skipped.`);
			continue;
		}

		for (const name of Object.keys(required)) {
			// Platform requirements (php, ext-json) are no packages.
			if (name.includes('/'))
				out.push({
					name: name.toLowerCase(),
					line: 0,
					token: name,
					after: field,
					where: field,
					direct: true,
				});
		}
	}
}

export function readComposerLock(text: string, file: string, warnings: string[], out: Sink): void {
	const lock = parseJson(text, file, warnings);
	if (lock === undefined) return;
	if (!isRecord(lock)) {
		warnings.push(`${file} does not hold a JSON object; it was skipped.`);
		return;
	}

	let lists = 0;
	for (const field of ['packages', 'packages-dev']) {
		const packages = lock[field];
		if (packages === undefined) continue;
		lists++;
		if (!Array.isArray(packages)) {
			warnings.push(`${file} has a "${field}" that is not a list; it was skipped.`);
			continue;
		}

		for (const entry of packages) {
			if (isRecord(entry) && typeof entry['name'] === 'string') {
				out.push({
					name: entry['name'].toLowerCase(),
					line: 0,
					token: entry['name'],
					direct: false,
				});
			}
		}
	}

	if (lists === 0) {
		warnings.push(`${file} has no "packages" list; it was skipped.`);
	}
}
