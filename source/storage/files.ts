import {randomBytes} from 'node:crypto';
import {constants, promises as fs} from 'node:fs';
import path from 'node:path';
import {OperationError} from '../errors.js';

/** Read a text file, turning the usual failures into messages that say what to do. */
export async function readText(file: string, what: string): Promise<string> {
	try {
		return await fs.readFile(file, 'utf8');
	} catch (error) {
		throw fileError(error, file, what, 'read');
	}
}

export async function exists(file: string): Promise<boolean> {
	try {
		await fs.access(file, constants.F_OK);
		return true;
	} catch {
		return false;
	}
}

export function fileError(
	error: unknown,
	file: string,
	what: string,
	verb: 'read' | 'write',
): OperationError {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			return verb === 'read'
				? new OperationError(`${what} not found: ${file}\nCheck the path.`)
				: new OperationError(
						`Cannot write ${file}: the folder ${path.dirname(file)} does not exist.\nCreate it first, or choose another path.`,
					);
		}

		case 'EACCES':
		case 'EPERM':
		case 'EROFS': {
			return new OperationError(
				`Cannot ${verb} ${file}: permission denied.\nCheck the file's permissions, or choose another path.`,
			);
		}

		case 'EISDIR': {
			return new OperationError(`${file} is a folder, not a file.\nGive a file path.`);
		}

		default: {
			return new OperationError(`Cannot ${verb} ${file}: ${(error as Error).message}`);
		}
	}
}

/**
Write a file atomically: a temporary file in the same folder, then a rename, so a reader never
sees half a document and a failure leaves the old file untouched.
*/
export async function writeAtomic(file: string, contents: string, what: string): Promise<void> {
	const directory = path.dirname(file);
	try {
		const stat = await fs.stat(directory);
		if (!stat.isDirectory()) {
			throw Object.assign(new Error('not a directory'), {code: 'ENOENT'});
		}
	} catch (error) {
		throw fileError(error, file, what, 'write');
	}

	const temporary = path.join(
		directory,
		`.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
	);
	try {
		await fs.writeFile(temporary, contents, {flag: 'wx'});
		await fs.rename(temporary, file);
	} catch (error) {
		await fs.rm(temporary, {force: true}).catch(() => undefined);
		throw fileError(error, file, what, 'write');
	}
}
