// fs.promises is read when used: loading it costs commands that never touch a file.
import nodeFsModule, {constants, type Stats} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {OperationError} from '../errors.js';
import {terminalSafe} from '../cli/terminal-text.js';

/** The part of an open file the writer uses. */
export type WritableFile = {
	write: (
		buffer: Uint8Array,
		offset: number,
		length: number,
		position: number,
	) => Promise<{bytesWritten: number}>;
	chmod: (mode: number) => Promise<void>;
	sync: () => Promise<void>;
	close: () => Promise<void>;
};

/**
The file-system calls of the storage layer: node:fs, or in tests one that fails the way a full
disk or a flaky one does (ENOSPC, a short write, bytes that do not read back).
*/
export type FileSystem = {
	open: (file: string, flags: string, mode?: number) => Promise<WritableFile>;
	readFile: (file: string) => Promise<Buffer>;
	rename: (from: string, to: string) => Promise<void>;
	unlink: (file: string) => Promise<void>;
	lstat: (file: string) => Promise<Stats>;
	realpath: (file: string) => Promise<string>;
	access: (file: string, mode: number) => Promise<void>;
	chown: (file: string, uid: number, gid: number) => Promise<void>;
	readdir: (folder: string) => Promise<string[]>;
};

export const nodeFileSystem: FileSystem = {
	open: async (file, flags, mode) => nodeFsModule.promises.open(file, flags, mode),
	readFile: async (file) => nodeFsModule.promises.readFile(file),
	rename: async (from, to) => nodeFsModule.promises.rename(from, to),
	unlink: async (file) => nodeFsModule.promises.unlink(file),
	lstat: async (file) => nodeFsModule.promises.lstat(file),
	realpath: async (file) => nodeFsModule.promises.realpath(file),
	access: async (file, mode) => nodeFsModule.promises.access(file, mode),
	chown: async (file, uid, gid) => nodeFsModule.promises.chown(file, uid, gid),
	readdir: async (folder) => nodeFsModule.promises.readdir(folder),
};

/** Read a text file, turning the usual failures into messages that say what to do. */
export async function readText(file: string, what: string): Promise<string> {
	try {
		return await nodeFsModule.promises.readFile(file, 'utf8');
	} catch (error) {
		throw fileError(error, file, what, 'read');
	}
}

export async function exists(file: string): Promise<boolean> {
	try {
		await nodeFsModule.promises.access(file, constants.F_OK);
		return true;
	} catch {
		return false;
	}
}

/** A write that did not put every byte on disk: refused like ENOSPC, with what happened. */
class WriteFailure extends Error {
	readonly code: 'ESHORT' | 'EVERIFY';

	constructor(message: string, code: 'ESHORT' | 'EVERIFY') {
		super(message);
		this.code = code;
	}
}

export function fileError(
	error: unknown,
	file: string,
	what: string,
	verb: 'read' | 'write',
	/** For writes: what became of the file that was there. */
	kept = '',
): OperationError {
	const code = (error as NodeJS.ErrnoException).code;
	const shown = terminalSafe(file);
	const after = kept === '' ? '' : ` ${kept}`;
	switch (code) {
		case 'ENOENT': {
			return verb === 'read'
				? new OperationError(`${what} not found: ${shown}\nCheck the path.`)
				: new OperationError(
						`Cannot write ${shown}: the folder ${terminalSafe(path.dirname(file))} does not exist.\nCreate it first, or choose another path.`,
					);
		}

		case 'EACCES':
		case 'EPERM':
		case 'EROFS': {
			return new OperationError(
				`Cannot ${verb} ${shown}: permission denied.${after}\nCheck the permissions of the file and its folder, or choose another path.`,
			);
		}

		case 'EISDIR': {
			return new OperationError(`${shown} is a folder, not a file.\nGive a file path.`);
		}

		case 'ENOSPC':
		case 'EDQUOT': {
			return new OperationError(
				`Cannot write ${shown}: the disk is full${code === 'EDQUOT' ? ' (quota exceeded)' : ''}.${after}\nFree some space, then try again.`,
			);
		}

		case 'ESHORT':
		case 'EVERIFY':
		case 'EIO': {
			return new OperationError(
				`Cannot write ${shown}: ${(error as Error).message}.${after}\nCheck the disk (is it full or failing?), then try again.`,
			);
		}

		default: {
			return new OperationError(
				`Cannot ${verb} ${shown}: ${terminalSafe((error as Error).message)}${after}`,
			);
		}
	}
}

