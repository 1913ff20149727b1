import {mkdirSync} from 'node:fs';
import path from 'node:path';
import type {ExecutionContext} from 'ava';
import {execa} from 'execa';
import {temporaryFolder} from './cli.js';

/** Run git in a folder (real git, as the CLI uses it); its output, trimmed. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
	const result = await execa('git', args, {cwd});
	return result.stdout;
}

/** A fresh repository on branch main, removed after the test. */
export async function gitRepository(t: ExecutionContext): Promise<string> {
	const folder = path.join(temporaryFolder(t, 'privacy-wizard-git-'), 'repo');
	mkdirSync(folder);
	await git(folder, 'init', '-q', '-b', 'main');
	await git(folder, 'config', 'user.email', 'test@example.com');
	await git(folder, 'config', 'user.name', 'Test');
	await git(folder, 'config', 'commit.gpgsign', 'false');
	return folder;
}

/** Commit everything in the working tree; the new commit's id. */
export async function commitAll(folder: string, message: string): Promise<string> {
	await git(folder, 'add', '-A');
	await git(folder, 'commit', '-q', '--allow-empty', '-m', message);
	return git(folder, 'rev-parse', 'HEAD');
}
