import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import type {Answers} from '../source/core/answers/types.js';
import {root} from './helpers/answers.js';
import {assertFailure, run, temporaryFolder, writeJson} from './helpers/cli.js';
import {commitAll, git, gitRepository} from './helpers/git.js';
import {baseAnswers, steps, versions} from './helpers/history.js';

// `privacy-wizard diff` on a real git history (built by each test with git), as a real process.

type DiffJson = {
	base: {ref: string; commit: string; label: string; answers: string; lastRevision: string | null};
	answers: string;
	file: string;
	material: boolean;
	needsRevision: boolean;
	changes: Array<{kind: string; type: string; path: string; words: string; summary?: string}>;
	revision: {
		since: {date: string; summary: string} | null;
		proposed: {date: string; summary: string} | null;
		accepted: {date: string; summary: string} | null;
	};
	documents: Array<{
		kind: string;
		label: string;
		path?: string;
		status: string;
		reason?: string;
		hunks: Array<{
			before: {start: number; lines: number};
			after: {start: number; lines: number};
			lines: Array<{kind: string; text: string}>;
		}>;
	}>;
};

const answersFile = 'privacy-wizard.json';
const today = () => new Date().toISOString().slice(0, 10);

function save(folder: string, answers: Answers): void {
	writeJson(path.join(folder, answersFile), answers);
}

/** A repository whose history makes each kind of change once: the commit ids, base first. */
async function history(t: ExecutionContext): Promise<{folder: string; commits: string[]}> {
	const folder = await gitRepository(t);
	writeFileSync(path.join(folder, 'README.md'), '# Lumen\n');
	const empty = await commitAll(folder, 'before privacy-wizard');
	const commits = [empty];
	for (const [index, answers] of versions().entries()) {
		save(folder, answers);
		commits.push(await commitAll(folder, index === 0 ? 'answers' : steps[index - 1]!.name));
	}

	return {folder, commits};
}

const parse = (stdout: string) => JSON.parse(stdout) as DiffJson;

test('diff classifies each kind of change of a committed history; exit 1 on a material one without a revision entry', async (t) => {
	const {folder, commits} = await history(t);
	for (const [index, step] of steps.entries()) {
		await git(folder, 'checkout', '-q', commits[index + 2]!);
		const result = await run(['diff', commits[index + 1]!, '--json'], {cwd: folder});
		t.is(result.stderr, '', step.name);
		const report = parse(result.stdout);
		t.deepEqual(
			report.changes.filter((change) => change.kind === 'material').map((change) => change.type),
			step.material,
			step.name,
		);
		t.is(report.material, step.material.length > 0);
		t.is(report.needsRevision, step.material.length > 0);
		t.is(result.exitCode, step.material.length > 0 ? 1 : 0, step.name);
		if (step.material.length === 0) {
			t.true(report.changes.length > 0);
			t.true(report.changes.every((change) => change.kind === 'editorial'));
		}
	}
});

test('diff --json: the report’s shape', async (t) => {
	const {folder, commits} = await history(t);
	await git(folder, 'checkout', '-q', commits[3]!);
	const result = await run(['diff', commits[2]!, '--json'], {cwd: folder});
	t.is(result.exitCode, 1);
	const report = parse(result.stdout);
	t.deepEqual(Object.keys(report), [
		'base',
		'answers',
		'file',
		'material',
		'needsRevision',
		'changes',
		'revision',
		'documents',
	]);
	t.deepEqual(report.base, {
		ref: commits[2]!,
		commit: commits[2]!,
		label: `${commits[2]!} (${commits[2]!.slice(0, 7)})`,
		answers: 'present',
		lastRevision: '2024-01-10',
	});
	t.is(report.answers, path.join(folder, answersFile));
	t.is(report.file, answersFile);
	t.deepEqual(report.changes, [
		{
			kind: 'material',
			type: 'new-recipient',
			path: 'recipients[6]',
			words: 'New recipient: Paddle (United Kingdom).',
			summary: 'Added Paddle as a recipient of personal data.',
		},
	]);
	t.deepEqual(report.revision, {
		since: null,
		proposed: {date: today(), summary: 'Added Paddle as a recipient of personal data.'},
		accepted: null,
	});
	t.deepEqual(
		report.documents.map(({kind, label, path, status}) => ({kind, label, path, status})),
		[
			{kind: 'policy', label: 'privacy policy', path: 'PRIVACY.md', status: 'changed'},
			{kind: 'rights', label: 'data-rights section', path: 'DATA-RIGHTS.md', status: 'unchanged'},
			// Documents the answers call for but give no path to are compared too.
			{kind: 'subprocessors', label: 'sub-processor list', path: undefined, status: 'changed'},
			{kind: 'inventory', label: 'personal data inventory', path: undefined, status: 'changed'},
			{kind: 'cookies', label: 'cookie policy', path: undefined, status: 'unchanged'},
			{kind: 'ropa', label: 'record of processing activities', path: undefined, status: 'changed'},
		],
	);
	const [hunk] = report.documents[0]!.hunks;
	t.deepEqual(Object.keys(hunk!), ['before', 'after', 'lines']);
	t.true(
		report.documents[0]!.hunks.some((item) =>
			item.lines.some((line) => line.kind === 'added' && line.text.includes('Paddle')),
		),
	);
});

