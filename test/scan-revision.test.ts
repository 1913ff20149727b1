import {cpSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import type {DetectionResult} from '../source/core/catalog/detect.js';
import {scanRepo, scanRevision} from '../source/repo/scan.js';
import {snapshot, temporaryFolder} from './helpers/cli.js';
import {commitAll, gitRepository} from './helpers/git.js';

// `check --base` scans the tree of an earlier commit through git: by the same rules as the
// working tree, without checking anything out.

const fixtures = fileURLToPath(new URL('fixtures/repos/', import.meta.url));

const shape = (result: DetectionResult) => ({
	detections: result.detections.map(({service, evidence}) => [service.id, evidence]),
	warnings: result.warnings,
});

test('the tree of a commit gives what the working tree gave when it was committed, for every fixture repo', async (t) => {
	const folder = await gitRepository(t);
	for (const name of [
		'android',
		'django',
		'done-when',
		'flutter',
		'go-service',
		'ios',
		'laravel',
		'malformed',
		'npm-v3',
		'pnpm',
		'rails',
		'static-site',
		'workspaces',
		'yarn',
	]) {
		cpSync(path.join(fixtures, name), path.join(folder, name), {recursive: true});
	}

	// A link to a file inside (followed), to a folder inside, and out of the repository (never).
	const outside = temporaryFolder(t, 'privacy-wizard-outside-');
	writeFileSync(path.join(outside, 'requirements.txt'), 'datadog\n');
	symlinkSync('../django/requirements.txt', path.join(folder, 'done-when', 'requirements.txt'));
	symlinkSync(path.join(outside, 'requirements.txt'), path.join(folder, 'requirements.txt'));
	writeFileSync(
		path.join(folder, '..', 'outside.html'),
		'<script src="https://cdn.segment.com/analytics.js"></script>',
	);
	symlinkSync('../../outside.html', path.join(folder, 'static-site', 'outside.html'));
	const commit = await commitAll(folder, 'fixtures');

	const now = await scanRepo(folder);
	const before = snapshot(folder);
	const then = await scanRevision(folder, commit);
	t.deepEqual(shape(then), shape(now));
	t.true(now.detections.length > 25, String(now.detections.length));
	t.false(
		then.detections.some((detection) => ['datadog', 'segment'].includes(detection.service.id)),
	);
	t.true(
		then.warnings.includes('requirements.txt links outside the repository; it was not read.'),
		then.warnings.join('\n'),
	);
	t.true(
		then.warnings.includes(
			'static-site/outside.html links outside the repository; it was not read.',
		),
	);
	t.deepEqual(snapshot(folder), before, 'nothing written, nothing checked out');
});

test('a commit is read as it was, whatever the working tree holds now', async (t) => {
	const folder = await gitRepository(t);
	writeFileSync(path.join(folder, 'package.json'), '{"dependencies": {"@sentry/node": "8"}}\n');
	const first = await commitAll(folder, 'sentry');
	writeFileSync(path.join(folder, 'package.json'), '{"dependencies": {"posthog-js": "1"}}\n');
	writeFileSync(path.join(folder, 'Gemfile'), "gem 'stripe'\n");
	await commitAll(folder, 'posthog');
	rmSync(path.join(folder, 'Gemfile'));

	const ids = (result: DetectionResult) => result.detections.map((item) => item.service.id);
	t.deepEqual(ids(await scanRevision(folder, first)), ['sentry']);
	t.deepEqual(ids(await scanRevision(folder, 'HEAD')), ['posthog', 'stripe']);
	t.deepEqual(ids(await scanRepo(folder)), ['posthog']);
});

test('an empty commit and a link loop: nothing found, a warning, no hang', async (t) => {
	const folder = await gitRepository(t);
	const empty = await commitAll(folder, 'empty');
	t.deepEqual(shape(await scanRevision(folder, empty)), {detections: [], warnings: []});
	symlinkSync('b.html', path.join(folder, 'a.html'));
	symlinkSync('a.html', path.join(folder, 'b.html'));
	const loop = await commitAll(folder, 'loop');
	const result = await scanRevision(folder, loop);
	t.deepEqual(result.detections, []);
	t.true(
		result.warnings.includes('a.html is a broken link (too many symbolic links); it was skipped.'),
	);
});
