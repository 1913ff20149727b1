import process from 'node:process';

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
