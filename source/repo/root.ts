import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/**
The repository's top folder. A `.git` folder (or, in a worktree or submodule, a `.git` file) on
the way up answers it without starting git; only when the environment redirects git
(GIT_DIR, GIT_WORK_TREE) is `git rev-parse --show-toplevel` asked. Starting git would cost more
than the whole `generate` budget.
*/
export async function repoRoot(
	cwd: string = process.cwd(),
	env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
	if (env['GIT_DIR'] || env['GIT_WORK_TREE']) {
		const {gitRoot} = await import('./git.js');
		return gitRoot(cwd);
	}

	let folder = path.resolve(cwd);
	for (;;) {
		try {
			await nodeFs.promises.stat(path.join(folder, '.git'));
			return folder;
		} catch {
			// Not here: look one level up.
		}

		const parent = path.dirname(folder);
		if (parent === folder) {
			return undefined;
		}

		folder = parent;
	}
}
