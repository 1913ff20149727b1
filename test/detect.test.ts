import test from 'ava';
import {
	detectServices,
	type DetectionResult,
	type ScanInput,
} from '../source/core/catalog/detect.js';

const ids = (result: DetectionResult): string[] =>
	result.detections.map((detection) => detection.service.id).sort();

const evidenceOf = (result: DetectionResult, id: string): string[] =>
	result.detections.find((detection) => detection.service.id === id)?.evidence ?? [];

const manifest = (file: string, content: Record<string, unknown>): ScanInput => ({
	file,
	kind: 'package.json',
	text: JSON.stringify(content, undefined, 2),
});

test('package.json: every dependency kind, each named in the evidence', (t) => {
	const result = detectServices([
		manifest('package.json', {
			name: 'app',
			dependencies: {stripe: '^14.0.0', react: '^19.0.0'},
			devDependencies: {'@sentry/cli': '^2.0.0'},
			peerDependencies: {'posthog-js': '*'},
			optionalDependencies: {twilio: '^5.0.0'},
		}),
	]);
	t.deepEqual(ids(result), ['posthog', 'sentry', 'stripe', 'twilio']);
	t.deepEqual(evidenceOf(result, 'stripe'), ['stripe in dependencies of package.json:4']);
	t.deepEqual(evidenceOf(result, 'sentry'), ['@sentry/cli in devDependencies of package.json:8']);
	t.deepEqual(evidenceOf(result, 'posthog'), ['posthog-js in peerDependencies of package.json:11']);
	t.deepEqual(evidenceOf(result, 'twilio'), ['twilio in optionalDependencies of package.json:14']);
	t.deepEqual(result.warnings, []);
});

test('package.json: a vendor scope reveals the vendor', (t) => {
	const result = detectServices([
		manifest('package.json', {dependencies: {'@sentry/profiling-node': '^8.0.0'}}),
	]);
	t.deepEqual(ids(result), ['sentry']);
	t.deepEqual(evidenceOf(result, 'sentry'), [
		'@sentry/profiling-node in dependencies of package.json:3',
	]);
});

test('workspaces: evidence names the package.json it came from', (t) => {
	const result = detectServices([
		manifest('package.json', {private: true, workspaces: ['apps/*']}),
		manifest('apps/web/package.json', {dependencies: {'@sentry/node': '^8.0.0'}}),
		manifest('apps/api/package.json', {
			dependencies: {'@sentry/node': '^8.0.0', '@sendgrid/mail': '^8.0.0'},
		}),
	]);
	t.deepEqual(ids(result), ['sendgrid', 'sentry']);
	t.deepEqual(evidenceOf(result, 'sentry'), [
		'@sentry/node in dependencies of apps/web/package.json:3',
		'@sentry/node in dependencies of apps/api/package.json:3',
	]);
});

test('most specific match: an SES package detects Amazon SES, not AWS', (t) => {
	const ses = detectServices([
		manifest('package.json', {dependencies: {'@aws-sdk/client-ses': '^3.0.0'}}),
	]);
	t.deepEqual(ids(ses), ['amazon-ses']);

	const both = detectServices([
		manifest('package.json', {
			dependencies: {'@aws-sdk/client-ses': '^3.0.0', '@aws-sdk/client-dynamodb': '^3.0.0'},
		}),
	]);
	t.deepEqual(ids(both), ['amazon-ses', 'aws']);
	t.deepEqual(evidenceOf(both, 'aws'), [
		'@aws-sdk/client-dynamodb in dependencies of package.json:4',
	]);
	t.deepEqual(evidenceOf(both, 'amazon-ses'), [
		'@aws-sdk/client-ses in dependencies of package.json:3',
	]);
});

