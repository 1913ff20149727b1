import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import test from 'ava';
import {execa} from 'execa';
import pkg from '../package.json' with {type: 'json'};
import {serializeAnswers} from '../source/core/answers/canonical.js';
import {withSchemaReference} from '../source/core/answers/schema.js';
import {documentFiles, example, exampleNames, golden, shuffleKeys} from './helpers/answers.js';
import {
	assertFailure,
	permissionsApply,
	run,
	snapshot,
	temporaryFolder,
	writeJson,
} from './helpers/cli.js';

const noNetwork = pathToFileURL(new URL('helpers/no-network.mjs', import.meta.url).pathname).href;

// --- Help and version -----------------------------------------------------------------------

test('--help prints the usage on stdout and exits 0', async (t) => {
	const folder = temporaryFolder(t);
	for (const args of [['--help'], ['-h'], ['generate', '--help'], ['check', '--help']]) {
		const result = await run(args, {cwd: folder});
		t.is(result.exitCode, 0, args.join(' '));
		t.is(result.stderr, '');
		t.regex(result.stdout, /privacy-wizard/);
		t.regex(result.stdout, /--answers/);
	}

	const top = await run(['--help'], {cwd: folder});
	for (const command of ['generate', 'check', 'answers', 'preview']) {
		t.true(top.stdout.includes(command), command);
	}
});

test('--version prints the package version', async (t) => {
	const folder = temporaryFolder(t);
	for (const flag of ['--version', '-v']) {
		const result = await run([flag], {cwd: folder});
		t.deepEqual(result, {exitCode: 0, stdout: `${pkg.version}\n`, stderr: ''});
	}
});

// --- generate ---------------------------------------------------------------------------------

test('generate --example prints only the Markdown of the default example', async (t) => {
	const folder = temporaryFolder(t);
	const result = await run(['generate', '--example'], {cwd: folder});
	t.deepEqual(result, {exitCode: 0, stdout: golden('eu-saas', 'PRIVACY.md'), stderr: ''});
	t.deepEqual(snapshot(folder), {}, 'nothing written');
});

for (const name of exampleNames) {
	for (const [kind, file] of documentFiles(name)) {
		test(`generate --example ${name} --document ${kind} equals outputs/${name}/${file}`, async (t) => {
			const folder = temporaryFolder(t);
			const result = await run(['generate', '--example', name, '--document', kind], {
				cwd: folder,
			});
			t.deepEqual(result, {exitCode: 0, stdout: golden(name, file), stderr: ''});
		});
	}
}

test('generate --format html and json print the page and the model, as in outputs/', async (t) => {
	const folder = temporaryFolder(t);
	for (const [format, file] of [
		['html', 'PRIVACY.html'],
		['json', 'PRIVACY.json'],
	] as const) {
		const result = await run(['generate', '--example', 'us-consumer', '--format', format], {
			cwd: folder,
		});
		t.deepEqual(result, {exitCode: 0, stdout: golden('us-consumer', file), stderr: ''});
	}

	const rights = await run(['generate', '--example', '--document', 'rights', '--format', 'html'], {
		cwd: folder,
	});
	t.deepEqual(rights, {exitCode: 0, stdout: golden('eu-saas', 'DATA-RIGHTS.html'), stderr: ''});
	const parsed = JSON.parse(golden('us-consumer', 'PRIVACY.json')) as {
		$schema: string;
		kind: string;
		sections: Array<{title: string; serves: string[]}>;
	};
	t.is(parsed.$schema, 'https://unpkg.com/privacy-wizard/dist/document.schema.json');
	t.is(parsed.kind, 'policy');
	t.true(parsed.sections.some((section) => section.title === 'California privacy notice'));
	t.deepEqual(snapshot(folder), {}, 'nothing written');
});

