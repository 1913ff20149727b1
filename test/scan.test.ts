import {
	chmodSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {execa} from 'execa';
import {scanRepo} from '../source/repo/scan.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures/repos/', import.meta.url));

const doneWhen = [
	'auth0',
	'intercom',
	'openai',
	'posthog',
	'sendgrid',
	'sentry',
	'stripe',
	'twilio',
] as const;

const secrets = [
	'fixture-secret-never-printed-1',
	'fixture-secret-never-printed-2',
	'fixture-secret-never-printed-3',
	'fixture-secret-never-printed-4',
];

type ScanJson = {
	root: string;
	detections: Array<{id: string; name: string; category: string; evidence: string[]}>;
	warnings: string[];
};

type CheckJson = {
	ok: boolean;
	errors: number;
	findings: Array<{id: string; severity: string; message: string; fix: string}>;
};

async function run(args: string[], cwd: string) {
	const env: Record<string, string | undefined> = {
		...process.env,
		NO_COLOR: '1',
		PRIVACY_WIZARD_ANSWERS: undefined,
	};
	return execa(process.execPath, [cli, ...args], {
		cwd,
		env,
		extendEnv: false,
		reject: false,
		stdin: 'ignore',
		timeout: 30_000,
	});
}

/** A copy of a fixture repo in a temp folder, with its own git root, removed after the test. */
async function repo(t: ExecutionContext, name?: string): Promise<string> {
	const parent = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-scan-'));
	t.teardown(() => {
		rmSync(parent, {recursive: true, force: true});
	});
	const folder = path.join(parent, 'repo');
	if (name === undefined) {
		mkdirSync(folder);
	} else {
		cpSync(path.join(fixtures, name), folder, {recursive: true});
	}

	await execa('git', ['init', '-q', '.'], {cwd: folder});
	return folder;
}

async function scanJson(t: ExecutionContext, cwd: string): Promise<ScanJson> {
	const result = await run(['scan', '--json'], cwd);
	t.is(result.exitCode, 0, result.stderr);
	return JSON.parse(result.stdout) as ScanJson;
}

const ids = (json: ScanJson): string[] => json.detections.map((detection) => detection.id).sort();

const evidence = (json: ScanJson, id: string): string[] =>
	json.detections.find((detection) => detection.id === id)?.evidence ?? [];

function noSecrets(t: ExecutionContext, ...texts: string[]): void {
	for (const text of texts) {
		for (const secret of secrets) {
			t.false(text.includes(secret), `${secret} was printed`);
		}
	}
}

// scan -------------------------------------------------------------------------------------

test('scan names all eight services of the "done when" repo, with evidence', async (t) => {
	const folder = await repo(t, 'done-when');
	const result = await run(['scan'], folder);
	t.is(result.exitCode, 0, result.stderr);
	for (const [name, category, line] of [
		['Stripe', 'payments', 'stripe in dependencies of package.json:12'],
		['Sentry', 'error-monitoring', '@sentry/node in dependencies of package.json:9'],
		['PostHog', 'product-analytics', 'posthog-js in dependencies of package.json:11'],
		['Twilio SendGrid', 'transactional-email', '@sendgrid/mail in dependencies of package.json:8'],
		['OpenAI', 'ai', 'openai in dependencies of package.json:10'],
		['Twilio', 'sms-telephony', 'twilio in dependencies of package.json:13'],
		['Auth0', 'authentication', '@auth0/auth0-react in dependencies of package.json:6'],
		['Intercom', 'support', '@intercom/messenger-js-sdk in dependencies of package.json:7'],
	] as const) {
		t.true(
			result.stdout.includes(`${name} (${category})\n  ${line}\n`),
			`${name}: ${result.stdout}`,
		);
	}

	t.regex(result.stdout, /8 services suggested/);
	noSecrets(t, result.stdout, result.stderr);

	const json = await scanJson(t, folder);
	t.deepEqual(ids(json), [...doneWhen]);
	t.is(json.root, folder);
	t.deepEqual(json.warnings, []);
	t.deepEqual(
		json.detections.find((detection) => detection.id === 'sentry'),
		{
			id: 'sentry',
			name: 'Sentry',
			category: 'error-monitoring',
			evidence: ['@sentry/node in dependencies of package.json:9'],
		},
	);
});

test('scan never reads .env or .env.local: their keys reveal nothing and values never print', async (t) => {
	const folder = await repo(t, 'done-when');
	const json = await scanJson(t, folder);
	// MIXPANEL_TOKEN is only in .env, HOTJAR_SITE_ID only in .env.local.
	t.false(ids(json).includes('mixpanel'));
	t.false(ids(json).includes('hotjar'));
	t.false(evidence(json, 'stripe').some((line) => line.includes('.env')));
	noSecrets(t, JSON.stringify(json));
});

