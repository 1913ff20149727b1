import {isRecord, numberedLines, parseJson, type Sink, type Problems} from './text.js';

/** CocoaPods (Podfile, Podfile.lock) and Swift packages (Package.swift, Package.resolved). */

/** "Firebase/Analytics (10.0.0)" → "Firebase": a subspec counts as its root pod. */
function rootPod(entry: string): string {
	const name = entry
		.replaceAll(/^["']|["']:?$|:$/g, '')
		.split(' (')[0]!
		.trim();
	return name.split('/')[0]!;
}

const podLine = /^\s*pod\s+(["'])([^"']+)\1/;

export function readPodfile(text: string, out: Sink): void {
	for (const [line, number] of numberedLines(text)) {
		const match = podLine.exec(line);
		if (match) out.push({name: rootPod(match[2]!), line: number, direct: true});
	}
}

/** Podfile.lock: PODS lists every pod (two spaces in), DEPENDENCIES what the Podfile declares. */
export function readPodfileLock(text: string, out: Sink, problems: Problems): void {
	let section = '';
	let sawPods = false;
	for (const [line, number] of numberedLines(text)) {
		if (line.trim() === '') continue;
		if (!line.startsWith(' ')) {
			section = line.split(':')[0]!;
			if (section === 'PODS') sawPods = true;
			continue;
		}

		if (section !== 'PODS' && section !== 'DEPENDENCIES') continue;
		if (line.startsWith('  - ')) {
			const name = rootPod(line.slice(4));
			if (name === '') {
				problems.report(`line ${number} names no pod`);
				continue;
			}

			out.push({name, line: number, direct: section === 'DEPENDENCIES'});
		}
	}

	if (!sawPods && text.trim() !== '') {
		problems.report('it has no PODS section');
	}
}

/**
A repository URL as the catalog writes it: lower case, no scheme, no user, no ".git":
"git@github.com:Amplitude/Amplitude-Swift.git" → "github.com/amplitude/amplitude-swift".
*/
export function normaliseRepositoryUrl(url: string): string {
	let text = url.trim().toLowerCase();
	text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
	const scp = /^[^@/]+@([^:/]+):(.*)$/.exec(text);
	if (scp) text = `${scp[1]}/${scp[2]}`;
	text = text.replace(/^[^@/]+@/, '');
	return text.replace(/\/+$/, '').replace(/\.git$/, '');
}

const packageUrl = /\.package\s*\([^)]*?\burl:\s*"([^"]+)"/g;

export function readPackageSwift(text: string, out: Sink): void {
	for (const [line, number] of numberedLines(text)) {
		if (!line.includes('url:')) continue;
		for (const match of line.matchAll(packageUrl)) {
			out.push({name: normaliseRepositoryUrl(match[1]!), line: number, direct: true});
		}
	}
}

/** Package.resolved: v1 `object.pins[].repositoryURL`, v2 and v3 `pins[].location`. */
export function readPackageResolved(
	text: string,
	file: string,
	warnings: string[],
	out: Sink,
): void {
	const resolved = parseJson(text, file, warnings);
	if (resolved === undefined) return;
	const pins = isRecord(resolved)
		? isRecord(resolved['object'])
			? resolved['object']['pins']
			: resolved['pins']
		: undefined;
	if (!Array.isArray(pins)) {
		warnings.push(`${file} has no "pins" list (Package.resolved versions 1 to 3); it was skipped.`);
		return;
	}

	for (const pin of pins) {
		if (!isRecord(pin)) continue;
		const url = pin['location'] ?? pin['repositoryURL'];
		if (typeof url === 'string') {
			out.push({name: normaliseRepositoryUrl(url), line: 0, token: url, direct: false});
		}
	}
}
