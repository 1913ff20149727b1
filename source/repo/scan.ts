import {lstat, readFile, readdir, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import {
	detectServices,
	type DetectionResult,
	type ScanInput,
	type ScanInputKind,
} from '../core/catalog/detect.js';

/**
Reads what a repository says about the services it uses: the root package.json and the
workspaces' package.json files (npm/yarn `workspaces`, pnpm-workspace.yaml), the lockfiles at
the root, and the key names of `.env.example` / `.env.sample` files. Never `.env` itself, never
node_modules, never a path outside the root (`..`, absolute paths, symlinks that lead out).
Whatever cannot be read becomes a warning naming the file; the scan goes on with the rest.
*/

export type ScanOptions = {
	/** At most this many workspace folders are read (default 5,000). */
	maxWorkspaces?: number;
	/** Folders a `**` pattern may visit before it stops (default 50,000). */
	maxVisited?: number;
	/** Files larger than this are skipped with a warning (default 64 MiB). */
	maxFileBytes?: number;
};

const lockfiles: Array<[string, ScanInputKind]> = [
	['package-lock.json', 'package-lock.json'],
	['npm-shrinkwrap.json', 'package-lock.json'],
	['pnpm-lock.yaml', 'pnpm-lock.yaml'],
	['yarn.lock', 'yarn.lock'],
];

/** Example env files: key names only. `.env`, `.env.local` and the like hold secrets. */
export const envExampleFiles = ['.env.example', '.env.sample'] as const;

const skippedFolders = new Set(['node_modules', '.git']);

function toPosix(relative: string): string {
	return relative.split(path.sep).join('/');
}

function describeError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'it is a folder';
		}

		case 'ELOOP': {
			return 'too many symbolic links';
		}

		default: {
			return code ?? (error as Error).message ?? String(error);
		}
	}
}

class RepoReader {
	readonly warnings: string[] = [];
	readonly root: string;
	private readonly options: Required<ScanOptions>;
	private realRoot = '';

	constructor(root: string, options: Required<ScanOptions>) {
		this.root = root;
		this.options = options;
	}

	get maxVisited(): number {
		return this.options.maxVisited;
	}

	async init(): Promise<void> {
		this.realRoot = await realpath(this.root);
	}

	relative(absolute: string): string {
		return toPosix(path.relative(this.root, absolute)) || '.';
	}

	private inside(real: string): boolean {
		const relative = path.relative(this.realRoot, real);
		return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
	}

	/**
	The real path of an entry when it exists and stays inside the root; undefined (with a
	warning for a link that leads out or an unreadable entry) otherwise.
	*/
	async resolve(absolute: string, what: 'file' | 'folder'): Promise<string | undefined> {
		let info;
		try {
			info = await lstat(absolute);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' && code !== 'ENOTDIR') {
				this.warnings.push(
					`Could not read ${this.relative(absolute)} (${describeError(error)}); it was skipped.`,
				);
			}

			return undefined;
		}

		let real = absolute;
		if (info.isSymbolicLink()) {
			try {
				real = await realpath(absolute);
				info = await stat(real);
			} catch (error) {
				this.warnings.push(
					`${this.relative(absolute)} is a broken link (${describeError(error)}); it was skipped.`,
				);
				return undefined;
			}

			if (!this.inside(real)) {
				this.warnings.push(
					`${this.relative(absolute)} links outside the repository; it was not read.`,
				);
				return undefined;
			}
		}

		if (what === 'file' ? !info.isFile() : !info.isDirectory()) {
			if (what === 'file' && info.isDirectory()) {
				this.warnings.push(`${this.relative(absolute)} is a folder, not a file; it was skipped.`);
			}

			return undefined;
		}

		if (what === 'file' && info.size > this.options.maxFileBytes) {
			this.warnings.push(
				`${this.relative(absolute)} is larger than ${Math.round(this.options.maxFileBytes / 1024 / 1024)} MiB; it was skipped.`,
			);
			return undefined;
		}

