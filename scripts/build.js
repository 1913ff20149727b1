// Bundles the CLI into one file with zero runtime dependencies (dist/cli.js), and keeps the
// licences of everything bundled beside it. Run by `npm run build`.
//
// Start-up is dominated by compiling JavaScript: every byte of a bundle is parsed when it
// loads, even code that never runs. So the heavy edges (Ink and React, marked-terminal,
// @inquirer, execa, conf) are built as separate ESM bundles and embedded in dist/cli.js as
// string literals, which cost almost nothing to load, once each however many bundles use them.
// Each is written to a private cache file and imported the first time one of its functions is
// called (scripts/lazy-loader.js). A lazy module may export only async functions: the bundles
// that import it see a wrapper for each.
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
import {brotliCompressSync, constants} from 'node:zlib';
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

// `import … from 'node:fs'` makes Node build an ES module facade for each built-in, copying
// every export (about 15 ms at start-up in all). Required through CommonJS (the banner's
// `require`), the same built-ins cost nothing extra.
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(context) {
		context.onResolve({filter: /^node:/}, (args) => {
			if (args.path === 'node:module') return undefined;
			// The facade's own require stays a real require.
			if (args.namespace === 'builtin') return {path: args.path, external: true};
			return {path: args.path, namespace: 'builtin'};
		});
		context.onLoad({filter: /.*/, namespace: 'builtin'}, async (args) => {
			const names = Object.keys(await import(args.path)).filter(
				(name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
			);
			return {
				contents: [
					`const m = require(${JSON.stringify(args.path)});`,
					'export default m;',
					...names.map((name) => `export const ${name} = m.${name};`),
				].join('\n'),
				loader: 'js',
			};
		});
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

const loader = path.join(root, 'scripts/lazy-loader.js');
const moduleName = (file) => path.relative(path.join(root, 'source'), file).replace(/\.tsx?$/, '');

async function buildLazy(entry) {
	const ui = entry.endsWith('run.tsx');
	const result = await build({
		...common,
		entryPoints: [entry],
		write: false,
		outdir: dist,
		// Loaded from a cache file (or a data: URL): resolve CommonJS `require` (built-ins only)
		// from the working folder.
		banner: {
			js: `import {createRequire as __createRequire} from 'node:module';const require=__createRequire(process.cwd()+'/');${ui ? hideFetch.banner : ''}`,
		},
		footer: {js: ui ? hideFetch.footer : ''},
		// A lazy module loads the other lazy modules it uses lazily too (the wizard loads conf
		// on its first save, marked on its first preview).
		plugins: [lazyPlugin(entry), unusedAjv, builtinsByRequire],
	});
	const [output] = result.outputFiles;
	const meta = Object.values(result.metafile.outputs)[0];
	for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
	return {code: output.text, exports: meta.exports};
}

const built = new Map();
const buildOnce = (file) => {
	if (!built.has(file)) built.set(file, buildLazy(file));
	return built.get(file);
};

/** Imports of a lazy module become wrappers that load it (by name) on first call. */
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
			const {exports} = await buildOnce(args.path);
			return {
				contents: [
					`import {loadLazy} from ${JSON.stringify(loader)};`,
					'let loaded;',
					`const load = () => (loaded ??= loadLazy(${JSON.stringify(moduleName(args.path))}));`,
					...exports.map(
						(name) => `export const ${name} = async (...args) => (await load()).${name}(...args);`,
					),
				].join('\n'),
				loader: 'js',
				resolveDir: root,
			};
		});
	},
});

// Every lazy module's code, once, as string literals (cheap to parse) in the main bundle:
// registered before the CLI runs, materialised by scripts/lazy-loader.js when first needed.
const registry = {
	name: 'lazy-registry',
	setup(context) {
		context.onResolve({filter: /^lazy-registry$/}, () => ({
			path: 'lazy-registry',
			namespace: 'registry',
		}));
		context.onLoad({filter: /.*/, namespace: 'registry'}, async () => {
			const table = {};
			for (const file of lazyModules) {
				const {code} = await buildOnce(file);
				table[moduleName(file)] = {
					hash: createHash('sha256').update(code).digest('hex').slice(0, 16),
					code,
				};
			}

			// Brotli-compressed and base64-encoded (a quarter of the size to scan at every start),
			// each in a function body that V8 only pre-parses until it is needed.
			const entries = Object.entries(table).map(([name, {hash, code}]) => {
				const packed = brotliCompressSync(Buffer.from(code), {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 11,
						[constants.BROTLI_PARAM_SIZE_HINT]: code.length,
					},
				}).toString('base64');
				return `${JSON.stringify(name)}: {hash: ${JSON.stringify(hash)}, packed: () => ${JSON.stringify(packed)}}`;
			});
			return {
				contents: `import {registerLazy} from ${JSON.stringify(loader)};\nregisterLazy({${entries.join(',\n')}});`,
				loader: 'js',
				resolveDir: root,
			};
		});
	},
};

rmSync(dist, {recursive: true, force: true});
mkdirSync(dist, {recursive: true});
const result = await build({
	...common,
	stdin: {
		// The registry first, then the CLI (whose top level runs the command).
		contents: `import 'lazy-registry';\nimport ${JSON.stringify(path.join(root, 'source/cli.ts'))};`,
		resolveDir: root,
		loader: 'js',
	},
	outfile: path.join(dist, 'cli.js'),
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	plugins: [registry, lazyPlugin(undefined), unusedAjv, builtinsByRequire],
});
for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
chmodSync(path.join(dist, 'cli.js'), 0o755);
// The schemas of the answers file and of `generate --format json`, for editors and tools.
for (const schema of ['answers.schema.json', 'document.schema.json']) {
	copyFileSync(path.join(root, 'questionnaires/schemas', schema), path.join(dist, schema));
}

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
// Data derived from the Open Cookie Database (Apache-2.0): its NOTICE and the licence text.
const cookieNotice = readFileSync(path.join(root, 'questionnaires/cookies.NOTICE'), 'utf8').trim();
const cookieLicence = readFileSync(
	path.join(root, 'questionnaires/cookies.LICENSE'),
	'utf8',
).trim();
const data = `## Open Cookie Database (Apache-2.0)\n\nThe cookie table defaults (questionnaires/cookies.json) are derived from the Open Cookie Database.\n\n\`\`\`text\n${cookieNotice}\n\`\`\`\n\n\`\`\`text\n${cookieLicence}\n\`\`\`\n`;
writeFileSync(
	path.join(dist, 'THIRD-PARTY-LICENSES.md'),
	`# Third-party licences\n\ndist/cli.js bundles the following packages.\n\n${notices.join('\n')}\n# Data\n\n${data}`,
);
const size = readFileSync(path.join(dist, 'cli.js')).length;
console.log(`dist/cli.js ${(size / 1024).toFixed(0)} KiB, ${unique.length} bundled packages`);
