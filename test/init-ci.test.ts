import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {load} from 'js-yaml';
import {ciOneLiner, githubWorkflow, npxCommand} from '../source/core/ci/workflow.js';
import {root} from './helpers/answers.js';
import {assertFailure, run, snapshot, temporaryFolder} from './helpers/cli.js';
import {gitRepository} from './helpers/git.js';

// `privacy-wizard init ci`: a ready GitHub Actions workflow, and the line for other CI systems.

const workflow = '.github/workflows/privacy.yml';
const version = (
	JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
).version;
const major = version.split('.')[0]!;

type Step = {
	uses?: string;
	with?: Record<string, unknown>;
	run?: string;
	if?: string;
	name?: string;
};
type Workflow = {
	name: string;
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, {'runs-on': string; steps: Step[]}>;
};

test('the workflow is valid YAML that runs check, then posts diff as the job summary, on pull requests', (t) => {
	const parsed = load(githubWorkflow('3.4.5')) as Workflow;
	t.deepEqual(Object.keys(parsed.on), ['pull_request']);
	t.deepEqual(parsed.permissions, {contents: 'read'});
	const {steps, 'runs-on': runner} = parsed.jobs['privacy']!;
	t.is(runner, 'ubuntu-latest');
	t.regex(steps[0]!.uses!, /^actions\/checkout@v\d+$/);
	t.deepEqual(steps[0]!.with, {'fetch-depth': 0}, 'the whole history, for the base');
	t.regex(steps[1]!.uses!, /^actions\/setup-node@v\d+$/);
	t.deepEqual(
		steps.flatMap((step) => (step.run ? [step.run] : [])),
		[
			'npx --yes privacy-wizard@3 check',
			'npx --yes privacy-wizard@3 diff >> "$GITHUB_STEP_SUMMARY"',
		],
	);
	// The summary is posted even when check fails.
	t.is(steps.at(-1)!.if, '${{ !cancelled() }}');
	t.false(githubWorkflow('3.4.5').includes('\t'), 'YAML has no tabs');
});

test('the package is pinned to its major version', (t) => {
	t.is(npxCommand('0.1.0'), 'npx --yes privacy-wizard@0');
	t.is(npxCommand('12.0.3-beta.1'), 'npx --yes privacy-wizard@12');
	t.is(ciOneLiner('2.0.0'), 'npx --yes privacy-wizard@2 check && npx --yes privacy-wizard@2 diff');
});

test('init ci writes the workflow at the repository root, from any folder in it, and prints the one-line equivalent', async (t) => {
	const folder = await gitRepository(t);
	mkdirSync(path.join(folder, 'app', 'src'), {recursive: true});
	const result = await run(['init', 'ci'], {cwd: path.join(folder, 'app', 'src')});
	t.is(result.exitCode, 0, result.stderr);
	t.is(result.stderr, '');
	t.is(
		result.stdout,
		[
			`Wrote ${workflow}: on every pull request it runs \`privacy-wizard check\` and posts \`privacy-wizard diff\` as the job summary. Commit it.`,
			'For another CI system, fetch the whole git history, then run:',
			`  npx --yes privacy-wizard@${major} check && npx --yes privacy-wizard@${major} diff`,
			'',
		].join('\n'),
	);
	const written = readFileSync(path.join(folder, workflow), 'utf8');
	t.is(written, githubWorkflow(version));
	const parsed = load(written) as Workflow;
	t.true(
		parsed.jobs['privacy']!.steps.some(
			(step) => step.run === `npx --yes privacy-wizard@${major} check`,
		),
	);
	t.deepEqual(
		Object.keys(snapshot(folder))
			.filter((file) => !file.startsWith('.git/'))
			.sort(),
		['.github/', '.github/workflows/', '.github/workflows/privacy.yml', 'app/', 'app/src/'],
	);
});

test('init ci never replaces a workflow without --force, and never writes outside the repository', async (t) => {
	const folder = await gitRepository(t);
	mkdirSync(path.join(folder, '.github', 'workflows'), {recursive: true});
	writeFileSync(path.join(folder, workflow), 'name: mine\n');
	assertFailure(
		t,
		await run(['init', 'ci'], {cwd: folder}),
		1,
		/\.github\/workflows\/privacy\.yml already exists in .*, so it was left untouched\.\nMove it away, or pass --force to replace it\./,
	);
	t.is(readFileSync(path.join(folder, workflow), 'utf8'), 'name: mine\n');
	const forced = await run(['init', 'ci', '--force'], {cwd: folder});
	t.is(forced.exitCode, 0);
	t.true(forced.stdout.startsWith(`Replaced ${workflow}:`));
	t.is(readFileSync(path.join(folder, workflow), 'utf8'), githubWorkflow(version));

	const other = await gitRepository(t);
	const outside = temporaryFolder(t, 'privacy-wizard-outside-');
	symlinkSync(outside, path.join(other, '.github'));
	assertFailure(
		t,
		await run(['init', 'ci'], {cwd: other}),
		1,
		/\.github leads outside the repository/,
	);
	t.deepEqual(snapshot(outside), {});
});

test('init: what to set up is required and checked', async (t) => {
	const folder = temporaryFolder(t);
	assertFailure(
		t,
		await run(['init'], {cwd: folder}),
		2,
		/privacy-wizard init needs what to set up: `privacy-wizard init ci`/,
	);
	assertFailure(
		t,
		await run(['init', 'cj'], {cwd: folder}),
		2,
		/cannot set up "cj"\. Did you mean `privacy-wizard init ci`\?/,
	);
	assertFailure(t, await run(['init', 'ci', 'extra'], {cwd: folder}), 2, /cannot set up "extra"/);
	assertFailure(
		t,
		await run(['inti', 'ci'], {cwd: folder}),
		2,
		/Did you mean `privacy-wizard init`\?/,
	);
	assertFailure(t, await run(['dif'], {cwd: folder}), 2, /Did you mean `privacy-wizard diff`\?/);
});