test('npm lockfile v3: node_modules keys, nested ones too; scopes only for declared packages', (t) => {
	const lock = {
		name: 'app',
		lockfileVersion: 3,
		requires: true,
		packages: {
			'': {name: 'app', dependencies: {'@aws-sdk/client-ses': '^3.0.0', '@vercel/analytics': '^1'}},
			'node_modules/@aws-sdk/client-ses': {version: '3.0.0'},
			// Pulled in by the SES client: not a sign of AWS at large.
			'node_modules/@aws-sdk/core': {version: '3.0.0'},
			// A build tool in the vendor's scope, pulled in by something else.
			'node_modules/@vercel/nft': {version: '0.27.0', dev: true},
			'node_modules/@vercel/analytics': {version: '1.0.0'},
			'node_modules/some-lib/node_modules/stripe': {version: '14.0.0'},
			'node_modules/alias': {name: 'twilio', version: '5.0.0'},
		},
	};
	const result = detectServices([
		{file: 'package-lock.json', kind: 'package-lock.json', text: JSON.stringify(lock)},
	]);
	t.deepEqual(ids(result), ['amazon-ses', 'stripe', 'twilio', 'vercel-analytics']);
	t.deepEqual(evidenceOf(result, 'stripe'), ['stripe in package-lock.json:1']);
	t.deepEqual(evidenceOf(result, 'amazon-ses'), ['@aws-sdk/client-ses in package-lock.json:1']);
});

test('npm lockfile v3: a workspace entry declares its own dependencies', (t) => {
	const lock = {
		lockfileVersion: 3,
		packages: {
			'': {name: 'monorepo', workspaces: ['apps/*']},
			'apps/web': {name: 'web', dependencies: {'@segment/analytics-next': '^1'}},
			'node_modules/web': {resolved: 'apps/web', link: true},
		},
	};
	const result = detectServices([
		{file: 'package-lock.json', kind: 'package-lock.json', text: JSON.stringify(lock)},
	]);
	t.deepEqual(ids(result), ['segment']);
});

test('npm lockfile v1: nested dependencies', (t) => {
	const lock = {
		name: 'old-app',
		lockfileVersion: 1,
		dependencies: {
			express: {
				version: '4.0.0',
				dependencies: {'@sendgrid/mail': {version: '7.0.0'}},
			},
			openai: {version: '4.0.0', requires: {'node-fetch': '^2'}},
		},
	};
	const result = detectServices([
		{file: 'package-lock.json', kind: 'package-lock.json', text: JSON.stringify(lock)},
	]);
	t.deepEqual(ids(result), ['openai', 'sendgrid']);
	t.deepEqual(evidenceOf(result, 'sendgrid'), ['@sendgrid/mail in package-lock.json:1']);
});

test('many packages of one service in a lockfile fold into a count', (t) => {
	const packages: Record<string, unknown> = {'': {name: 'app'}};
	for (const name of [
		'@sentry/node',
		'@sentry/browser',
		'@sentry/react',
		'@sentry/nextjs',
		'@sentry/vue',
	]) {
		packages[`node_modules/${name}`] = {version: '8.0.0'};
	}

	const result = detectServices([
		{
			file: 'package-lock.json',
			kind: 'package-lock.json',
			text: JSON.stringify({lockfileVersion: 3, packages}),
		},
	]);
	t.deepEqual(evidenceOf(result, 'sentry'), [
		'@sentry/node in package-lock.json:1',
		'@sentry/browser in package-lock.json:1',
		'@sentry/react in package-lock.json:1',
		'and 2 more packages in package-lock.json',
	]);
});

const pnpmV6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@posthog/ai':
        specifier: ^1.0.0
        version: 1.0.0
      react:
        specifier: ^18.2.0
        version: 18.2.0

  apps/web:
    devDependencies:
      '@sentry/nextjs':
        specifier: ^7.0.0
        version: 7.0.0(react@18.2.0)

packages:

  /@sentry/nextjs@7.0.0(react@18.2.0):
    resolution: {integrity: sha512-abc}
    dependencies:
      '@sentry/node': 7.0.0
      react: 18.2.0
    dev: true

  /@vercel/nft@0.27.0:
    resolution: {integrity: sha512-def}
    dev: true

  /stripe@14.0.0:
    resolution: {integrity: sha512-ghi}
    engines: {node: '>=12.*'}
    dev: false