test('diff: the text report is Markdown on stdout, nothing else; it proposes the entry and says why it fails', async (t) => {
	const {folder, commits} = await history(t);
	await git(folder, 'checkout', '-q', commits[4]!);
	const result = await run(['diff', 'HEAD~1'], {cwd: folder});
	t.is(result.exitCode, 1);
	t.is(result.stderr, '');
	const short = commits[3]!.slice(0, 7);
	t.true(result.stdout.startsWith(`# Privacy changes since HEAD~1 (${short})\n\n`));
	t.true(
		result.stdout.includes(
			'## Material changes (1)\n\n- Recipient "Amazon Web Services" now also processes data in Japan. (`recipients[0].locations`)\n',
		),
	);
	t.true(result.stdout.includes('## Editorial changes (0)\n\nNone.\n'));
	t.true(
		result.stdout.includes(
			`> ${today()}: Amazon Web Services now also processes personal data in Japan.\n\nAccept it into the revision history with \`privacy-wizard diff HEAD~1 --accept\``,
		),
	);
	t.regex(
		result.stdout,
		/### Privacy policy \(PRIVACY\.md\)\n\n\d+ changed passages?:\n\n```diff\n@@ -\d+,\d+ \+\d+,\d+ @@\n/,
	);
	t.regex(result.stdout, /\n-.*Germany and United States \|/);
	t.regex(result.stdout, /\n\+.*Germany, United States and Japan \|/);
	t.true(result.stdout.includes('### Data-rights section (DATA-RIGHTS.md)\n\nUnchanged.\n'));
	t.true(
		result.stdout.endsWith(
			'**Material changes without a revision entry dated on or after 2024-01-10 (the last one at the base).** People must be told what changed: accept the proposed entry, or add one with `npx privacy-wizard`.\n',
		),
	);
	t.false(result.stdout.includes('\u001B['), 'no colour when piped');
});

test('diff: a revision entry dated on or after the base’s last one lets a material change pass', async (t) => {
	const {folder, commits} = await history(t);
	const answers = versions()[2]!;
	answers.document.revisions.unshift({date: '2024-02-01', summary: 'Added Paddle for payments.'});
	save(folder, answers);
	const result = await run(['diff', commits[2]!, '--json'], {cwd: folder});
	t.is(result.exitCode, 0, result.stdout);
	const report = parse(result.stdout);
	t.true(report.material);
	t.false(report.needsRevision);
	t.deepEqual(report.revision.since, {date: '2024-02-01', summary: 'Added Paddle for payments.'});
	t.is(report.revision.proposed, null);
	// An entry dated before the base's last one is not a new entry.
	answers.document.revisions[0]!.date = '2023-12-31';
	save(folder, answers);
	t.is((await run(['diff', commits[2]!], {cwd: folder})).exitCode, 1);
});

test('diff --accept writes the proposed entry into the answers; the next run passes', async (t) => {
	const {folder, commits} = await history(t);
	const last = commits.at(-1)!;
	const answers = versions().at(-1)!;
	answers.recipients.find((recipient) => recipient.id === 'aws')!.locations.push('CA');
	save(folder, answers);
	const accepted = await run(['diff', last, '--accept', '--json'], {cwd: folder});
	t.is(accepted.exitCode, 0, accepted.stdout);
	const report = parse(accepted.stdout);
	const entry = {
		date: today(),
		summary: 'Amazon Web Services now also processes personal data in Canada.',
	};
	t.deepEqual(report.revision, {since: entry, proposed: null, accepted: entry});
	const saved = JSON.parse(readFileSync(path.join(folder, answersFile), 'utf8')) as Answers;
	t.deepEqual(saved.document.revisions[0], entry);
	t.is(saved.document.revisions.length, 2);
	t.deepEqual(saved.recipients, answers.recipients, 'nothing else changed');

	const again = await run(['diff', last], {cwd: folder});
	t.is(again.exitCode, 0);
	t.true(
		again.stdout.includes(
			`The answers have a revision entry since the base:\n\n> ${entry.date}: ${entry.summary}\n`,
		),
	);
	// Accepting twice adds nothing.
	await run(['diff', last, '--accept'], {cwd: folder});
	const twice = JSON.parse(readFileSync(path.join(folder, answersFile), 'utf8')) as Answers;
	t.deepEqual(twice.document.revisions, saved.document.revisions);
});

