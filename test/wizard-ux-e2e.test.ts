import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {keys, runInTerminal, type Terminal} from './helpers/pty.js';

// The wizard as a new founder walks it, in a real pseudo-terminal.

const cli = path.resolve('dist/cli.js');

function makeRepo(t: {teardown: (fn: () => void) => void}): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-ux-'));
	t.teardown(() => rmSync(folder, {recursive: true, force: true}));
	execFileSync('git', ['init', '-q'], {cwd: folder});
	execFileSync('git', ['config', 'user.email', 'founder@acme.example'], {cwd: folder});
	writeFileSync(path.join(folder, 'package.json'), JSON.stringify({name: 'acme-app'}));
	return folder;
}

function wizard(
	t: {teardown: (fn: () => void) => void},
	cwd: string,
	options: {args?: string[]; env?: Record<string, string>; unset?: string[]} = {},
): Terminal {
	const terminal = runInTerminal(process.execPath, [cli, ...(options.args ?? [])], {
		cwd,
		env: options.env,
		unset: options.unset,
	});
	t.teardown(() => terminal.kill());
	return terminal;
}

/** From the welcome screen (suggestions declined) to the first question. */
async function start(terminal: Terminal): Promise<void> {
	await terminal.waitFor('Use “acme-app”');
	terminal.write('n');
	await terminal.waitFor('Use “founder@acme.example”');
	terminal.write('n');
	await terminal.answer('', "Your company's legal name");
}

// Colour codes (foreground, background, 256 and true colour), not bold, dim or inverse.
// eslint-disable-next-line no-control-regex
const colour = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

test.serial(
	'NO_COLOR set: the wizard draws without colour, keeping bold and the cursor',
	async (t) => {
		const repo = makeRepo(t);
		const terminal = wizard(t, repo, {env: {NO_COLOR: '1'}, unset: ['FORCE_COLOR']});
		await start(terminal);
		await terminal.answer('Acme Labs GmbH', 'Trading name');
		t.notRegex(terminal.raw(), colour);
		t.true(terminal.raw().includes('\u001B[1m'), 'bold stays');
		terminal.write(keys.ctrlC);
		t.is((await terminal.exit).exitCode, 130);
	},
);

test.serial('NO_COLOR empty or unset: the wizard has colour (the control)', async (t) => {
	const repo = makeRepo(t);
	const terminal = wizard(t, repo, {env: {NO_COLOR: ''}, unset: ['FORCE_COLOR']});
	await start(terminal);
	t.regex(terminal.raw(), colour);
	terminal.write(keys.ctrlC);
	await terminal.exit;
});

test.serial('FORCE_COLOR=0 turns colour off too', async (t) => {
	const repo = makeRepo(t);
	const terminal = wizard(t, repo, {env: {FORCE_COLOR: '0'}, unset: ['NO_COLOR']});
	await start(terminal);
	t.notRegex(terminal.raw(), colour);
	terminal.write(keys.ctrlC);
	await terminal.exit;
});

const paste = (text: string): string => `\u001B[200~${text}\u001B[201~`;

test.serial(
	'a multi-line paste is never submitted: spaces in a field, lines in a list',
	async (t) => {
		const repo = makeRepo(t);
		const terminal = wizard(t, repo);
		await start(terminal);
		t.true(terminal.raw().includes('\u001B[?2004h'), 'bracketed paste is on');
		terminal.mark();
		terminal.write(paste('Acme Labs\r\nGmbH\r'));
		await terminal.waitFor('Acme Labs GmbH');
		// Still on the legal name: the paste did not submit.
		t.notRegex(terminal.text().slice(-400), /Trading name/);
		await terminal.answer('', 'Trading name');
		await terminal.answer('', 'Street and number');
		terminal.mark();
		terminal.write(paste('Torstraße 1\rHinterhaus\r'));
		await terminal.waitFor('2. Hinterhaus');
		await terminal.answer('', 'Postal code');
		terminal.write(keys.ctrlC);
		t.is((await terminal.exit).exitCode, 130);
		t.true(terminal.raw().includes('\u001B[?2004l'), 'bracketed paste is off again');
		const saved = JSON.parse(readFileSync(path.join(repo, 'privacy-wizard.json'), 'utf8'));
		t.is(saved.controller.legalName, 'Acme Labs GmbH');
		t.deepEqual(saved.controller.address.lines, ['Torstraße 1', 'Hinterhaus']);
	},
);

test.serial(
	'the next run resumes at the question that was on screen, in its section',
	async (t) => {
		const repo = makeRepo(t);
		const first = wizard(t, repo);
		await start(first);
		await first.answer('Acme Labs GmbH', 'Trading name');
		// Stopped on an optional question, left blank: the next run opens it again.
		first.write(keys.ctrlC);
		t.is((await first.exit).exitCode, 130);
		const again = wizard(t, repo);
		await again.waitFor('Trading name, if different');
		t.regex(again.text(), /Section 1 of \d+ · question 2 of 13/);
		t.false(again.text().includes('privacy-wizard · Sections'));
		await again.answer('Acme', 'Street and number');
		// Stopped before the repo was read to the end, a re-run still exits.
		again.write(keys.ctrlC);
		t.is((await again.exit).exitCode, 130);
	},
);

test.serial('--answers NEW starts a new answers file there, and says how to go on', async (t) => {
	const repo = makeRepo(t);
	const terminal = wizard(t, repo, {args: ['--answers', 'new.json']});
	await terminal.waitFor('saved after every question to new.json');
	await start(terminal);
	await terminal.answer('Acme Labs GmbH', 'Trading name');
	terminal.write(keys.ctrlC);
	t.is((await terminal.exit).exitCode, 130);
	t.regex(
		terminal.text().replaceAll(/\s+/g, ' '),
		/run npx privacy-wizard --answers new\.json again to go on/,
	);
	t.is(
		JSON.parse(readFileSync(path.join(repo, 'new.json'), 'utf8')).controller.legalName,
		'Acme Labs GmbH',
	);
	t.false(existsSync(path.join(repo, 'privacy-wizard.json')));
});
