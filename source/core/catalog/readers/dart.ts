import {numberedLines, type Found, type Sink, type Problems} from './text.js';

/** pubspec.yaml and pubspec.lock (Dart and Flutter). */

const key = /^( *)(?:'([^']+)'|"([^"]+)"|([A-Za-z0-9_]+)):/;

const dependencySections = new Set(['dependencies', 'dev_dependencies', 'dependency_overrides']);

export function readPubspec(text: string, out: Sink): void {
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
export function readPubspecLock(text: string, out: Sink, problems: Problems): void {
	let inPackages = false;
	let sawPackages = false;
	// An entry is complete when the next one (or the next section) starts.
	let current: Found | undefined;
	const flush = () => {
		if (current) out.push(current);
		current = undefined;
	};

	for (const [line, number] of numberedLines(text)) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
		const indent = line.length - line.trimStart().length;
		if (indent === 0) {
			flush();
			inPackages = line.startsWith('packages:');
			sawPackages ||= inPackages;
			continue;
		}

		if (!inPackages) continue;
		if (indent === 2) {
			flush();
			const match = key.exec(line);
			if (match) {
				current = {name: match[2] ?? match[3] ?? match[4]!, line: number, direct: false};
			} else {
				problems.report(`line ${number} is not a package entry`);
			}
		} else if (indent === 4 && current && /^\s+dependency:\s*["']?direct/.test(line)) {
			current.direct = true;
		}
	}

	flush();
	if (!sawPackages && text.trim() !== '') {
		problems.report('it has no "packages:" section');
	}
}
