// `npm run bench`: start-up, generation and scan costs of the built CLI, each beside its budget
// from design.md. Times are medians of repeated runs, as ratios to `node -e 0` measured in the
// same run, so that a slow or busy machine does not move the verdict much. Never run in tests.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/cli.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-bench-'));

function timeOnce(args, options = {}) {
	const start = process.hrtime.bigint();
	const result = spawnSync(process.execPath, args, {
		cwd: work,
		encoding: 'utf8',
		env: {...process.env, NO_COLOR: '1'},
		...options,
	});
	const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
	if (result.status !== 0 && !options.allowFailure) {
		throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
	}

	return elapsed;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Alternate the measured command with the baseline, so drift in machine load hits both. */
function measure(args, options) {
	const times = [];
	const baseline = [];
	for (let index = 0; index < runs; index++) {
		baseline.push(timeOnce(['-e', '0']));
		times.push(timeOnce(args, options));
	}

	return {ms: median(times), baseline: median(baseline)};
}

/** Peak resident memory of a run, from /usr/bin/time when present, else from a sampled child. */
function peakRss(args) {
	const timeBinary = '/usr/bin/time';
	const result = spawnSync(timeBinary, ['-f', '%M', process.execPath, ...args], {
		cwd: work,
		encoding: 'utf8',
	});
	if (result.status === 0) {
		const kib = Number(result.stderr.trim().split('\n').at(-1));
		if (Number.isFinite(kib)) return kib / 1024;
	}

	const probe = spawnSync(
		process.execPath,
		[
			'-e',
			`process.on('exit', () => console.error('RSS', process.resourceUsage().maxRSS));process.argv.splice(1, 0, ${JSON.stringify(cli)});await import(${JSON.stringify(cli)});`,
			...args.slice(1),
		],
		{cwd: work, encoding: 'utf8'},
	);
	const match = /RSS (\d+)/.exec(probe.stderr);
	return match ? Number(match[1]) / 1024 : Number.NaN;
}

function syntheticAnswers(processors, items) {
	// A bundled example, complete under every law it triggers, grown to `processors` recipients and
	// `items` data items by copying its own entries: it stays complete as the questionnaire grows.
	const base = JSON.parse(
		readFileSync(path.join(root, 'questionnaires/examples/eu-saas.json'), 'utf8'),
	);
	const dataItems = Array.from({length: items}, (_, index) => {
		const item = base.dataItems[index % base.dataItems.length];
		const copy = Math.floor(index / base.dataItems.length);
		return copy === 0 ? item : {...item, id: `${item.id}-${copy}`, name: `${item.name} ${copy}`};
	});
	const copiesOf = (id) =>
		dataItems.filter((item) => item.id === id || item.id.startsWith(`${id}-`));
	const purposes = base.purposes.map((purpose) => ({
		...purpose,
		dataItems: purpose.dataItems.flatMap((id) => copiesOf(id).map((item) => item.id)),
	}));
	const recipients = Array.from({length: processors}, (_, index) => {
		const recipient = base.recipients[index % base.recipients.length];
		const copy = Math.floor(index / base.recipients.length);
		if (copy === 0) return recipient;
		return {...recipient, id: `${recipient.id}-${copy}`, name: `${recipient.name} ${copy}`};
	});
	return {...base, dataItems, purposes, recipients};
}

function lockfile(count) {
	const packages = {'': {name: 'bench-app', version: '1.0.0'}};
	const names = ['stripe', '@sentry/node', 'posthog-js', '@sendgrid/mail', 'openai', 'twilio'];
	for (let index = 0; index < count; index++) {
		const name = index < names.length ? names[index] : `package-${index}`;
		packages[`node_modules/${name}`] = {
			version: '1.0.0',
			resolved: `https://registry.npmjs.org/${name}/-/x-1.0.0.tgz`,
			integrity: 'sha512-x',
		};
	}

	return JSON.stringify(
		{name: 'bench-app', lockfileVersion: 3, requires: true, packages},
		undefined,
		2,
	);
}

/** `count` package names: a few real SDKs first, then made-up ones. */
function names(count, real) {
	return Array.from({length: count}, (_, index) =>
		index < real.length ? real[index] : `package-${index}`,
	);
}

/**
A generator per format the scan reads: a repo-relative path and the text of a file with `count`
entries. Each plants a few real SDKs so that matching, not only reading, is measured.
*/
const formats = {
	'package-lock.json': ['package-lock.json', (count) => lockfile(count)],
	'pnpm-lock.yaml': [
		'pnpm-lock.yaml',
		(count) =>
			`lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      stripe:\n        specifier: ^14.0.0\n        version: 14.0.0\n\npackages:\n\n${names(
				count,
				['stripe', '@sentry/node'],
			)
				.map((name) => `  '${name}@1.0.0':\n    resolution: {integrity: sha512-x}\n`)
				.join('\n')}`,
	],
	'yarn.lock': [
		'yarn.lock',
		(count) =>
			`# yarn lockfile v1\n\n${names(count, ['stripe', '@sentry/node'])
				.map(
					(name) =>
						`"${name}@^1.0.0":\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/${name}/-/x-1.0.0.tgz"\n`,
				)
				.join('\n')}`,
	],
	'bun.lock': [
		'bun.lock',
		(count) =>
			`{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "app",\n      "dependencies": {\n        "stripe": "^14.0.0",\n      },\n    },\n  },\n  "packages": {\n${names(
				count,
				['stripe', '@sentry/node'],
			)
				.map((name) => `    "${name}": ["${name}@1.0.0", "", {}, "sha512-x"],\n`)
				.join('')}  }\n}\n`,
	],
	'requirements.txt': [
		'requirements.txt',
		(count) =>
			`${names(count, ['stripe', 'sentry-sdk', 'boto3'])
				.map((name) => `${name}==1.0.0`)
				.join('\n')}\n`,
	],
	'poetry.lock': [
		'poetry.lock',
		(count) =>
			names(count, ['stripe', 'sentry-sdk'])
				.map(
					(name) =>
						`[[package]]\nname = "${name}"\nversion = "1.0.0"\noptional = false\nfiles = [\n    {file = "x.whl", hash = "sha256:0"},\n]\n`,
				)
				.join('\n'),
	],
	'uv.lock': [
		'uv.lock',
		(count) =>
			`version = 1\n\n${names(count, ['stripe', 'sentry-sdk'])
				.map(
					(name) =>
						`[[package]]\nname = "${name}"\nversion = "1.0.0"\nsource = { registry = "https://pypi.org/simple" }\n`,
				)
				.join('\n')}`,
	],
	'Pipfile.lock': [
		'Pipfile.lock',
		(count) =>
			JSON.stringify(
				{
					_meta: {},
					default: Object.fromEntries(
						names(count, ['stripe', 'sentry-sdk']).map((name) => [name, {version: '==1.0.0'}]),
					),
				},
				undefined,
				4,
			),
	],
	'Gemfile.lock': [
		'Gemfile.lock',
		(count) =>
			`GEM\n  remote: https://rubygems.org/\n  specs:\n${names(count, ['stripe', 'sentry-ruby'])
				.map((name) => `    ${name} (1.0.0)\n      rack (>= 2)\n`)
				.join('')}\nDEPENDENCIES\n  stripe\n`,
	],
	'go.mod': [
		'go.mod',
		(count) =>
			`module example.com/app\n\ngo 1.22\n\nrequire (\n${names(count, [
				'github.com/stripe/stripe-go/v79',
				'github.com/getsentry/sentry-go',
			])
				.map((name) => `\t${name.includes('/') ? name : `example.com/${name}`} v1.0.0\n`)
				.join('')})\n`,
	],
	'composer.lock': [
		'composer.lock',
		(count) =>
			JSON.stringify(
				{
					packages: names(count, ['stripe/stripe-php', 'sentry/sentry']).map((name) => ({
						name: name.includes('/') ? name : `vendor/${name}`,
						version: '1.0.0',
					})),
				},
				undefined,
				4,
			),
	],
	'pom.xml': [
		'pom.xml',
		(count) =>
			`<project>\n  <dependencies>\n${names(count, ['com.stripe:stripe-java', 'io.sentry:sentry'])
				.map((name) => {
					const [group, artifact] = name.includes(':') ? name.split(':') : ['com.example', name];
					return `    <dependency>\n      <groupId>${group}</groupId>\n      <artifactId>${artifact}</artifactId>\n      <version>1.0.0</version>\n    </dependency>\n`;
				})
				.join('')}  </dependencies>\n</project>\n`,
	],
	'gradle/libs.versions.toml': [
		'gradle/libs.versions.toml',
		(count) =>
			`[libraries]\n${names(count, [
				'com.appsflyer:af-android-sdk',
				'com.google.firebase:firebase-analytics',
			])
				.map(
					(name, index) =>
						`lib${index} = { module = "${name.includes(':') ? name : `com.example:${name}`}", version = "1.0.0" }\n`,
				)
				.join('')}`,
	],
	'Podfile.lock': [
		'Podfile.lock',
		(count) =>
			`PODS:\n${names(count, ['Amplitude', 'FirebaseAnalytics'])
				.map((name) => `  - ${name} (1.0.0):\n    - Dependency (~> 1.0)\n`)
				.join('')}\nDEPENDENCIES:\n  - Amplitude\n\nCOCOAPODS: 1.15.2\n`,
	],
	'Package.resolved': [
		'Package.resolved',
		(count) =>
			JSON.stringify(
				{
					pins: names(count, ['revenuecat/purchases-ios', 'getsentry/sentry-cocoa']).map(
						(name) => ({
							identity: name,
							kind: 'remoteSourceControl',
							location: `https://github.com/${name.includes('/') ? name : `example/${name}`}.git`,
							state: {revision: '0', version: '1.0.0'},
						}),
					),
					version: 2,
				},
				undefined,
				2,
			),
	],
	'pubspec.lock': [
		'pubspec.lock',
		(count) =>
			`packages:\n${names(count, ['firebase_core', 'purchases_flutter'])
				.map(
					(name) =>
						`  ${name.replaceAll('-', '_')}:\n    dependency: transitive\n    description:\n      name: ${name.replaceAll('-', '_')}\n      url: "https://pub.dev"\n    source: hosted\n    version: "1.0.0"\n`,
				)
				.join('')}sdks:\n  dart: ">=3.0.0 <4.0.0"\n`,
	],
	'index.html (script tags)': [
		'index.html',
		(count) =>
			`<!doctype html>\n<html><head>\n<script>gtag('config', 'G-1');</script>\n${names(count, [
				'static.hotjar.com',
				'plausible.io',
			])
				.map(
					(name) =>
						`<script src="https://${name.includes('.') ? name : `${name}.example.com`}/script.js"></script>\n`,
				)
				.join('')}</head></html>\n`,
	],
};

