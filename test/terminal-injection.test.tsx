import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {render} from 'ink-testing-library';
import {terminalSafe} from '../source/cli/terminal-text.js';
import {renderMarkdown} from '../source/preview/render.js';
import {Text} from '../source/ui/palette.js';
import {example} from './helpers/answers.js';
import {cli, run, temporaryFolder, writeJson} from './helpers/cli.js';
import {runInTerminal} from './helpers/pty.js';

// An escape sequence in a company name (or a file name, or a key) is shown, never obeyed: it
// must not clear the screen, retitle the terminal, plant a link or reorder the text around it.

const clear = '\u001B[2J\u001B[H';
const retitle = '\u001B]0;pwned\u0007';
const link = '\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007';
const override = '\u202Etxt.exe';
const c1 = '\u009B31m';
const hostile = `Acme${clear}${retitle}${link}${override}${c1}\r`;

/** Anything a terminal would act on: ESC, BEL, CR, C1 controls, bidi controls. */
// eslint-disable-next-line no-control-regex
const active = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function assertInert(t: {false: (value: boolean, message?: string) => void}, text: string): void {
	const match = active.exec(text);
	t.false(
		match !== null,
		match
			? `U+${match[0].codePointAt(0)!.toString(16)} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 40))}`
			: '',
	);
}

test('terminalSafe shows controls as visible escapes and leaves text alone', (t) => {
	t.is(
		terminalSafe(hostile),
		'Acme\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\u202etxt.exe\\x9b31m\\x0d',
	);
	for (const plain of [
		'Zoë & Søren GmbH',
		'日本語 · 東京',
		'Café 🍰',
		'two\nlines\tand a tab',
		'',
	]) {
		t.is(terminalSafe(plain), plain);
	}

	t.is(terminalSafe('\u2066isolate\u2069 \u2028'), '\\u2066isolate\\u2069 \\u2028');
	assertInert(
		t,
		terminalSafe(String.fromCharCode(...Array.from({length: 0xa0}, (_, index) => index))),
	);
});

test('check prints findings that quote answers inertly', async (t) => {
	const folder = temporaryFolder(t);
	const answers = example('eu-saas');
	answers.controller.legalName = `TODO ${hostile}`;
	writeJson(path.join(folder, 'answers.json'), answers);
	const result = await run(['check', '--answers', 'answers.json', '--no-scan'], {cwd: folder});
	t.is(result.exitCode, 1, result.stderr);
	t.regex(result.stdout, /holds a placeholder: "TODO Acme\\x1b\[2J/);
	assertInert(t, result.stdout);
	assertInert(t, result.stderr);
	// --json stays exact JSON: the value round-trips.
	const json = await run(['check', '--answers', 'answers.json', '--no-scan', '--json'], {
		cwd: folder,
	});
	const parsed = JSON.parse(json.stdout) as {findings: Array<{message: string}>};
	t.true(
		parsed.findings.some((finding) => finding.message.includes(`TODO ${hostile}`.slice(0, 40))),
	);
});

test('schema errors and JSON syntax errors quote the file inertly', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'keys.json'), {...example('eu-saas'), [`x${retitle}`]: 1});
	const keys = await run(['generate', '--answers', 'keys.json'], {cwd: folder});
	t.is(keys.exitCode, 1);
	t.regex(keys.stderr, /no field named "x\\x1b\]0;pwned\\x07"/);
	assertInert(t, keys.stderr);
	writeFileSync(path.join(folder, 'broken.json'), `{"controller": "${clear}${link}`);
	const broken = await run(['generate', '--answers', 'broken.json'], {cwd: folder});
	t.is(broken.exitCode, 1);
	t.regex(broken.stderr, /broken\.json:1:\d+ is not valid JSON/);
	assertInert(t, broken.stderr);
	// A file name is quoted too.
	const named = await run(['generate', '--answers', `missing${clear}.json`], {cwd: folder});
	t.regex(named.stderr, /missing\\x1b\[2J/);
	assertInert(t, named.stderr);
});

test('scan warnings and evidence quote names from the repo inertly', async (t) => {
	const folder = temporaryFolder(t);
	execFileSync('git', ['init', '-q'], {cwd: folder});
	writeJson(path.join(folder, 'package.json'), {
		name: 'app',
		workspaces: ['packages/*'],
		dependencies: {stripe: '1'},
	});
	const odd = path.join(folder, 'packages', `x${retitle}`);
	mkdirSync(odd, {recursive: true});
	writeFileSync(path.join(odd, 'package.json'), `{"name": "${clear}`);
	const result = await run(['scan'], {cwd: folder});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stderr, /warning: .*x\\x1b\]0;pwned\\x07/);
	t.regex(result.stdout, /Stripe/);
	assertInert(t, result.stdout);
	assertInert(t, result.stderr);
});

test('the preview renders answers inertly, entities included', async (t) => {
	const text = await renderMarkdown(
		`# Policy\n\nWe are ${override} and &#x1b;[2J &#27;]0;x&#7; \`${clear}\`.\n`,
		{
			width: 80,
			color: false,
		},
	);
	assertInert(t, text);
	t.regex(text, /\\u202etxt\.exe/);
	const folder = temporaryFolder(t);
	const answers = example('eu-saas');
	answers.controller.legalName = `Acme ${override}`;
	writeJson(path.join(folder, 'answers.json'), answers);
	const result = await run(['preview', '--answers', 'answers.json'], {cwd: folder});
	t.is(result.exitCode, 0, result.stderr);
	t.regex(result.stdout, /Acme \\u202etxt\.exe/);
	assertInert(t, result.stdout);
});

test('Ink screens show answers inertly (Text)', (t) => {
	const {lastFrame, unmount} = render(
		<Text>
			Company: {hostile} <Text bold>{`nested ${retitle}`}</Text>
		</Text>,
	);
	const frame = lastFrame() ?? '';
	unmount();
	t.regex(frame, /Company: Acme\\x1b\[2J/);
	t.regex(frame, /nested \\x1b\]0;pwned/);
	assertInert(t, frame);
});

test('the wizard and --plain show what the repo tells inertly, in a terminal', async (t) => {
	for (const plain of [false, true]) {
		const folder = temporaryFolder(t);
		execFileSync('git', ['init', '-q'], {cwd: folder});
		writeJson(path.join(folder, 'package.json'), {name: `acme${retitle}${link}`});
		const terminal = runInTerminal(process.execPath, [cli, ...(plain ? ['--plain'] : [])], {
			cwd: folder,
			env: {NO_COLOR: '1'},
		});
		await terminal.waitFor('as a suggestion for');
		terminal.kill();
		await terminal.exit;
		const seen = terminal.raw();
		t.true(seen.includes('acme\\x1b]0;pwned\\x07'), plain ? 'plain' : 'ink');
		t.false(seen.includes('\u001B]0;pwned'), 'no title change');
		t.false(seen.includes('\u001B]8;;https://evil'), 'no planted link');
	}
});
