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
			dependencies: {'@aws-sdk/client-ses': '^3.0.0', '@aws-sdk/client-kms': '^3.0.0'},
		}),
	]);
	t.deepEqual(ids(both), ['amazon-ses', 'aws']);
	t.deepEqual(evidenceOf(both, 'aws'), ['@aws-sdk/client-kms in dependencies of package.json:4']);
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

// Other ecosystems ---------------------------------------------------------------------------

const input = (file: string, kind: ScanInput['kind'], text: string): ScanInput => ({
	file,
	kind,
	text,
});

test('bun.lock: trailing commas, workspace declarations, nested package keys', (t) => {
	const text = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": {
        "@sentry/bun": "^8.0.0",
      },
    },
  },
  "packages": {
    "@sentry/bun": ["@sentry/bun@8.0.0", "", { "dependencies": { "@sentry/core": "8.0.0" } }, "sha512-x"],
    "@sentry/core": ["@sentry/core@8.0.0", "", {}, "sha512-y"],
    "some-lib/stripe": ["stripe@14.0.0", "", {}, "sha512-z"],
  }
}
`;
	const result = detectServices([input('bun.lock', 'bun.lock', text)]);
	t.deepEqual(ids(result), ['sentry', 'stripe']);
	t.deepEqual(evidenceOf(result, 'stripe'), ['stripe in bun.lock:14']);
	// A scope counts for declared packages only: @sentry/core, pulled in, adds nothing.
	t.deepEqual(evidenceOf(result, 'sentry'), ['@sentry/bun in bun.lock:7']);
	t.deepEqual(result.warnings, []);
});

test('requirements: extras, markers, URLs, editable eggs, continuation lines, PEP 503 names', (t) => {
	const text = [
		'# comment',
		'Django[argon2]>=5 ; python_version > "3.10"',
		'sentry_sdk==2.0 \\',
		'    --hash=sha256:abc',
		'-e git+https://github.com/getsentry/sentry-python.git#egg=Sentry.SDK',
		'stripe @ https://example.com/stripe-9.0.0-py3-none-any.whl',
		'./local-package',
		'https://example.com/archive.zip',
		'--index-url https://pypi.org/simple',
		'Google_Cloud.Storage~=2.16',
	].join('\n');
	const result = detectServices([input('requirements/base.txt', 'requirements.txt', text)]);
	t.deepEqual(ids(result), ['google-cloud-storage', 'sentry', 'stripe']);
	t.deepEqual(evidenceOf(result, 'sentry'), ['sentry-sdk in requirements/base.txt:3']);
	t.deepEqual(evidenceOf(result, 'google-cloud-storage'), [
		'google-cloud-storage in requirements/base.txt:10',
	]);
	t.deepEqual(result.warnings, []);
});

test('uv.lock, Pipfile and Pipfile.lock', (t) => {
	const uv = `version = 1
requires-python = ">=3.12"

[[package]]
name = "anthropic"
version = "0.28.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "httpx" },
]

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
`;
	const pipfile = `[[source]]
url = "https://pypi.org/simple"

[packages]
resend = "*"

[dev-packages]
pytest = "*"
`;
	const pipfileLock = JSON.stringify(
		{_meta: {}, default: {resend: {version: '==2.0.0'}}, develop: {sendgrid: {}}},
		undefined,
		4,
	);
	const result = detectServices([
		input('uv.lock', 'uv.lock', uv),
		input('Pipfile', 'Pipfile', pipfile),
		input('Pipfile.lock', 'Pipfile.lock', pipfileLock),
	]);
	t.deepEqual(ids(result), ['anthropic', 'resend', 'sendgrid']);
	t.deepEqual(evidenceOf(result, 'anthropic'), ['anthropic in uv.lock:5']);
	t.deepEqual(evidenceOf(result, 'resend'), ['resend in Pipfile:5', 'resend in Pipfile.lock:4']);
	t.deepEqual(evidenceOf(result, 'sendgrid'), ['sendgrid in Pipfile.lock:9']);
	t.deepEqual(result.warnings, []);
});

test('pyproject.toml: PEP 735 groups, uv dev-dependencies, Poetry dev tables; multi-line arrays with comments', (t) => {
	const text = `[project]
name = "x"
dependencies = [
  # the model
  "anthropic[vertex]>=0.28",  # trailing comment with "quotes"
]

[dependency-groups]
dev = ["groq>=0.9", {include-group = "lint"}]

[tool.uv]
dev-dependencies = ['replicate']

[tool.poetry.dev-dependencies]
cohere = "^5"