/** A repo holding one generated file of `count` entries. */
function scanRepoWith(file, generate, count) {
	const repo = mkdtempSync(path.join(work, 'scan-'));
	mkdirSync(path.join(repo, path.dirname(file)), {recursive: true});
	writeFileSync(path.join(repo, file), generate(count));
	return repo;
}

/**
The scan itself (source/repo/scan.ts: the walk, the reads and the detection), bundled by esbuild
and timed inside a fresh process for each repo: starting a process costs more than reading
10,000 entries and varies more on a shared machine, and a fresh heap keeps one format's garbage
out of the next one's time. The best of the runs: other work on the machine only ever adds time.
*/
async function inProcessScan() {
	const {build} = await import('esbuild');
	const outfile = path.join(work, 'scan.mjs');
	await build({
		entryPoints: [path.join(root, 'source/repo/scan.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		outfile,
		logLevel: 'silent',
	});
	const script = `const {scanRepo} = await import(${JSON.stringify(pathToFileURL(outfile).href)});
const [repo, times] = process.argv.slice(1);
await scanRepo(repo);
const elapsed = [];
for (let index = 0; index < Number(times); index++) {
	const start = process.hrtime.bigint();
	await scanRepo(repo);
	elapsed.push(Number(process.hrtime.bigint() - start) / 1e6);
}
console.log(Math.min(...elapsed));`;
	return (repo, times) => {
		const result = spawnSync(
			process.execPath,
			['--input-type=module', '-e', script, repo, String(times)],
			{encoding: 'utf8'},
		);
		if (result.status !== 0) throw new Error(result.stderr);
		return Number(result.stdout.trim());
	};
}

/**
Times from spawning the wizard in a pseudo-terminal (a fresh repo with a package.json) to its
first frame (the welcome text) and to its first question (whether to use the package name).
*/
async function wizardStart(repo) {
	const {spawn} = await import('node-pty');
	return new Promise((resolve, reject) => {
		const start = process.hrtime.bigint();
		const since = () => Number(process.hrtime.bigint() - start) / 1e6;
		const pty = spawn(process.execPath, [cli], {
			cols: 100,
			rows: 30,
			cwd: repo,
			env: {...process.env, CI: 'false', NO_COLOR: '1'},
		});
		let output = '';
		let frame;
		let question;
		const timer = setTimeout(() => {
			pty.kill();
			reject(new Error(`no question after 10 s: ${output.slice(-300)}`));
		}, 10_000);
		pty.onExit(() => {
			clearTimeout(timer);
			if (question !== undefined) resolve({frame, question});
		});
		pty.onData((data) => {
			if (question !== undefined) return;
			output += data;
			if (frame === undefined && output.includes('Answers are saved after every question'))
				frame = since();
			if (output.includes('as a suggestion for')) {
				question = since();
				pty.kill();
			}
		});
	});
}

async function measureWizard(repo) {
	const frames = [];
	const questions = [];
	const baseline = [];
	for (let index = 0; index < runs; index++) {
		baseline.push(timeOnce(['-e', '0']));
		const {frame, question} = await wizardStart(repo);
		frames.push(frame);
		questions.push(question);
	}

	return {frame: median(frames), question: median(questions), baseline: median(baseline)};
}

const rows = [];
const row = (name, value, budget, ok) => rows.push({name, value, budget, ok});

try {
	if (!statSync(cli, {throwIfNoEntry: false}))
		throw new Error('dist/cli.js is missing: run `npm run build` first.');

	// What npm would publish: every file, unpacked; and no runtime dependencies.
	const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
	});
	const [packed] = JSON.parse(pack.stdout || '[{}]');
	const unpacked = packed.unpackedSize ?? Number.NaN;
	row(
		'package size (npm pack, unpacked)',
		`${(unpacked / 1024 / 1024).toFixed(2)} MB in ${packed.entryCount ?? '?'} files`,
		'≤ 3 MB',
		unpacked <= 3 * 1024 * 1024,
	);
	const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const dependencies = Object.keys(manifest.dependencies ?? {}).length;
	row('runtime dependencies', String(dependencies), '0', dependencies === 0);

	const version = measure([cli, '--version']);
	row(
		'--version',
		`${version.ms.toFixed(0)} ms = ${(version.ms / version.baseline).toFixed(2)}× node -e 0 (${version.baseline.toFixed(0)} ms)`,
		'≤ 1.15×',
		version.ms / version.baseline <= 1.15,
	);

	const only = process.env.BENCH_ONLY;
	if (only !== 'scan') await startAndGenerate();
	await scans();
} finally {
	rmSync(work, {recursive: true, force: true});
}

