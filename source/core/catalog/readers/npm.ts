import {
	isRecord,
	numberedLines,
	parseJson,
	withoutTrailingCommas,
	type Sink,
	type Problems,
} from './text.js';

/** package.json and the npm, pnpm, yarn and bun lockfiles. */

export const dependencyFields = [
	'dependencies',
	'devDependencies',
	'peerDependencies',
	'optionalDependencies',
] as const;

export function readManifest(text: string, file: string, warnings: string[], out: Sink): void {
	const manifest = parseJson(text, file, warnings);
	if (manifest === undefined) {
		return;
	}

	if (!isRecord(manifest)) {
		warnings.push(`${file} does not hold a JSON object; it was skipped.`);
		return;
	}

	for (const field of dependencyFields) {
		const dependencies = manifest[field];
		if (dependencies === undefined) {
			continue;
		}

		if (!isRecord(dependencies)) {
			warnings.push(`"${field}" in ${file} is not an object; it was skipped.`);
			continue;
		}

		for (const name of Object.keys(dependencies)) {
			out.push({name, line: 0, token: name, after: field, where: field, direct: true});
		}
	}
}

const nodeModules = 'node_modules/';

export function readNpmLock(text: string, file: string, warnings: string[], out: Sink): void {
	const lock = parseJson(text, file, warnings);
	if (lock === undefined) {
		return;
	}

	if (!isRecord(lock)) {
		warnings.push(`${file} does not hold a JSON object; it was skipped.`);
		return;
	}

	// v2 and v3: "node_modules/a/node_modules/@scope/b" keys (`name` is the real name of an
	// alias); the root ("") and workspace folders list what the project declares.
	const packages = lock['packages'];
	if (isRecord(packages)) {
		// `for…in`, not Object.entries: no array of 10,000 pairs to collect.
		for (const key in packages) {
			const entry = packages[key];
			const at = key.lastIndexOf(nodeModules);
			if (at === -1) {
				for (const field of dependencyFields) {
					const declared = isRecord(entry) ? entry[field] : undefined;
					if (isRecord(declared)) {
						for (const name of Object.keys(declared))
							out.push({name, line: 0, token: name, after: key, direct: true});
					}
				}

				continue;
			}

			out.push({name: key.slice(at + nodeModules.length), line: 0, token: key, direct: false});
			if (isRecord(entry) && typeof entry['name'] === 'string') {
				out.push({name: entry['name'], line: 0, token: key, direct: false});
			}
		}
	}

	// v1 (and v2 for older npm): nested `dependencies`, walked without recursion.
	if (isRecord(lock['dependencies'])) {
		const stack: Array<Record<string, unknown>> = [lock['dependencies']];
		while (stack.length > 0) {
			const dependencies = stack.pop()!;
			for (const [name, entry] of Object.entries(dependencies)) {
				out.push({name, line: 0, token: name, direct: false});
				if (isRecord(entry) && isRecord(entry['dependencies'])) {
					stack.push(entry['dependencies']);
				}
			}
		}
	}
}

/** `/@scope/name@1.0.0(peer@1)`, `name@1.0.0`, v5's `/name/1.0.0` → the package name. */
function pnpmKeyName(key: string): string | undefined {
	const bare = key.startsWith('/') ? key.slice(1) : key;
	const match = /^(@[^/@()\s]+\/[^/@()\s]+|[^/@()\s]+)[@/]/.exec(bare);
	return match?.[1];
}

export const yamlKey = /^( *)(?:'([^']*)'|"([^"]*)"|([^\s'"#][^\s]*?)):(?:\s|$)/;
const dependencyHeader =
	/^ *(?:dependencies|devDependencies|optionalDependencies|peerDependencies):\s*$/;