test('generate --out takes the format from the extension unless --format says otherwise', async (t) => {
	const folder = temporaryFolder(t);
	const cases = [
		[['--out', 'policy.html'], 'policy.html', 'PRIVACY.html'],
		[['--out', 'POLICY.HTM'], 'POLICY.HTM', 'PRIVACY.html'],
		[['--out', 'policy.json'], 'policy.json', 'PRIVACY.json'],
		[['--out', 'policy.txt'], 'policy.txt', 'PRIVACY.md'],
		[['--out', 'explicit.html', '--format', 'markdown'], 'explicit.html', 'PRIVACY.md'],
		[['--out', 'explicit.md', '--format', 'html'], 'explicit.md', 'PRIVACY.html'],
	] as const;
	for (const [flags, file, expected] of cases) {
		const result = await run(['generate', '--example', ...flags], {cwd: folder});
		t.deepEqual(result, {exitCode: 0, stdout: '', stderr: `Wrote ${file}\n`}, flags.join(' '));
		t.is(readFileSync(path.join(folder, file), 'utf8'), golden('eu-saas', expected), file);
	}
});

test('HTML and JSON files are protected like Markdown: unchanged, updated, or refused when edited', async (t) => {
	const folder = temporaryFolder(t);
	for (const file of ['PRIVACY.html', 'PRIVACY.json']) {
		t.is((await run(['generate', '--example', '--out', file], {cwd: folder})).exitCode, 0);
		t.deepEqual(await run(['generate', '--example', '--out', file], {cwd: folder}), {
			exitCode: 0,
			stdout: '',
			stderr: `Unchanged ${file}\n`,
		});
		const other = await run(['generate', '--example', 'us-consumer', '--out', file], {cwd: folder});
		t.deepEqual(other, {exitCode: 0, stdout: '', stderr: `Updated ${file}\n`});
		const target = path.join(folder, file);
		writeFileSync(target, readFileSync(target, 'utf8').replace('Habitly', 'Habitly Inc'));
		const refused = await run(['generate', '--example', '--out', file], {cwd: folder});
		assertFailure(t, refused, 1, /edited by hand.*--force/s);
	}
});

test('generate --answers FILE and PRIVACY_WIZARD_ANSWERS=FILE draft from that file', async (t) => {
	const folder = temporaryFolder(t);
	// Key order does not matter: the same answers give the same bytes.
	writeJson(path.join(folder, 'answers.json'), shuffleKeys(example('global-reps'), 3));
	const expected = golden('global-reps', 'PRIVACY.md');
	const flag = await run(['generate', '--answers', 'answers.json'], {cwd: folder});
	t.deepEqual(flag, {exitCode: 0, stdout: expected, stderr: ''});
	const fromEnvironment = await run(['generate'], {
		cwd: folder,
		env: {PRIVACY_WIZARD_ANSWERS: 'answers.json'},
	});
	t.deepEqual(fromEnvironment, {exitCode: 0, stdout: expected, stderr: ''});
	// --answers wins over the variable.
	const both = await run(['generate', '--answers', 'answers.json'], {
		cwd: folder,
		env: {PRIVACY_WIZARD_ANSWERS: 'missing.json'},
	});
	t.is(both.exitCode, 0, both.stderr);
});

test('generate --out writes the file atomically; a second run leaves it unchanged', async (t) => {
	const folder = temporaryFolder(t);
	const first = await run(['generate', '--example', '--out', 'PRIVACY.md'], {cwd: folder});
	t.is(first.exitCode, 0, first.stderr);
	t.is(first.stdout, '');
	t.is(first.stderr, 'Wrote PRIVACY.md\n');
	t.is(readFileSync(path.join(folder, 'PRIVACY.md'), 'utf8'), golden('eu-saas', 'PRIVACY.md'));
	// No temporary file left behind.
	t.deepEqual(readdirSync(folder), ['PRIVACY.md']);
	const before = snapshot(folder);

	const second = await run(['generate', '--example', '--out', 'PRIVACY.md'], {cwd: folder});
	t.deepEqual(second, {exitCode: 0, stdout: '', stderr: 'Unchanged PRIVACY.md\n'});
	t.deepEqual(snapshot(folder), before);

	// New answers replace a document privacy-wizard wrote and nobody edited.
	const other = await run(['generate', '--example', 'us-consumer', '--out', 'PRIVACY.md'], {
		cwd: folder,
	});
	t.deepEqual(other, {exitCode: 0, stdout: '', stderr: 'Updated PRIVACY.md\n'});
	t.is(readFileSync(path.join(folder, 'PRIVACY.md'), 'utf8'), golden('us-consumer', 'PRIVACY.md'));
	t.deepEqual(readdirSync(folder), ['PRIVACY.md']);
});