async function startAndGenerate() {
	const example = measure([cli, 'generate', '--example']);
	row(
		'generate --example',
		`${example.ms.toFixed(0)} ms = ${(example.ms / example.baseline).toFixed(2)}× node -e 0 (${example.baseline.toFixed(0)} ms)`,
		'≤ 1.3×',
		example.ms / example.baseline <= 1.3,
	);

	const bigFile = path.join(work, 'big.json');
	writeFileSync(bigFile, JSON.stringify(syntheticAnswers(200, 100)));
	const big = measure([cli, 'generate', '--answers', bigFile]);
	row(
		'generate, 200 processors × 100 data items',
		`${big.ms.toFixed(0)} ms = ${(big.ms / big.baseline).toFixed(2)}×`,
		'≤ 1.5×',
		big.ms / big.baseline <= 1.5,
	);

	const bigger = path.join(work, 'bigger.json');
	writeFileSync(bigger, JSON.stringify(syntheticAnswers(800, 400)));
	const large = measure([cli, 'generate', '--answers', bigger]);
	const growth = (large.ms - large.baseline) / Math.max(1, big.ms - big.baseline);
	row(
		'generate, 4× the processors and items',
		`${large.ms.toFixed(0)} ms (cost above node ×${growth.toFixed(1)})`,
		'linear: ≤ ~4×',
		growth <= 5,
	);

	const rss = peakRss([cli, 'generate', '--answers', bigFile]);
	row('peak RSS, generate (200 × 100)', `${rss.toFixed(1)} MB`, '≤ 90 MB', rss <= 90);

	const fresh = path.join(work, 'fresh');
	mkdirSync(fresh);
	spawnSync('git', ['init', '-q'], {cwd: fresh});
	writeFileSync(path.join(fresh, 'package.json'), JSON.stringify({name: 'bench-app'}));
	const wizard = await measureWizard(fresh);
	row(
		'wizard: start to first frame (pty)',
		`${wizard.frame.toFixed(0)} ms = ${(wizard.frame / wizard.baseline).toFixed(2)}×`,
		'for reference',
		true,
	);
	row(
		'wizard: first interactive screen, first run in a fresh git repo (pty)',
		`${wizard.question.toFixed(0)} ms = ${(wizard.question / wizard.baseline).toFixed(2)}×`,
		'≤ 3.5×',
		wizard.question / wizard.baseline <= 3.5,
	);
}

