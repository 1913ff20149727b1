// Runtime half of the lazy modules (see scripts/build.js). The main bundle registers every lazy
// module's code; on first use a module is written once to a private cache folder and imported
// from there. Importing a file is much faster than importing the same code as a multi-megabyte
// data: URL, whose parsing alone costs more than the whole start-up budget. Where no cache
// folder can be written (a read-only home), the data: URL still works.
// Built-ins beyond fs, path and process are imported when first needed: loading zlib, os and
// url at start-up would cost every command, including those that never load a lazy module.
import {constants, promises as fs} from 'node:fs';
import path from 'node:path';
import process from 'node:process';

// Shared through a global: each lazily loaded bundle has its own copy of this module.
const key = Symbol.for('privacy-wizard.lazy-modules');

export function registerLazy(table) {
	globalThis[key] = table;
}

async function cacheFolder() {
	const {homedir} = await import('node:os');
	const base =
		process.env.XDG_CACHE_HOME ||
		(process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) ||
		path.join(homedir(), '.cache');
	return path.join(base, 'privacy-wizard');
}

/** The module's code: brotli-compressed, base64-encoded in the bundle. */
async function unpack(entry) {
	const {brotliDecompressSync} = await import('node:zlib');
	return brotliDecompressSync(Buffer.from(entry.packed(), 'base64'));
}

async function materialise(file, entry) {
	try {
		await fs.access(file, constants.R_OK);
		return true;
	} catch {
		// Not there yet: write it below.
	}

	try {
		await fs.mkdir(path.dirname(file), {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		await fs.writeFile(temporary, await unpack(entry), {mode: 0o600});
		await fs.rename(temporary, file);
		return true;
	} catch {
		return false;
	}
}

/** Import the lazy module `name` (`ui/run`, `repo/git`). */
export async function loadLazy(name) {
	const entry = globalThis[key]?.[name];
	if (!entry) {
		throw new Error(`The lazy module ${name} is missing from this build.`);
	}

	// The hash in the file name ties the file to this exact code: a new version writes a new file.
	const file = path.join(await cacheFolder(), `${name.replaceAll('/', '-')}-${entry.hash}.mjs`);
	if (await materialise(file, entry)) {
		const {pathToFileURL} = await import('node:url');
		return import(pathToFileURL(file).href);
	}

	return import(`data:text/javascript;base64,${(await unpack(entry)).toString('base64')}`);
}