test('a document edited by hand is not overwritten without --force', async (t) => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'PRIVACY.md');
	t.is((await run(['generate', '--example', '--out', 'PRIVACY.md'], {cwd: folder})).exitCode, 0);
	const edited = readFileSync(file, 'utf8').replace(
		'## Summary',
		'## Summary\n\nA line our lawyer added.',
	);
	writeFileSync(file, edited);
	const before = snapshot(folder);

	const refused = await run(['generate', '--example', 'us-consumer', '--out', 'PRIVACY.md'], {
		cwd: folder,
	});
	assertFailure(t, refused, 1, /edited by hand.*--force/s);
	t.deepEqual(snapshot(folder), before, 'file unchanged');

	const forced = await run(
		['generate', '--example', 'us-consumer', '--out', 'PRIVACY.md', '--force'],
		{cwd: folder},
	);
	t.is(forced.exitCode, 0, forced.stderr);
	t.is(readFileSync(file, 'utf8'), golden('us-consumer', 'PRIVACY.md'));
});

test('a file privacy-wizard did not write is not overwritten without --force', async (t) => {
	const folder = temporaryFolder(t);
	writeFileSync(path.join(folder, 'PRIVACY.md'), '# Our privacy policy\n\nWritten by us.\n');
	const before = snapshot(folder);
	const refused = await run(['generate', '--example', '--out', 'PRIVACY.md'], {cwd: folder});
	assertFailure(t, refused, 1, /not written by privacy-wizard.*--force/s);
	t.deepEqual(snapshot(folder), before);
	const forced = await run(['generate', '--example', '--out', 'PRIVACY.md', '--force'], {
		cwd: folder,
	});
	t.is(forced.exitCode, 0, forced.stderr);
	t.is(readFileSync(path.join(folder, 'PRIVACY.md'), 'utf8'), golden('eu-saas', 'PRIVACY.md'));
});

// --- Bad input --------------------------------------------------------------------------------

test('malformed JSON answers: file:line:column, exit 1, nothing written', async (t) => {
	const folder = temporaryFolder(t);
	writeFileSync(
		path.join(folder, 'answers.json'),
		'{\n  "schemaVersion": 1,\n  "controller": {"legalName": "Acme",}\n}\n',
	);
	const before = snapshot(folder);
	const result = await run(['generate', '--answers', 'answers.json', '--out', 'PRIVACY.md'], {
		cwd: folder,
	});
	assertFailure(
		t,
		result,
		1,
		new RegExp(
			`${path.join(folder, 'answers.json').replaceAll('/', '\\/')}:3:38 is not valid JSON`,
		),
	);
	t.deepEqual(snapshot(folder), before);
});

test('answers that do not validate: field path and what is expected, exit 1', async (t) => {
	const folder = temporaryFolder(t);
	const answers = example('eu-saas');
	(answers.purposes[0]!.retention as {amount: unknown}).amount = 'thirty';
	(answers.controller as unknown as Record<string, unknown>)['legalName'] = 42;
	writeJson(path.join(folder, 'answers.json'), answers);
	const before = snapshot(folder);
	const result = await run(['generate', '--answers', 'answers.json', '--out', 'PRIVACY.md'], {
		cwd: folder,
	});
	assertFailure(t, result, 1, /does not match the answers schema/);
	t.regex(result.stderr, /controller\.legalName: expected text, found 42/);
	t.regex(result.stderr, /purposes\[0\]\.retention\.amount: expected a number, found "thirty"/);
	t.deepEqual(snapshot(folder), before);
});

