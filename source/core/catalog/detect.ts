import {catalogServices, compareServices, type CatalogService} from './catalog.js';

/**
Which catalog services a repository reveals, from files already read by the edge
(source/repo/scan.ts): package.json files, lockfiles and the key names of `.env.example` files.
Pure and linear in the size of the input: the lookup maps are built once per catalog, and every
file is read line by line or parsed once.
*/

export type ScanInputKind =
	'package.json' | 'package-lock.json' | 'pnpm-lock.yaml' | 'yarn.lock' | 'env-example';

export type ScanInput = {
	/** Repo-relative, with forward slashes. */
	file: string;
	kind: ScanInputKind;
	text: string;
};

export type Detection = {service: CatalogService; evidence: string[]};

export type DetectionResult = {detections: Detection[]; warnings: string[]};

export const dependencyFields = [
	'dependencies',
	'devDependencies',
	'peerDependencies',
	'optionalDependencies',
] as const;

type Signals = {
	npm: Map<string, CatalogService>;
	scopes: Map<string, CatalogService>;
	env: Map<string, CatalogService>;
	envPrefixes: Map<string, CatalogService>;
};

const signalCache = new WeakMap<readonly CatalogService[], Signals>();

function signalsOf(services: readonly CatalogService[]): Signals {
	const cached = signalCache.get(services);
	if (cached) {
		return cached;
	}

	const signals: Signals = {
		npm: new Map(),
		scopes: new Map(),
		env: new Map(),
		envPrefixes: new Map(),
	};
	// The first service to claim a signal keeps it (the catalog test keeps signals unique).
	const claim = (map: Map<string, CatalogService>, key: string, service: CatalogService) => {
		if (!map.has(key)) {
			map.set(key, service);
		}
	};

	for (const service of services) {
		for (const name of service.signals.npm ?? []) claim(signals.npm, name, service);
		for (const scope of service.signals.npmScopes ?? []) claim(signals.scopes, scope, service);
		for (const key of service.signals.env ?? []) claim(signals.env, key, service);
		for (const prefix of service.signals.envPrefixes ?? [])
			claim(signals.envPrefixes, prefix, service);
	}

	signalCache.set(services, signals);
	return signals;
}

/**
The most specific service for a package: its exact name first, then its scope. A scope counts
only for a dependency the project declares: transitive packages of a vendor's scope are often
its build tools (`@vercel/nft`) or the shared parts of another SDK (`@aws-sdk/client-ses`
brings `@aws-sdk/core`, which is SES, not all of AWS).
*/
function matchPackage(name: string, direct: boolean, signals: Signals): CatalogService | undefined {
	const exact = signals.npm.get(name);
	if (exact || !direct || !name.startsWith('@')) {
		return exact;
	}

	const slash = name.indexOf('/');
	return slash > 1 ? signals.scopes.get(name.slice(0, slash)) : undefined;
}

/** Prefixes that frameworks add to expose a variable to the browser. */
const frameworkPrefixes = [
	'NEXT_PUBLIC_',
	'NUXT_PUBLIC_',
	'NUXT_',
	'VITE_',
	'REACT_APP_',
	'EXPO_PUBLIC_',
	'GATSBY_',
	'PUBLIC_',
	'VUE_APP_',
];

function matchEnvName(key: string, signals: Signals): CatalogService | undefined {
	const exact = signals.env.get(key);
	if (exact) {
		return exact;
	}

	// The longest prefix wins: AZURE_OPENAI_API_KEY is Azure OpenAI, not Azure.
	let best: CatalogService | undefined;
	for (let index = key.indexOf('_'); index !== -1; index = key.indexOf('_', index + 1)) {
		const service = signals.envPrefixes.get(key.slice(0, index + 1));
		if (service) {
			best = service;
		}
	}

	return best;
}

function matchEnv(key: string, signals: Signals): CatalogService | undefined {
	const upper = key.toUpperCase();
	const direct = matchEnvName(upper, signals);
	if (direct) {
		return direct;
	}

	for (const prefix of frameworkPrefixes) {
		if (upper.startsWith(prefix) && upper.length > prefix.length) {
			return matchEnvName(upper.slice(prefix.length), signals);
		}
	}

	return undefined;
}