async function scans() {
	const repo = scanRepoWith('package-lock.json', lockfile, 10_000);
	const process10k = measure([cli, 'scan', '--json'], {cwd: repo, allowFailure: true});
	row(
		'scan (CLI process), 10,000-package lockfile',
		`${process10k.ms.toFixed(0)} ms = ${(process10k.ms / process10k.baseline).toFixed(2)}× node -e 0`,
		'for reference',
		true,
	);

	// Each format: 10,000 entries, then 40,000; linear means about 4× the time.
	const scanRuns = Number(process.env.BENCH_SCAN_RUNS ?? 9);
	const scan = await inProcessScan();
	for (const [label, [file, generate]] of Object.entries(formats)) {
		const small = scan(scanRepoWith(file, generate, 10_000), scanRuns);
		const large = scan(scanRepoWith(file, generate, 40_000), scanRuns);
		row(
			`scan, ${label}: 10k → 40k entries`,
			`${small.toFixed(1)} ms → ${large.toFixed(1)} ms (×${(large / small).toFixed(1)})`,
			'linear: ≤ ~4×',
			large / small <= 5,
		);
	}
}

const width = Math.max(...rows.map((entry) => entry.name.length));
for (const entry of rows) {
	console.log(
		`${entry.ok ? 'ok  ' : 'OVER'}  ${entry.name.padEnd(width)}  ${entry.value}  (budget ${entry.budget})`,
	);
}

console.log(`\n${runs} runs each, medians; Node ${process.version}.`);