test('incomplete answers: generate names what is missing, exit 1', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'answers.json'), {schemaVersion: 1, controller: {legalName: 'Acme'}});
	const result = await run(['generate', '--answers', 'answers.json'], {cwd: folder});
	assertFailure(t, result, 1, /not complete yet/);
	t.regex(result.stderr, /controller\.email/);
	t.regex(result.stderr, /privacy-wizard check/);
});

test('a missing answers file: exit 1, naming the way to start it', async (t) => {
	const folder = temporaryFolder(t);
	for (const command of ['generate', 'check', 'preview']) {
		const result = await run([command, '--answers', 'nope.json'], {cwd: folder});
		assertFailure(
			t,
			result,
			1,
			/nope\.json \(from --answers\) does not exist\.\nCheck the path, or run `npx privacy-wizard --answers nope\.json` to answer the questions and start it there\./,
		);
	}

	t.deepEqual(snapshot(folder), {});
	// No saved answers at all: the message says how to make some.
	const none = await run(['generate'], {cwd: folder});
	assertFailure(t, none, 1, /No saved answers.*--example/s);
});

const usageErrors: Array<[string, string[], RegExp]> = [
	[
		'an unknown --document',
		['generate', '--example', '--document', 'cookie-banner'],
		/--document "cookie-banner"/,
	],
	['an unknown --format', ['generate', '--example', '--format', 'pdf'], /--format "pdf"/],
	['an unknown flag', ['generate', '--example', '--frobnicate'], /Unknown option --frobnicate/],
	['an unknown flag on check', ['check', '--yes'], /Unknown option --yes/],
	['an unknown example', ['generate', '--example', 'nope'], /Unknown example "nope".*eu-saas/],
	[
		'--answers with --example',
		['generate', '--example', 'eu-saas', '--answers', 'a.json'],
		/either --example or --answers/,
	],
	['an unknown command', ['publish'], /Unknown command "publish"/],
	[
		'a mistyped command',
		['chek', '--json'],
		/Unknown command "chek"\. Did you mean `privacy-wizard check`\?/,
	],
	[
		'a mistyped answers action',
		['answers', 'exprot'],
		/Did you mean `privacy-wizard answers export`\?/,
	],
	['a stray argument', ['generate', '--example', 'eu-saas', 'extra.md'], /takes no arguments/],
	['--out without a value', ['generate', '--example', '--out'], /--out/],
];

for (const [name, args, message] of usageErrors) {
	test(`usage error, exit 2: ${name}`, async (t) => {
		const folder = temporaryFolder(t);
		assertFailure(t, await run(args, {cwd: folder}), 2, message);
		t.deepEqual(snapshot(folder), {});
	});
}

test('--out into a missing folder: exit 1, nothing written', async (t) => {
	const folder = temporaryFolder(t);
	const result = await run(['generate', '--example', '--out', 'docs/legal/PRIVACY.md'], {
		cwd: folder,
	});
	assertFailure(t, result, 1, /folder .*docs\/legal does not exist/);
	t.deepEqual(snapshot(folder), {});
});

(permissionsApply() ? test : test.skip)(
	'--out to a read-only folder: exit 1, nothing written',
	async (t) => {
		const folder = temporaryFolder(t);
		const locked = path.join(folder, 'locked');
		mkdirSync(locked);
		writeFileSync(path.join(locked, 'PRIVACY.md'), '# Ours\n');
		chmodSync(locked, 0o555);
		const before = snapshot(folder);
		const result = await run(['generate', '--example', '--out', 'locked/PRIVACY.md', '--force'], {
			cwd: folder,
		});
		assertFailure(t, result, 1, /permission denied/);
		t.deepEqual(snapshot(folder), before);
	},
);

// --- The wizard without a terminal ------------------------------------------------------------

test('the wizard without a terminal exits 2 and names the non-interactive ways', async (t) => {
	const folder = temporaryFolder(t);
	const result = await run([], {cwd: folder});
	assertFailure(t, result, 2, /generate --answers/);
	t.regex(result.stderr, /--plain/);
	t.deepEqual(snapshot(folder), {});
});