		return real;
	}

	/** Whether a file (or a link to one) exists, quietly: reading it later reports problems. */
	async hasFile(absolute: string): Promise<boolean> {
		try {
			return (await stat(absolute)).isFile();
		} catch {
			return false;
		}
	}

	async readText(absolute: string): Promise<string | undefined> {
		const real = await this.resolve(absolute, 'file');
		if (real === undefined) {
			return undefined;
		}

		try {
			return await readFile(real, 'utf8');
		} catch (error) {
			this.warnings.push(
				`Could not read ${this.relative(absolute)} (${describeError(error)}); it was skipped.`,
			);
			return undefined;
		}
	}

	/** Sub-folders of a folder (real paths inside the root), sorted; node_modules and .git skipped. */
	async folders(absolute: string): Promise<string[]> {
		let entries;
		try {
			entries = await readdir(absolute, {withFileTypes: true});
		} catch (error) {
			this.warnings.push(
				`Could not read the folder ${this.relative(absolute)} (${describeError(error)}); it was skipped.`,
			);
			return [];
		}

		const out: string[] = [];
		for (const entry of entries) {
			if (skippedFolders.has(entry.name)) {
				continue;
			}

			const child = path.join(absolute, entry.name);
			if (entry.isDirectory()) {
				out.push(child);
			} else if (entry.isSymbolicLink() && (await this.resolve(child, 'folder')) !== undefined) {
				out.push(child);
			}
		}

		return out.sort();
	}
}

// Workspace patterns ---------------------------------------------------------------------

