import {spawn} from 'node:child_process';
import {
	chmodSync,
	readdirSync,
	readFileSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {hostname} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {serializeAnswers} from '../source/core/answers/canonical.js';
import {withSchemaReference} from '../source/core/answers/schema.js';
import {example, golden} from './helpers/answers.js';
import {run, temporaryFolder} from './helpers/cli.js';

// Nothing typed is lost: the answers file and the documents, written by the real CLI on a disk
// that fills up, beside another writer, through links, with modes that must stay.

const fullDisk = pathToFileURL(new URL('helpers/full-disk.mjs', import.meta.url).pathname).href;
const onFullDisk = {NODE_OPTIONS: `--import=${fullDisk}`, FULL_DISK_BYTES: '8192'};

/** A folder with saved answers (eu-saas) and a bigger file to import (us-consumer). */
function setUp(t: ExecutionContext): {
	folder: string;
	saved: string;
	before: string;
} {
	const folder = temporaryFolder(t);
	const saved = path.join(folder, 'privacy-wizard.json');
	const before = serializeAnswers(withSchemaReference(example('eu-saas')));
	writeFileSync(saved, before);
	writeFileSync(path.join(folder, 'import.json'), serializeAnswers(example('us-consumer')));
	return {folder, saved, before};
}

const importing = ['answers', 'import', 'import.json', '--answers', 'privacy-wizard.json', '--yes'];

test('answers import on a full disk keeps the old file, says so, and never says "Imported"', async (t) => {
	const {folder, saved, before} = setUp(t);
	const result = await run(importing, {cwd: folder, env: onFullDisk});
	t.is(result.exitCode, 1, result.stderr);
	t.regex(
		result.stderr,
		/^privacy-wizard: Cannot write .*privacy-wizard\.json: the disk is full\./,
	);
	t.regex(result.stderr, /privacy-wizard\.json is unchanged\./);
	t.notRegex(result.stderr, /Imported/);
	t.is(readFileSync(saved, 'utf8'), before);
	t.deepEqual(readdirSync(folder).sort(), ['import.json', 'privacy-wizard.json']);
	// With room on the disk, the same import works.
	const roomy = await run(importing, {cwd: folder});
	t.is(roomy.exitCode, 0, roomy.stderr);
	t.regex(roomy.stderr, /^Imported /);
});

test('generate --out on a full disk keeps the old document and says so', async (t) => {
	const folder = temporaryFolder(t);
	const first = await run(['generate', '--example', 'global-reps', '--out', 'PRIVACY.md'], {
		cwd: folder,
	});
	t.is(first.exitCode, 0, first.stderr);
	const result = await run(['generate', '--example', '--out', 'PRIVACY.md'], {
		cwd: folder,
		env: onFullDisk,
	});
	t.is(result.exitCode, 1);
	t.regex(result.stderr, /the disk is full\. .*PRIVACY\.md is unchanged\./);
	t.notRegex(result.stderr, /Wrote|Updated/);
	t.is(readFileSync(path.join(folder, 'PRIVACY.md'), 'utf8'), golden('global-reps', 'PRIVACY.md'));
	t.deepEqual(readdirSync(folder), ['PRIVACY.md']);
});

test('answers import while another privacy-wizard has the file open is refused, naming it', async (t) => {
	const {folder, saved, before} = setUp(t);
	const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
	t.teardown(() => other.kill());
	writeFileSync(
		`${saved}.lock`,
		JSON.stringify({
			pid: other.pid,
			host: hostname(),
			command: 'privacy-wizard --plain',
			startedAt: '2026-03-01T09:15:00.000Z',
		}),
	);
	const result = await run(importing, {cwd: folder});
	t.is(result.exitCode, 1);
	t.regex(
		result.stderr,
		new RegExp(
			`privacy-wizard\\.json is in use by another privacy-wizard \\(pid ${other.pid}, \`privacy-wizard --plain\`, started 2026-03-01 09:15:00 UTC\\)`,
		),
	);
	t.regex(result.stderr, /Finish or quit that one, then try again/);
	t.is(readFileSync(saved, 'utf8'), before);
	// Once that process is gone, its lock is stale and the import goes through.
	other.kill();
	await new Promise((resolve) => other.on('exit', resolve));
	const after = await run(importing, {cwd: folder});
	t.is(after.exitCode, 0, after.stderr);
	t.deepEqual(readdirSync(folder).sort(), ['import.json', 'privacy-wizard.json']);
});

test('answers import keeps the mode of the answers file (600 stays 600)', async (t) => {
	const {folder, saved} = setUp(t);
	chmodSync(saved, 0o600);
	const result = await run(importing, {cwd: folder});
	t.is(result.exitCode, 0, result.stderr);
	t.is(statSync(saved).mode & 0o777, 0o600);
	t.regex(readFileSync(saved, 'utf8'), /Habitly/);
});

test('answers import refuses a read-only answers file instead of replacing it', async (t) => {
	const {folder, saved, before} = setUp(t);
	chmodSync(saved, 0o444);
	const result = await run(importing, {cwd: folder});
	t.is(result.exitCode, 1);
	t.regex(result.stderr, /read-only/);
	t.notRegex(result.stderr, /Imported/);
	t.is(readFileSync(saved, 'utf8'), before);
	t.is(statSync(saved).mode & 0o777, 0o444);
});

test('answers import never writes through a linked answers file that leaves the repo', async (t) => {
	const {folder} = setUp(t);
	const outside = temporaryFolder(t);
	const victim = path.join(outside, 'victim.json');
	writeFileSync(victim, '{}\n');
	symlinkSync(victim, path.join(folder, 'linked.json'));
	const result = await run(
		['answers', 'import', 'import.json', '--answers', 'linked.json', '--yes'],
		{cwd: folder},
	);
	t.is(result.exitCode, 1);
	t.regex(
		result.stderr,
		/Refusing to write .*linked\.json: it is a link to .*victim\.json, outside/,
	);
	t.is(readFileSync(victim, 'utf8'), '{}\n');
});

test('the next run removes temporary files a killed run left beside the answers file', async (t) => {
	const {folder} = setUp(t);
	const left = [
		'privacy-wizard.json.tmp-1733023456abc123',
		'privacy-wizard.json.tmp-999999-m3x1-0',
	];
	const hourAgo = new Date(Date.now() - 3_600_000);
	for (const name of left) {
		writeFileSync(path.join(folder, name), '{"half');
		utimesSync(path.join(folder, name), hourAgo, hourAgo);
	}

	const result = await run(importing, {cwd: folder});
	t.is(result.exitCode, 0, result.stderr);
	t.deepEqual(readdirSync(folder).sort(), ['import.json', 'privacy-wizard.json']);
});
