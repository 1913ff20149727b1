import {catalogServices, compareServices, type CatalogService} from './catalog.js';
import {
	readPackageResolved,
	readPackageSwift,
	readPodfile,
	readPodfileLock,
} from './readers/apple.js';
import {readPubspec, readPubspecLock} from './readers/dart.js';
import {readGoMod} from './readers/go.js';
import {readGradle, readPom, readVersionCatalog} from './readers/jvm.js';
import {readBunLock, readManifest, readNpmLock, readPnpmLock, readYarnLock} from './readers/npm.js';
import {readComposerJson, readComposerLock} from './readers/php.js';
import {
	readPackageTables,
	readPipfile,
	readPipfileLock,
	readPyproject,
	readRequirements,
} from './readers/python.js';
import {readGemfile, readGemfileLock} from './readers/ruby.js';
import {jsonStringLines, numberedLines, Problems, type Found, type Sink} from './readers/text.js';
import {readHeaders, readTemplate, type WebFound} from './readers/web.js';
import {lockfileKinds, type ScanInputKind} from './scan-files.js';
import {matchEnv, matchPackage, signalIndex, type Ecosystem, type SignalIndex} from './signals.js';

/**
Which catalog services a repository reveals, from files already read by the edge
(source/repo/scan.ts): manifests and lockfiles of every ecosystem, HTML and templates, files
that set headers, and the key names of example env files. Pure and linear in the size of the
input: the lookup tables are built once per catalog, and every file is read once, line by line
or parsed once. Every piece of evidence names its file and line.
*/

export {dependencyFields} from './readers/npm.js';
export type {ScanInputKind} from './scan-files.js';

export type ScanInput = {
	/** Repo-relative, with forward slashes. */
	file: string;
	kind: ScanInputKind;
	text: string;
};

export type Detection = {service: CatalogService; evidence: string[]};

export type DetectionResult = {detections: Detection[]; warnings: string[]};

const ecosystemOf: Partial<Record<ScanInputKind, Ecosystem>> = {
	'package.json': 'npm',
	'package-lock.json': 'npm',
	'pnpm-lock.yaml': 'npm',
	'yarn.lock': 'npm',
	'bun.lock': 'npm',
	'requirements.txt': 'pypi',
	'pyproject.toml': 'pypi',
	Pipfile: 'pypi',
	'poetry.lock': 'pypi',
	'uv.lock': 'pypi',
	'Pipfile.lock': 'pypi',
	Gemfile: 'gems',
	'Gemfile.lock': 'gems',
	'go.mod': 'go',
	'composer.json': 'composer',
	'composer.lock': 'composer',
	'pom.xml': 'maven',
	'build.gradle': 'maven',
	'gradle-catalog': 'maven',
	Podfile: 'cocoapods',
	'Podfile.lock': 'cocoapods',
	'Package.swift': 'swiftpm',
	'Package.resolved': 'swiftpm',
	'pubspec.yaml': 'pub',
	'pubspec.lock': 'pub',
};

/** What each reader is, for a warning that says what a file should have looked like. */
const described: Partial<Record<ScanInputKind, string>> = {
	'bun.lock': 'bun lockfile',
	'requirements.txt': 'pip requirements file',
	'pyproject.toml': 'TOML file',
	Pipfile: 'TOML file',
	'poetry.lock': 'Poetry lockfile',
	'uv.lock': 'uv lockfile',
	'Gemfile.lock': 'Bundler lockfile',
	'go.mod': 'go.mod file',
	'pom.xml': 'Maven POM',
	'gradle-catalog': 'Gradle version catalog',
	'Podfile.lock': 'CocoaPods lockfile',
	'pubspec.lock': 'pub lockfile',
};

