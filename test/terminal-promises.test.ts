import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {cli} from './helpers/cli.js';
import {keys, runInTerminal, type Terminal} from './helpers/pty.js';

// What the README promises a person at a terminal, checked in a real pseudo-terminal: Ctrl-C or a
// signal at any moment exits 130 with the terminal as it was (echo on, line editing on) and every
// answer given kept; NO_COLOR means no colours.

function makeRepo(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-signals-'));
	execFileSync('git', ['init', '-q'], {cwd: folder});
	execFileSync('git', ['config', 'user.email', 'founder@acme.example'], {cwd: folder});
	writeFileSync(path.join(folder, 'package.json'), JSON.stringify({name: 'acme-app'}));
	return folder;
}

/**
The CLI run by a shell in the terminal, as a person runs it; after it ends, the shell prints its
exit code and the terminal's modes (`stty -a`). The shell ignores SIGINT itself (a trap), so that
Ctrl-C reaches the CLI only, as at an interactive prompt.
*/
function fromShell(
	args: string[],
	cwd: string,
	env: Record<string, string | undefined> = {},
): Terminal {
	const command = [process.execPath, cli, ...args].map((part) => `'${part}'`).join(' ');
	return runInTerminal(
		'/bin/sh',
		['-c', `trap : INT; ${command}; echo "EXIT=$?"; stty -a; echo END`],
		{cwd, env},
	);
}

/** The pid of the CLI (the shell's child), once Node runs in it (not the shell's fork before). */
async function cliPid(terminal: Terminal): Promise<number> {
	for (;;) {
		try {
			const pid = Number(
				execFileSync('pgrep', ['-P', String(terminal.pid)])
					.toString()
					.trim()
					.split('\n')[0],
			);
			if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(cli)) return pid;
		} catch {
			// Not started yet.
		}

		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

async function ended(
	terminal: Terminal,
): Promise<{code: number; echo: boolean; canonical: boolean}> {
	const screen = await terminal.waitFor('END', 20_000);
	await terminal.exit;
	const modes = new Set(screen.split(/[\s;]+/));
	return {
		code: Number(/EXIT=(\d+)/.exec(screen)?.[1]),
		echo: modes.has('echo') && !modes.has('-echo'),
		canonical: modes.has('icanon') && !modes.has('-icanon'),
	};
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	test.serial(
		`--plain killed by ${signal}: exit 130, echo back on, the answer given kept`,
		async (t) => {
			const folder = makeRepo();
			const terminal = fromShell(['--plain'], folder);
			await terminal.waitFor('as a suggestion for product name');
			terminal.write(keys.enter);
			await terminal.waitFor('as a suggestion for contact email');
			terminal.mark();
			terminal.write(keys.enter);
			await terminal.waitFor("Your company's legal name");
			terminal.mark();
			terminal.write('Acme Labs GmbH\r');
			await terminal.waitFor('Trading name');
			process.kill(await cliPid(terminal), signal);
			const result = await ended(terminal);
			t.deepEqual(result, {code: 130, echo: true, canonical: true});
			t.regex(
				terminal.text(),
				/Stopped\. Your answers are saved in privacy-wizard\.json; run npx privacy-wizard --plain again to go on/,
			);
			t.regex(
				readFileSync(path.join(folder, 'privacy-wizard.json'), 'utf8'),
				/"legalName": "Acme Labs GmbH"/,
			);
		},
	);
}

test.serial(
	'Ctrl-C at any moment of the start of the wizard exits 130 and leaves the terminal as it was',
	async (t) => {
		for (const delay of [0, 60, 120, 200, 350, 600, 1200]) {
			const folder = makeRepo();
			const terminal = fromShell([], folder);
			// From the moment Node runs: before, Ctrl-C would reach the shell, not privacy-wizard.
			await cliPid(terminal);
			await new Promise((resolve) => setTimeout(resolve, delay));
			terminal.write(keys.ctrlC);
			const result = await ended(terminal);
			t.deepEqual(result, {code: 130, echo: true, canonical: true}, `Ctrl-C after ${delay} ms`);
			// Nothing was answered: no claim that anything was saved.
			t.notRegex(terminal.text(), /answers are saved/, `after ${delay} ms`);
		}
	},
);

test.serial(
	'the wizard killed by SIGTERM or SIGHUP exits 130 with the terminal restored',
	async (t) => {
		for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
			const folder = makeRepo();
			const terminal = fromShell([], folder);
			await terminal.waitFor('as a suggestion for');
			process.kill(await cliPid(terminal), signal);
			t.deepEqual(await ended(terminal), {code: 130, echo: true, canonical: true}, signal);
		}
	},
);

test.serial('Ctrl-C in preview exits 130; q closes it with 0', async (t) => {
	const folder = makeRepo();
	for (const [key, code] of [
		[keys.ctrlC, 130],
		['q', 0],
	] as const) {
		const terminal = fromShell(['preview', '--example'], folder);
		await terminal.waitFor('Privacy policy');
		// Scrolling shows the pager reads keys (raw mode): Ctrl-C is a key from then on.
		terminal.mark();
		terminal.write('j');
		await terminal.waitFor('lines 2–');
		terminal.write(key);
		t.deepEqual(await ended(terminal), {code, echo: true, canonical: true});
	}
});

test.serial('NO_COLOR: the wizard draws without colours (styles stay)', async (t) => {
	const folder = makeRepo();
	// eslint-disable-next-line no-control-regex
	const sequence = /\u001B\[([\d;]*)m/g;
	const sgr = (terminal: Terminal): Set<string> =>
		new Set([...terminal.raw().matchAll(sequence)].flatMap((match) => match[1]!.split(';')));
	const colour = (code: string): boolean =>
		(Number(code) >= 30 && Number(code) <= 49) || (Number(code) >= 90 && Number(code) <= 107);
	// FORCE_COLOR unset, as in a person's shell (the tests' default sets it to 0).
	const plain = runInTerminal(process.execPath, [cli], {
		cwd: folder,
		env: {NO_COLOR: '1', FORCE_COLOR: undefined},
	});
	await plain.waitFor('as a suggestion for');
	plain.write(keys.ctrlC);
	await plain.exit;
	t.deepEqual([...sgr(plain)].filter(colour), []);
	// The same screen in colour, to show the check can fail.
	const coloured = runInTerminal(process.execPath, [cli], {
		cwd: folder,
		env: {NO_COLOR: undefined, FORCE_COLOR: undefined},
	});
	await coloured.waitFor('as a suggestion for');
	coloured.write(keys.ctrlC);
	await coloured.exit;
	t.true([...sgr(coloured)].some(colour));
});