// --- answers path | export | import | reset ----------------------------------------------------

test('answers path: privacy-wizard.json at the git root, or in the folder outside a repo', async (t) => {
	const repo = temporaryFolder(t);
	await execa('git', ['init', '--quiet'], {cwd: repo});
	const sub = path.join(repo, 'packages', 'app');
	mkdirSync(sub, {recursive: true});
	const inside = await run(['answers', 'path'], {cwd: sub});
	t.deepEqual(inside, {exitCode: 0, stdout: `${repo}/privacy-wizard.json\n`, stderr: ''});

	const outside = temporaryFolder(t);
	const result = await run(['answers', 'path'], {
		cwd: outside,
		env: {GIT_CEILING_DIRECTORIES: path.dirname(outside)},
	});
	t.deepEqual(result, {exitCode: 0, stdout: `${outside}/privacy-wizard.json\n`, stderr: ''});

	const named = await run(['answers', 'path', '--answers', 'custom.json'], {cwd: outside});
	t.is(named.stdout, `${outside}/custom.json\n`);
});

test('answers export prints the canonical JSON', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'answers.json'), shuffleKeys(example('us-consumer'), 5));
	const expected = serializeAnswers(withSchemaReference(example('us-consumer')));
	const exported = await run(['answers', 'export', '--answers', 'answers.json'], {cwd: folder});
	t.deepEqual(exported, {exitCode: 0, stdout: expected, stderr: ''});
	const fromExample = await run(['answers', 'export', '--example', 'us-consumer'], {cwd: folder});
	t.deepEqual(fromExample, {exitCode: 0, stdout: expected, stderr: ''});
});

test('answers import FILE validates, saves canonical JSON, and asks before replacing', async (t) => {
	const folder = temporaryFolder(t);
	const saved = path.join(folder, 'privacy-wizard.json');
	const environment = {GIT_CEILING_DIRECTORIES: path.dirname(folder)};
	writeJson(path.join(folder, 'eu.json'), shuffleKeys(example('eu-saas'), 2));
	writeJson(path.join(folder, 'us.json'), example('us-consumer'));

	const imported = await run(['answers', 'import', 'eu.json'], {cwd: folder, env: environment});
	t.is(imported.exitCode, 0, imported.stderr);
	t.is(imported.stdout, '');
	t.regex(imported.stderr, /^Imported /);
	const canonical = serializeAnswers(withSchemaReference(example('eu-saas')));
	t.is(readFileSync(saved, 'utf8'), canonical);

	// Different answers: confirmation needed, and without a terminal only --yes gives it.
	const before = snapshot(folder);
	const refused = await run(['answers', 'import', 'us.json'], {cwd: folder, env: environment});
	assertFailure(t, refused, 2, /--yes/);
	t.deepEqual(snapshot(folder), before);

	const replaced = await run(['answers', 'import', 'us.json', '--yes'], {
		cwd: folder,
		env: environment,
	});
	t.is(replaced.exitCode, 0, replaced.stderr);
	t.is(readFileSync(saved, 'utf8'), serializeAnswers(withSchemaReference(example('us-consumer'))));
});

test('answers import of the answers already saved needs no confirmation', async (t) => {
	const folder = temporaryFolder(t);
	const environment = {GIT_CEILING_DIRECTORIES: path.dirname(folder)};
	writeJson(path.join(folder, 'eu.json'), example('eu-saas'));
	t.is((await run(['answers', 'import', 'eu.json'], {cwd: folder, env: environment})).exitCode, 0);
	const again = await run(['answers', 'import', 'eu.json'], {cwd: folder, env: environment});
	t.is(again.exitCode, 0, again.stderr);
});

