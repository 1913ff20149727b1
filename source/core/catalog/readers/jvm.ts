import {
	forEachTomlEntry,
	LineCounter,
	numberedLines,
	tomlInlineStrings,
	tomlString,
} from './text.js';
import type {Problems, Sink} from './text.js';

/** pom.xml, build.gradle(.kts) and Gradle version catalogs (gradle/libs.versions.toml). */

const pomTag = /<!--|<(\/?)(dependency|exclusion|groupId|artifactId)\s*>/g;

/** The `<dependency>` elements of a POM (exclusions left out), each at its artifactId's line. */
export function readPom(text: string, out: Sink, problems: Problems): void {
	const lines = new LineCounter(text);
	let inDependency = false;
	let inExclusion = false;
	let group: string | undefined;
	let artifact: {name: string; line: number} | undefined;
	pomTag.lastIndex = 0;
	for (let match = pomTag.exec(text); match; match = pomTag.exec(text)) {
		if (match[0] === '<!--') {
			const end = text.indexOf('-->', match.index + 4);
			if (end === -1) {
				problems.report(`the comment on line ${lines.lineAt(match.index)} never ends`);
				break;
			}

			pomTag.lastIndex = end + 3;
			continue;
		}

		const closing = match[1] === '/';
		const tag = match[2]!;
		if (tag === 'dependency') {
			if (closing && inDependency && group !== undefined && artifact !== undefined) {
				out.push({name: `${group}:${artifact.name}`, line: artifact.line, direct: true});
			}

			inDependency = !closing;
			group = undefined;
			artifact = undefined;
		} else if (tag === 'exclusion') {
			inExclusion = !closing;
		} else if (!closing && inDependency && !inExclusion) {
			const end = text.indexOf(`</${tag}`, pomTag.lastIndex);
			if (end === -1) {
				problems.report(`<${tag}> on line ${lines.lineAt(match.index)} is never closed`);
				break;
			}

			const value = text.slice(pomTag.lastIndex, end).trim();
			if (tag === 'groupId') group = value;
			else artifact = {name: value, line: lines.lineAt(match.index)};
			pomTag.lastIndex = end;
		}
	}

	if (!text.includes('<project')) {
		problems.report('it has no <project> element');
	}
}

const groupId = String.raw`[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+`;
/** "group:artifact", "group:artifact:version", with a classifier or @type after. */
const coordinate = new RegExp(
	String.raw`(["'])(${groupId}):([A-Za-z0-9_.-]+)(?::[^"'\n]*)?\1`,
	'g',
);
const mapNotation = /\bgroup\s*[:=]\s*(["'])([^"']+)\1\s*,\s*name\s*[:=]\s*(["'])([^"']+)\3/g;

/** build.gradle and build.gradle.kts: coordinate strings and `group: …, name: …` maps. */
export function readGradle(text: string, out: Sink): void {
	for (const [line, number] of numberedLines(text)) {
		if (!line.includes(':') && !line.includes('=')) continue;
		for (const match of line.matchAll(coordinate)) {
			out.push({name: `${match[2]}:${match[3]}`, line: number, direct: true});
		}

		for (const match of line.matchAll(mapNotation)) {
			out.push({name: `${match[2]}:${match[4]}`, line: number, direct: true});
		}
	}
}

/**
A Gradle version catalog's `[libraries]`: `alias = "group:artifact:version"`,
`alias = { module = "group:artifact", … }` or `alias = { group = "…", name = "…", … }`.
*/
export function readVersionCatalog(text: string, out: Sink, problems: Problems): void {
	forEachTomlEntry(text, problems, (entry) => {
		if (entry.table !== 'libraries') return;
		let module: string | undefined;
		if (entry.value.startsWith('{')) {
			const fields = tomlInlineStrings(entry.value);
			const group = fields.get('group');
			const name = fields.get('name');
			module = fields.get('module') ?? (group && name ? `${group}:${name}` : undefined);
		} else if (entry.key.includes('.')) {
			// Dotted keys: `alias.module = "…"`; `alias.version.ref` and the like name no module.
			if (!entry.key.endsWith('.module')) return;
			module = tomlString(entry.value);
		} else {
			module = tomlString(entry.value);
		}

		const parts = module?.split(':');
		if (!parts || parts.length < 2 || parts[0] === '' || parts[1] === '') {
			problems.report(`the library "${entry.key}" on line ${entry.line} names no "group:artifact"`);
			return;
		}

		out.push({name: `${parts[0]}:${parts[1]}`, line: entry.line, direct: true});
	});
}
