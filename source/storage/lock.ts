import {unlinkSync} from 'node:fs';
import {hostname} from 'node:os';
import process from 'node:process';
import {terminalSafe} from '../cli/terminal-text.js';
import {OperationError} from '../errors.js';
import {fileError, nodeFileSystem, type FileSystem} from './files.js';

/** Who holds a lock: what the other writer's message names. */
export type LockOwner = {pid: number; host: string; command: string; startedAt: string};

export type Lock = {file: string; release: () => Promise<void>};

const held = new Set<string>();
let exitHook = false;

/** Locks die with the process, whichever way it ends (a signal handler calls process.exit). */
function releaseOnExit(): void {
	if (exitHook) return;
	exitHook = true;
	process.on('exit', () => {
		for (const file of held) {
			try {
				unlinkSync(file);
			} catch {
				// Already gone.
			}
		}
	});
}

function me(): LockOwner {
	return {
		pid: process.pid,
		host: hostname(),
		command: ['privacy-wizard', ...process.argv.slice(2)].join(' '),
		startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
	};
}

function parseOwner(text: string): LockOwner | undefined {
	try {
		const value = JSON.parse(text) as Partial<LockOwner>;
		return typeof value.pid === 'number' &&
			typeof value.host === 'string' &&
			typeof value.command === 'string' &&
			typeof value.startedAt === 'string'
			? (value as LockOwner)
			: undefined;
	} catch {
		return undefined;
	}
}

function running(owner: LockOwner): boolean {
	// A lock from another machine (a shared folder) cannot be checked: it counts as held.
	if (owner.host !== hostname()) return true;
	try {
		process.kill(owner.pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function describeOwner(owner: LockOwner): string {
	const when = owner.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
	const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
	return `pid ${owner.pid}${where}, \`${owner.command}\`, started ${when}`;
}

export function busyMessage(
	target: string,
	lockFile: string,
	owner: LockOwner | undefined,
): string {
	const who = owner ? ` (${terminalSafe(describeOwner(owner))})` : '';
	return `${terminalSafe(target)} is in use by another privacy-wizard${who}, so this one left it as it is.\nFinish or quit that one, then try again. If it is no longer running, delete ${terminalSafe(lockFile)}.`;
}

async function readOwner(
	lockFile: string,
	fs: FileSystem,
): Promise<{owner?: LockOwner; age: number} | undefined> {
	try {
		const [text, stat] = await Promise.all([fs.readFile(lockFile), fs.lstat(lockFile)]);
		return {owner: parseOwner(text.toString('utf8')), age: Date.now() - stat.mtimeMs};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/**
Take the lock on `target` (a file `TARGET.lock` beside it, created exclusively, naming this
process). Held by a running privacy-wizard, it is refused with a message naming that one; left
by one that died (killed, a crash), it is taken over.
*/
export async function acquireLock(target: string, fs: FileSystem = nodeFileSystem): Promise<Lock> {
	const lockFile = `${target}.lock`;
	const body = `${JSON.stringify(me())}\n`;
	for (let attempt = 0; attempt < 5; attempt++) {
		try {
			const handle = await fs.open(lockFile, 'wx', 0o644);
			try {
				const bytes = Buffer.from(body);
				const {bytesWritten} = await handle.write(bytes, 0, bytes.length, 0);
				if (bytesWritten !== bytes.length)
					throw Object.assign(new Error('short write'), {code: 'ENOSPC'});
			} finally {
				await handle.close();
			}

			held.add(lockFile);
			releaseOnExit();
			return {
				file: lockFile,
				release: async () => {
					held.delete(lockFile);
					await fs.unlink(lockFile).catch(() => undefined);
				},
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				await fs.unlink(lockFile).catch(() => undefined);
				throw fileError(
					error,
					lockFile,
					'Lock file',
					'write',
					`${terminalSafe(target)} is unchanged.`,
				);
			}
		}

		const found = await readOwner(lockFile, fs);
		if (!found) continue;
		// A lock being written this instant has no owner yet: only an old one without is stale.
		const stale = found.owner ? !running(found.owner) : found.age > 10_000;
		if (!stale) throw new OperationError(busyMessage(target, lockFile, found.owner));
		// Take over by renaming (only one process can move this file), then check that what was
		// moved is the stale lock and not one a faster process just made.
		const moved = `${lockFile}.stale-${process.pid}`;
		try {
			await fs.rename(lockFile, moved);
		} catch {
			continue;
		}

		const taken = await readOwner(moved, fs);
		if (taken?.owner && running(taken.owner)) {
			await fs.rename(moved, lockFile).catch(() => undefined);
			throw new OperationError(busyMessage(target, lockFile, taken.owner));
		}

		await fs.unlink(moved).catch(() => undefined);
	}

	throw new OperationError(busyMessage(target, lockFile, undefined));
}