[tool.poetry.group.test.dependencies]
"mistralai" = "^1"
`;
	const result = detectServices([input('pyproject.toml', 'pyproject.toml', text)]);
	t.deepEqual(ids(result), ['anthropic', 'cohere', 'groq', 'mistral', 'replicate']);
	t.deepEqual(evidenceOf(result, 'anthropic'), ['anthropic in pyproject.toml:5']);
	t.deepEqual(evidenceOf(result, 'mistral'), ['mistralai in pyproject.toml:18']);
	t.deepEqual(result.warnings, []);
});

test('pom.xml: dependencies with their artifactId line; exclusions and comments left out', (t) => {
	const text = `<?xml version="1.0"?>
<project>
  <dependencies>
    <!-- <dependency><groupId>com.twilio.sdk</groupId><artifactId>twilio</artifactId></dependency> -->
    <dependency>
      <groupId>com.stripe</groupId>
      <artifactId>stripe-java</artifactId>
      <version>26.0.0</version>
      <exclusions>
        <exclusion>
          <groupId>io.sentry</groupId>
          <artifactId>sentry</artifactId>
        </exclusion>
      </exclusions>
    </dependency>
    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>s3</artifactId></dependency>
    <dependency>
      <groupId>software.amazon.awssdk</groupId>
      <artifactId>dynamodb</artifactId>
    </dependency>
  </dependencies>
</project>
`;
	const result = detectServices([input('pom.xml', 'pom.xml', text)]);
	t.deepEqual(ids(result), ['amazon-s3', 'aws', 'stripe']);
	t.deepEqual(evidenceOf(result, 'stripe'), ['com.stripe:stripe-java in pom.xml:7']);
	t.deepEqual(evidenceOf(result, 'amazon-s3'), ['software.amazon.awssdk:s3 in pom.xml:16']);
	// A group prefix counts for declared dependencies: dynamodb is AWS at large.
	t.deepEqual(evidenceOf(result, 'aws'), ['software.amazon.awssdk:dynamodb in pom.xml:19']);
	t.deepEqual(result.warnings, []);
});

test('build.gradle: coordinate strings with classifiers, map notation, Kotlin DSL', (t) => {
	const groovy = `dependencies {
    implementation "io.sentry:sentry-android:7.10.0@aar"
    implementation group: 'com.mixpanel.android', name: 'mixpanel-android', version: '7.5.2'
    implementation 'junit:junit:4.13.2'
    def url = "https://example.com:8080"
}`;
	const kotlin = `dependencies {
    implementation(group = "com.amplitude", name = "analytics-android", version = "1.16.8")
    implementation("com.onesignal:OneSignal:[5.0.0, 5.99.99]")
}`;
	const result = detectServices([
		input('app/build.gradle', 'build.gradle', groovy),
		input('lib/build.gradle.kts', 'build.gradle', kotlin),
	]);
	t.deepEqual(ids(result), ['amplitude', 'mixpanel', 'onesignal', 'sentry']);
	t.deepEqual(evidenceOf(result, 'mixpanel'), [
		'com.mixpanel.android:mixpanel-android in app/build.gradle:3',
	]);
	t.deepEqual(evidenceOf(result, 'onesignal'), [
		'com.onesignal:OneSignal in lib/build.gradle.kts:3',
	]);
});

test('Package.resolved: v1 repositoryURL, v2 and v3 location, SSH and .git forms', (t) => {
	const v1 = JSON.stringify(
		{
			object: {
				pins: [{package: 'Sentry', repositoryURL: 'https://github.com/getsentry/sentry-cocoa.git'}],
			},
			version: 1,
		},
		undefined,
		2,
	);
	const v2 = JSON.stringify(
		{
			pins: [
				{
					identity: 'x',
					kind: 'remoteSourceControl',
					location: 'git@github.com:Amplitude/Amplitude-Swift.git',
				},
			],
			version: 2,
		},
		undefined,
		2,
	);
	const v3 = JSON.stringify(
		{
			originHash: 'x',
			pins: [{identity: 'y', location: 'https://github.com/RevenueCat/purchases-ios/'}],
			version: 3,
		},
		undefined,
		2,
	);
	const result = detectServices([
		input('a/Package.resolved', 'Package.resolved', v1),
		input('b/Package.resolved', 'Package.resolved', v2),
		input('c/Package.resolved', 'Package.resolved', v3),
	]);
	t.deepEqual(ids(result), ['amplitude', 'revenuecat', 'sentry']);
	t.deepEqual(evidenceOf(result, 'sentry'), [
		'github.com/getsentry/sentry-cocoa in a/Package.resolved:6',
	]);
	t.deepEqual(evidenceOf(result, 'amplitude'), [
		'github.com/amplitude/amplitude-swift in b/Package.resolved:6',
	]);
	t.deepEqual(result.warnings, []);
});

test('templates: a snippet inside a longer one counts for the longer one only', (t) => {
	const html = `<script async src="https://www.googletagmanager.com/gtag/js?id=AW-123456"></script>