test('scan: npm lockfile v3 and .env.example keys', async (t) => {
	const json = await scanJson(t, await repo(t, 'npm-v3'));
	t.deepEqual(ids(json), ['logrocket', 'mailgun', 'sentry']);
	t.deepEqual(evidence(json, 'sentry'), [
		'@sentry/node in dependencies of package.json:6',
		'SENTRY_DSN in .env.example:3',
		'@sentry/node in package-lock.json:11',
	]);
	t.deepEqual(evidence(json, 'mailgun'), ['mailgun.js in package-lock.json:30']);
	t.deepEqual(evidence(json, 'logrocket'), ['LOGROCKET_APP_ID in .env.example:4']);
	t.false(JSON.stringify(json).includes('your-app-id-here'));
});

test('scan: pnpm workspace and pnpm-lock.yaml v9', async (t) => {
	const json = await scanJson(t, await repo(t, 'pnpm'));
	t.deepEqual(ids(json), ['algolia', 'mapbox', 'postmark', 'resend']);
	t.deepEqual(evidence(json, 'resend'), [
		'resend in dependencies of packages/api/package.json:4',
		'resend in pnpm-lock.yaml:17',
	]);
	t.deepEqual(evidence(json, 'mapbox'), [
		'NEXT_PUBLIC_MAPBOX_TOKEN in packages/web/.env.example:1',
	]);
	t.deepEqual(evidence(json, 'postmark'), ['postmark in pnpm-lock.yaml:39']);
	t.deepEqual(json.warnings, []);
});

test('scan: yarn workspaces ({packages: [...]}), yarn.lock v1 and .env.sample', async (t) => {
	const json = await scanJson(t, await repo(t, 'yarn'));
	t.deepEqual(ids(json), ['crisp', 'hotjar', 'mapbox']);
	t.deepEqual(evidence(json, 'hotjar'), [
		'@hotjar/browser in devDependencies of apps/admin/package.json:4',
		'HOTJAR_SITE_ID in apps/web/.env.sample:1',
		'@hotjar/browser in yarn.lock:5',
	]);
	t.false(JSON.stringify(json).includes('1234567'));
});

test('scan: an npm workspaces monorepo, most specific matches, patterns that leave the repo refused', async (t) => {
	const folder = await repo(t, 'workspaces');
	const result = await run(['scan', '--json'], folder);
	t.is(result.exitCode, 0);
	const json = JSON.parse(result.stdout) as ScanJson;
	t.deepEqual(ids(json), ['amazon-ses', 'aws', 'segment', 'sentry', 'stripe', 'twilio']);
	t.deepEqual(evidence(json, 'amazon-ses'), [
		'@aws-sdk/client-ses in dependencies of apps/web/package.json:5',
	]);
	t.deepEqual(evidence(json, 'aws'), [
		'@aws-sdk/client-kms in dependencies of apps/api/package.json:4',
	]);
	t.deepEqual(evidence(json, 'stripe'), [
		'@stripe/react-stripe-js in peerDependencies of packages/ui/package.json:4',
	]);
	t.deepEqual(evidence(json, 'segment'), [
		'@segment/analytics-node in optionalDependencies of packages/nested/deep/package.json:4',
	]);
	// packages/ignored is excluded by "!packages/ignored"; apps/api/.env is never read.
	t.false(ids(json).includes('mixpanel'));
	t.false(ids(json).includes('intercom'));
	t.is(json.warnings.length, 2);
	t.regex(json.warnings[0]!, /"\.\.\/outside\/\*" in package\.json was ignored/);
	t.regex(json.warnings[1]!, /"\/etc\/\*" in package\.json was ignored/);
	t.true(result.stderr.includes('../outside/*'));
	noSecrets(t, result.stdout, result.stderr);
});

