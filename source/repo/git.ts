import {execFile} from 'node:child_process';
import process from 'node:process';

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
