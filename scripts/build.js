// Bundles the CLI into one file with zero runtime dependencies (dist/cli.js), and keeps the
// licences of everything bundled beside it. Run by `npm run build`.
//
// Start-up is dominated by compiling JavaScript: every byte of a bundle is parsed when it
// loads, even code that never runs. So the heavy edges (Ink and React, marked-terminal,
// @inquirer, execa, conf) are built as separate ESM bundles and embedded in dist/cli.js as
// string literals, which cost almost nothing to load. Each is decoded and imported (as a data:
// URL) the first time one of its functions is called. A lazy module may export only async
// functions: the main bundle sees a wrapper for each.
import {
	chmodSync,
	copyFileSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {createHash} from 'node:crypto';
import {build} from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

/** Modules loaded only when called, with what makes them heavy. */
export const lazyModules = [
	'source/repo/git.ts', // execa
	'source/storage/conf-store.ts', // conf
	'source/ui/prompts.ts', // @inquirer
	'source/ui/run.tsx', // ink, react
	'source/preview/render.ts', // marked, marked-terminal
	'source/ui/plain.ts', // @inquirer, for --plain
	'source/commands/catalog.ts', // scan, processors, drift: the processor catalog and its signals
].map((file) => path.join(root, file));

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	metafile: true,
	jsx: 'automatic',
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports react-devtools-core for its optional devtools, which are never used here.
	alias: {
		'react-devtools-core': path.join(root, 'scripts/empty-module.js'),
		'cli-highlight': path.join(root, 'scripts/no-highlight.js'),
		'node-emoji': path.join(root, 'scripts/no-emoji.js'),
		// Only Ink's devtools (never loaded here) use a WebSocket.
		ws: path.join(root, 'scripts/empty-module.js'),
	},
	logLevel: 'warning',
};

const unusedAjv = {
	// See scripts/unused-ajv.js.
	name: 'unused-ajv',
	setup(context) {
		context.onResolve({filter: /^ajv(-formats)?(\/|$)/}, () => ({
			path: path.join(root, 'scripts/unused-ajv.js'),
		}));
	},
};

const inputs = new Set();

// Yoga's WebAssembly loader asks `typeof fetch`, which makes Node load its whole HTTP client
// (undici, ~50 ms). The wizard never fetches anything: while its bundle loads, fetch is hidden.
const hideFetch = {
	banner:
		"const __fetch=Object.getOwnPropertyDescriptor(globalThis,'fetch');Object.defineProperty(globalThis,'fetch',{value:undefined,configurable:true,writable:true});",
	footer: "if(__fetch)Object.defineProperty(globalThis,'fetch',__fetch);",
};

async function buildLazy(entry) {
	const ui = entry.endsWith('run.tsx');
	const result = await build({
		// A lazy module loads the other lazy modules it uses lazily too (the wizard loads conf
		// on its first save, marked on its first preview).
		...common,
		entryPoints: [entry],
		write: false,
		outdir: dist,
		// Loaded from a cache file or a data: URL: resolve CommonJS `require` (built-ins only) from the working folder.
		banner: {
			js: `import {createRequire as __createRequire} from 'node:module';const require=__createRequire(process.cwd()+'/');${ui ? hideFetch.banner : ''}`,
		},
		footer: {js: ui ? hideFetch.footer : ''},
		plugins: [lazyPlugin(entry), unusedAjv],
	});
	const [output] = result.outputFiles;
	const meta = Object.values(result.metafile.outputs)[0];
	for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
	return {code: output.text, exports: meta.exports};
}

const built = new Map();

const lazyPlugin = (self) => ({
	name: 'lazy-modules',
	setup(context) {
		context.onResolve({filter: /.*/}, async (args) => {
			if (args.namespace === 'lazy' || !args.path.startsWith('.')) return undefined;
			const resolved = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
			const candidates = [resolved, resolved.replace(/\.ts$/, '.tsx')];
			const match = candidates.find(
				(candidate) => candidate !== self && lazyModules.includes(candidate),
			);
			return match ? {path: match, namespace: 'lazy'} : undefined;
		});
		context.onLoad({filter: /.*/, namespace: 'lazy'}, async (args) => {
			if (!built.has(args.path)) built.set(args.path, buildLazy(args.path));
			const {code, exports} = await built.get(args.path);

			const wrappers = exports.map(
				(name) => `export const ${name} = async (...args) => (await load()).${name}(...args);`,
			);
			// The code travels as a string literal (cheap to parse); scripts/lazy-loader.js imports it.
			const name = path.basename(args.path).replace(/\.tsx?$/, '');
			const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
			return {
				contents: [
					`import {loadLazy} from ${JSON.stringify(path.join(root, 'scripts/lazy-loader.js'))};`,
					'let loaded;',
					`const code = ${JSON.stringify(code)};`,
					`const load = () => (loaded ??= loadLazy(${JSON.stringify(name)}, ${JSON.stringify(hash)}, code));`,
					...wrappers,
				].join('\n'),
				loader: 'js',
				resolveDir: root,
			};
		});
	},
});

rmSync(dist, {recursive: true, force: true});
mkdirSync(dist, {recursive: true});
const result = await build({
	...common,
	entryPoints: [path.join(root, 'source/cli.ts')],
	outfile: path.join(dist, 'cli.js'),
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	plugins: [lazyPlugin(undefined), unusedAjv],
});
for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
chmodSync(path.join(dist, 'cli.js'), 0o755);
copyFileSync(
	path.join(root, 'questionnaires/schemas/answers.schema.json'),
	path.join(dist, 'answers.schema.json'),
);

// Third-party licences: one entry per bundled package, with its licence text.
const packages = new Map();
for (const input of inputs) {
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
	if (!match) continue;
	const directory = path.join(root, input.slice(0, match.index + match[0].length));
	if (packages.has(directory)) continue;
	const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
	const licenceFile = readdirSync(directory).find((file) =>
		/^(licen[cs]e|copying)(\.|$)/i.test(file),
	);
	packages.set(directory, {
		name: manifest.name,
		version: manifest.version,
		license:
			typeof manifest.license === 'string'
				? manifest.license
				: JSON.stringify(manifest.license ?? 'UNKNOWN'),
		text: licenceFile ? readFileSync(path.join(directory, licenceFile), 'utf8').trim() : undefined,
	});
}

const entries = [...packages.values()].sort((a, b) =>
	a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
);
const unique = entries.filter(
	(entry, index) =>
		index === 0 ||
		entry.name !== entries[index - 1].name ||
		entry.version !== entries[index - 1].version,
);
const notices = unique.map(
	(entry) =>
		`## ${entry.name}@${entry.version} (${entry.license})\n\n${entry.text ?? `Licensed under ${entry.license}; the package ships no licence file.`}\n`,
);
writeFileSync(
	path.join(dist, 'THIRD-PARTY-LICENSES.md'),
	`# Third-party licences\n\ndist/cli.js bundles the following packages.\n\n${notices.join('\n')}`,
);
const size = readFileSync(path.join(dist, 'cli.js')).length;
console.log(`dist/cli.js ${(size / 1024).toFixed(0)} KiB, ${unique.length} bundled packages`);