`;

test('pnpm-lock.yaml v6: importers and /name@version keys', (t) => {
	const result = detectServices([{file: 'pnpm-lock.yaml', kind: 'pnpm-lock.yaml', text: pnpmV6}]);
	t.deepEqual(ids(result), ['posthog', 'sentry', 'stripe']);
	t.deepEqual(evidenceOf(result, 'stripe'), ['stripe in pnpm-lock.yaml:37']);
	t.true(evidenceOf(result, 'sentry').includes('@sentry/nextjs in pnpm-lock.yaml:20'));
	t.deepEqual(evidenceOf(result, 'posthog'), ['@posthog/ai in pnpm-lock.yaml:11']);
	t.deepEqual(result.warnings, []);
});

const pnpmV9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .:
    dependencies:
      openai:
        specifier: ^4.0.0
        version: 4.0.0

packages:

  '@auth0/auth0-react@2.2.4':
    resolution: {integrity: sha512-abc}
    peerDependencies:
      react: ^16.11.0 || ^17 || ^18

  '@intercom/messenger-js-sdk@0.0.14':
    resolution: {integrity: sha512-def}

  openai@4.0.0:
    resolution: {integrity: sha512-ghi}

snapshots:

  '@auth0/auth0-react@2.2.4(react@18.2.0)':
    dependencies:
      '@auth0/auth0-spa-js': 2.1.3
      react: 18.2.0

  '@intercom/messenger-js-sdk@0.0.14': {}

  openai@4.0.0: {}
`;

test('pnpm-lock.yaml v9: quoted scoped keys, snapshots with peer suffixes', (t) => {
	const result = detectServices([{file: 'pnpm-lock.yaml', kind: 'pnpm-lock.yaml', text: pnpmV9}]);
	t.deepEqual(ids(result), ['auth0', 'intercom', 'openai']);
	t.deepEqual(evidenceOf(result, 'intercom'), ['@intercom/messenger-js-sdk in pnpm-lock.yaml:21']);
});

test('pnpm-lock.yaml v5: /name/version keys and top-level dependencies', (t) => {
	const text = `lockfileVersion: 5.4

specifiers:
  '@sendgrid/mail': ^7.0.0

dependencies:
  '@sendgrid/mail': 7.0.0

packages:

  /@sendgrid/mail/7.0.0:
    resolution: {integrity: sha512-abc}
    dev: false

  /twilio/4.0.0:
    resolution: {integrity: sha512-def}
`;
	const result = detectServices([{file: 'pnpm-lock.yaml', kind: 'pnpm-lock.yaml', text}]);
	t.deepEqual(ids(result), ['sendgrid', 'twilio']);
});