test('answers import refuses an invalid file and leaves the saved answers unchanged', async (t) => {
	const folder = temporaryFolder(t);
	const environment = {GIT_CEILING_DIRECTORIES: path.dirname(folder)};
	writeJson(path.join(folder, 'eu.json'), example('eu-saas'));
	t.is((await run(['answers', 'import', 'eu.json'], {cwd: folder, env: environment})).exitCode, 0);
	const invalid = example('us-consumer');
	invalid.document.effectiveDate = 'last spring';
	writeJson(path.join(folder, 'bad.json'), invalid);
	writeFileSync(path.join(folder, 'broken.json'), '{"schemaVersion": 1,');
	const before = snapshot(folder);

	const rejected = await run(['answers', 'import', 'bad.json', '--yes'], {
		cwd: folder,
		env: environment,
	});
	assertFailure(t, rejected, 1, /document\.effectiveDate.*Nothing was imported/s);
	const broken = await run(['answers', 'import', 'broken.json', '--yes'], {
		cwd: folder,
		env: environment,
	});
	assertFailure(t, broken, 1, /broken\.json:1:21 is not valid JSON/);
	// What to do is about the file to import: resetting the saved answers would not help.
	t.regex(broken.stderr, /Fix the file by hand and import it again/);
	t.false(broken.stderr.includes('answers reset'));
	t.regex(rejected.stderr, /Fix these fields by hand and import the file again/);
	t.false(rejected.stderr.includes('re-run `privacy-wizard`'));
	const missing = await run(['answers', 'import', 'absent.json'], {cwd: folder, env: environment});
	assertFailure(t, missing, 1, /not found/);
	t.deepEqual(snapshot(folder), before);
});

test('answers reset deletes the saved answers with --yes, and asks for it without a terminal', async (t) => {
	const folder = temporaryFolder(t);
	const environment = {GIT_CEILING_DIRECTORIES: path.dirname(folder)};
	const saved = path.join(folder, 'privacy-wizard.json');
	writeJson(path.join(folder, 'eu.json'), example('eu-saas'));
	t.is((await run(['answers', 'import', 'eu.json'], {cwd: folder, env: environment})).exitCode, 0);
	const before = snapshot(folder);

	const refused = await run(['answers', 'reset'], {cwd: folder, env: environment});
	assertFailure(t, refused, 2, /--yes/);
	t.deepEqual(snapshot(folder), before);

	const reset = await run(['answers', 'reset', '--yes'], {cwd: folder, env: environment});
	t.is(reset.exitCode, 0, reset.stderr);
	t.is(reset.stdout, '');
	t.false(existsSync(saved));
	t.true(existsSync(path.join(folder, 'eu.json')));

	const nothing = await run(['answers', 'reset', '--yes'], {cwd: folder, env: environment});
	t.is(nothing.exitCode, 0);
	t.regex(nothing.stderr, /nothing to reset/);
});

test('answers: a missing or unknown action is a usage error', async (t) => {
	const folder = temporaryFolder(t);
	assertFailure(
		t,
		await run(['answers'], {cwd: folder}),
		2,
		/expected export, import, path, reset/,
	);
	assertFailure(t, await run(['answers', 'wipe'], {cwd: folder}), 2, /Unknown action "wipe"/);
	assertFailure(t, await run(['answers', 'import'], {cwd: folder}), 2, /answers import FILE/);
	assertFailure(
		t,
		await run(['answers', 'import', 'x.json', '--example'], {cwd: folder}),
		2,
		/read-only/,
	);
});

// --- check ------------------------------------------------------------------------------------

test('check on a complete answers file exits 0', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'answers.json'), example('eu-saas'));
	const result = await run(['check', '--answers', 'answers.json'], {cwd: folder});
	t.is(result.exitCode, 0, result.stdout);
	t.is(result.stderr, '');
	t.regex(result.stdout, /0 errors|No findings/);
	t.false(/^error /m.test(result.stdout));
});

test('check on an incomplete file exits 1 and names each gap with its citation', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'answers.json'), {schemaVersion: 1, controller: {legalName: 'Acme'}});
	const result = await run(['check', '--answers', 'answers.json'], {cwd: folder});
	t.is(result.exitCode, 1);
	t.is(result.stderr, '');
	// No region is answered yet, so no law applies: the gaps count against the questionnaire.
	t.regex(result.stdout, /^No privacy law that privacy-wizard drafts applies to these answers\.$/m);
	t.regex(result.stdout, /^error +CORE-ANSWERS +Missing answer: .*\(controller\.email\)\.$/m);
	t.regex(result.stdout, /privacy-wizard questionnaire/);
	t.regex(result.stdout, /Fix: /);
	t.regex(result.stdout, /\(service\.name\)/);
	t.regex(result.stdout, /\d+ errors, \d+ warnings?\.\n$/);
});