/** The `packages:` list of a pnpm-workspace.yaml, read line by line (block or flow style). */
export function pnpmWorkspacePatterns(text: string): string[] {
	const patterns: string[] = [];
	let inPackages = false;
	const unquote = (value: string) =>
		value
			.trim()
			// Runs are matched from their start only: linear on a hostile file.
			.replace(/(?<!\s)\s+#.*$/, '')
			.replaceAll(/^['"]|['"]$/g, '');
	for (const line of text.split(/\r?\n/)) {
		if (/^packages:/.test(line)) {
			const flow = /^packages:\s*\[(.*)\]/.exec(line);
			if (flow) {
				// A loop, not push(...): a list can have more entries than a call takes arguments.
				for (const entry of flow[1]!.split(',').map(unquote).filter(Boolean)) patterns.push(entry);
				inPackages = false;
			} else {
				inPackages = true;
			}

			continue;
		}

		if (!inPackages || line.trim() === '' || line.trim().startsWith('#')) {
			continue;
		}

		const item = /^\s+-\s*(.+)$/.exec(line);
		if (item) {
			patterns.push(unquote(item[1]!));
		} else if (!/^\s/.test(line)) {
			inPackages = false;
		}
	}

	return patterns;
}

/** npm and yarn: `workspaces: [...]` or `workspaces: {packages: [...]}`. */
function manifestWorkspacePatterns(manifest: unknown): string[] | undefined {
	if (typeof manifest !== 'object' || manifest === null) {
		return undefined;
	}

	const workspaces = (manifest as Record<string, unknown>)['workspaces'];
	const list = Array.isArray(workspaces)
		? workspaces
		: typeof workspaces === 'object' && workspaces !== null
			? (workspaces as Record<string, unknown>)['packages']
			: undefined;
	return Array.isArray(list)
		? list.filter((entry): entry is string => typeof entry === 'string')
		: undefined;
}

/**
Whether `text` matches `pattern`, where `star` stands for any run of items (characters of a
folder name for `*`, folders for `**`). Greedy with one backtrack point: at most
pattern × text steps, where a regular expression with many stars backtracks exponentially.
*/
function wildcard<T>(
	pattern: readonly T[],
	text: readonly T[],
	star: T,
	same: (pattern: T, item: T) => boolean,
): boolean {
	let p = 0;
	let t = 0;
	let starAt = -1;
	let resume = 0;
	while (t < text.length) {
		if (p < pattern.length && pattern[p] !== star && same(pattern[p]!, text[t]!)) {
			p++;
			t++;
		} else if (p < pattern.length && pattern[p] === star) {
			starAt = p++;
			resume = t;
		} else if (starAt !== -1) {
			p = starAt + 1;
			t = ++resume;
		} else {
			return false;
		}
	}

	while (pattern[p] === star) p++;
	return p === pattern.length;
}

/** A folder name against one segment of a pattern (`*` matches any run of characters). */
function segmentMatches(segment: string, name: string): boolean {
	return wildcard([...segment], [...name], '*', (a, b) => a === b);
}

/** At most this many workspace patterns are read, each of at most this many segments. */
const maxPatterns = 1000;
const maxSegments = 32;

/** A pattern's segments, or a reason to refuse it. */
function parsePattern(pattern: string): {segments: string[]} | {problem: string} {
	const clean = pattern
		.trim()
		.replace(/^\.\//, '')
		.replace(/(?<!\/)\/+$/, '');
	if (clean === '' || clean === '.') {
		return {segments: []};
	}

	if (path.isAbsolute(clean) || /^[A-Za-z]:/.test(clean) || clean.startsWith('/')) {
		return {problem: 'it is an absolute path'};
	}

	// `**/**` is `**`: collapsed, so that a long run of them costs nothing.
	const segments = clean
		.split('/')
		.filter((segment) => segment !== '' && segment !== '.')
		.filter((segment, index, all) => !(segment === '**' && all[index - 1] === '**'));
	if (segments.includes('..')) {
		return {problem: 'it points outside the repository'};
	}

	if (segments.some((segment) => /[[\]{}?!]/.test(segment))) {
		return {problem: 'only *, ** and plain paths are supported'};
	}

	if (segments.length > maxSegments) {
		return {problem: `it has more than ${maxSegments} parts`};
	}

	return {segments};
}

type Budget = {visited: number; exhausted: boolean};

/** Folders matching the segments under `base`, in a stable order. */
async function expand(
	reader: RepoReader,
	base: string,
	segments: string[],
	budget: Budget,
	out: Set<string>,
): Promise<void> {
	if (segments.length === 0) {
		// A workspace is a folder with a package.json.
		if (await reader.hasFile(path.join(base, 'package.json'))) {
			out.add(base);
		}

		return;
	}

	const [head, ...rest] = segments as [string, ...string[]];
	if (head === '**') {
		// Zero folders, then every folder below, depth first.
		await expand(reader, base, rest, budget, out);
		const stack = [base];
		const seen = new Set<string>();
		while (stack.length > 0) {
			const folder = stack.pop()!;
			for (const child of (await reader.folders(folder)).reverse()) {
				if (budget.visited++ >= reader.maxVisited) {
					budget.exhausted = true;
					return;
				}

				const key = await realpath(child).catch(() => child);
				if (seen.has(key)) {
					continue;
				}

				seen.add(key);
				if (!path.basename(child).startsWith('.')) {
					await expand(reader, child, rest, budget, out);
					stack.push(child);
				}
			}
		}

		return;
	}

	if (!head.includes('*')) {
		if ((await reader.resolve(path.join(base, head), 'folder')) !== undefined) {
			await expand(reader, path.join(base, head), rest, budget, out);
		}

		return;
	}

	for (const child of await reader.folders(base)) {
		if (budget.visited++ >= reader.maxVisited) {
			budget.exhausted = true;
			return;
		}

		const name = path.basename(child);
		if (segmentMatches(head, name) && !(name.startsWith('.') && !head.startsWith('.'))) {
			await expand(reader, child, rest, budget, out);
		}
	}
}

/** Whether a repo-relative folder matches a pattern's segments (for negations). */
function patternMatches(segments: readonly string[], relative: string): boolean {
	return wildcard(segments, relative.split('/'), '**', segmentMatches);
}

/** Workspace folders (absolute), without those of `!negated` patterns, capped with a warning. */
async function workspaceFolders(
	reader: RepoReader,
	patterns: string[],
	source: string,
	maxWorkspaces: number,
): Promise<string[]> {
	const include = new Set<string>();
	const exclude: string[][] = [];
	const budget: Budget = {visited: 0, exhausted: false};
	if (patterns.length > maxPatterns) {
		reader.warnings.push(
			`${source} lists ${patterns.length.toLocaleString('en')} workspace patterns; only the first ${maxPatterns.toLocaleString('en')} were used.`,
		);
	}

	for (const raw of patterns.slice(0, maxPatterns)) {
		const negated = raw.trim().startsWith('!');
		const parsed = parsePattern(negated ? raw.trim().slice(1) : raw);
		if ('problem' in parsed) {
			reader.warnings.push(
				`Workspace pattern "${raw.length > 80 ? `${raw.slice(0, 79)}…` : raw}" in ${source} was ignored: ${parsed.problem}.`,
			);
		} else if (negated) {
			exclude.push(parsed.segments);
		} else {
			await expand(reader, reader.root, parsed.segments, budget, include);
		}
	}

	if (budget.exhausted) {
		reader.warnings.push(
			`The workspace patterns in ${source} match too many folders; only the first ${reader.maxVisited.toLocaleString('en')} folders were looked at.`,
		);
	}

	const folders = [...include].filter((folder) => {
		const relative = reader.relative(folder);
		return (
			folder !== reader.root && !exclude.some((segments) => patternMatches(segments, relative))
		);
	});
	if (folders.length > maxWorkspaces) {
		reader.warnings.push(
			`${source} names ${folders.length.toLocaleString('en')} workspace folders; only the first ${maxWorkspaces.toLocaleString('en')} were scanned.`,
		);
		return folders.slice(0, maxWorkspaces);
	}

	return folders;
}

// The scan -------------------------------------------------------------------------------

/** Read the repo's files (see the module comment) and detect the services they reveal. */
export async function scanRepo(root: string, options: ScanOptions = {}): Promise<DetectionResult> {
	const settings: Required<ScanOptions> = {
		maxWorkspaces: options.maxWorkspaces ?? 5000,
		maxVisited: options.maxVisited ?? 50_000,
		maxFileBytes: options.maxFileBytes ?? 64 * 1024 * 1024,
	};
	const reader = new RepoReader(path.resolve(root), settings);
	await reader.init();
	const inputs: ScanInput[] = [];
	const add = async (absolute: string, kind: ScanInputKind): Promise<string | undefined> => {
		const text = await reader.readText(absolute);
		if (text !== undefined) {
			inputs.push({file: reader.relative(absolute), kind, text});
		}

		return text;
	};

	const manifestText = await add(path.join(reader.root, 'package.json'), 'package.json');
	const patterns: Array<{patterns: string[]; source: string}> = [];
	if (manifestText !== undefined) {
		try {
			const list = manifestWorkspacePatterns(JSON.parse(manifestText) as unknown);
			if (list) {
				patterns.push({patterns: list, source: 'package.json'});
			}
		} catch {
			// detectServices names the malformed file.
		}
	}

	const pnpmWorkspace = await reader.readText(path.join(reader.root, 'pnpm-workspace.yaml'));
	if (pnpmWorkspace !== undefined) {
		patterns.push({patterns: pnpmWorkspacePatterns(pnpmWorkspace), source: 'pnpm-workspace.yaml'});
	}

	const folders: string[] = [];
	const taken = new Set<string>();
	for (const entry of patterns) {
		const remaining = settings.maxWorkspaces - folders.length;
		for (const folder of await workspaceFolders(reader, entry.patterns, entry.source, remaining)) {
			// A link to another workspace is the same workspace.
			const real = await realpath(folder).catch(() => folder);
			if (!taken.has(real)) {
				taken.add(real);
				folders.push(folder);
			}
		}
	}

	// Declared dependencies first, then env keys, then lockfiles (the evidence lists that order).
	for (const folder of folders) {
		await add(path.join(folder, 'package.json'), 'package.json');
	}

	for (const folder of [reader.root, ...folders]) {
		for (const name of envExampleFiles) {
			await add(path.join(folder, name), 'env-example');
		}
	}

	for (const [name, kind] of lockfiles) {
		await add(path.join(reader.root, name), kind);
	}

	const result = detectServices(inputs);
	return {detections: result.detections, warnings: [...reader.warnings, ...result.warnings]};
}
