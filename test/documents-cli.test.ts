import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {defaultFileName, formatsOf} from '../source/core/drafting/documents.js';
import {documentFiles, example, golden, kindsOf, root, variants} from './helpers/answers.js';
import {assertFailure, run, snapshot, temporaryFolder, writeJson} from './helpers/cli.js';
import {runInTerminal} from './helpers/pty.js';

// `generate --document KIND|all`, `--format csv`, `preview --document KIND` and `check` over
// every document, as real processes.

test('generate --document all --out DIR writes every document the answers call for, as in outputs/', async (t) => {
	const folder = temporaryFolder(t);
	const result = await run(['generate', '--example', '--document', 'all', '--out', 'docs'], {
		cwd: folder,
	});
	t.is(result.exitCode, 0, result.stderr);
	t.is(result.stdout, '');
	const files = documentFiles('eu-saas');
	t.deepEqual(
		result.stderr.trimEnd().split('\n'),
		files.map(([, file]) => `Wrote docs/${file}`),
	);
	t.deepEqual(
		Object.keys(snapshot(folder)).sort(),
		['docs/', ...files.map(([, file]) => `docs/${file}`)].sort(),
	);
	for (const [, file] of files) {
		t.is(readFileSync(path.join(folder, 'docs', file), 'utf8'), golden('eu-saas', file), file);
	}

	// Again: nothing changes. A file edited by hand is kept and named; the others are still written.
	const again = await run(['generate', '--example', '--document', 'all', '--out', 'docs'], {
		cwd: folder,
	});
	t.regex(again.stderr, /^Unchanged docs\/PRIVACY\.md$/m);
	const edited = path.join(folder, 'docs', 'SUBPROCESSORS.md');
	writeFileSync(edited, readFileSync(edited, 'utf8').replace('## Overview', '## Our overview'));
	const kept = await run(
		['generate', '--example', '--document', 'all', '--out', 'docs', '--format', 'html'],
		{cwd: folder},
	);
	t.is(kept.exitCode, 0, 'HTML files are other files');
	const refused = await run(['generate', '--example', '--document', 'all', '--out', 'docs'], {
		cwd: folder,
	});
	t.is(refused.exitCode, 1);
	t.regex(refused.stderr, /SUBPROCESSORS\.md was edited by hand/);
	t.regex(refused.stderr, /^Unchanged docs\/DATA-INVENTORY\.md$/m);
	t.true(readFileSync(edited, 'utf8').includes('## Our overview'));
	const forced = await run(
		['generate', '--example', '--document', 'all', '--out', 'docs', '--force'],
		{cwd: folder},
	);
	t.is(forced.exitCode, 0, forced.stderr);
	t.is(readFileSync(edited, 'utf8'), golden('eu-saas', 'SUBPROCESSORS.md'));
});

test('generate --document all --format csv writes only the register; without --out it is a usage error', async (t) => {
	const folder = temporaryFolder(t);
	const csv = await run(
		['generate', '--example', '--document', 'all', '--format', 'csv', '--out', '.'],
		{cwd: folder},
	);
	t.is(csv.exitCode, 0, csv.stderr);
	t.deepEqual(Object.keys(snapshot(folder)), ['RECORD-OF-PROCESSING.csv']);
	t.is(
		readFileSync(path.join(folder, 'RECORD-OF-PROCESSING.csv'), 'utf8'),
		golden('eu-saas', 'RECORD-OF-PROCESSING.csv'),
	);
	assertFailure(
		t,
		await run(['generate', '--example', '--document', 'all'], {cwd: folder}),
		2,
		/--document all writes one file per document: give --out DIR/,
	);
	assertFailure(
		t,
		await run(
			[
				'generate',
				'--example',
				'us-consumer',
				'--document',
				'all',
				'--format',
				'csv',
				'--out',
				'x',
			],
			{cwd: folder},
		),
		2,
		/No document the answers call for can be written as csv: --format csv is for --document ropa/,
	);
});

test('generate --document ropa: CSV by --format or a .csv --out; CSV is for the register alone', async (t) => {
	const folder = temporaryFolder(t);
	const printed = await run(['generate', '--example', '--document', 'ropa', '--format', 'csv'], {
		cwd: folder,
	});
	t.deepEqual(printed, {
		exitCode: 0,
		stdout: golden('eu-saas', 'RECORD-OF-PROCESSING.csv'),
		stderr: '',
	});
	const written = await run(['generate', '--example', '--document', 'ropa', '--out', 'r.csv'], {
		cwd: folder,
	});
	t.is(written.exitCode, 0, written.stderr);
	t.is(
		readFileSync(path.join(folder, 'r.csv'), 'utf8'),
		golden('eu-saas', 'RECORD-OF-PROCESSING.csv'),
	);
	assertFailure(
		t,
		await run(['generate', '--example', '--format', 'csv'], {cwd: folder}),
		2,
		/The privacy policy cannot be written as csv: expected markdown, html, json\. --format csv is for --document ropa\./,
	);
	assertFailure(
		t,
		await run(['generate', '--example', 'us-consumer', '--document', 'ropa'], {cwd: folder}),
		1,
		/No record of processing activities is drafted for the answers in the bundled example "us-consumer": no law that applies to them requires one/,
	);
});

