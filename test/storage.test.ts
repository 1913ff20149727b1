import {spawn} from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
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
import test from 'ava';
import {serializeAnswers} from '../source/core/answers/canonical.js';
import {openAnswers} from '../source/storage/answers-store.js';
import {writeDocument} from '../source/storage/documents.js';
import {
	nodeFileSystem,
	removeStaleTemporaries,
	writeVerified,
	type FileSystem,
} from '../source/storage/files.js';
import {acquireLock} from '../source/storage/lock.js';
import {example} from './helpers/answers.js';
import {permissionsApply, temporaryFolder} from './helpers/cli.js';

const old = 'the old contents\n';
const fresh = 'the new contents, somewhat longer than the old ones\n';

/** Files in a folder other than those named. */
function others(folder: string, ...known: string[]): string[] {
	return readdirSync(folder).filter((name) => !known.includes(name));
}

/** A file system whose writes to temporary files fail as `failure` says. */
function failing(failure: 'ENOSPC' | 'short' | 'garbled'): FileSystem {
	return {
		...nodeFileSystem,
		async open(file, flags, mode) {
			const handle = await nodeFileSystem.open(file, flags, mode);
			if (!file.includes('.tmp-')) return handle;
			let written = 0;
			return {
				...handle,
				async write(buffer, offset, length, position) {
					// The first 8 bytes go through, then the disk is full.
					if (written >= 8) {
						if (failure === 'ENOSPC')
							throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
								code: 'ENOSPC',
							});
						if (failure === 'short') return {bytesWritten: 0};
					}

					const take = failure === 'garbled' ? length : Math.min(length, 8 - written);
					const result = await handle.write(buffer, offset, take, position);
					written += result.bytesWritten;
					return result;
				},
				chmod: async (value) => handle.chmod(value),
				sync: async () => handle.sync(),
				close: async () => handle.close(),
			};
		},
		async readFile(file) {
			const bytes = await nodeFileSystem.readFile(file);
			return failure === 'garbled' && file.includes('.tmp-') ? bytes.subarray(0, 8) : bytes;
		},
	};
}

for (const failure of ['ENOSPC', 'short', 'garbled'] as const) {
	test(`a write that fails (${failure}) is refused with a message and keeps the old file`, async (t) => {
		const folder = temporaryFolder(t);
		const file = path.join(folder, 'privacy-wizard.json');
		writeFileSync(file, old);
		const error = await t.throwsAsync(
			writeVerified(file, fresh, {what: 'Answers file', root: folder, fs: failing(failure)}),
			{name: 'OperationError'},
		);
		t.regex(
			error!.message,
			failure === 'ENOSPC'
				? /disk is full/
				: failure === 'short'
					? /only 8 of \d+ bytes could be written/
					: /read back differs/,
		);
		t.regex(error!.message, /privacy-wizard\.json is unchanged/);
		t.is(readFileSync(file, 'utf8'), old);
		t.deepEqual(others(folder, 'privacy-wizard.json'), [], 'no temporary file left');
	});
}

test('a new file that cannot be written completely is not created', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'PRIVACY.md');
	const error = await t.throwsAsync(
		writeVerified(file, fresh, {what: 'Document', root: folder, fs: failing('ENOSPC')}),
	);
	t.regex(error!.message, /Nothing was written/);
	t.deepEqual(readdirSync(folder), []);
});

test('a write keeps the mode of the file it replaces (600 stays 600, 664 stays 664)', async (t) => {
	const folder = temporaryFolder(t);
	for (const mode of [0o600, 0o664, 0o640]) {
		const file = path.join(folder, `file-${mode.toString(8)}.json`);
		writeFileSync(file, old);
		chmodSync(file, mode);
		await writeVerified(file, fresh, {what: 'Answers file', root: folder});
		t.is(statSync(file).mode & 0o777, mode, mode.toString(8));
		t.is(readFileSync(file, 'utf8'), fresh);
	}
});

test('a read-only file is refused with a message, not replaced', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'privacy-wizard.json');
	writeFileSync(file, old);
	chmodSync(file, 0o444);
	const error = await t.throwsAsync(
		writeVerified(file, fresh, {what: 'Answers file', root: folder}),
	);
	t.regex(error!.message, /read-only/);
	t.is(readFileSync(file, 'utf8'), old);
	t.is(statSync(file).mode & 0o777, 0o444);
});

test('a file in a read-only folder is refused with a message', async (t) => {
	if (!permissionsApply()) {
		t.pass('permissions do not apply to this user');
		return;
	}

	const folder = temporaryFolder(t);
	const file = path.join(folder, 'PRIVACY.md');
	writeFileSync(file, old);
	chmodSync(folder, 0o555);
	const error = await t.throwsAsync(writeVerified(file, fresh, {what: 'Document', root: folder}));
	t.regex(error!.message, /permission denied/);
	t.is(readFileSync(file, 'utf8'), old);
});

