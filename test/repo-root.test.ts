import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {repoRoot} from '../source/repo/root.js';

function temporary(t: {teardown: (fn: () => void) => void}): string {
	const folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'privacy-wizard-root-')));
	t.teardown(() => rmSync(folder, {recursive: true, force: true}));
	return folder;
}

test('the folder holding .git, from anywhere below it', async (t) => {
	const root = temporary(t);
	execFileSync('git', ['init', '-q'], {cwd: root});
	const deep = path.join(root, 'apps', 'web', 'src');
	mkdirSync(deep, {recursive: true});
	t.is(await repoRoot(deep, {}), root);
	t.is(await repoRoot(root, {}), root);
	// git itself agrees.
	t.is(
		execFileSync('git', ['rev-parse', '--show-toplevel'], {cwd: deep, encoding: 'utf8'}).trim(),
		root,
	);
});

test('a .git file (worktree, submodule) marks the root too', async (t) => {
	const root = temporary(t);
	writeFileSync(path.join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
	mkdirSync(path.join(root, 'sub'));
	t.is(await repoRoot(path.join(root, 'sub'), {}), root);
});

test('outside a repository: undefined', async (t) => {
	const folder = temporary(t);
	// tmpdir() is not inside a repository on any machine this runs on; guard anyway.
	const outside = await repoRoot(folder, {});
	t.true(outside === undefined || !outside.startsWith(folder));
});

test.serial(
	'GIT_DIR and GIT_WORK_TREE in the environment: git is asked, and answers',
	async (t) => {
		const root = temporary(t);
		execFileSync('git', ['init', '-q'], {cwd: root});
		const elsewhere = temporary(t);
		const saved = {dir: process.env['GIT_DIR'], tree: process.env['GIT_WORK_TREE']};
		t.teardown(() => {
			for (const [key, value] of [
				['GIT_DIR', saved.dir],
				['GIT_WORK_TREE', saved.tree],
			] as const) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		});
		process.env['GIT_DIR'] = path.join(root, '.git');
		process.env['GIT_WORK_TREE'] = root;
		// No .git on the way up from `elsewhere`: only git, told by the environment, knows the root.
		t.is(await repoRoot(elsewhere), root);
	},
);