test('generate and preview take every document kind', async (t) => {
	const folder = temporaryFolder(t);
	for (const kind of kindsOf(example('us-consumer'))) {
		const generated = await run(['generate', '--example', 'us-consumer', '--document', kind], {
			cwd: folder,
		});
		t.deepEqual(
			generated,
			{exitCode: 0, stdout: golden('us-consumer', defaultFileName(kind)), stderr: ''},
			kind,
		);
		const previewed = await run(['preview', '--example', 'us-consumer', '--document', kind], {
			cwd: folder,
		});
		t.is(previewed.exitCode, 0, previewed.stderr);
		t.false(previewed.stdout.includes('privacy-wizard:'), 'the marker is not shown');
		t.true(previewed.stdout.length > 200, kind);
	}

	const unknown = await run(['generate', '--example', '--document', 'nope'], {cwd: folder});
	assertFailure(
		t,
		unknown,
		2,
		/Unknown --document "nope": expected policy or rights or .* or all\./,
	);
});

test('check reports each document kind missing, then stale against the answers, in the format it was written', async (t) => {
	const folder = temporaryFolder(t);
	const answers = variants['eu-saas, also serving California']!();
	const paths: Record<string, string> = {
		policy: 'PRIVACY.md',
		rights: 'rights.html',
		subprocessors: 'SUBPROCESSORS.md',
		inventory: 'inventory.json',
		cookies: 'COOKIES.md',
		ropa: 'record.csv',
		'notice-at-collection': 'NOTICE.html',
	};
	answers.outputs = {
		policyPath: paths['policy']!,
		rightsPath: paths['rights'],
		subprocessorsPath: paths['subprocessors'],
		inventoryPath: paths['inventory'],
		cookiesPath: paths['cookies'],
		ropaPath: paths['ropa'],
		noticeAtCollectionPath: paths['notice-at-collection'],
	};
	t.deepEqual(kindsOf(answers), Object.keys(paths));
	writeJson(path.join(folder, 'answers.json'), answers);
	const report = async (): Promise<Array<{id: string; path?: string}>> =>
		(
			JSON.parse(
				(await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder})).stdout,
			) as {findings: Array<{id: string; path?: string}>}
		).findings.filter((finding) => finding.id.startsWith('DOC-'));

	t.deepEqual(
		(await report()).map((finding) => [finding.id, finding.path]),
		Object.values(paths).map((file) => ['DOC-MISSING', file]),
	);
	for (const [kind, file] of Object.entries(paths)) {
		const written = await run(
			['generate', '--answers', 'answers.json', '--document', kind, '--out', file],
			{cwd: folder},
		);
		t.is(written.exitCode, 0, written.stderr);
	}

	t.true(readFileSync(path.join(folder, 'record.csv'), 'utf8').startsWith('Controller,'));
	t.true(formatsOf('ropa').includes('csv'));
	t.deepEqual(await report(), []);

	// A new legal and service name reaches every document: each one is now stale.
	answers.controller.legalName = 'Lumen Analytics GmbH';
	answers.service.name = 'Lumen Survey';
	writeJson(path.join(folder, 'answers.json'), answers);
	t.deepEqual(
		(await report()).map((finding) => [finding.id, finding.path]),
		Object.values(paths).map((file) => ['DOC-STALE', file]),
	);

	// A CSV edited by hand is reported as edited, like any other format.
	const record = path.join(folder, 'record.csv');
	writeFileSync(record, readFileSync(record, 'utf8').replace('Controller,', 'Company,'));
	t.true(
		(await report()).some(
			(finding) => finding.id === 'DOC-EDITED' && finding.path === 'record.csv',
		),
	);
});

test('preview in a terminal opens on the document asked for and switches to the others with ←/→', async (t) => {
	const folder = temporaryFolder(t);
	const terminal = runInTerminal(
		process.execPath,
		[path.join(root, 'dist/cli.js'), 'preview', '--example', '--document', 'cookies'],
		{cwd: folder},
	);
	t.teardown(() => terminal.kill());
	await terminal.waitFor(/Cookie policy document 1 of 6/);
	terminal.mark();
	terminal.write('\u001B[C');
	await terminal.waitFor(/Privacy policy document 2 of 6/);
	terminal.mark();
	terminal.write('\u001B[D');
	await terminal.waitFor(/Cookie policy document 1 of 6/);
	terminal.mark();
	terminal.write('\u001B[D');
	await terminal.waitFor(/Record of processing activities document 6 of 6/);
	terminal.write('q');
	t.is((await terminal.exit).exitCode, 0);
});
