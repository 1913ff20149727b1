import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {root} from './helpers/answers.js';
import {cli, run, snapshot, temporaryFolder} from './helpers/cli.js';
import {keys, runInTerminal} from './helpers/pty.js';

// The published package runs only its own code: lazily loaded parts are files in dist/, imported
// from there. Nothing is written outside the repo at run time, so nothing planted there can run.

const dist = path.join(root, 'dist');

function distFiles(): string[] {
	const files: string[] = [];
	const visit = (folder: string): void => {
		for (const entry of readdirSync(folder, {withFileTypes: true})) {
			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) visit(full);
			else files.push(full);
		}
	};

	visit(dist);
	return files;
}

test('dist holds no code that writes or imports code at run time', (t) => {
	for (const file of distFiles().filter((name) => /\.(c|m)?js$/.test(name))) {
		const code = readFileSync(file, 'utf8');
		const name = path.relative(root, file);
		t.false(code.includes('XDG_CACHE_HOME'), `${name} looks for a cache folder`);
		t.false(code.includes('data:text/javascript'), `${name} imports a data: URL`);
		t.false(/brotliDecompress|createBrotliDecompress/.test(code), `${name} unpacks code`);
	}
});

test('every command runs with an empty home and cache that stay empty', async (t) => {
	const home = temporaryFolder(t, 'privacy-wizard-home-');
	const folder = temporaryFolder(t);
	execFileSync('git', ['init', '-q'], {cwd: folder});
	writeFileSync(
		path.join(folder, 'package.json'),
		JSON.stringify({name: 'app', dependencies: {stripe: '1'}}),
	);
	const env = {HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), USERPROFILE: home};
	for (const args of [
		['--version'],
		['--help'],
		['generate', '--example'],
		['check', '--example'],
		['preview', '--example'],
		['answers', 'export', '--example'],
		['processors'],
		['scan'],
		['check'],
	]) {
		const result = await run(args, {cwd: folder, env});
		t.true(
			result.exitCode === 0 || args.join(' ') === 'check',
			`${args.join(' ')}: ${result.stderr}`,
		);
	}

	// The interactive UI too (Ink, the catalog, git), and --plain (@inquirer).
	for (const args of [[], ['--plain']]) {
		const terminal = runInTerminal(process.execPath, [cli, ...args], {
			cwd: folder,
			env: {...env, GIT_CONFIG_NOSYSTEM: '1'},
		});
		await terminal.waitFor('as a suggestion for');
		terminal.write(keys.ctrlC);
		t.is((await terminal.exit).exitCode, 130);
	}

	t.deepEqual(Object.keys(snapshot(home)), [], 'nothing written to the home folder');
});

test('the UI bundle is loaded from dist/chunks inside the package', (t) => {
	const names = readdirSync(path.join(dist, 'chunks'));
	t.true(names.includes('ui.mjs'));
	t.true(names.includes('commands.cjs'));
	const entry = readFileSync(path.join(dist, 'cli.js'), 'utf8');
	t.regex(entry, /chunks/);
});