test('scan never follows links out of the repo and skips node_modules', async (t) => {
	const folder = await repo(t, 'workspaces');
	const outside = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-outside-'));
	t.teardown(() => {
		rmSync(outside, {recursive: true, force: true});
	});
	mkdirSync(path.join(outside, 'evil'));
	writeFileSync(
		path.join(outside, 'evil', 'package.json'),
		JSON.stringify({dependencies: {'@hotjar/browser': '1'}}),
	);
	writeFileSync(path.join(outside, 'env'), 'CRISP_WEBSITE_ID=outside-secret\n');
	symlinkSync(path.join(outside, 'evil'), path.join(folder, 'apps', 'evil'));
	symlinkSync(path.join(outside, 'env'), path.join(folder, '.env.example'));
	symlinkSync(path.join(folder, 'missing-target'), path.join(folder, 'apps', 'dangling'));
	// A link inside the repo is fine.
	symlinkSync(path.join(folder, 'packages', 'ui'), path.join(folder, 'apps', 'ui-link'));
	mkdirSync(path.join(folder, 'packages', 'ui', 'node_modules', 'dep'), {recursive: true});
	writeFileSync(
		path.join(folder, 'packages', 'ui', 'node_modules', 'dep', 'package.json'),
		JSON.stringify({dependencies: {mixpanel: '1'}}),
	);

	const json = await scanJson(t, folder);
	t.false(ids(json).includes('hotjar'));
	t.false(ids(json).includes('crisp'));
	t.false(ids(json).includes('mixpanel'));
	t.true(ids(json).includes('stripe'));
	// apps/ui-link is packages/ui: read once.
	t.is(evidence(json, 'stripe').length, 1);
	t.true(
		json.warnings.some((warning) => warning.includes('apps/evil links outside the repository')),
		json.warnings.join('\n'),
	);
	t.true(json.warnings.some((warning) => warning.includes('.env.example links outside')));
	t.false(JSON.stringify(json).includes('outside-secret'));
});

test('scan: malformed files are named in warnings on stderr and the rest is read', async (t) => {
	const folder = await repo(t, 'malformed');
	const result = await run(['scan'], folder);
	t.is(result.exitCode, 0);
	t.regex(result.stderr, /apps\/broken\/package\.json is not valid JSON/);
	t.regex(result.stderr, /"dependencies" in apps\/odd\/package\.json is not an object/);
	t.regex(result.stderr, /package-lock\.json is not valid JSON/);
	t.notRegex(result.stderr, /at .*\.js:\d+/);
	t.regex(result.stdout, /OpenAI \(ai\)\n {2}openai in dependencies of apps\/ok\/package\.json/);
	t.regex(result.stdout, /Stripe \(payments\)/);
	t.regex(result.stdout, /SENDGRID_API_KEY in \.env\.example/);

	const json = await scanJson(t, folder);
	t.deepEqual(ids(json), ['openai', 'sendgrid', 'stripe']);
	t.is(json.warnings.length, 3);
});

test('scan: a malformed root package.json is a warning, env keys are still read', async (t) => {
	const folder = await repo(t);
	writeFileSync(path.join(folder, 'package.json'), '{"dependencies": {"stripe": "1",');
	writeFileSync(path.join(folder, '.env.example'), 'OPENAI_API_KEY=\n');
	const json = await scanJson(t, folder);
	t.deepEqual(ids(json), ['openai']);
	t.is(json.warnings.length, 1);
	t.regex(json.warnings[0]!, /^package\.json is not valid JSON/);
});

test('scan in a folder with nothing to read says so and exits 0', async (t) => {
	const folder = await repo(t);
	const result = await run(['scan'], folder);
	t.is(result.exitCode, 0);
	t.regex(result.stdout, /No known services found/);
	t.is(result.stderr, '');
});

test('scan takes no arguments', async (t) => {
	const result = await run(['scan', 'somewhere'], await repo(t));
	t.is(result.exitCode, 2);
	t.regex(result.stderr, /takes no arguments/);
});

(process.getuid?.() === 0 ? test.skip : test)(
	'scan: an unreadable workspace folder is a warning (skipped as root)',
	async (t) => {
		const folder = await repo(t, 'yarn');
		const locked = path.join(folder, 'apps');
		chmodSync(locked, 0o000);
		t.teardown(() => {
			chmodSync(locked, 0o755);
		});
		const json = await scanJson(t, folder);
		t.true(json.warnings.some((warning) => warning.includes('apps')));
		t.deepEqual(ids(json), ['crisp', 'hotjar', 'mapbox']);
	},
);

test('scanRepo caps the number of workspace folders with a warning', async (t) => {
	const folder = await repo(t, 'workspaces');
	const result = await scanRepo(folder, {maxWorkspaces: 2});
	t.true(
		result.warnings.some((warning) =>
			/package\.json names 4 workspace folders; only the first 2 were scanned/.test(warning),
		),
		result.warnings.join('\n'),
	);
});