<script>gtag('config', 'AW-123456');</script>`;
	const ads = detectServices([input('ads.html', 'template', html)]);
	t.deepEqual(ids(ads), ['google-ads']);
	t.deepEqual(evidenceOf(ads, 'google-ads'), [
		'snippet "googletagmanager.com/gtag/js?id=AW-" in ads.html:1',
		"snippet \"gtag('config', 'AW-\" in ads.html:2",
	]);
});

test('templates: JSX and TSX count only with a literal script tag; Next.js <Script> is one', (t) => {
	const withTag = `export function Analytics() {
  return <Script src="https://plausible.io/js/script.js" data-domain="x" />;
}`;
	const without = `export const track = () => window.fbq('init', '1');`;
	const result = detectServices([
		input('app/analytics.tsx', 'template', withTag),
		input('app/track.jsx', 'template', without),
	]);
	t.deepEqual(ids(result), ['plausible']);
	t.deepEqual(evidenceOf(result, 'plausible'), ['script plausible.io in app/analytics.tsx:2']);
});

test('headers: vercel.json and nginx, report-only policies, wildcards, hosts shared by no one service', (t) => {
	const vercel = JSON.stringify(
		{
			headers: [
				{
					source: '/(.*)',
					headers: [
						{
							key: 'Content-Security-Policy',
							value: "script-src 'self' https://cdn.segment.com https://*.googleapis.com",
						},
					],
				},
			],
		},
		undefined,
		2,
	);
	const nginx = `server {
  add_header Content-Security-Policy-Report-Only "default-src 'self';
      script-src 'self' js.intercomcdn.com widget.intercom.io" always;
  add_header X-Frame-Options DENY;
}`;
	const result = detectServices([
		input('vercel.json', 'headers', vercel),
		input('nginx/site.conf', 'headers', nginx),
	]);
	// *.googleapis.com is Google Fonts', Maps' and others' alike: it names no service.
	t.deepEqual(ids(result), ['intercom', 'segment']);
	t.deepEqual(evidenceOf(result, 'segment'), ['CSP host https://cdn.segment.com in vercel.json:8']);
	t.deepEqual(evidenceOf(result, 'intercom'), ['CSP host js.intercomcdn.com in nginx/site.conf:3']);
});

test('templates: many places in many files fold into counts', (t) => {
	const inputs: ScanInput[] = [];
	for (let page = 0; page < 8; page++) {
		const text = Array.from(
			{length: 5},
			(_, index) => `<script src="https://plausible.io/js/${index}.js"></script>`,
		).join('\n');
		inputs.push(input(`page-${page}.html`, 'template', text));
	}

	const evidence = evidenceOf(detectServices(inputs), 'plausible');
	// One line per distinct host per file, the first five files, then a count of the rest.
	t.deepEqual(evidence, [
		'script plausible.io in page-0.html:1',
		'script plausible.io in page-1.html:1',
		'script plausible.io in page-2.html:1',
		'script plausible.io in page-3.html:1',
		'script plausible.io in page-4.html:1',
		'and 3 more files with its scripts or hosts',
	]);
});

test('go.mod: single-line requires, module prefixes at path boundaries only', (t) => {
	const text = `module example.com/app

go 1.22

require github.com/stripe/stripe-go/v79 v79.0.0
require github.com/stripe/stripe-gopher v1.0.0
`;
	const result = detectServices([input('go.mod', 'go.mod', text)]);
	t.deepEqual(ids(result), ['stripe']);
	t.deepEqual(evidenceOf(result, 'stripe'), ['github.com/stripe/stripe-go/v79 in go.mod:5']);
});

test('composer: a vendor the service owns counts only for what composer.json requires', (t) => {
	const composerJson = JSON.stringify({require: {'sentry/sdk': '^4'}}, undefined, 2);
	const composerLock = JSON.stringify(
		{packages: [{name: 'mollie/some-internal-lib'}]},
		undefined,
		2,
	);
	const result = detectServices([
		input('composer.json', 'composer.json', composerJson),
		input('composer.lock', 'composer.lock', composerLock),
	]);
	t.deepEqual(ids(result), ['sentry']);
	t.deepEqual(evidenceOf(result, 'sentry'), ['sentry/sdk in require of composer.json:3']);
});
