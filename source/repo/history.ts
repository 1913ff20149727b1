import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {OperationError, UsageError} from '../errors.js';
import {gitRun, type GitResult} from './git.js';

/**
Earlier revisions of the repository, for `diff` and `check --base`: which commit to compare
with, and what a file said there. Everything goes through git (node:child_process, in git.ts); nothing is
checked out, and only paths inside the repository are named.
*/

export type Base = {
	/** What the user named, or what was found (`origin/main`). */
	ref: string;
	/** The full commit id compared with. */
	commit: string;
	/** How messages name it: "origin/main (1a2b3c4)", "the merge base with origin/main (1a2b3c4)". */
	label: string;
};

/**
The environment variables of CI systems that name what a change will merge into: a branch
(whose merge base with HEAD is the base) or the merge base itself.
*/
const ciBaseVariables = [
	// GitHub Actions, on pull requests.
	{name: 'GITHUB_BASE_REF', names: 'branch'},
	// GitLab, on merge requests.
	{name: 'CI_MERGE_REQUEST_DIFF_BASE_SHA', names: 'merge-base'},
	// Bitbucket Pipelines, on pull requests.
	{name: 'BITBUCKET_PR_DESTINATION_BRANCH', names: 'branch'},
] as const;

/** Branches tried, in order, when nothing names the default branch. */
const defaultBranches = ['origin/main', 'origin/master', 'main', 'master'];

const fetchHint =
	'In CI, fetch the whole history first (GitHub Actions: actions/checkout with `fetch-depth: 0`).';

async function git(args: string[], cwd: string): Promise<GitResult> {
	const result = await gitRun(args, cwd);
	if (!result) {
		throw new OperationError(
			'git is not installed (or not on the PATH), so earlier revisions cannot be read.\nInstall git, or run the command without a revision.',
		);
	}

	return result;
}

/** The repository's top folder, or a message saying the command needs one. */
export async function requireRepository(cwd: string, command: string): Promise<string> {
	const result = await git(['rev-parse', '--show-toplevel'], cwd);
	const root = result.stdout.trim();
	if (result.exitCode !== 0 || root === '') {
		throw new OperationError(
			`${command} compares with an earlier git revision, but ${cwd} is not in a git repository.\nRun it inside the repository that holds the answers file.`,
		);
	}

	return root;
}

/** The commit a name stands for, or undefined. */
async function commitOf(root: string, ref: string): Promise<string | undefined> {
	if (ref.startsWith('-')) return undefined;
	const result = await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
	const commit = result.stdout.trim();
	return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined;
}

const short = (commit: string): string => commit.slice(0, 7);

/** A revision the user named: a branch, tag or commit. */
export async function namedBase(root: string, ref: string): Promise<Base> {
	const commit = await commitOf(root, ref);
	if (commit === undefined) {
		throw new UsageError(
			`Unknown revision "${ref}": git knows no branch, tag or commit by that name here. \`git log --oneline\` lists commits; \`git branch -a\` lists branches. ${fetchHint}`,
		);
	}

	return {ref, commit, label: `${ref} (${short(commit)})`};
}

type CiTarget = {variable: string; value: string; names: 'branch' | 'merge-base'};

/** What the CI environment says the change will merge into, if anything. */
function ciTarget(env: NodeJS.ProcessEnv): CiTarget | undefined {
	for (const {name, names} of ciBaseVariables) {
		const value = env[name]?.trim();
		if (value) return {variable: name, value, names};
	}

	return undefined;
}

/** Whether CI names a base (a pull or merge request's target), for `check` under CI. */
export function ciNamesBase(env: NodeJS.ProcessEnv = process.env): boolean {
	return ciTarget(env) !== undefined;
}

/**
The default base: the merge base of HEAD with the branch the change will merge into (named by
the CI system on a pull request) or with the default branch (origin's HEAD, else main or
master).
*/
export async function defaultBase(
	root: string,
	env: NodeJS.ProcessEnv = process.env,
): Promise<Base> {
	const head = await commitOf(root, 'HEAD');
	if (head === undefined) {
		throw new OperationError(
			'The repository has no commits yet, so there is no earlier version of the answers to compare with.\nCommit the answers file first.',
		);
	}

	const ci = ciTarget(env);
	if (ci?.names === 'merge-base') {
		const commit = await commitOf(root, ci.value);
		if (commit === undefined) {
			throw new OperationError(
				`${ci.variable} names ${ci.value} as the base, but git does not have that commit. ${fetchHint}`,
			);
		}

		return {ref: ci.value, commit, label: `the merge base ${short(commit)}`};
	}

	// The branch CI names (as fetched from origin, or local), else the default branch.
	const candidates = ci ? [`origin/${ci.value}`, ci.value] : [];
	if (!ci) {
		const symbolic = await git(
			['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'],
			root,
		);
		if (symbolic.exitCode === 0 && symbolic.stdout.trim() !== '') {
			candidates.push(symbolic.stdout.trim());
		}

		candidates.push(...defaultBranches);
	}

	for (const ref of candidates) {
		const target = await commitOf(root, ref);
		if (target === undefined) continue;
		const mergeBase = await git(['merge-base', 'HEAD', target], root);
		const commit = mergeBase.stdout.trim();
		if (mergeBase.exitCode !== 0 || commit === '') {
			throw new OperationError(
				`HEAD has no common ancestor with ${ref}, so there is no base to compare with. Name one (a branch, tag or commit). ${fetchHint}`,
			);
		}

		return {ref, commit, label: `the merge base with ${ref} (${short(commit)})`};
	}

	throw new OperationError(
		ci
			? `${ci.variable} names the branch ${ci.value} as the base, but git has neither origin/${ci.value} nor ${ci.value}. ${fetchHint}`
			: `No default branch to compare with: neither origin's HEAD nor ${defaultBranches.join(', ')} exists here.\nName the base: a branch, tag or commit (\`privacy-wizard diff main\`).`,
	);
}

/** A path inside the repository, as git names it in `<commit>:<path>`; or why it has none. */
export async function pathInRepository(root: string, file: string): Promise<string> {
	const real = await nodeFs.promises
		.realpath(path.dirname(file))
		.then((folder) => path.join(folder, path.basename(file)))
		.catch(() => path.resolve(file));
	const relative = path.relative(await nodeFs.promises.realpath(root), real);
	if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
		throw new OperationError(
			`The answers file ${file} is outside the git repository ${root}, so git has no earlier version of it.\nKeep the answers file in the repository (commit it), or run the command in the repository that holds it.`,
		);
	}

	return relative.split(path.sep).join('/');
}

/** A file's text at a commit (`git show <commit>:<path>`), or undefined when it did not exist. */
export async function fileAt(
	root: string,
	commit: string,
	relative: string,
): Promise<string | undefined> {
	const listed = await git(['ls-tree', '-z', '--full-tree', commit, '--', relative], root);
	if (listed.exitCode !== 0) {
		throw new OperationError(
			`git could not list ${relative} at ${short(commit)}: ${listed.stderr}`,
		);
	}

	if (!/^\d+ blob /.test(listed.stdout)) {
		return undefined;
	}

	const shown = await git(['show', `${commit}:${relative}`], root);
	if (shown.exitCode !== 0) {
		throw new OperationError(`git could not read ${relative} at ${short(commit)}: ${shown.stderr}`);
	}

	return shown.stdout;
}