test('scanRepo: a dangling link and a folder where a file should be are warnings', async (t) => {
	const folder = await repo(t, 'yarn');
	rmSync(path.join(folder, 'apps', 'web', '.env.sample'));
	mkdirSync(path.join(folder, 'apps', 'web', '.env.sample'));
	symlinkSync(path.join(folder, 'nowhere'), path.join(folder, 'apps', 'web', '.env.example'));
	const result = await scanRepo(folder);
	t.true(
		result.warnings.some((warning) => warning.includes('apps/web/.env.example is a broken link')),
	);
	t.true(
		result.warnings.some((warning) => warning.includes('apps/web/.env.sample is a folder')),
		result.warnings.join('\n'),
	);
	t.true(result.detections.some((detection) => detection.service.id === 'crisp'));
});

// check: drift ----------------------------------------------------------------------------

type Recipient = Record<string, unknown> & {id: string; catalogId?: string};
type AnswersFile = Record<string, unknown> & {recipients: Recipient[]};

async function exportedExample(folder: string): Promise<AnswersFile> {
	const result = await run(['answers', 'export', '--example', 'eu-saas'], folder);
	if (result.exitCode !== 0) {
		throw new Error(result.stderr);
	}

	return JSON.parse(result.stdout) as AnswersFile;
}

/** The example's answers without any of the eight services. */
async function answersWithout(folder: string): Promise<AnswersFile> {
	const answers = await exportedExample(folder);
	answers.recipients = answers.recipients.filter(
		(recipient) => !(doneWhen as readonly string[]).includes(recipient.catalogId ?? ''),
	);
	return answers;
}

function writeAnswers(folder: string, answers: AnswersFile): string {
	const file = path.join(folder, 'answers.json');
	writeFileSync(file, `${JSON.stringify(answers, undefined, 2)}\n`);
	return file;
}

test('check fails with a GDPR-13.1.e error for each detected service the answers miss', async (t) => {
	const folder = await repo(t, 'done-when');
	writeAnswers(folder, await answersWithout(folder));
	const json = await run(['check', '--json', '--answers', 'answers.json'], folder);
	t.is(json.exitCode, 1, json.stderr);
	const report = JSON.parse(json.stdout) as CheckJson;
	const drift = report.findings.filter((finding) => finding.id === 'GDPR-13.1.e');
	t.is(drift.length, 8);
	t.true(drift.every((finding) => finding.severity === 'error'));
	for (const [name, line] of [
		['Stripe', 'stripe in dependencies of package.json:12'],
		['Auth0', '@auth0/auth0-react in dependencies of package.json:6'],
		['Intercom', '@intercom/messenger-js-sdk in dependencies of package.json:7'],
	] as const) {
		const finding = drift.find((item) => item.message.startsWith(`The repo uses ${name} (`));
		t.truthy(finding, name);
		t.true(finding!.message.includes(line));
	}

	t.true(drift.some((finding) => finding.fix.includes('"catalogId": "sendgrid"')));
	// Only drift fails: the answers are otherwise complete.
	t.is(report.errors, 8);

	const text = await run(['check', '--answers', 'answers.json'], folder);
	t.is(text.exitCode, 1);
	t.regex(
		text.stdout,
		/error {3}GDPR-13\.1\.e {2}The repo uses PostHog \(posthog-js in dependencies of package\.json:11\)/,
	);
	noSecrets(t, json.stdout, json.stderr, text.stdout, text.stderr);
});

test('check: answered catalog services with no trace in the repo are warnings only', async (t) => {
	const folder = await repo(t, 'done-when');
	writeAnswers(folder, await answersWithout(folder));
	const result = await run(['check', '--json', '--answers', 'answers.json'], folder);
	const report = JSON.parse(result.stdout) as CheckJson;
	const stale = report.findings.filter((finding) => finding.id === 'SCAN-NO-EVIDENCE');
	t.true(stale.length > 0);
	t.true(stale.every((finding) => finding.severity === 'warning'));
	t.true(
		stale.some((finding) =>
			/Amazon Web Services .*may be used without an SDK/.test(finding.message),
		),
	);
});

test('check passes once each detected service is a recipient (by catalogId)', async (t) => {
	const folder = await repo(t, 'done-when');
	const answers = await exportedExample(folder);
	const template = answers.recipients.find((recipient) => recipient.catalogId === 'intercom')!;
	const present = new Set(answers.recipients.map((recipient) => recipient.catalogId));
	for (const id of doneWhen) {
		if (!present.has(id)) {
			answers.recipients.push({...template, id, name: id, catalogId: id});
		}
	}

	writeAnswers(folder, answers);
	const result = await run(['check', '--json', '--answers', 'answers.json'], folder);
	const report = JSON.parse(result.stdout) as CheckJson;
	t.deepEqual(
		report.findings.filter((finding) => finding.id === 'GDPR-13.1.e'),
		[],
	);
	t.is(result.exitCode, 0, result.stdout);
});

