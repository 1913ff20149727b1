// Runtime half of the lazy modules (see scripts/build.js). A lazy module's code is embedded in
// dist/cli.js as a string; on first use it is written once to a private cache folder and
// imported from there. Importing a file is much faster than importing the same code as a
// multi-megabyte data: URL, whose parsing alone costs more than the whole start-up budget.
// Where no cache folder can be written (a read-only home), the data: URL still works.
import {constants, promises as fs} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

function cacheFolder() {
	const base =
		process.env.XDG_CACHE_HOME ||
		(process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) ||
		path.join(homedir(), '.cache');
	return path.join(base, 'privacy-wizard');
}

async function materialise(file, code) {
	try {
		await fs.access(file, constants.R_OK);
		return true;
	} catch {
		// Not there yet: write it below.
	}

	try {
		await fs.mkdir(path.dirname(file), {recursive: true, mode: 0o700});
		const temporary = `${file}.${process.pid}.tmp`;
		await fs.writeFile(temporary, code, {mode: 0o600});
		await fs.rename(temporary, file);
		return true;
	} catch {
		return false;
	}
}

/** Import the lazy module `name` whose code hashes to `hash`. */
export async function loadLazy(name, hash, code) {
	// The hash in the file name ties the file to this exact code: a new version writes a new file.
	const file = path.join(cacheFolder(), `${name}-${hash}.mjs`);
	if (await materialise(file, code)) {
		return import(pathToFileURL(file).href);
	}

	return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