/** Reads a manifest or lockfile: each package name it holds goes to `found`. */
function readPackages(input: ScanInput, warnings: string[], problems: Problems, found: Sink): void {
	const {text, file} = input;
	switch (input.kind) {
		case 'package.json': {
			readManifest(text, file, warnings, found);
			break;
		}

		case 'package-lock.json': {
			readNpmLock(text, file, warnings, found);
			break;
		}

		case 'pnpm-lock.yaml': {
			readPnpmLock(text, file, warnings, found);
			break;
		}

		case 'yarn.lock': {
			readYarnLock(text, file, warnings, found);
			break;
		}

		case 'bun.lock': {
			readBunLock(text, file, warnings, found, problems);
			break;
		}

		case 'requirements.txt': {
			readRequirements(text, found, problems);
			break;
		}

		case 'pyproject.toml': {
			readPyproject(text, found, problems);
			break;
		}

		case 'Pipfile': {
			readPipfile(text, found, problems);
			break;
		}

		case 'poetry.lock':
		case 'uv.lock': {
			if (readPackageTables(text, found, problems) === 0 && text.trim() !== '') {
				problems.report('it has no [[package]] tables');
			}

			break;
		}

		case 'Pipfile.lock': {
			readPipfileLock(text, file, warnings, found);
			break;
		}

		case 'Gemfile': {
			readGemfile(text, found);
			break;
		}

		case 'Gemfile.lock': {
			readGemfileLock(text, found, problems);
			break;
		}

		case 'go.mod': {
			readGoMod(text, found, problems);
			break;
		}

		case 'composer.json': {
			readComposerJson(text, file, warnings, found);
			break;
		}

		case 'composer.lock': {
			readComposerLock(text, file, warnings, found);
			break;
		}

		case 'pom.xml': {
			readPom(text, found, problems);
			break;
		}

		case 'build.gradle': {
			readGradle(text, found);
			break;
		}

		case 'gradle-catalog': {
			readVersionCatalog(text, found, problems);
			break;
		}

		case 'Podfile': {
			readPodfile(text, found);
			break;
		}

		case 'Podfile.lock': {
			readPodfileLock(text, found, problems);
			break;
		}

		case 'Package.swift': {
			readPackageSwift(text, found);
			break;
		}

		case 'Package.resolved': {
			readPackageResolved(text, file, warnings, found);
			break;
		}

		case 'pubspec.yaml': {
			readPubspec(text, found);
			break;
		}

		case 'pubspec.lock': {
			readPubspecLock(text, found, problems);
			break;
		}

		default: {
			break;
		}
	}
}

const envLine = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

/** Key names only: values are never kept, so they cannot reach the output. */
function readEnvKeys(text: string): Array<{key: string; line: number}> {
	const keys: Array<{key: string; line: number}> = [];
	for (const [raw, line] of numberedLines(text)) {
		const content = raw.replace(/^\uFEFF/, '').trimStart();
		if (content === '' || content.startsWith('#')) continue;
		const match = envLine.exec(content);
		if (match) keys.push({key: match[1]!, line});
	}

	return keys;
}

// Evidence ---------------------------------------------------------------------------------

/** Manifests, then env keys, then lockfiles, then script tags and headers: the order shown. */
type Rank = 0 | 1 | 2 | 3;

type Evidence = {text: string; file: string; rank: Rank; sequence: number};

/** Lines of one file beyond which a lockfile's or template's evidence folds into a count. */
const perFileCap = 3;
/** Templates beyond which a service's web evidence folds into a count of files. */
const webFileCap = 5;

function location(file: string, line: number): string {
	return line > 0 ? `${file}:${line}` : file;
}

/** Evidence lines in order, with long lists of one file (or of many templates) folded. */
function foldEvidence(items: Evidence[]): string[] {
	const sorted = [...items].sort((a, b) => a.rank - b.rank || a.sequence - b.sequence);
	const out: string[] = [];
	const perFile = new Map<string, number>();
	const extra = new Map<string, number>();
	const order: string[] = [];
	const webFiles = new Set<string>();
	const extraWebFiles = new Set<string>();
	for (const item of sorted) {
		if (item.rank === 0 || item.rank === 1) {
			out.push(item.text);
			continue;
		}

		if (item.rank === 3) {
			if (!webFiles.has(item.file) && webFiles.size >= webFileCap) {
				extraWebFiles.add(item.file);
				continue;
			}

			webFiles.add(item.file);
		}

		const seen = perFile.get(item.file) ?? 0;
		perFile.set(item.file, seen + 1);
		if (seen < perFileCap) {
			out.push(item.text);
			continue;
		}

		if (!extra.has(item.file)) order.push(item.file);
		extra.set(item.file, (extra.get(item.file) ?? 0) + 1);
	}

	for (const file of order) {
		const count = extra.get(file)!;
		// A lockfile's evidence is packages; a template's, snippets and hosts.
		const noun = sorted.find((item) => item.file === file)!.rank === 2 ? 'package' : 'place';
		out.push(`and ${count} more ${noun}${count === 1 ? '' : 's'} in ${file}`);
	}

	if (extraWebFiles.size > 0) {
		const count = extraWebFiles.size;
		out.push(`and ${count} more ${count === 1 ? 'file' : 'files'} with its scripts or hosts`);
	}

	return out;
}