test('a link that leads out of the repository is never written through', async (t) => {
	const repo = temporaryFolder(t);
	const outside = temporaryFolder(t);
	const victim = path.join(outside, 'victim.txt');
	writeFileSync(victim, old);
	// The answers file is a link out of the repo.
	symlinkSync(victim, path.join(repo, 'privacy-wizard.json'));
	const linked = await t.throwsAsync(
		writeVerified(path.join(repo, 'privacy-wizard.json'), fresh, {
			what: 'Answers file',
			root: repo,
		}),
	);
	t.regex(linked!.message, /is a link to .*victim\.txt, outside/);
	// The documents folder is a link out of the repo.
	symlinkSync(outside, path.join(repo, 'docs'));
	const folderLink = await t.throwsAsync(
		writeDocument(path.join(repo, 'docs', 'PRIVACY.md'), fresh, {root: repo}),
	);
	t.regex(folderLink!.message, /its folder is a link to .*, outside/);
	// A path from the answers that climbs out of the repo.
	const climbing = await t.throwsAsync(
		writeDocument(path.join(repo, '..', path.basename(outside), 'PRIVACY.md'), fresh, {root: repo}),
	);
	t.regex(climbing!.message, /outside/);
	t.is(readFileSync(victim, 'utf8'), old);
	t.deepEqual(readdirSync(outside), ['victim.txt']);
});

test('a link inside the repository is written through, and stays a link', async (t) => {
	const repo = temporaryFolder(t);
	mkdirSync(path.join(repo, 'config'));
	writeFileSync(path.join(repo, 'config', 'answers.json'), old);
	symlinkSync('config/answers.json', path.join(repo, 'privacy-wizard.json'));
	await writeVerified(path.join(repo, 'privacy-wizard.json'), fresh, {
		what: 'Answers file',
		root: repo,
	});
	t.is(readFileSync(path.join(repo, 'config', 'answers.json'), 'utf8'), fresh);
	t.true(statSync(path.join(repo, 'privacy-wizard.json')).isFile());
	t.is(readdirSync(repo).sort().join(' '), 'config privacy-wizard.json');
});

test('temporary files left by killed runs are removed; those of a running one stay', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'privacy-wizard.json');
	writeFileSync(file, old);
	const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
	t.teardown(() => child.kill());
	const dead = spawn(process.execPath, ['-e', '0']);
	await new Promise((resolve) => dead.on('exit', resolve));
	const stale = [
		// conf's writer (atomically), from before this version: by age.
		'privacy-wizard.json.tmp-1733023456abc123',
		// Ours, from a process that is gone.
		`privacy-wizard.json.tmp-${dead.pid!}-m3x1-0`,
		// The old document writer.
		'.privacy-wizard.json.0123456789ab.tmp',
	];
	const live = `privacy-wizard.json.tmp-${child.pid!}-m3x1-0`;
	const young = 'privacy-wizard.json.tmp-1733023999def456';
	for (const name of [...stale, live, young]) writeFileSync(path.join(folder, name), '{"half');
	const hourAgo = new Date(Date.now() - 3_600_000);
	for (const name of stale) utimesSync(path.join(folder, name), hourAgo, hourAgo);
	mkdirSync(path.join(folder, 'privacy-wizard.json.tmp-folder'));
	await removeStaleTemporaries(file);
	t.deepEqual(
		readdirSync(folder).sort(),
		['privacy-wizard.json', live, 'privacy-wizard.json.tmp-folder', young].sort(),
	);
	t.true(existsSync(file));
});

// --- The lock and compare-and-swap on the answers file ------------------------------------------

test('a second writer on the answers file is refused with a message naming the first', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'privacy-wizard.json');
	const first = await acquireLock(file);
	const error = await t.throwsAsync(acquireLock(file));
	t.regex(
		error!.message,
		new RegExp(
			`in use by another privacy-wizard \\(pid ${process.pid}, \`privacy-wizard[^\`]*\`, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)`,
		),
	);
	t.regex(error!.message, /Finish or quit that one, then try again/);
	t.regex(error!.message, /privacy-wizard\.json\.lock/);
	await first.release();
	const again = await acquireLock(file);
	await again.release();
	t.deepEqual(readdirSync(folder), []);
});

test('a lock left by a process that died is taken over', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'privacy-wizard.json');
	const dead = spawn(process.execPath, ['-e', '0']);
	await new Promise((resolve) => dead.on('exit', resolve));
	writeFileSync(
		`${file}.lock`,
		JSON.stringify({
			pid: dead.pid,
			host: hostname(),
			command: 'privacy-wizard',
			startedAt: new Date().toISOString(),
		}),
	);
	const lock = await acquireLock(file);
	t.is(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).pid, process.pid);
	await lock.release();
});

test('saving over a file changed since it was opened is refused, and the change is kept', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'privacy-wizard.json');
	const answers = example('eu-saas');
	writeFileSync(file, serializeAnswers(answers));
	const session = await openAnswers({kind: 'file', path: file, from: '--answers'});
	t.teardown(async () => session.close());
	// Saving what was opened works, twice (the session follows its own writes).
	await session.save({...answers, service: {...answers.service, name: 'First'}});
	await session.save({...answers, service: {...answers.service, name: 'Second'}});
	// Someone else edits the file.
	const edited = readFileSync(file, 'utf8').replace('"Second"', '"Edited elsewhere"');
	writeFileSync(file, edited);
	const error = await t.throwsAsync(
		session.save({...answers, service: {...answers.service, name: 'Third'}}),
	);
	t.regex(error!.message, /was changed by another program/);
	t.is(readFileSync(file, 'utf8'), edited);
});
