import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {execa} from 'execa';
import {keys, runInTerminal} from './helpers/pty.js';

// The wizard's streams and modes, through a real pseudo-terminal: redirected stdout, --plain,
// TERM=dumb, a narrow terminal.

const cli = path.resolve('dist/cli.js');

async function repoWithAnswers(t: {teardown: (fn: () => void) => void}): Promise<string> {
	const folder = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-streams-'));
	t.teardown(() => rmSync(folder, {recursive: true, force: true}));
	execFileSync('git', ['init', '-q'], {cwd: folder});
	const {stdout} = await execa(process.execPath, [
		cli,
		'answers',
		'export',
		'--example',
		'eu-saas',
	]);
	writeFileSync(path.join(folder, 'privacy-wizard.json'), stdout);
	return folder;
}

test('with stdout redirected, the UI draws on stderr and only the policy reaches stdout', async (t) => {
	const repo = await repoWithAnswers(t);
	const terminal = runInTerminal('/bin/sh', ['-c', `"${process.execPath}" "${cli}" > out.md`], {
		cwd: repo,
	});
	t.teardown(() => terminal.kill());
	await terminal.waitFor('12 of 12 complete');
	terminal.mark();
	terminal.write('w');
	await terminal.waitFor('new file');
	await terminal.answer('', 'wrote PRIVACY.md');
	terminal.mark();
	terminal.write(keys.enter);
	t.is((await terminal.exit).exitCode, 0);
	const policy = readFileSync(path.join(repo, 'PRIVACY.md'), 'utf8');
	t.is(readFileSync(path.join(repo, 'out.md'), 'utf8'), policy);
	t.true(policy.startsWith('# Privacy policy for Lumen'));
});

for (const [name, args, env] of [
	['--plain', ['--plain'], {}],
	['TERM=dumb', [], {TERM: 'dumb'}],
] as const) {
	test(`${name} asks line by line and writes the documents`, async (t) => {
		const repo = await repoWithAnswers(t);
		const terminal = runInTerminal(process.execPath, [cli, ...args], {cwd: repo, env});
		t.teardown(() => terminal.kill());
		await terminal.waitFor('Sections');
		terminal.mark();
		// From the first section, up wraps to "Quit", then "Write the documents".
		terminal.write(keys.up);
		await terminal.waitFor('Quit');
		terminal.mark();
		terminal.write(keys.up);
		await terminal.waitFor('Write the documents');
		terminal.mark();
		terminal.write(keys.enter);
		await terminal.waitFor('wrote PRIVACY.md');
		t.is((await terminal.exit).exitCode, 0);
		t.true(existsSync(path.join(repo, 'PRIVACY.md')));
		t.true(existsSync(path.join(repo, 'DATA-RIGHTS.md')));
	});
}

test('at 40 columns no line of the first question is wider than the terminal', async (t) => {
	const repo = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-narrow-'));
	t.teardown(() => rmSync(repo, {recursive: true, force: true}));
	execFileSync('git', ['init', '-q'], {cwd: repo});
	const terminal = runInTerminal(process.execPath, [cli], {
		cwd: repo,
		columns: 40,
		rows: 30,
		env: {HOME: repo, GIT_CONFIG_GLOBAL: '/dev/null'},
	});
	t.teardown(() => terminal.kill());
	await terminal.waitFor('Enter');
	terminal.mark();
	terminal.write(keys.enter);
	const screen = await terminal.waitFor('question 1 of');
	for (const line of screen.split(/\r?\n/)) {
		t.true([...line].length <= 40, `too wide: ${JSON.stringify(line)}`);
	}

	terminal.write(keys.ctrlC);
	t.is((await terminal.exit).exitCode, 130);
});