test('yarn.lock v1: quoted and unquoted headers with several ranges', (t) => {
	const text = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@sendgrid/mail@^7.0.0", "@sendgrid/mail@^7.7.0":
  version "7.7.0"
  resolved "https://registry.yarnpkg.com/@sendgrid/mail/-/mail-7.7.0.tgz#abc"
  dependencies:
    "@sendgrid/client" "^7.7.0"

stripe@^12.0.0, stripe@^12.1.0:
  version "12.1.0"

left-pad@^1.3.0:
  version "1.3.0"
`;
	const result = detectServices([{file: 'yarn.lock', kind: 'yarn.lock', text}]);
	t.deepEqual(ids(result), ['sendgrid', 'stripe']);
	t.deepEqual(evidenceOf(result, 'sendgrid'), ['@sendgrid/mail in yarn.lock:5']);
	t.deepEqual(result.warnings, []);
});

test('yarn.lock berry: npm: protocol, aliases, workspaces and metadata', (t) => {
	const text = `# This file is generated by running "yarn install" inside your project.

__metadata:
  version: 8
  cacheKey: 10c0

"@auth0/auth0-react@npm:^2.2.0":
  version: 2.2.4
  resolution: "@auth0/auth0-react@npm:2.2.4"
  languageName: node
  linkType: hard

"my-twilio@npm:twilio@^5.0.0":
  version: 5.0.0

"posthog-js@npm:^1.100.0, posthog-js@npm:^1.110.0":
  version: 1.110.0

"app@workspace:.":
  version: 0.0.0-use.local
`;
	const result = detectServices([{file: 'yarn.lock', kind: 'yarn.lock', text}]);
	t.deepEqual(ids(result), ['auth0', 'posthog', 'twilio']);
	t.deepEqual(evidenceOf(result, 'twilio'), ['twilio in yarn.lock:13']);
});

test('env files: key names only, values never appear anywhere in the result', (t) => {
	const text = [
		'# Payments',
		'STRIPE_SECRET_KEY=sk_live_SUPERSECRET123',
		'export SENTRY_DSN="https://secret@o1.ingest.sentry.io/1"',
		'',
		'  OPENAI_API_KEY = sk-proj-TOPSECRET',
		'NEXT_PUBLIC_MIXPANEL_TOKEN=tok_SECRET_MIX',
		'AZURE_OPENAI_API_KEY=az-secret',
		'AZURE_SUBSCRIPTION_ID=sub-secret',
		'AUTH0_SOMETHING_NEW=x-secret',
		'DATABASE_URL=postgres://user:password@localhost/db',
		'not a key line with = SECRET',
	].join('\n');
	const result = detectServices([{file: 'apps/web/.env.example', kind: 'env-example', text}]);
	t.deepEqual(ids(result), [
		'auth0',
		'azure-openai',
		'microsoft-azure',
		'mixpanel',
		'openai',
		'sentry',
		'stripe',
	]);
	t.deepEqual(evidenceOf(result, 'stripe'), ['STRIPE_SECRET_KEY in apps/web/.env.example:2']);
	t.deepEqual(evidenceOf(result, 'azure-openai'), [
		'AZURE_OPENAI_API_KEY in apps/web/.env.example:7',
	]);
	t.deepEqual(evidenceOf(result, 'auth0'), ['AUTH0_SOMETHING_NEW in apps/web/.env.example:9']);
	const serialised = JSON.stringify(result);
	for (const secret of [
		'SUPERSECRET',
		'TOPSECRET',
		'SECRET_MIX',
		'az-secret',
		'password',
		'x-secret',
	]) {
		t.false(serialised.includes(secret), secret);
	}
});

test('malformed input: a warning naming the file, and the rest is still read', (t) => {
	const result = detectServices([
		{file: 'apps/broken/package.json', kind: 'package.json', text: '{"dependencies": {"stripe": '},
		{file: 'package-lock.json', kind: 'package-lock.json', text: 'not json at all'},
		{file: 'apps/odd/package.json', kind: 'package.json', text: '["an", "array"]'},
		{
			file: 'apps/bad-deps/package.json',
			kind: 'package.json',
			text: '{"dependencies": ["twilio"]}',
		},
		{file: 'yarn.lock', kind: 'yarn.lock', text: 'garbage without headers\n  indented'},
		{file: 'pnpm-lock.yaml', kind: 'pnpm-lock.yaml', text: 'binary\u0000data'},
		manifest('apps/web/package.json', {dependencies: {openai: '^4'}}),
	]);
	t.deepEqual(ids(result), ['openai']);
	t.is(result.warnings.length, 6);
	for (const file of [
		'apps/broken/package.json',
		'package-lock.json',
		'apps/odd/package.json',
		'apps/bad-deps/package.json',
		'yarn.lock',
		'pnpm-lock.yaml',
	]) {
		t.true(
			result.warnings.some((warning) => warning.includes(file)),
			`no warning names ${file}: ${result.warnings.join(' | ')}`,
		);
	}
});

test('detections come in a stable order, whatever the order of the files', (t) => {
	const inputs: ScanInput[] = [
		manifest('package.json', {dependencies: {twilio: '1', stripe: '1', '@sentry/node': '1'}}),
		{file: '.env.example', kind: 'env-example', text: 'OPENAI_API_KEY=\n'},
	];
	const forward = detectServices(inputs);
	const backward = detectServices([...inputs].reverse());
	t.deepEqual(ids(forward), ['openai', 'sentry', 'stripe', 'twilio']);
	t.deepEqual(
		forward.detections.map((detection) => detection.service.id),
		backward.detections.map((detection) => detection.service.id),
	);
});

test('a 10,000-package lockfile is read in one pass', (t) => {
	const packages: Record<string, unknown> = {'': {name: 'big'}};
	for (let index = 0; index < 10_000; index++) {
		packages[`node_modules/package-${index}`] = {version: '1.0.0'};
	}

	packages['node_modules/package-1/node_modules/stripe'] = {version: '1.0.0'};
	const result = detectServices([
		{
			file: 'package-lock.json',
			kind: 'package-lock.json',
			text: JSON.stringify({lockfileVersion: 3, packages}),
		},
	]);
	t.deepEqual(ids(result), ['stripe']);
});
