import {lstat, readFile, readdir, realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import {Detector, type DetectionResult, type ScanInputKind} from '../core/catalog/detect.js';
import {isSkippedFolder, isWebKind, scanKind} from '../core/catalog/scan-files.js';
import {gitBlobs, gitTree, type BlobReader, type GitTreeEntry} from './git.js';

/**
Reads what a repository says about the services it uses. It walks the repository (never
node_modules, vendor/, Pods/, build output or dot-folders; see scan-files.ts) for the manifests
and lockfiles of every ecosystem, HTML and templates, files that set headers, and example env
files (key names only; never `.env` or `.env.local`). package.json files count at the root, in
its workspaces (npm/yarn `workspaces`, pnpm-workspace.yaml) and beside a JavaScript lockfile.
Never a path outside the root (`..`, absolute paths, symlinks that lead out). Whatever cannot be
read becomes a warning naming the file; the scan goes on with the rest. The same rules read the
tree of an earlier commit through git (scanRevision, for `check --base`), without checking it out.
*/

export type ScanOptions = {
	/** At most this many workspace folders are read (default 5,000). */
	maxWorkspaces?: number;
	/** Folders a `**` pattern, or the walk of the repository, may visit (default 50,000). */
	maxVisited?: number;
	/** Manifests and lockfiles larger than this are skipped with a warning (default 64 MiB). */
	maxFileBytes?: number;
	/** Templates and header files larger than this are skipped with a warning (default 4 MiB). */
	maxWebFileBytes?: number;
};

/** Files whose folder is a JavaScript project: its package.json counts too. */
const javascriptLockfiles = new Set([
	'package-lock.json',
	'npm-shrinkwrap.json',
	'pnpm-lock.yaml',
	'yarn.lock',
	'bun.lock',
]);

/** Folders skipped by workspace patterns. */
const skippedFolders = new Set(['node_modules', '.git']);

function toPosix(relative: string): string {
	return relative.split(path.sep).join('/');
}

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024
		? `${Math.round(bytes / 1024 / 1024)} MiB`
		: `${Math.round(bytes / 1024)} KiB`;
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

/** An entry of a folder, as the walk sees it. */
type FolderEntry = {name: string; kind: 'file' | 'folder' | 'link' | 'other'};

/**
What the scan needs of a repository's files, so that the same rules read the working tree (from
disk) and the tree of a commit (from git, see scanRevision). Paths are absolute, under `root`.
*/
type TreeReader = {
	readonly warnings: string[];
	readonly root: string;
	readonly maxVisited: number;
	relative(absolute: string): string;
	/** The real path of an entry when it exists and stays inside the root (see RepoReader). */
	resolve(absolute: string, what: 'file' | 'folder', limit?: number): Promise<string | undefined>;
	hasFile(absolute: string): Promise<boolean>;
	readText(absolute: string, limit?: number): Promise<string | undefined>;
	/** Sub-folders of a folder, sorted; node_modules and .git skipped. */
	folders(absolute: string): Promise<string[]>;
	/** A folder's entries, or undefined (with a warning) when it cannot be read. */
	entries(folder: string): Promise<FolderEntry[] | undefined>;
	/** The same path for two links to one folder, for counting it once. */
	identity(absolute: string): Promise<string>;
};

class RepoReader implements TreeReader {
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
	async resolve(
		absolute: string,
		what: 'file' | 'folder',
		limit = this.options.maxFileBytes,
	): Promise<string | undefined> {
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

		if (what === 'file' && info.size > limit) {
			this.warnings.push(
				`${this.relative(absolute)} is larger than ${formatBytes(limit)}; it was skipped.`,
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

	async readText(absolute: string, limit?: number): Promise<string | undefined> {
		const real = await this.resolve(absolute, 'file', limit);
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

	async entries(folder: string): Promise<FolderEntry[] | undefined> {
		try {
			const entries = await readdir(folder, {withFileTypes: true});
			return entries.map((entry) => ({
				name: entry.name,
				kind: entry.isDirectory()
					? 'folder'
					: entry.isFile()
						? 'file'
						: entry.isSymbolicLink()
							? 'link'
							: 'other',
			}));
		} catch (error) {
			this.warnings.push(
				`Could not read the folder ${this.relative(folder)} (${describeError(error)}); it was skipped.`,
			);
			return undefined;
		}
	}

	async identity(absolute: string): Promise<string> {
		return realpath(absolute).catch(() => absolute);
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
	reader: TreeReader,
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

				const key = await reader.identity(child);
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
	reader: TreeReader,
	base: string,
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
			await expand(reader, base, parsed.segments, budget, include);
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

// The walk -------------------------------------------------------------------------------

/**
The repository's files a scan reads (absolute paths, sorted), found depth first without
following links to folders: a link inside the repo leads to a folder walked anyway, one outside
is never read. Stops with a warning after `maxVisited` folders.
*/
async function walk(reader: TreeReader): Promise<string[]> {
	const files: string[] = [];
	const stack = [reader.root];
	let visited = 0;
	while (stack.length > 0) {
		const folder = stack.pop()!;
		if (visited++ >= reader.maxVisited) {
			reader.warnings.push(
				`The repository has more than ${reader.maxVisited.toLocaleString('en')} folders; only the first were scanned.`,
			);
			break;
		}

		const entries = await reader.entries(folder);
		if (entries === undefined) continue;
		const subfolders: string[] = [];
		for (const entry of entries) {
			const child = path.join(folder, entry.name);
			if (entry.kind === 'folder') {
				const kind = scanKind(reader.relative(child));
				if (kind !== undefined && kind !== 'template') {
					reader.warnings.push(
						`${reader.relative(child)} is a folder, not a file; it was skipped.`,
					);
				} else if (!isSkippedFolder(entry.name)) {
					subfolders.push(child);
				}
			} else if (
				(entry.kind === 'file' || entry.kind === 'link') &&
				scanKind(reader.relative(child)) !== undefined
			) {
				files.push(child);
			}
		}

		stack.push(...subfolders.sort().reverse());
	}

	return files.sort((a, b) => {
		const left = reader.relative(a);
		const right = reader.relative(b);
		return left < right ? -1 : left > right ? 1 : 0;
	});
}

/** The package.json files of a JavaScript project root: its own and its workspaces'. */
async function javascriptManifests(
	reader: TreeReader,
	projectRoot: string,
	settings: Required<ScanOptions>,
	taken: Set<string>,
): Promise<string[]> {
	const manifests = [path.join(projectRoot, 'package.json')];
	const manifestText = await reader.readText(manifests[0]!, settings.maxFileBytes);
	const patterns: Array<{patterns: string[]; source: string}> = [];
	const prefix = projectRoot === reader.root ? '' : `${reader.relative(projectRoot)}/`;
	if (manifestText !== undefined) {
		try {
			const list = manifestWorkspacePatterns(JSON.parse(manifestText) as unknown);
			if (list) patterns.push({patterns: list, source: `${prefix}package.json`});
		} catch {
			// The detector names the malformed file.
		}
	}

	const pnpmWorkspace = await reader.readText(path.join(projectRoot, 'pnpm-workspace.yaml'));
	if (pnpmWorkspace !== undefined) {
		patterns.push({
			patterns: pnpmWorkspacePatterns(pnpmWorkspace),
			source: `${prefix}pnpm-workspace.yaml`,
		});
	}

	for (const entry of patterns) {
		const remaining = settings.maxWorkspaces - taken.size;
		for (const folder of await workspaceFolders(
			reader,
			projectRoot,
			entry.patterns,
			entry.source,
			remaining,
		)) {
			// A link to another workspace is the same workspace.
			const real = await reader.identity(folder);
			if (!taken.has(real)) {
				taken.add(real);
				manifests.push(path.join(folder, 'package.json'));
			}
		}
	}

	return manifests;
}

// The scan -------------------------------------------------------------------------------

function settingsOf(options: ScanOptions): Required<ScanOptions> {
	return {
		maxWorkspaces: options.maxWorkspaces ?? 5000,
		maxVisited: options.maxVisited ?? 50_000,
		maxFileBytes: options.maxFileBytes ?? 64 * 1024 * 1024,
		maxWebFileBytes: options.maxWebFileBytes ?? 4 * 1024 * 1024,
	};
}

/** Read the repo's files (see the module comment) and detect the services they reveal. */
export async function scanRepo(root: string, options: ScanOptions = {}): Promise<DetectionResult> {
	const settings = settingsOf(options);
	const reader = new RepoReader(path.resolve(root), settings);
	await reader.init();
	return scanTree(reader, settings);
}

/** The scan itself, over the working tree or a commit's tree. */
async function scanTree(
	reader: TreeReader,
	settings: Required<ScanOptions>,
): Promise<DetectionResult> {
	const detector = new Detector();
	const read = new Set<string>();
	const add = async (absolute: string, kind: ScanInputKind): Promise<void> => {
		if (read.has(absolute)) return;
		read.add(absolute);
		const limit = isWebKind(kind) ? settings.maxWebFileBytes : settings.maxFileBytes;
		const text = await reader.readText(absolute, limit);
		if (text !== undefined) detector.add({file: reader.relative(absolute), kind, text});
	};

	const files = await walk(reader);
	// JavaScript projects: the root and every folder with a lockfile, with their workspaces.
	const projectRoots = [
		reader.root,
		...new Set(
			files
				.filter((file) => javascriptLockfiles.has(path.basename(file)))
				.map((file) => path.dirname(file))
				.filter((folder) => folder !== reader.root),
		),
	];
	const taken = new Set<string>();
	for (const projectRoot of projectRoots) {
		for (const manifest of await javascriptManifests(reader, projectRoot, settings, taken)) {
			await add(manifest, 'package.json');
		}
	}

	for (const file of files) {
		const kind = scanKind(reader.relative(file));
		if (kind !== undefined && kind !== 'package.json') await add(file, kind);
	}

	const result = detector.result();
	return {
		detections: result.detections,
		warnings: [...new Set([...reader.warnings, ...result.warnings])],
	};
}

// A commit's tree ---------------------------------------------------------------------------

type TreeEntry = {kind: 'file' | 'link' | 'other'; oid: string; size: number};

/** How many links a path may go through before it counts as a loop. */
const maxLinks = 40;

/**
The tree of a commit, read through git (`git ls-tree`, `git cat-file`): nothing is checked out
and nothing is written. Paths are those of the tree, so nothing outside the repository can be
named; a link is followed only to a path inside the tree.
*/
class RevisionReader implements TreeReader {
	readonly warnings: string[] = [];
	readonly root: string;
	private readonly options: Required<ScanOptions>;
	private readonly files = new Map<string, TreeEntry>();
	private readonly children = new Map<string, Map<string, FolderEntry['kind']>>([['', new Map()]]);
	private readonly blobs: BlobReader;

	constructor(
		root: string,
		options: Required<ScanOptions>,
		entries: GitTreeEntry[],
		blobs: BlobReader,
	) {
		this.root = root;
		this.options = options;
		this.blobs = blobs;
		for (const entry of entries) {
			const kind = entry.mode === '120000' ? 'link' : entry.type === 'blob' ? 'file' : 'other';
			this.files.set(entry.path, {kind, oid: entry.oid, size: entry.size});
			const segments = entry.path.split('/');
			let folder = '';
			for (const [index, name] of segments.entries()) {
				const last = index === segments.length - 1;
				const list = this.children.get(folder)!;
				if (!list.has(name)) list.set(name, last ? kind : 'folder');
				if (last) break;
				folder = folder === '' ? name : `${folder}/${name}`;
				if (!this.children.has(folder)) this.children.set(folder, new Map());
			}
		}
	}

	get maxVisited(): number {
		return this.options.maxVisited;
	}

	relative(absolute: string): string {
		return toPosix(path.relative(this.root, absolute)) || '.';
	}

	private key(absolute: string): string | undefined {
		const relative = toPosix(path.relative(this.root, absolute));
		return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
	}

	private absolute(key: string): string {
		return key === '' ? this.root : path.join(this.root, ...key.split('/'));
	}

	/** Where a path leads once its links are followed, or why it leads nowhere. */
	private async locate(
		key: string,
	): Promise<
		| {kind: 'file'; key: string; entry: TreeEntry}
		| {kind: 'folder'; key: string}
		| {kind: 'absent' | 'outside' | 'loop' | 'unreadable' | 'other'}
	> {
		let current = key;
		for (let hops = 0; hops <= maxLinks; hops++) {
			if (this.children.has(current)) return {kind: 'folder', key: current};
			const entry = this.files.get(current);
			if (entry === undefined) return {kind: 'absent'};
			if (entry.kind === 'file') return {kind: 'file', key: current, entry};
			if (entry.kind === 'other') return {kind: 'other'};
			// A link's blob is its target: followed only while it stays in the tree.
			const target = await this.blobs.read(entry.oid).catch(() => undefined);
			if (target === undefined) return {kind: 'unreadable'};
			const joined = path.posix.normalize(
				path.posix.join(path.posix.dirname(current), target.trim()),
			);
			if (target.startsWith('/') || joined === '..' || joined.startsWith('../')) {
				return {kind: 'outside'};
			}

			current = joined === '.' ? '' : joined;
		}

		return {kind: 'loop'};
	}

	async resolve(
		absolute: string,
		what: 'file' | 'folder',
		limit = this.options.maxFileBytes,
	): Promise<string | undefined> {
		const key = this.key(absolute);
		if (key === undefined) return undefined;
		const found = await this.locate(key);
		if (found.kind === 'outside') {
			this.warnings.push(`${key} links outside the repository; it was not read.`);
			return undefined;
		}

		if (found.kind === 'unreadable') {
			this.warnings.push(`Could not read ${key} from git; it was skipped.`);
			return undefined;
		}

		if (found.kind === 'loop') {
			this.warnings.push(`${key} is a broken link (too many symbolic links); it was skipped.`);
			return undefined;
		}

		if (found.kind === 'folder') {
			if (what === 'file') {
				this.warnings.push(`${key} is a folder, not a file; it was skipped.`);
				return undefined;
			}

			return this.absolute(found.key);
		}

		if (found.kind !== 'file' || what !== 'file') return undefined;
		if (found.entry.size > limit) {
			this.warnings.push(`${key} is larger than ${formatBytes(limit)}; it was skipped.`);
			return undefined;
		}

		return this.absolute(found.key);
	}

	async hasFile(absolute: string): Promise<boolean> {
		const key = this.key(absolute);
		return key !== undefined && (await this.locate(key)).kind === 'file';
	}

	async readText(absolute: string, limit?: number): Promise<string | undefined> {
		const real = await this.resolve(absolute, 'file', limit);
		if (real === undefined) return undefined;
		const entry = this.files.get(this.key(real)!)!;
		try {
			return await this.blobs.read(entry.oid);
		} catch (error) {
			this.warnings.push(
				`Could not read ${this.relative(absolute)} (${(error as Error).message}); it was skipped.`,
			);
			return undefined;
		}
	}

	async folders(absolute: string): Promise<string[]> {
		const out: string[] = [];
		for (const entry of (await this.entries(absolute)) ?? []) {
			if (skippedFolders.has(entry.name)) continue;
			const child = path.join(absolute, entry.name);
			if (entry.kind === 'folder') {
				out.push(child);
			} else if (entry.kind === 'link' && (await this.resolve(child, 'folder')) !== undefined) {
				out.push(child);
			}
		}

		return out.sort();
	}

	async entries(folder: string): Promise<FolderEntry[] | undefined> {
		const key = this.key(folder);
		const list = key === undefined ? undefined : this.children.get(key);
		return list ? [...list].map(([name, kind]) => ({name, kind})) : [];
	}

	async identity(absolute: string): Promise<string> {
		const key = this.key(absolute);
		if (key === undefined) return absolute;
		const found = await this.locate(key);
		return found.kind === 'file' || found.kind === 'folder' ? this.absolute(found.key) : absolute;
	}
}

/**
The services the tree of a commit reveals, by the same rules as scanRepo: what the repository
said at that revision. `root` is the repository's top folder; `commit` a resolved commit id.
*/
export async function scanRevision(
	root: string,
	commit: string,
	options: ScanOptions = {},
): Promise<DetectionResult> {
	const settings = settingsOf(options);
	const entries = await gitTree(root, commit);
	const blobs = await gitBlobs(root);
	try {
		return await scanTree(
			new RevisionReader(path.resolve(root), settings, entries, blobs),
			settings,
		);
	} finally {
		await blobs.close();
	}
}
