// Runtime half of the bundles (see scripts/build.js), bundled into dist/cli.js. A bundle is a file
// in dist/chunks/ inside the installed package: `NAME.cjs`, compiled with the V8 code cache the
// build left beside it (`NAME.cjs.cache`), or `NAME.mjs` (the Ink UI: it needs top-level await),
// imported. Nothing is ever written: a cache V8 rejects (another Node version, other V8 flags) or
// a missing one only means the code is compiled as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

// Shared through a global: the code that loads a bundle may itself live in another bundle.
const key = Symbol.for('privacy-wizard.load-bundle');

/** The same wrapper as Node's for CommonJS, so that code and cache always match. */
function wrap(code) {
	return `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
}

function readCache(file) {
	try {
		return fs.readFileSync(`${file}.cache`);
	} catch {
		return undefined;
	}
}

function runCommonJs(file, onScript) {
	const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), {
		filename: file,
		cachedData: readCache(file),
		importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
	});
	onScript?.(file, script);
	const module = {exports: {}};
	script.runInThisContext()(module.exports, require, module, file, path.dirname(file));
	return module.exports;
}

async function importModule(file) {
	const {pathToFileURL} = require('node:url');
	// Yoga's WebAssembly loader asks `typeof fetch`, which makes Node load its whole HTTP client
	// (undici, ~20 ms). The UI never fetches anything: while it loads, fetch is hidden.
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	Object.defineProperty(globalThis, 'fetch', {
		value: undefined,
		configurable: true,
		writable: true,
	});
	try {
		return await import(pathToFileURL(file).href);
	} finally {
		if (fetch) Object.defineProperty(globalThis, 'fetch', fetch);
		else delete globalThis.fetch;
	}
}

/**
Make `load(name, format)` available to the bundles; bundles live in `folder`. `onScript` sees each
compiled script (the build uses it to write the code caches).
*/
function install(folder, onScript) {
	const loaded = new Map();
	const load = (name, format) => {
		if (!loaded.has(name)) {
			const file = path.join(folder, `${name}.${format}`);
			loaded.set(
				name,
				format === 'cjs'
					? new Promise((resolve) => {
							resolve(runCommonJs(file, onScript));
						})
					: importModule(file),
			);
		}

		return loaded.get(name);
	};

	globalThis[key] = load;
	return load;
}

module.exports = {install, key};