test('check matches a recipient without catalogId by its name', async (t) => {
	const folder = await repo(t, 'done-when');
	const answers = await answersWithout(folder);
	const template = answers.recipients[0]!;
	for (const name of [
		'Stripe',
		'sentry',
		'PostHog',
		'Twilio SendGrid',
		'OpenAI',
		'Twilio',
		'Auth0',
		'Intercom',
	]) {
		const record: Recipient = {...template, id: name.toLowerCase().replaceAll(' ', '-'), name};
		delete record.catalogId;
		answers.recipients.push(record);
	}

	writeAnswers(folder, answers);
	const result = await run(['check', '--json', '--answers', 'answers.json'], folder);
	const report = JSON.parse(result.stdout) as CheckJson;
	t.deepEqual(
		report.findings
			.filter((finding) => finding.id === 'GDPR-13.1.e')
			.map((finding) => finding.message),
		[],
	);
});

test('check --no-scan turns drift off; examples are never compared with the repo', async (t) => {
	const folder = await repo(t, 'done-when');
	writeAnswers(folder, await answersWithout(folder));
	const off = await run(['check', '--json', '--no-scan', '--answers', 'answers.json'], folder);
	t.is(off.exitCode, 0, off.stdout);
	const report = JSON.parse(off.stdout) as CheckJson;
	t.false(
		report.findings.some((finding) => ['GDPR-13.1.e', 'SCAN-NO-EVIDENCE'].includes(finding.id)),
	);

	const example = await run(['check', '--example', 'eu-saas'], folder);
	t.is(example.exitCode, 0, example.stdout);
	t.notRegex(example.stdout, /The repo uses/);
});

test('check reads the saved answers’ repo too (drift with privacy-wizard.json at the git root)', async (t) => {
	const folder = await repo(t, 'done-when');
	const answers = await answersWithout(folder);
	writeFileSync(path.join(folder, 'privacy-wizard.json'), JSON.stringify(answers, undefined, 2));
	const result = await run(['check'], path.join(folder));
	t.is(result.exitCode, 1);
	t.is((result.stdout.match(/GDPR-13\.1\.e {2}The repo uses/g) ?? []).length, 8);
});

// processors -------------------------------------------------------------------------------

test('processors lists the catalog as a table with a count line', async (t) => {
	const result = await run(['processors'], await repo(t));
	t.is(result.exitCode, 0);
	const lines = result.stdout.split('\n');
	t.regex(lines[0]!, /^Name +Category +HQ +Locations +Transfer tools$/);
	t.regex(result.stdout, /\nStripe +payments +US +/);
	t.regex(result.stdout, /\n\d{3} services in the catalog\./);
});

test('processors --search ranks exact names first; --json gives every field', async (t) => {
	const folder = await repo(t);
	const text = await run(['processors', '--search', 'sentry'], folder);
	t.is(text.exitCode, 0);
	t.regex(text.stdout, /\nSentry +error-monitoring/);
	t.regex(text.stdout, /of \d+ services match "sentry"/);

	const json = await run(['processors', '--json', '--search', 'Stripe'], folder);
	const parsed = JSON.parse(json.stdout) as {
		count: number;
		services: Array<{id: string; privacyUrl: string; signals: object}>;
	};
	t.is(parsed.services[0]?.id, 'stripe');
	t.is(parsed.count, parsed.services.length);
	t.true(parsed.services[0]!.privacyUrl.startsWith('https://'));

	const all = await run(['processors', '--json'], folder);
	t.true((JSON.parse(all.stdout) as {count: number}).count >= 150);

	const none = await run(['processors', '--search', 'no-such-service-zzz'], folder);
	t.is(none.exitCode, 0);
	t.regex(none.stdout, /No service in the catalog matches/);
});

test('processors: usage mistakes exit 2 with a message', async (t) => {
	const folder = await repo(t);
	const empty = await run(['processors', '--search', ' '], folder);
	t.is(empty.exitCode, 2);
	t.regex(empty.stderr, /--search needs some text/);
	const positional = await run(['processors', 'stripe'], folder);
	t.is(positional.exitCode, 2);
	t.regex(positional.stderr, /--search "stripe"/);
	const missing = await run(['processors', '--search'], folder);
	t.is(missing.exitCode, 2);
});

test('the fixture .env files hold the secrets these tests look for', (t) => {
	// Guards the tests above: if the fixtures lost their secrets, "never printed" would prove nothing.
	const text = readFileSync(path.join(fixtures, 'done-when', '.env'), 'utf8');
	t.true(text.includes(secrets[0]!));
});
