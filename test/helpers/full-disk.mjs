// Loaded with `node --import=<this file>` (through NODE_OPTIONS): a disk with FULL_DISK_BYTES free
// (default 8 KiB). Writes to files take what is left and return a short count, as the kernel does
// when a disk fills up; once nothing is left they fail with ENOSPC. The terminal (fds 0 to 2) is
// not affected.
import fs from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import process from 'node:process';

let free = Number(process.env.FULL_DISK_BYTES ?? 8192);

function take(length) {
	if (free <= 0) {
		throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
			code: 'ENOSPC',
			errno: -28,
			syscall: 'write',
		});
	}

	const granted = Math.min(length, free);
	free -= granted;
	return granted;
}

const writeSync = fs.writeSync;
fs.writeSync = function (fd, buffer, offset, length, position) {
	if (fd <= 2) return writeSync.apply(this, arguments);
	if (typeof buffer === 'string') {
		// writeSync(fd, string, position, encoding)
		const bytes = Buffer.from(buffer, typeof length === 'string' ? length : 'utf8');
		return writeSync.call(this, fd, bytes, 0, take(bytes.length), offset ?? null);
	}

	const start = offset ?? 0;
	const size = length ?? buffer.byteLength - start;
	return writeSync.call(this, fd, buffer, start, take(size), position);
};

const probe = await fs.promises.open(process.execPath, 'r');
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();
const write = FileHandle.write;
FileHandle.write = function (buffer, offset, length, position) {
	if (typeof buffer === 'string') return write.apply(this, arguments);
	const start = offset ?? 0;
	const size = length ?? buffer.byteLength - start;
	try {
		return write.call(this, buffer, start, take(size), position);
	} catch (error) {
		return Promise.reject(error);
	}
};

syncBuiltinESMExports();