function inside(folder: string, file: string): boolean {
	const relative = path.relative(folder, file);
	return (
		relative === '' ||
		(!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
	);
}

type Target = {
	/** Where the bytes go: the file itself, or what a link inside the repository points to. */
	file: string;
	existing?: Stats;
};

/**
Where a write to `file` lands, refusing what would leave `root` (the repository, or the folder
the file is in): a path outside it, or a link (the file's own, or its folder's) that resolves
outside it. Refuses too what must not be replaced: a folder, a read-only file.
*/
async function resolveTarget(
	file: string,
	root: string,
	what: string,
	fs: FileSystem,
): Promise<Target> {
	const lexical = path.resolve(file);
	const shown = terminalSafe(lexical);
	if (!inside(path.resolve(root), lexical)) {
		throw new OperationError(
			`Refusing to write ${shown}: it is outside ${terminalSafe(root)}.\nChoose a path inside the repository.`,
		);
	}

	let realRoot: string;
	let folder: string;
	try {
		realRoot = await fs.realpath(root);
		folder = await fs.realpath(path.dirname(lexical));
	} catch (error) {
		throw fileError(error, lexical, what, 'write');
	}

	if (!inside(realRoot, folder)) {
		throw new OperationError(
			`Refusing to write ${shown}: its folder is a link to ${terminalSafe(folder)}, outside ${terminalSafe(root)}.\nNothing was written. Replace the link with a folder, or choose another path.`,
		);
	}

	let target = path.join(folder, path.basename(lexical));
	let existing: Stats | undefined;
	try {
		existing = await fs.lstat(target);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
			throw fileError(error, lexical, what, 'write');
	}

	if (existing?.isSymbolicLink()) {
		let resolved: string;
		try {
			resolved = await fs.realpath(target);
		} catch {
			throw new OperationError(
				`Refusing to write ${shown}: it is a link to a file that does not exist.\nNothing was written. Remove the link, or choose another path.`,
			);
		}

		if (!inside(realRoot, resolved)) {
			throw new OperationError(
				`Refusing to write ${shown}: it is a link to ${terminalSafe(resolved)}, outside ${terminalSafe(root)}.\nNothing was written. Replace the link with a file, or choose another path.`,
			);
		}

		target = resolved;
		existing = await fs.lstat(target);
	}

	if (existing?.isDirectory()) {
		throw new OperationError(`${shown} is a folder, not a file.\nGive a file path.`);
	}

	if (existing && !existing.isFile()) {
		throw new OperationError(`Refusing to write ${shown}: it is not a regular file.`);
	}

	if (existing) {
		// The mode bits too: for root, access() allows writing a file marked read-only.
		const writable =
			(existing.mode & 0o222) !== 0 &&
			(await fs.access(target, constants.W_OK).then(
				() => true,
				() => false,
			));
		if (!writable) {
			throw new OperationError(
				`Refusing to replace ${shown}: the file is read-only, so it was left unchanged.\nMake it writable (chmod u+w) if it should change, or choose another path.`,
			);
		}
	}

	return {file: target, existing};
}

const temporaryMarker = '.tmp-';
let temporaryCount = 0;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

const cleaned = new Set<string>();

/**
Remove temporary files that killed runs left beside `file`: ours (`NAME.tmp-PID-…`) once their
process is gone, and those of older versions (`NAME.tmp-DIGITS…`, `.NAME.HEX.tmp`) once they are
a minute old. Only regular files; once per file and process.
*/
export async function removeStaleTemporaries(
	file: string,
	fs: FileSystem = nodeFileSystem,
	now: number = Date.now(),
): Promise<void> {
	if (cleaned.has(file)) return;
	cleaned.add(file);
	const folder = path.dirname(file);
	const base = path.basename(file);
	let names: string[];
	try {
		names = await fs.readdir(folder);
	} catch {
		return;
	}

	for (const name of names) {
		const ours = name.startsWith(`${base}${temporaryMarker}`)
			? /^(\d+)-[a-z\d]+-\d+$/.exec(name.slice(base.length + temporaryMarker.length))
			: null;
		const older =
			(name.startsWith(`${base}${temporaryMarker}`) && ours === null) ||
			(name.startsWith(`.${base}.`) && /^\.[\da-f]+\.tmp$/.test(name.slice(base.length + 1)));
		if (!ours && !older) continue;
		const candidate = path.join(folder, name);
		try {
			const stat = await fs.lstat(candidate);
			if (!stat.isFile()) continue;
			const pid = ours ? Number(ours[1]) : undefined;
			const stale =
				pid === undefined ? now - stat.mtimeMs > 60_000 : pid !== process.pid && !isAlive(pid);
			if (stale) await fs.unlink(candidate);
		} catch {
			// Gone already, or not ours to remove: leave it.
		}
	}
}

/**
Write a file so that it is complete or untouched: the bytes go to a temporary file in the same
folder, which is flushed to disk (fsync), read back and compared, then renamed over the file. A
full disk, a short write or bytes that do not read back leave the old file as it was and throw
a message saying so. The file keeps its mode (and, for root, its owner). Never written through a
link that leaves `root`; a read-only file is refused, not replaced.
*/
export async function writeVerified(
	file: string,
	contents: string,
	options: {what: string; root: string; fs?: FileSystem},
): Promise<void> {
	const {what, root, fs = nodeFileSystem} = options;
	const target = await resolveTarget(file, root, what, fs);
	await removeStaleTemporaries(target.file, fs);
	const kept = target.existing
		? `${terminalSafe(path.resolve(file))} is unchanged.`
		: 'Nothing was written.';
	const bytes = Buffer.from(contents, 'utf8');
	const mode = target.existing ? target.existing.mode & 0o7777 : 0o666;
	const temporary = `${target.file}${temporaryMarker}${process.pid}-${Date.now().toString(36)}-${temporaryCount++}`;
	let handle: WritableFile | undefined;
	try {
		handle = await fs.open(temporary, 'wx', mode);
		// The umask may have narrowed the mode: the file keeps exactly the one it had.
		if (target.existing) await handle.chmod(mode);
		let offset = 0;
		while (offset < bytes.length) {
			const {bytesWritten} = await handle.write(bytes, offset, bytes.length - offset, offset);
			if (bytesWritten <= 0) {
				throw new WriteFailure(
					`only ${offset} of ${bytes.length} bytes could be written`,
					'ESHORT',
				);
			}

			offset += bytesWritten;
		}

		await handle.sync();
		await handle.close();
		handle = undefined;
		const written = await fs.readFile(temporary);
		if (!written.equals(bytes)) {
			throw new WriteFailure(
				`the file read back differs from what was written (${written.length} of ${bytes.length} bytes)`,
				'EVERIFY',
			);
		}

		const owner = target.existing;
		if (owner && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0)) {
			await fs.chown(temporary, owner.uid, owner.gid).catch(() => undefined);
		}

		await fs.rename(temporary, target.file);
	} catch (error) {
		await handle?.close().catch(() => undefined);
		await fs.unlink(temporary).catch(() => undefined);
		throw error instanceof OperationError
			? error
			: fileError(error, path.resolve(file), what, 'write', kept);
	}

	// The rename itself reaches the disk with the folder's own flush (not possible everywhere).
	try {
		const folder = await fs.open(path.dirname(target.file), 'r');
		await folder.sync().catch(() => undefined);
		await folder.close();
	} catch {
		// A folder that cannot be opened or flushed: the rename still happened.
	}
}
