import {numberedLines, type Found, type Problems} from './text.js';

/** pubspec.yaml and pubspec.lock (Dart and Flutter). */

const key = /^( *)(?:'([^']+)'|"([^"]+)"|([A-Za-z0-9_]+)):/;

const dependencySections = new Set(['dependencies', 'dev_dependencies', 'dependency_overrides']);

export function readPubspec(text: string, out: Found[]): void {
	let inSection = false;
	let childIndent = -1;
	for (const [line, number] of numberedLines(text)) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		const match = key.exec(line);
		const indent = line.length - line.trimStart().length;
		if (indent === 0) {
			inSection = match !== null && dependencySections.has(match[4] ?? '');
			childIndent = -1;
			continue;
		}

		if (!inSection || !match) continue;
		if (childIndent === -1) childIndent = indent;
		if (indent === childIndent) {
			out.push({name: match[2] ?? match[3] ?? match[4]!, line: number, direct: true});
		}
	}
}

/** pubspec.lock: `packages:` entries two spaces in; `dependency: "direct main"` marks declared ones. */
export function readPubspecLock(text: string, out: Found[], problems: Problems): void {
	let inPackages = false;
	let sawPackages = false;
	let current: Found | undefined;
	for (const [line, number] of numberedLines(text)) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		const indent = line.length - line.trimStart().length;
		if (indent === 0) {
			inPackages = line.startsWith('packages:');
			sawPackages ||= inPackages;
			current = undefined;
			continue;
		}

		if (!inPackages) continue;
		if (indent === 2) {
			const match = key.exec(line);
			if (!match) {
				problems.report(`line ${number} is not a package entry`);
				current = undefined;
				continue;
			}

			current = {name: match[2] ?? match[3] ?? match[4]!, line: number, direct: false};
			out.push(current);
		} else if (indent === 4 && current && /^\s+dependency:\s*["']?direct/.test(line)) {
			current.direct = true;
		}
	}

	if (!sawPackages && text.trim() !== '') {
		problems.report('it has no "packages:" section');
	}
}
