import process from 'node:process';
import {OperationError} from '../errors.js';

/**
What git knows about the repository. execa is imported only when a command needs git, so the
paths that do not (an --answers file, an example) never pay for it.
*/
async function git(args: string[], cwd: string): Promise<string | undefined> {
	const {execa} = await import('execa');
	try {
		const result = await execa('git', args, {cwd, reject: false, stdin: 'ignore', timeout: 5000});
		return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined;
	} catch {
		// No git on the machine: behave as outside a repository.
		return undefined;
	}
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
	const {execa} = await import('execa');
	try {
		const result = await execa('git', args, {
			cwd,
			reject: false,
			stdin: 'ignore',
			stripFinalNewline: false,
			timeout,
			maxBuffer: 512 * 1024 * 1024,
		});
		if (result.failed && result.exitCode === undefined) {
			// Not started (no git) or killed (timeout).
			return result.timedOut
				? {exitCode: -1, stdout: '', stderr: `git ${args[0] ?? ''} took too long`}
				: undefined;
		}

		return {
			exitCode: result.exitCode ?? -1,
			stdout: String(result.stdout),
			stderr: String(result.stderr).trim(),
		};
	} catch {
		return undefined;
	}
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
	const {execa} = await import('execa');
	const child = execa('git', ['cat-file', '--batch'], {
		cwd: root,
		stdin: 'pipe',
		stdout: 'pipe',
		stderr: 'ignore',
		buffer: false,
		reject: false,
	});
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
			await child;
		},
	};
}