/** Lines for findings whose line is known only from a JSON string (package.json, lockfiles). */
function resolveLines(text: string, found: Array<{item: Found}>): void {
	const wanted = new Set<string>();
	for (const {item} of found) {
		if (item.token !== undefined) wanted.add(item.token);
		if (item.after !== undefined) wanted.add(item.after);
	}

	if (wanted.size === 0) return;
	const lines = jsonStringLines(text, wanted);
	for (const {item} of found) {
		if (item.token === undefined) continue;
		const candidates = lines.get(item.token) ?? [];
		const after = item.after === undefined ? 0 : (lines.get(item.after)?.[0] ?? 0);
		item.line = candidates.find((line) => line > after) ?? candidates[0] ?? 0;
	}
}

/**
Detection file by file, so that the edge need not hold a whole repository in memory: `add` each
file, then `result()`. Each package name or env key counts for at most one service, the most
specific: an exact name before a vendor's namespace (for declared dependencies only), an exact
env name before the longest env prefix.
*/
export class Detector {
	private readonly index: SignalIndex;
	private readonly warnings: string[] = [];
	private readonly evidence = new Map<CatalogService, Evidence[]>();
	private readonly seen = new Set<string>();
	private sequence = 0;

	constructor(services: readonly CatalogService[] = catalogServices) {
		this.index = signalIndex(services);
	}

	add(input: ScanInput): void {
		if (input.text.includes('\u0000')) {
			this.warnings.push(`${input.file} is not a text file; it was skipped.`);
			return;
		}

		const {kind, file, text} = input;
		if (kind === 'env-example') {
			for (const {key, line} of readEnvKeys(text)) {
				const service = matchEnv(this.index, key);
				if (service) this.record(service, key, `${key} in ${location(file, line)}`, file, 1);
			}

			return;
		}

		if (kind === 'template' || kind === 'headers') {
			// JSX and TSX count only where they hold literal script tags.
			if (/\.[jt]sx$/i.test(file) && !/<script\b/i.test(text)) return;
			const found: WebFound[] =
				kind === 'template' ? readTemplate(text, this.index) : readHeaders(text, this.index);
			for (const {service, what, line} of found) {
				this.record(service, what, `${what} in ${location(file, line)}`, file, 3);
			}

			return;
		}

		const ecosystem = ecosystemOf[kind];
		if (ecosystem === undefined) return;
		const problems = new Problems();
		// Names are matched as they are read, and only matches are kept: a lockfile's other
		// thousands of names are garbage at once.
		const matched: Array<{item: Found; service: CatalogService}> = [];
		readPackages(input, this.warnings, problems, {
			push: (item: Found) => {
				const service = matchPackage(this.index, ecosystem, item.name, item.direct);
				if (service) matched.push({item, service});
			},
		});
		if (problems.message !== undefined) {
			this.warnings.push(
				`${file} is not a well-formed ${described[kind] ?? kind} (${problems.message}); what could be read was used.`,
			);
		}

		resolveLines(text, matched);
		const rank: Rank = lockfileKinds.has(kind) ? 2 : 0;
		for (const {item, service} of matched) {
			const where = item.where === undefined ? '' : `${item.where} of `;
			this.record(
				service,
				`${item.name}\u0000${where}`,
				`${item.name} in ${where}${location(file, item.line)}`,
				file,
				rank,
			);
		}
	}

	/** One piece of evidence per service, file and thing found (the first line it is on). */
	private record(service: CatalogService, what: string, text: string, file: string, rank: Rank) {
		const key = `${service.id}\u0000${file}\u0000${what}`;
		if (this.seen.has(key)) return;
		this.seen.add(key);
		const item: Evidence = {text, file, rank, sequence: this.sequence++};
		const list = this.evidence.get(service);
		if (list) list.push(item);
		else this.evidence.set(service, [item]);
	}

	/** A warning from the edge, in the order of the files. */
	warn(message: string): void {
		this.warnings.push(message);
	}

	result(): DetectionResult {
		const detections = [...this.evidence].map(([service, items]) => ({
			service,
			evidence: foldEvidence(items),
		}));
		detections.sort((a, b) => compareServices(a.service, b.service));
		return {detections, warnings: [...this.warnings]};
	}
}

/** Detect services from already-read files (see Detector). */
export function detectServices(
	inputs: readonly ScanInput[],
	services: readonly CatalogService[] = catalogServices,
): DetectionResult {
	const detector = new Detector(services);
	for (const input of inputs) detector.add(input);
	return detector.result();
}