export function readPnpmLock(text: string, file: string, warnings: string[], out: Sink): void {
	let section = '';
	/** Indentation of an open dependencies block's header, or -1. */
	let blockIndent = -1;
	/** Whether the open block lists what the project declares (importers, v5/v6 top level). */
	let blockDirect = false;
	let childIndent = -1;
	let recognised = false;
	for (const [line, number] of numberedLines(text)) {
		if (line.trim() === '' || line.trimStart().startsWith('#')) {
			continue;
		}

		const match = yamlKey.exec(line);
		const indent = line.length - line.trimStart().length;
		if (indent === 0) {
			section = match ? (match[2] ?? match[3] ?? match[4] ?? '') : '';
			if (section === 'lockfileVersion') {
				recognised = true;
			}

			blockIndent = dependencyHeader.test(line) ? 0 : -1;
			blockDirect = true;
			childIndent = -1;
			continue;
		}

		if (blockIndent !== -1 && indent <= blockIndent) {
			blockIndent = -1;
			childIndent = -1;
		}

		if (dependencyHeader.test(line)) {
			blockIndent = indent;
			blockDirect = section === 'importers';
			childIndent = -1;
			continue;
		}

		if (!match) {
			continue;
		}

		const key = match[2] ?? match[3] ?? match[4] ?? '';
		if (blockIndent !== -1) {
			if (childIndent === -1) {
				childIndent = indent;
			}

			if (indent === childIndent) {
				out.push({name: key, line: number, direct: blockDirect});
			}

			continue;
		}

		if ((section === 'packages' || section === 'snapshots') && indent === 2) {
			const name = pnpmKeyName(key);
			if (name) {
				out.push({name, line: number, direct: false});
			}
		}
	}

	if (!recognised && text.trim() !== '') {
		warnings.push(
			`${file} does not look like a pnpm lockfile (no lockfileVersion); read it anyway.`,
		);
	}
}

/** `@scope/name@npm:^1` → `@scope/name` (and, for an alias `a@npm:b@^1`, also b). */
function yarnDescriptorNames(descriptor: string): string[] {
	const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
	if (at <= 0) {
		return [];
	}

	const name = descriptor.slice(0, at);
	const range = descriptor.slice(at + 1);
	if (range.startsWith('npm:')) {
		const target = range.slice(4);
		const targetAt = target.indexOf('@', target.startsWith('@') ? 1 : 0);
		if (targetAt > 0) {
			return [name, target.slice(0, targetAt)];
		}
	}

	return [name];
}

export function readYarnLock(text: string, file: string, warnings: string[], out: Sink): void {
	let entries = 0;
	for (const [line, number] of numberedLines(text)) {
		// Entry headers start at column 0 and end with a colon; the rest is indented.
		if (
			line === '' ||
			line.startsWith(' ') ||
			line.startsWith('#') ||
			!line.trimEnd().endsWith(':')
		) {
			continue;
		}

		const header = line.trimEnd().slice(0, -1);
		if (header === '__metadata') {
			continue;
		}

		for (const part of header.split(',')) {
			const descriptor = part.trim().replaceAll(/^"|"$/g, '');
			for (const name of yarnDescriptorNames(descriptor)) {
				out.push({name, line: number, direct: false});
			}
		}

		entries++;
	}

	if (entries === 0 && text.trim() !== '') {
		warnings.push(`${file} has no entries that look like a yarn lockfile; it was skipped.`);
	}
}

/** "name@1.0.0", "@scope/name@npm:1.0.0" → the name. */
function identName(ident: string): string | undefined {
	const at = ident.indexOf('@', ident.startsWith('@') ? 1 : 0);
	return at > 0 ? ident.slice(0, at) : undefined;
}

/**
bun.lock (the text lockfile of Bun 1.2+): JSON with trailing commas. `workspaces` list what the
project declares; each `packages` entry is `[ident, …]`, keyed by its (possibly nested) path.
*/
export function readBunLock(
	text: string,
	file: string,
	warnings: string[],
	out: Sink,
	problems: Problems,
): void {
	const lock = parseJson(withoutTrailingCommas(text), file, warnings, 'a valid bun.lock (JSON)');
	if (lock === undefined) {
		return;
	}

	if (!isRecord(lock) || !isRecord(lock['packages'])) {
		warnings.push(`${file} has no "packages" object; it was skipped.`);
		return;
	}

	if (isRecord(lock['workspaces'])) {
		for (const [path, workspace] of Object.entries(lock['workspaces'])) {
			for (const field of dependencyFields) {
				const declared = isRecord(workspace) ? workspace[field] : undefined;
				if (isRecord(declared)) {
					for (const name of Object.keys(declared))
						out.push({name, line: 0, token: name, after: path, direct: true});
				}
			}
		}
	}

	for (const [key, entry] of Object.entries(lock['packages'])) {
		const ident = Array.isArray(entry) && typeof entry[0] === 'string' ? entry[0] : undefined;
		const name = ident === undefined ? undefined : identName(ident);
		if (name === undefined) {
			problems.report(`the package "${key}" has no "name@version" entry`);
			continue;
		}

		out.push({name, line: 0, token: key, direct: false});
	}
}