test('diff without BASE: the merge base with the default branch; in CI, with the pull request’s target', async (t) => {
	const {folder, commits} = await history(t);
	const fork = commits[1]!;
	await git(folder, 'checkout', '-q', '-b', 'feature', fork);
	const answers = baseAnswers();
	answers.recipients.find((recipient) => recipient.id === 'deepl')!.locations.push('US');
	save(folder, answers);
	await commitAll(folder, 'DeepL in the US');
	const environments: Array<Record<string, string>> = [{}, {GITHUB_BASE_REF: 'main'}];
	for (const env of environments) {
		const result = await run(['diff', '--json'], {cwd: folder, env});
		t.is(result.exitCode, 1);
		const report = parse(result.stdout);
		t.is(report.base.commit, fork);
		t.is(report.base.label, `the merge base with main (${fork.slice(0, 7)})`);
		t.deepEqual(
			report.changes.map((change) => change.type),
			['new-country'],
		);
	}

	const gitlab = await run(['diff', '--json'], {
		cwd: folder,
		env: {CI_MERGE_REQUEST_DIFF_BASE_SHA: fork},
	});
	t.is(parse(gitlab.stdout).base.label, `the merge base ${fork.slice(0, 7)}`);
});

test('diff: the answers file did not exist at BASE; BASE unknown; not in a git repository; no default branch', async (t) => {
	const {folder, commits} = await history(t);
	const absent = await run(['diff', commits[0]!], {cwd: folder});
	t.is(absent.exitCode, 0);
	t.is(absent.stderr, '');
	t.regex(
		absent.stdout,
		/privacy-wizard\.json did not exist at [0-9a-f]{40} \([0-9a-f]{7}\): there is nothing to compare it with yet\./,
	);
	const absentJson = parse((await run(['diff', commits[0]!, '--json'], {cwd: folder})).stdout);
	t.is(absentJson.base.answers, 'absent');
	t.deepEqual(absentJson.changes, []);

	assertFailure(
		t,
		await run(['diff', 'no-such-branch'], {cwd: folder}),
		2,
		/Unknown revision "no-such-branch": git knows no branch, tag or commit by that name here\./,
	);
	assertFailure(t, await run(['diff', 'a', 'b'], {cwd: folder}), 2, /takes one revision/);
	assertFailure(
		t,
		await run(['diff', '--example'], {cwd: folder}),
		2,
		/the bundled examples have no history/,
	);

	const outside = temporaryFolder(t);
	save(outside, baseAnswers());
	assertFailure(
		t,
		await run(['diff', '--answers', answersFile], {cwd: outside}),
		1,
		/privacy-wizard diff compares with an earlier git revision, but .* is not in a git repository\./,
	);

	const lonely = await gitRepository(t);
	save(lonely, baseAnswers());
	await commitAll(lonely, 'answers');
	await git(lonely, 'branch', '-m', 'trunk');
	assertFailure(t, await run(['diff'], {cwd: lonely}), 1, /No default branch to compare with/);
});

test('diff: answers at BASE that are not valid are named with the revision', async (t) => {
	const folder = await gitRepository(t);
	writeFileSync(path.join(folder, answersFile), '{"schemaVersion": 2, "dpo": ');
	const broken = await commitAll(folder, 'broken');
	save(folder, baseAnswers());
	const result = await run(['diff', broken], {cwd: folder});
	assertFailure(
		t,
		result,
		1,
		/The answers at [0-9a-f]{40} \([0-9a-f]{7}\) cannot be compared: privacy-wizard\.json at .* is not valid JSON/,
	);
	// History cannot be fixed by hand or reset: the way out is another revision.
	t.regex(result.stderr, /Compare with a later revision whose answers load/);
	t.false(result.stderr.includes('answers reset'));
});

// check --base ---------------------------------------------------------------------------------