// Readers: each yields package names (or env keys) with where they were found. -------------

/** A package name, where it was found, and whether the project declares it (not transitive). */
type Found = {name: string; where: string; direct: boolean};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(input: ScanInput, warnings: string[]): unknown {
	try {
		return JSON.parse(input.text.replace(/^\uFEFF/, '')) as unknown;
	} catch (error) {
		warnings.push(`${input.file} is not valid JSON (${(error as Error).message}); it was skipped.`);
		return undefined;
	}
}

function readManifest(input: ScanInput, warnings: string[], out: Found[]): void {
	const manifest = parseJson(input, warnings);
	if (manifest === undefined) {
		return;
	}

	if (!isRecord(manifest)) {
		warnings.push(`${input.file} does not hold a JSON object; it was skipped.`);
		return;
	}

	for (const field of dependencyFields) {
		const dependencies = manifest[field];
		if (dependencies === undefined) {
			continue;
		}

		if (!isRecord(dependencies)) {
			warnings.push(`"${field}" in ${input.file} is not an object; it was skipped.`);
			continue;
		}

		for (const name of Object.keys(dependencies)) {
			out.push({name, where: `${field} of ${input.file}`, direct: true});
		}
	}
}

const nodeModules = 'node_modules/';

function readNpmLock(input: ScanInput, warnings: string[], out: Found[]): void {
	const lock = parseJson(input, warnings);
	if (lock === undefined) {
		return;
	}

	if (!isRecord(lock)) {
		warnings.push(`${input.file} does not hold a JSON object; it was skipped.`);
		return;
	}

	const where = input.file;
	// v2 and v3: "node_modules/a/node_modules/@scope/b" keys (`name` is the real name of an
	// alias); the root ("") and workspace folders list what the project declares.
	if (isRecord(lock['packages'])) {
		for (const [key, entry] of Object.entries(lock['packages'])) {
			const at = key.lastIndexOf(nodeModules);
			if (at === -1) {
				for (const field of dependencyFields) {
					const declared = isRecord(entry) ? entry[field] : undefined;
					if (isRecord(declared)) {
						for (const name of Object.keys(declared)) out.push({name, where, direct: true});
					}
				}

				continue;
			}

			out.push({name: key.slice(at + nodeModules.length), where, direct: false});
			if (isRecord(entry) && typeof entry['name'] === 'string') {
				out.push({name: entry['name'], where, direct: false});
			}
		}
	}

	// v1 (and v2 for older npm): nested `dependencies`, walked without recursion.
	if (isRecord(lock['dependencies'])) {
		const stack: Array<Record<string, unknown>> = [lock['dependencies']];
		while (stack.length > 0) {
			const dependencies = stack.pop()!;
			for (const [name, entry] of Object.entries(dependencies)) {
				out.push({name, where, direct: false});
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

const yamlKey = /^( *)(?:'([^']*)'|"([^"]*)"|([^\s'"#][^\s]*?)):(?:\s|$)/;
const dependencyHeader =
	/^ *(?:dependencies|devDependencies|optionalDependencies|peerDependencies):\s*$/;

function readPnpmLock(input: ScanInput, warnings: string[], out: Found[]): void {
	const where = input.file;
	let section = '';
	/** Indentation of an open dependencies block's header, or -1. */
	let blockIndent = -1;
	/** Whether the open block lists what the project declares (importers, v5/v6 top level). */
	let blockDirect = false;
	let childIndent = -1;
	let recognised = false;
	for (const line of input.text.split(/\r?\n/)) {
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
				out.push({name: key, where, direct: blockDirect});
			}

			continue;
		}

		if ((section === 'packages' || section === 'snapshots') && indent === 2) {
			const name = pnpmKeyName(key);
			if (name) {
				out.push({name, where, direct: false});
			}
		}
	}

	if (!recognised && input.text.trim() !== '') {
		warnings.push(
			`${input.file} does not look like a pnpm lockfile (no lockfileVersion); read it anyway.`,
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

function readYarnLock(input: ScanInput, warnings: string[], out: Found[]): void {
	const where = input.file;
	let entries = 0;
	for (const line of input.text.split(/\r?\n/)) {
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
				out.push({name, where, direct: false});
			}
		}

		entries++;
	}

	if (entries === 0 && input.text.trim() !== '') {
		warnings.push(`${input.file} has no entries that look like a yarn lockfile; it was skipped.`);
	}
}

const envLine = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

/** Key names only: values are never kept, so they cannot reach the output. */
function readEnvKeys(input: ScanInput): string[] {
	const keys: string[] = [];
	for (const raw of input.text.split(/\r?\n/)) {
		const line = raw.replace(/^\uFEFF/, '').trimStart();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const match = envLine.exec(line);
		if (match) {
			keys.push(match[1]!);
		}
	}

	return keys;
}

// Detection --------------------------------------------------------------------------------

type Evidence = {text: string; file: string; lockfile: boolean};

const lockfileCap = 3;

/** Evidence lines for a file, with many lockfile packages of one service folded into a count. */
function foldLockfileEvidence(items: Evidence[]): string[] {
	const out: string[] = [];
	const perFile = new Map<string, number>();
	const extra = new Map<string, number>();
	const order: string[] = [];
	for (const item of items) {
		if (!item.lockfile) {
			out.push(item.text);
			continue;
		}

		const {file} = item;
		const seen = perFile.get(file) ?? 0;
		perFile.set(file, seen + 1);
		if (seen < lockfileCap) {
			out.push(item.text);
		} else {
			if (!extra.has(file)) {
				order.push(file);
			}

			extra.set(file, (extra.get(file) ?? 0) + 1);
		}
	}

	for (const file of order) {
		const count = extra.get(file)!;
		out.push(`and ${count} more ${count === 1 ? 'package' : 'packages'} in ${file}`);
	}

	return out;
}

/**
Detect services from already-read files. Each package name or env key counts for at most one
service, the most specific: an exact package name before an npm scope (a scope only for declared
dependencies), an exact env name before the longest env prefix.
*/
export function detectServices(
	inputs: readonly ScanInput[],
	services: readonly CatalogService[] = catalogServices,
): DetectionResult {
	const signals = signalsOf(services);
	const warnings: string[] = [];
	const evidence = new Map<CatalogService, Evidence[]>();
	const seen = new Set<string>();
	const add = (service: CatalogService, item: Evidence) => {
		const key = `${service.id}\u0000${item.text}`;
		if (seen.has(key)) {
			return;
		}

		seen.add(key);
		const list = evidence.get(service);
		if (list) {
			list.push(item);
		} else {
			evidence.set(service, [item]);
		}
	};

	for (const input of inputs) {
		if (input.text.includes('\u0000')) {
			warnings.push(`${input.file} is not a text file; it was skipped.`);
			continue;
		}

		if (input.kind === 'env-example') {
			for (const key of readEnvKeys(input)) {
				const service = matchEnv(key, signals);
				if (service) {
					add(service, {text: `${key} in ${input.file}`, file: input.file, lockfile: false});
				}
			}

			continue;
		}

		const found: Found[] = [];
		switch (input.kind) {
			case 'package.json': {
				readManifest(input, warnings, found);
				break;
			}

			case 'package-lock.json': {
				readNpmLock(input, warnings, found);
				break;
			}

			case 'pnpm-lock.yaml': {
				readPnpmLock(input, warnings, found);
				break;
			}

			case 'yarn.lock': {
				readYarnLock(input, warnings, found);
				break;
			}
		}

		const lockfile = input.kind !== 'package.json';
		for (const {name, where, direct} of found) {
			const service = matchPackage(name, direct, signals);
			if (service) {
				add(service, {text: `${name} in ${where}`, file: input.file, lockfile});
			}
		}
	}

	const detections = [...evidence].map(([service, items]) => ({
		service,
		evidence: foldLockfileEvidence(items),
	}));
	detections.sort((a, b) => compareServices(a.service, b.service));
	return {detections, warnings};
}
