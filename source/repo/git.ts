import {execFile, spawn} from 'node:child_process';
import process from 'node:process';
import {OperationError} from '../errors.js';

/**
What git knows about the repository, asked of git itself (node:child_process: three one-line
questions need nothing more, and loading a process library would cost the wizard's first
screen more than the questions do). No git, or not a repository: undefined.
*/
async function git(args: string[], cwd: string): Promise<string | undefined> {
	return new Promise((resolve) => {
		const child = execFile(
			'git',
			args,
			{cwd, timeout: 5000, windowsHide: true, encoding: 'utf8'},
			(error, stdout) => {
				resolve(error ? undefined : stdout.trim() || undefined);
			},
		);
		child.stdin?.end();
	});
}

/** The repository's top folder, or undefined outside a repository. */
export async function gitRoot(cwd: string = process.cwd()): Promise<string | undefined> {
	return git(['rev-parse', '--show-toplevel'], cwd);
}

export async function gitUserEmail(cwd: string = process.cwd()): Promise<string | undefined> {
	return git(['config', 'user.email'], cwd);
}

export async function gitRemoteUrl(cwd: string = process.cwd()): Promise<string | undefined> {
	return git(['remote', 'get-url', 'origin'], cwd);
}

// Revisions: for `diff` and `check --base`. Every command names a commit or a path inside the
// repository; nothing is checked out and nothing is written.

export type GitResult = {exitCode: number; stdout: string; stderr: string};

/** Run git in `cwd`; undefined when git is not installed. stdout is kept byte for byte. */
export async function gitRun(
	args: string[],
	cwd: string,
	timeout = 60_000,
): Promise<GitResult | undefined> {
	return new Promise((resolve) => {
		const child = execFile(
			'git',
			args,
			{cwd, timeout, windowsHide: true, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024},
			(error, stdout, stderr) => {
				const code = (error as (NodeJS.ErrnoException & {killed?: boolean}) | null)?.code;
				if (error && typeof code !== 'number') {
					// Not started (no git) or killed (timeout).
					resolve(
						(error as {killed?: boolean}).killed
							? {exitCode: -1, stdout: '', stderr: `git ${args[0] ?? ''} took too long`}
							: undefined,
					);
					return;
				}

				resolve({exitCode: typeof code === 'number' ? code : 0, stdout, stderr: stderr.trim()});
			},
		);
		child.stdin?.end();
	});
}

/** One file of a commit's tree (`git ls-tree -r --long`). */
export type GitTreeEntry = {mode: string; type: string; oid: string; size: number; path: string};

/** Every file of a commit's tree, with its size (links are blobs of mode 120000). */
export async function gitTree(root: string, commit: string): Promise<GitTreeEntry[]> {
	const result = await gitRun(['ls-tree', '-r', '-z', '--long', '--full-tree', commit], root);
	if (result?.exitCode !== 0) {
		throw new OperationError(
			`git could not list the files of ${commit}: ${result?.stderr ?? 'git is not installed'}`,
		);
	}

	const entries: GitTreeEntry[] = [];
	for (const record of result.stdout.split('\0')) {
		const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t([\s\S]+)$/.exec(record);
		if (match) {
			entries.push({
				mode: match[1]!,
				type: match[2]!,
				oid: match[3]!,
				size: match[4] === '-' ? 0 : Number(match[4]),
				path: match[5]!,
			});
		}
	}

	return entries;
}

/** Reads blobs by id through one `git cat-file --batch` process. */
export type BlobReader = {
	/** The blob's text, or undefined when git has no such object. */
	read(oid: string): Promise<string | undefined>;
	close(): Promise<void>;
};

export async function gitBlobs(root: string): Promise<BlobReader> {
	const child = spawn('git', ['cat-file', '--batch'], {
		cwd: root,
		stdio: ['pipe', 'pipe', 'ignore'],
		windowsHide: true,
	});
	const exited = new Promise<void>((resolve) => {
		child.once('close', () => resolve());
		child.once('error', () => resolve());
	});
	child.stdin.on('error', () => undefined);
	let chunks: Buffer[] = [];
	let buffered = 0;
	let ended = false;
	let wake: (() => void) | undefined;
	child.stdout.on('data', (chunk: Buffer) => {
		chunks.push(chunk);
		buffered += chunk.length;
		wake?.();
	});
	child.stdout.on('close', () => {
		ended = true;
		wake?.();
	});
	const joined = (): Buffer => {
		if (chunks.length !== 1) chunks = [Buffer.concat(chunks)];
		return chunks[0]!;
	};

	const until = async (ready: () => boolean): Promise<void> => {
		while (!ready()) {
			if (ended) throw new Error('git cat-file stopped');
			await new Promise<void>((resolve) => {
				wake = resolve;
			});
			wake = undefined;
		}
	};

	const consume = (bytes: number): Buffer => {
		const all = joined();
		const head = all.subarray(0, bytes);
		chunks = [all.subarray(bytes)];
		buffered = all.length - bytes;
		return head;
	};

	// One request at a time: each answer is read whole before the next is asked.
	let queue: Promise<unknown> = Promise.resolve();
	const readOne = async (oid: string): Promise<string | undefined> => {
		child.stdin.write(`${oid}\n`);
		await until(() => buffered > 0 && joined().includes(10));
		const end = joined().indexOf(10);
		const header = consume(end + 1)
			.toString('utf8')
			.trim();
		const match = / (\w+) (\d+)$/.exec(header);
		if (!match) return undefined;
		const size = Number(match[2]);
		await until(() => buffered >= size + 1);
		const body = consume(size + 1).subarray(0, size);
		return body.toString('utf8');
	};

	return {
		async read(oid: string) {
			const result = queue.then(async () => readOne(oid));
			queue = result.catch(() => undefined);
			return result;
		},
		async close() {
			child.stdin.end();
			await exited;
		},
	};
}