test('check --base names the SDKs added since BASE; in CI the pull request’s target is the base', async (t) => {
	const folder = await gitRepository(t);
	save(folder, baseAnswers());
	writeFileSync(
		path.join(folder, 'package.json'),
		'{"dependencies": {"@sentry/node": "8", "stripe": "14"}}\n',
	);
	await commitAll(folder, 'sentry');
	await git(folder, 'checkout', '-q', '-b', 'feature');
	writeFileSync(
		path.join(folder, 'package.json'),
		'{"dependencies": {"@sentry/node": "8", "stripe": "14", "posthog-js": "1"}}\n',
	);
	await commitAll(folder, 'posthog');
	const main = await git(folder, 'rev-parse', '--short=7', 'main');

	for (const [args, env] of [
		[['check', '--json', '--base', 'main'], {}],
		[['check', '--json'], {GITHUB_BASE_REF: 'main'}],
	] as const) {
		const result = await run([...args], {cwd: folder, env});
		t.is(result.exitCode, 1);
		const report = JSON.parse(result.stdout) as {
			base: {label: string; added: Array<{id: string; name: string}>};
			findings: Array<{id: string; message: string}>;
		};
		const label = args.length === 4 ? `main (${main})` : `the merge base with main (${main})`;
		t.is(report.base.label, label);
		t.deepEqual(report.base.added, [{id: 'posthog', name: 'PostHog'}]);
		const drift = report.findings.filter((finding) => finding.id === 'GDPR-13.1.e');
		t.deepEqual(
			drift.map((finding) => finding.message),
			[
				`The repo uses PostHog (posthog-js in dependencies of package.json:1), added since ${label}, but the answers do not list it as a recipient: the policy must name it.`,
				'The repo uses Sentry (@sentry/node in dependencies of package.json:1), but the answers do not list it as a recipient: the policy must name it.',
			],
		);
	}

	const text = await run(['check', '--base', 'main'], {cwd: folder});
	t.true(
		text.stdout.includes(`Services the repo uses that were added since main (${main}): PostHog.\n`),
	);
	// Outside CI, without --base: nothing about when.
	const plain = await run(['check', '--json'], {
		cwd: folder,
		env: {CI: 'false', GITHUB_BASE_REF: 'main'},
	});
	t.false(plain.stdout.includes('added since'));
	t.false('base' in (JSON.parse(plain.stdout) as object));
});

test('check --base: an unknown BASE is a usage error; --base needs the scan; a base CI names but git lacks is a warning', async (t) => {
	const folder = await gitRepository(t);
	save(folder, baseAnswers());
	await commitAll(folder, 'answers');
	assertFailure(
		t,
		await run(['check', '--base', 'nope'], {cwd: folder}),
		2,
		/Unknown revision "nope"/,
	);
	assertFailure(
		t,
		await run(['check', '--base', 'main', '--no-scan'], {cwd: folder}),
		2,
		/--no-scan turns off/,
	);
	const ci = await run(['check'], {cwd: folder, env: {GITHUB_BASE_REF: 'develop'}});
	t.is(ci.exitCode, 0, ci.stdout);
	t.regex(
		ci.stderr,
		/^privacy-wizard: warning: GITHUB_BASE_REF names the branch develop as the base, but git has neither origin\/develop nor develop\. In CI, fetch the whole history first .* The findings do not say which services are new\.\n$/,
	);
	const outside = temporaryFolder(t);
	save(outside, baseAnswers());
	assertFailure(
		t,
		await run(['check', '--base', 'main'], {cwd: outside}),
		1,
		/privacy-wizard check --base compares with an earlier git revision, but .* is not in a git repository/,
	);
});

test('diff: answers of an older schema version at BASE are migrated before they are compared', async (t) => {
	const folder = await gitRepository(t);
	const v1 = readFileSync(path.join(root, 'test/fixtures/answers/v1.json'), 'utf8');
	t.regex(v1, /"schemaVersion": 1/);
	writeFileSync(path.join(folder, answersFile), v1);
	await commitAll(folder, 'answers of schema version 1');
	const exported = await run(['answers', 'export'], {cwd: folder});
	t.is(exported.exitCode, 0, exported.stderr);
	t.notRegex(exported.stdout, /"schemaVersion": 1/);
	writeFileSync(path.join(folder, answersFile), exported.stdout);
	const result = await run(['diff', 'HEAD', '--json'], {cwd: folder});
	t.is(result.exitCode, 0, result.stdout);
	t.deepEqual(parse(result.stdout).changes, []);
});