test('check --json is valid JSON with ok, errors and findings', async (t) => {
	const folder = temporaryFolder(t);
	writeJson(path.join(folder, 'answers.json'), {schemaVersion: 1, controller: {legalName: 'Acme'}});
	const result = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	t.is(result.exitCode, 1);
	t.is(result.stderr, '');
	const report = JSON.parse(result.stdout) as {
		ok: boolean;
		errors: number;
		findings: Array<Record<string, unknown>>;
	};
	t.false(report.ok);
	t.true(report.errors > 5);
	t.is(report.errors, report.findings.filter((item) => item['severity'] === 'error').length);
	for (const item of report.findings) {
		for (const key of ['id', 'severity', 'citation', 'message', 'fix']) {
			t.is(typeof item[key], 'string', `${key} of ${JSON.stringify(item)}`);
		}
	}

	t.true(report.findings.some((item) => item['path'] === 'controller.email'));

	writeJson(path.join(folder, 'complete.json'), example('eu-saas'));
	const complete = await run(['check', '--answers', 'complete.json', '--json'], {cwd: folder});
	t.is(complete.exitCode, 0);
	const ok = JSON.parse(complete.stdout) as {ok: boolean; errors: number};
	t.true(ok.ok);
	t.is(ok.errors, 0);
});

test('check flags a document that no longer matches the answers (DOC-STALE)', async (t) => {
	const folder = temporaryFolder(t);
	const answers = example('eu-saas');
	writeJson(path.join(folder, 'answers.json'), answers);
	for (const [kind, file] of documentFiles('eu-saas')) {
		const written = await run(
			['generate', '--answers', 'answers.json', '--document', kind, '--out', file],
			{cwd: folder},
		);
		t.is(written.exitCode, 0, written.stderr);
	}

	const fresh = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	t.is(fresh.exitCode, 0, fresh.stdout);
	const freshReport = JSON.parse(fresh.stdout) as {findings: Array<{id: string}>};
	t.false(freshReport.findings.some((item) => item.id.startsWith('DOC-')));

	answers.rights.verification = 'We send a one-time code to the email address of your account.';
	writeJson(path.join(folder, 'answers.json'), answers);
	const stale = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	t.is(stale.exitCode, 1);
	const report = JSON.parse(stale.stdout) as {
		findings: Array<{id: string; severity: string; path?: string}>;
	};
	const found = report.findings.filter((item) => item.id === 'DOC-STALE');
	t.deepEqual(
		found.map((item) => [item.severity, item.path]),
		[
			['error', 'PRIVACY.md'],
			['error', 'DATA-RIGHTS.md'],
		],
	);
	const text = await run(['check', '--answers', 'answers.json'], {cwd: folder});
	t.is(text.exitCode, 1);
	t.regex(text.stdout, /DOC-STALE +PRIVACY\.md is out of date/);
});

