// Bundles the CLI with zero runtime dependencies into dist/, and keeps the licences of everything
// bundled beside it. Run by `npm run build`.
//
// Start-up is dominated by compiling JavaScript: every byte a command loads is parsed. So the
// bundle is split (esbuild code splitting): dist/cli.js holds only argument parsing, help and
// --version, and every command, and every heavy edge behind it (Ink and React, marked-terminal,
// @inquirer, execa, the processor catalog), is a chunk in dist/chunks/ that Node imports, from
// inside the package, the first time a dynamic `import()` in the source asks for it. Nothing is
// written anywhere at run time.
import {
	chmodSync,
	copyFileSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {execFileSync, spawnSync} from 'node:child_process';
import {build} from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

// `import … from 'node:fs'` makes Node build an ES module facade for each built-in (about 15 ms at
// start-up in all), and bundling a built-in as CommonJS makes every importer copy all its
// properties. So each built-in is bundled as a small ES module over `require`: its value as the
// default export, its plain properties as named exports. Properties behind getters (process.stdin
// opens the terminal, crypto.webcrypto loads WebCrypto) are not read eagerly: code reaches them
// through the default export (`process.stdout`), and a named import of one fails the build,
// unless it is listed here as cheap to read.
const eagerGetters = new Set(['node:util parseArgs']);

/** A built-in's properties that are plain values, asked of a fresh Node (reading a getter can turn it into a value). */
const plainProperties = (id) =>
	JSON.parse(
		execFileSync(process.execPath, [
			'-e',
			`const m = require(${JSON.stringify(id)}); console.log(JSON.stringify(Object.getOwnPropertyNames(m).filter((name) => !Object.getOwnPropertyDescriptor(m, name).get || ${JSON.stringify([...eagerGetters])}.includes(${JSON.stringify(id)} + ' ' + name))))`,
		]).toString(),
	);
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(context) {
		context.onResolve({filter: /^node:/}, (args) => {
			if (args.path === 'node:module') return undefined;
			// The facade's own require stays a real require.
			if (args.namespace === 'builtin') return {path: args.path, external: true};
			return {path: args.path, namespace: 'builtin'};
		});
		context.onLoad({filter: /.*/, namespace: 'builtin'}, (args) => {
			const names = plainProperties(args.path).filter(
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

// A large object literal costs V8 far more to parse than the same data as a JSON string given to
// JSON.parse (which has its own fast parser): the questionnaire, catalog, schema and examples are
// bundled that way.
const jsonByParse = {
	name: 'json-by-parse',
	setup(context) {
		context.onLoad({filter: /[\\/]questionnaires[\\/].*\.json$/}, async (args) => {
			const text = readFileSync(args.path, 'utf8');
			return {
				contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`,
				loader: 'js',
			};
		});
	},
};

// Ink measures text with string-width, which builds `/^\p{RGI_Emoji}$/v` when it loads and tests
// every non-ASCII character with it: building that set costs ~40 ms, more than the rest of the
// first frame. A single character in the Basic Multilingual Plane is an RGI emoji only if it has
// Emoji_Presentation, and then its East Asian Width is already 2 (checked below, for every such
// character, at each build): so the set is built only for longer clusters and astral characters,
// when first needed. Same widths, without the cost on screens without emoji.
const lazyEmojiWidth = {
	name: 'lazy-emoji-width',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async (args) => {
			// The copy Ink uses; older ones nested under other packages work differently.
			if (args.path !== path.join(root, 'node_modules/string-width/index.js')) return undefined;
			const {eastAsianWidth} = await import('get-east-asian-width');
			const emoji = /^\p{RGI_Emoji}$/v;
			for (let code = 0; code <= 0xff_ff; code++) {
				if (code >= 0xd8_00 && code <= 0xdf_ff) continue;
				if (emoji.test(String.fromCodePoint(code)) && eastAsianWidth(code) !== 2) {
					throw new Error(
						`U+${code.toString(16)} is an RGI emoji of East Asian Width ${eastAsianWidth(code)}: the lazy-emoji-width shortcut in scripts/build.js no longer holds.`,
					);
				}
			}

			const source = readFileSync(args.path, 'utf8');
			const replacements = [
				[
					'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
					"let rgiEmojiSet;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiSet ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
				],
				[
					'if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {',
					'if (((segment.length > 1 || segment.codePointAt(0) > 0xFF_FF) && rgiEmojiRegex.test(segment)) || isDoubleWidthNonRgiEmojiSequence(segment)) {',
				],
			];
			let contents = source;
			for (const [from, to] of replacements) {
				if (!contents.includes(from)) {
					throw new Error(
						`string-width changed (${args.path}): review the lazy-emoji-width plugin in scripts/build.js.`,
					);
				}

				contents = contents.replace(from, () => to);
			}

			return {contents, loader: 'js'};
		});
	},
};

/**
The bundles, by the source module each starts from. Code that imports one of these modules from
elsewhere gets a stand-in whose exported functions load the bundle on their first call, so each
of these modules may export only async functions. Each bundle holds its own copy of the code it
needs from the rest of the source (a few small modules are in several), so loading one costs a
single file. The UI is an ES module: Ink's layout engine uses top-level await.
*/
const bundles = {
	commands: {entry: 'source/commands/index.ts', format: 'cjs'}, // every command, the core
	catalog: {entry: 'source/commands/catalog.ts', format: 'cjs'}, // scan, processors, drift
	history: {entry: 'source/commands/history.ts', format: 'cjs'}, // diff, init ci: git revisions
	prompts: {entry: 'source/ui/prompts.ts', format: 'cjs'}, // @inquirer, one yes/no
	render: {entry: 'source/preview/render.ts', format: 'cjs'}, // marked, marked-terminal
	ui: {entry: 'source/ui/run.tsx', format: 'mjs'}, // ink, react; @inquirer for --plain
};
const bundleOf = new Map(
	Object.entries(bundles).map(([name, {entry}]) => [path.join(root, entry), name]),
);
const loader = path.join(root, 'scripts/bundle-loader.cjs');

const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	minify: process.env.BUILD_UNMINIFIED !== '1',
	legalComments: 'none',
	metafile: true,
	jsx: 'automatic',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {
		// Ink imports react-devtools-core for its optional devtools, which are never used here.
		'react-devtools-core': path.join(root, 'scripts/empty-module.js'),
		'cli-highlight': path.join(root, 'scripts/no-highlight.js'),
		'node-emoji': path.join(root, 'scripts/no-emoji.js'),
		// Only Ink's devtools (never loaded here) use a WebSocket.
		ws: path.join(root, 'scripts/empty-module.js'),
	},
	logLevel: 'warning',
};

// The published package.json is read for its version only: nothing else of it is bundled.
const packageVersion = {
	name: 'package-version',
	setup(context) {
		context.onLoad({filter: /[\\/]package\.json$/}, async (args) => {
			const {name, version} = JSON.parse(readFileSync(args.path, 'utf8'));
			return {contents: JSON.stringify({name, version}), loader: 'json'};
		});
	},
};

/** The names a bundle's entry module exports. */
async function exportsOf(name) {
	const result = await build({
		entryPoints: [path.join(root, bundles[name].entry)],
		bundle: false,
		format: 'esm',
		write: false,
		metafile: true,
		outdir: dist,
		logLevel: 'silent',
	});
	return Object.values(result.metafile.outputs)[0].exports;
}

/** Imports of another bundle's entry module become stand-ins that load that bundle when called. */
const bundleBoundaries = (self) => ({
	name: 'bundle-boundaries',
	setup(context) {
		context.onResolve({filter: /^\./}, (args) => {
			if (args.namespace === 'bundle') return undefined;
			const resolved = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '');
			const name = ['.ts', '.tsx']
				.map((extension) => bundleOf.get(resolved + extension))
				.find((found) => found !== undefined && found !== self);
			return name ? {path: name, namespace: 'bundle'} : undefined;
		});
		context.onLoad({filter: /.*/, namespace: 'bundle'}, async (args) => {
			const name = args.path;
			const {format} = bundles[name];
			return {
				contents: [
					`const load = () => globalThis[Symbol.for('privacy-wizard.load-bundle')](${JSON.stringify(name)}, ${JSON.stringify(format)});`,
					...(await exportsOf(name)).map(
						(exported) =>
							`export const ${exported} = async (...args) => (await load()).${exported}(...args);`,
					),
				].join('\n'),
				loader: 'js',
				resolveDir: root,
			};
		});
	},
});

// The questionnaire a founder answers is the core questions with every regime's inserted: a pure
// function of data, composed here once (by the same code, run at build time) instead of at every
// start-up, where composing costs more than parsing the result.
const composedQuestionnaire = await (async () => {
	const program = await build({
		...common,
		minify: false,
		metafile: false,
		stdin: {
			contents: `import {questionnaire} from './source/core/questionnaire/questionnaire.ts';\nprocess.stdout.write(JSON.stringify(questionnaire));`,
			resolveDir: root,
			loader: 'ts',
		},
		format: 'cjs',
		write: false,
	});
	return execFileSync(process.execPath, ['-'], {
		input: program.outputFiles[0].text,
		maxBuffer: 64 * 1024 * 1024,
	}).toString();
})();
const composeAtBuild = {
	name: 'compose-at-build',
	setup(context) {
		context.onLoad(
			{filter: /[\\/]source[\\/]core[\\/]questionnaire[\\/]questionnaire\.ts$/},
			async (args) => {
				const source = readFileSync(args.path, 'utf8');
				const call =
					/composeQuestionnaire\(\s*coreQuestionnaire,\s*regimes,\s*questionGroups,?\s*\)/;
				if (!call.test(source)) {
					throw new Error(
						`${args.path} changed: review the compose-at-build plugin in scripts/build.js.`,
					);
				}

				return {
					contents: source.replace(
						call,
						() => `JSON.parse(${JSON.stringify(composedQuestionnaire)}) as Questionnaire`,
					),
					loader: 'ts',
				};
			},
		);
	},
};

rmSync(dist, {recursive: true, force: true});
mkdirSync(path.join(dist, 'chunks'), {recursive: true});

const inputs = new Set();
const sizes = {};
for (const [name, {entry, format}] of Object.entries(bundles)) {
	const outfile = path.join(dist, 'chunks', `${name}.${format}`);
	const result = await build({
		...common,
		entryPoints: [path.join(root, entry)],
		outfile,
		format: format === 'cjs' ? 'cjs' : 'esm',
		// ES module bundles `require` built-ins (and CommonJS dependencies do) through this.
		banner:
			format === 'cjs'
				? {}
				: {
						js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
					},
		plugins: [
			bundleBoundaries(name),
			builtinsByRequire,
			jsonByParse,
			composeAtBuild,
			packageVersion,
			lazyEmojiWidth,
		],
	});
	for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
	sizes[name] = statSync(outfile).size;
}

// The entry point: argument parsing, --version and the bundle loader, as CommonJS (Node starts a
// CommonJS file without its ES module loader). The command chosen is loaded from its bundle.
const cli = path.join(dist, 'cli.js');
const entry = await build({
	...common,
	stdin: {
		contents: `require(${JSON.stringify(loader)}).install(require('node:path').join(__dirname, 'chunks'));\nrequire(${JSON.stringify(path.join(root, 'source/cli.ts'))});`,
		resolveDir: root,
		loader: 'js',
	},
	outfile: cli,
	format: 'cjs',
	banner: {js: '#!/usr/bin/env node'},
	plugins: [bundleBoundaries(undefined), packageVersion],
});
for (const input of Object.keys(entry.metafile.inputs)) inputs.add(input);
// dist/ is CommonJS for Node (cli.js, chunks/*.cjs); the UI bundle is .mjs.
writeFileSync(path.join(dist, 'package.json'), `${JSON.stringify({type: 'commonjs'})}\n`);
chmodSync(cli, 0o755);
// The schemas of the answers file and of `generate --format json`, for editors and tools.
for (const schema of ['answers.schema.json', 'document.schema.json']) {
	copyFileSync(path.join(root, 'questionnaires/schemas', schema), path.join(dist, schema));
}

// V8 code caches, made by running typical commands once with this Node (scripts/code-cache.cjs).
const training = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.cjs'), dist], {
	stdio: ['ignore', 'ignore', 'inherit'],
});
if (training.status !== 0) throw new Error('Writing the code caches failed.');

// Third-party licences: one entry per bundled package, with its licence text.
const packages = new Map();
for (const input of inputs) {
	// The innermost package: one nested under another (ink/node_modules/wrap-ansi) is its own.
	const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
	if (!match) continue;
	const directory = path.join(root, match[0]);
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
	`# Third-party licences\n\ndist/cli.js and dist/chunks/ bundle the following packages.\n\n${notices.join('\n')}\n# Data\n\n${data}`,
);

const files = [
	cli,
	...readdirSync(path.join(dist, 'chunks')).map((file) => path.join(dist, 'chunks', file)),
];
const total = files.reduce((sum, file) => sum + statSync(file).size, 0);
console.log(
	`dist/: ${(total / 1024).toFixed(0)} KiB of code and code caches (cli.js ${(statSync(cli).size / 1024).toFixed(0)} KiB; ${Object.entries(
		sizes,
	)
		.map(([name, size]) => `${name} ${(size / 1024).toFixed(0)}`)
		.join(', ')} KiB), ${unique.length} bundled packages`,
);
