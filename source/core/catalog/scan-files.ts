/**
Which files of a repository a scan reads, by their repo-relative path: manifests and lockfiles
of every ecosystem, HTML and templates, files that set headers, and example env files. Never
`.env` or `.env.local`: only the example names below, whose values are placeholders (and even
then only the key names are read).
*/

export type ScanInputKind =
	| 'package.json'
	| 'package-lock.json'
	| 'pnpm-lock.yaml'
	| 'yarn.lock'
	| 'bun.lock'
	| 'requirements.txt'
	| 'pyproject.toml'
	| 'Pipfile'
	| 'poetry.lock'
	| 'uv.lock'
	| 'Pipfile.lock'
	| 'Gemfile'
	| 'Gemfile.lock'
	| 'go.mod'
	| 'composer.json'
	| 'composer.lock'
	| 'pom.xml'
	| 'build.gradle'
	| 'gradle-catalog'
	| 'Podfile'
	| 'Podfile.lock'
	| 'Package.swift'
	| 'Package.resolved'
	| 'pubspec.yaml'
	| 'pubspec.lock'
	| 'template'
	| 'headers'
	| 'env-example';

const byName: Record<string, ScanInputKind> = {
	'package.json': 'package.json',
	'package-lock.json': 'package-lock.json',
	'npm-shrinkwrap.json': 'package-lock.json',
	'pnpm-lock.yaml': 'pnpm-lock.yaml',
	'yarn.lock': 'yarn.lock',
	'bun.lock': 'bun.lock',
	'pyproject.toml': 'pyproject.toml',
	Pipfile: 'Pipfile',
	'poetry.lock': 'poetry.lock',
	'uv.lock': 'uv.lock',
	'Pipfile.lock': 'Pipfile.lock',
	Gemfile: 'Gemfile',
	'Gemfile.lock': 'Gemfile.lock',
	'go.mod': 'go.mod',
	'composer.json': 'composer.json',
	'composer.lock': 'composer.lock',
	'pom.xml': 'pom.xml',
	'build.gradle': 'build.gradle',
	'build.gradle.kts': 'build.gradle',
	Podfile: 'Podfile',
	'Podfile.lock': 'Podfile.lock',
	'Package.swift': 'Package.swift',
	'Package.resolved': 'Package.resolved',
	'pubspec.yaml': 'pubspec.yaml',
	'pubspec.lock': 'pubspec.lock',
	_headers: 'headers',
	'netlify.toml': 'headers',
	'vercel.json': 'headers',
	'nginx.conf': 'headers',
	'.env.example': 'env-example',
	'.env.sample': 'env-example',
	'.env.template': 'env-example',
	'.env.dist': 'env-example',
};

/** Extensions of HTML and templates that may hold script tags and snippets. */
export const templateExtensions = [
	'.html',
	'.htm',
	'.erb',
	'.ejs',
	'.hbs',
	'.handlebars',
	'.njk',
	'.liquid',
	'.php',
	'.jinja',
	'.jinja2',
	'.j2',
	'.twig',
	'.vue',
	'.svelte',
	'.astro',
	'.jsx',
	'.tsx',
] as const;

/** Folders never read: dependencies installed into the repo, build output, caches, VCS data. */
export const skippedFolders: ReadonlySet<string> = new Set([
	'node_modules',
	'bower_components',
	'jspm_packages',
	'vendor',
	'Pods',
	'Carthage',
	'DerivedData',
	'build',
	'dist',
	'out',
	'target',
	'coverage',
	'__pycache__',
	'site-packages',
	'venv',
	'env',
	'htmlcov',
	'storage',
	'tmp',
]);

/** Dot-folders (.git, .next, .venv, .gradle, .dart_tool, .build…) are skipped as well. */
export function isSkippedFolder(name: string): boolean {
	return name.startsWith('.') || skippedFolders.has(name);
}

/** The kind of a repo-relative path ("a/b/requirements-dev.txt"), or undefined to skip it. */
export function scanKind(relativePath: string): ScanInputKind | undefined {
	const slash = relativePath.lastIndexOf('/');
	const name = relativePath.slice(slash + 1);
	const folder = slash === -1 ? '' : relativePath.slice(0, slash);
	const known = byName[name];
	if (known) return known;
	if (/^requirements.*\.txt$/i.test(name)) return 'requirements.txt';
	if (name.endsWith('.txt') && /(?:^|\/)requirements$/.test(folder)) return 'requirements.txt';
	if (name.endsWith('.versions.toml') && /(?:^|\/)gradle$/.test(folder)) return 'gradle-catalog';
	if (name.endsWith('.nginx') || (name.endsWith('.conf') && /nginx/i.test(relativePath))) {
		return 'headers';
	}

	const dot = name.lastIndexOf('.');
	if (
		dot > 0 &&
		(templateExtensions as readonly string[]).includes(name.slice(dot).toLowerCase())
	) {
		return 'template';
	}

	return undefined;
}

/** Lockfiles list what is installed; their evidence comes after the manifests' and folds. */
export const lockfileKinds: ReadonlySet<ScanInputKind> = new Set<ScanInputKind>([
	'package-lock.json',
	'pnpm-lock.yaml',
	'yarn.lock',
	'bun.lock',
	'poetry.lock',
	'uv.lock',
	'Pipfile.lock',
	'Gemfile.lock',
	'composer.lock',
	'Podfile.lock',
	'Package.resolved',
	'pubspec.lock',
]);

/** Templates and header files are often large and many: a smaller size limit. */
export function isWebKind(kind: ScanInputKind): boolean {
	return kind === 'template' || kind === 'headers';
}