test('check compares HTML and JSON documents in their own format: fresh, stale, edited', async (t) => {
	const folder = temporaryFolder(t);
	const answers = example('eu-saas');
	answers.outputs = {policyPath: 'site/privacy.html', rightsPath: 'rights.json'};
	writeJson(path.join(folder, 'answers.json'), answers);
	const missing = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	const missingReport = JSON.parse(missing.stdout) as {findings: Array<{id: string; fix: string}>};
	t.deepEqual(
		missingReport.findings.filter((item) => item.id === 'DOC-MISSING').map((item) => item.fix),
		[
			'Run `npx privacy-wizard` (or `privacy-wizard generate --out site/privacy.html`) to write it.',
			'Run `npx privacy-wizard` (or `privacy-wizard generate --document rights --out rights.json`) to write it.',
		],
	);

	mkdirSync(path.join(folder, 'site'));
	for (const [kind, file] of [
		['policy', 'site/privacy.html'],
		['rights', 'rights.json'],
	]) {
		const written = await run(
			['generate', '--answers', 'answers.json', '--document', kind!, '--out', file!],
			{cwd: folder},
		);
		t.is(written.exitCode, 0, written.stderr);
	}

	t.true(
		readFileSync(path.join(folder, 'site/privacy.html'), 'utf8').startsWith('<!DOCTYPE html>'),
	);
	const fresh = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	t.is(fresh.exitCode, 0, fresh.stdout);
	t.false(
		(JSON.parse(fresh.stdout) as {findings: Array<{id: string}>}).findings.some((item) =>
			item.id.startsWith('DOC-'),
		),
	);

	answers.rights.verification = 'We send a one-time code to the email address of your account.';
	writeJson(path.join(folder, 'answers.json'), answers);
	const stale = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	t.is(stale.exitCode, 1);
	const findings = (JSON.parse(stale.stdout) as {findings: Array<{id: string; path?: string}>})
		.findings;
	t.deepEqual(
		findings.filter((item) => item.id.startsWith('DOC-')).map((item) => [item.id, item.path]),
		[
			['DOC-STALE', 'site/privacy.html'],
			['DOC-STALE', 'rights.json'],
		],
	);

	const page = path.join(folder, 'site/privacy.html');
	writeFileSync(
		page,
		readFileSync(page, 'utf8').replace('<main>', '<main>\n<p>Added by hand.</p>'),
	);
	const edited = await run(['check', '--answers', 'answers.json', '--json'], {cwd: folder});
	t.deepEqual(
		(JSON.parse(edited.stdout) as {findings: Array<{id: string; path?: string}>}).findings
			.filter((item) => item.id.startsWith('DOC-'))
			.map((item) => [item.id, item.path]),
		[
			['DOC-EDITED', 'site/privacy.html'],
			['DOC-STALE', 'rights.json'],
		],
	);
});

// --- No network -------------------------------------------------------------------------------

test('the network guard really blocks and records (sanity check of the harness)', async (t) => {
	const folder = temporaryFolder(t);
	const log = path.join(folder, 'attempts.log');
	const result = await execa(
		process.execPath,
		[
			'-e',
			[
				"for (const attempt of [() => fetch('https://example.com'), () => require('node:net').connect(80, 'example.com'), () => require('node:https').request('https://example.com')]) {",
				'  try { attempt(); console.log("not blocked"); } catch {}',
				'}',
			].join('\n'),
		],
		{env: {NODE_OPTIONS: `--import=${noNetwork}`, NO_NETWORK_LOG: log}, reject: false},
	);
	t.is(result.exitCode, 0, String(result.stderr));
	t.is(result.stdout, '');
	t.deepEqual(readFileSync(log, 'utf8').trim().split('\n').sort(), [
		'fetch',
		'https.request',
		'net.connect',
	]);
});

test('generate and check make no network connection', async (t) => {
	const folder = temporaryFolder(t);
	const log = path.join(folder, 'attempts.log');
	const env = {NODE_OPTIONS: `--import=${noNetwork}`, NO_NETWORK_LOG: log};
	const generated = await run(['generate', '--example'], {cwd: folder, env});
	t.deepEqual(generated, {exitCode: 0, stdout: golden('eu-saas', 'PRIVACY.md'), stderr: ''});
	writeJson(path.join(folder, 'answers.json'), example('eu-saas'));
	const checked = await run(['check', '--answers', 'answers.json'], {cwd: folder, env});
	t.is(checked.exitCode, 0, checked.stdout + checked.stderr);
	const written = await run(['generate', '--answers', 'answers.json', '--out', 'PRIVACY.md'], {
		cwd: folder,
		env,
	});
	t.is(written.exitCode, 0, written.stderr);
	t.false(existsSync(log), existsSync(log) ? readFileSync(log, 'utf8') : '');
});
