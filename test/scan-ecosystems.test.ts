import {cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {execa} from 'execa';
import {scanRepo} from '../source/repo/scan.js';
import {run, temporaryFolder} from './helpers/cli.js';

/**
One fixture repo per ecosystem (issue 10's "done when"): `scan --json`, run as a real process in a
temporary copy with its own git root, finds every planted service with its evidence (file:line),
and nothing from .env, vendor/, Pods/, build output or dot-folders.
*/

const fixtures = fileURLToPath(new URL('fixtures/repos/', import.meta.url));

type ScanJson = {
	root: string;
	detections: Array<{id: string; name: string; category: string; evidence: string[]}>;
	warnings: string[];
};

async function repo(t: ExecutionContext, name: string): Promise<string> {
	const folder = path.join(temporaryFolder(t, 'privacy-wizard-ecosystem-'), 'repo');
	cpSync(path.join(fixtures, name), folder, {recursive: true});
	await execa('git', ['init', '-q', '.'], {cwd: folder});
	return folder;
}

async function scan(t: ExecutionContext, folder: string): Promise<ScanJson> {
	const result = await run(['scan', '--json'], {cwd: folder});
	t.is(result.exitCode, 0, result.stderr);
	return JSON.parse(result.stdout) as ScanJson;
}

const ids = (json: ScanJson): string[] => json.detections.map((detection) => detection.id).sort();

const evidence = (json: ScanJson, id: string): string[] =>
	json.detections.find((detection) => detection.id === id)?.evidence ?? [];

const secrets = ['fixture-secret-never-printed-1', 'fixture-secret-never-printed-2'];

test('a Django app: requirements, PEP 621 and Poetry tables, poetry.lock, a gtag snippet', async (t) => {
	const json = await scan(t, await repo(t, 'django'));
	t.deepEqual(ids(json), [
		'aws',
		'google-analytics',
		'mixpanel',
		'openai',
		'posthog',
		'sendgrid',
		'sentry',
		'stripe',
		'twilio',
	]);
	t.deepEqual(evidence(json, 'stripe'), [
		'stripe in requirements.txt:3',
		'STRIPE_SECRET_KEY in .env.example:2',
		'script js.stripe.com in shop/templates/shop/checkout.html:4',
	]);
	t.deepEqual(evidence(json, 'sentry'), ['sentry-sdk in requirements.txt:5']);
	t.deepEqual(evidence(json, 'aws'), ['boto3 in requirements.txt:6']);
	// PEP 503: "Sendgrid" in the file is the project "sendgrid".
	t.deepEqual(evidence(json, 'sendgrid'), ['sendgrid in requirements-dev.txt:2']);
	t.deepEqual(evidence(json, 'mixpanel'), ['mixpanel in pyproject.toml:7']);
	t.deepEqual(evidence(json, 'openai'), ['openai in pyproject.toml:11']);
	t.deepEqual(evidence(json, 'posthog'), [
		'posthog in pyproject.toml:15',
		'posthog in poetry.lock:18',
	]);
	t.deepEqual(evidence(json, 'twilio'), [
		'twilio in pyproject.toml:16',
		'twilio in poetry.lock:28',
	]);
	t.deepEqual(evidence(json, 'google-analytics'), [
		'snippet "googletagmanager.com/gtag/js" in templates/base.html:8',
		'snippet "gtag(\'config\'" in templates/base.html:13',
	]);
	t.deepEqual(json.warnings, []);
	// .env (MIXPANEL_TOKEN, HOTJAR_SITE_ID) is never read; .venv is a dot-folder.
	t.false(ids(json).includes('hotjar'));
	t.false(ids(json).includes('datadog'));
	for (const secret of secrets) t.false(JSON.stringify(json).includes(secret));
});

test('a Rails app: Gemfile, Gemfile.lock and a Meta pixel in the ERB layout', async (t) => {
	const json = await scan(t, await repo(t, 'rails'));
	t.deepEqual(ids(json), ['amazon-s3', 'meta-pixel', 'postmark', 'sentry', 'stripe', 'twilio']);
	t.deepEqual(evidence(json, 'meta-pixel'), [
		'snippet "connect.facebook.net/en_US/fbevents.js" in app/views/layouts/application.html.erb:16',
		'snippet "fbq(\'init\'" in app/views/layouts/application.html.erb:17',
		'snippet "facebook.com/tr?id=" in app/views/layouts/application.html.erb:21',
	]);
	t.deepEqual(evidence(json, 'stripe'), ['stripe in Gemfile:7', 'stripe in Gemfile.lock:30']);
	// aws-sdk-s3 is Amazon S3; aws-sdk-core, which it pulls in, names no service.
	t.deepEqual(evidence(json, 'amazon-s3'), [
		'aws-sdk-s3 in Gemfile:10',
		'aws-sdk-s3 in Gemfile.lock:13',
	]);
	// Only in the lockfile: a gem another gem brings.
	t.deepEqual(evidence(json, 'twilio'), ['twilio-ruby in Gemfile.lock:31']);
	t.deepEqual(evidence(json, 'postmark'), [
		'postmark-rails in Gemfile:11',
		'POSTMARK_API_TOKEN in .env.example:1',
		'postmark in Gemfile.lock:17',
		'postmark-rails in Gemfile.lock:19',
	]);
	// vendor/bundle holds a Hotjar snippet that is not the app's.
	t.false(ids(json).includes('hotjar'));
	t.deepEqual(json.warnings, []);
});

test('a Go service: go.mod require blocks, module prefixes, vendor/ skipped', async (t) => {
	const json = await scan(t, await repo(t, 'go-service'));
	t.deepEqual(ids(json), ['amazon-s3', 'mongodb-atlas', 'sendgrid', 'sentry', 'stripe', 'twilio']);
	t.deepEqual(evidence(json, 'stripe'), ['github.com/stripe/stripe-go/v79 in go.mod:13']);
	t.deepEqual(evidence(json, 'amazon-s3'), [
		'github.com/aws/aws-sdk-go-v2/service/s3 in go.mod:10',
	]);
	t.deepEqual(evidence(json, 'twilio'), ['github.com/twilio/twilio-go in go.mod:20']);
	t.deepEqual(evidence(json, 'mongodb-atlas'), [
		'go.mongodb.org/mongo-driver in go.mod:14',
		'MONGODB_URI in .env.example:2',
	]);
	t.false(JSON.stringify(json).includes('user:pass'));
	t.false(ids(json).includes('datadog'));
	t.deepEqual(json.warnings, []);
});

test('a Laravel app: composer.json, composer.lock and Hotjar in a Blade view', async (t) => {
	const json = await scan(t, await repo(t, 'laravel'));
	t.deepEqual(ids(json), ['aws', 'hotjar', 'mailgun', 'sentry', 'stripe']);
	t.deepEqual(evidence(json, 'hotjar'), [
		'snippet "_hjSettings" in resources/views/layouts/app.blade.php:11',
		'snippet "static.hotjar.com/c/hotjar-" in resources/views/layouts/app.blade.php:16',
	]);
	t.deepEqual(evidence(json, 'stripe'), [
		'stripe/stripe-php in require of composer.json:8',
		'stripe/stripe-php in composer.lock:33',
	]);
	t.deepEqual(evidence(json, 'mailgun'), [
		'MAILGUN_DOMAIN in .env.example:2',
		'MAILGUN_SECRET in .env.example:3',
		'mailgun/mailgun-php in composer.lock:18',
	]);
	t.deepEqual(evidence(json, 'aws'), ['aws/aws-sdk-php in composer.lock:8']);
	// vendor/ (Plausible) and storage/ (compiled views: Intercom) are not the app's templates.
	t.false(ids(json).includes('plausible'));
	t.false(ids(json).includes('intercom'));
	t.deepEqual(json.warnings, []);
});

test('an Android app: Gradle version catalog (module, group/name, string and dotted forms), Kotlin and Groovy build files', async (t) => {
	const json = await scan(t, await repo(t, 'android'));
	t.deepEqual(ids(json), [
		'adjust',
		'appsflyer',
		'firebase',
		'firebase-crashlytics',
		'mixpanel',
		'onesignal',
		'revenuecat',
		'sentry',
	]);
	t.deepEqual(evidence(json, 'firebase'), [
		'com.google.firebase:firebase-bom in gradle/libs.versions.toml:8',
		'com.google.firebase:firebase-analytics in gradle/libs.versions.toml:9',
	]);
	// The most specific service: Crashlytics has its own entry.
	t.deepEqual(evidence(json, 'firebase-crashlytics'), [
		'com.google.firebase:firebase-crashlytics in gradle/libs.versions.toml:10',
	]);
	t.deepEqual(evidence(json, 'appsflyer'), [
		'com.appsflyer:af-android-sdk in gradle/libs.versions.toml:11',
	]);
	t.deepEqual(evidence(json, 'adjust'), [
		'com.adjust.sdk:adjust-android in gradle/libs.versions.toml:12',
	]);
	t.deepEqual(evidence(json, 'onesignal'), [
		'com.onesignal:OneSignal in gradle/libs.versions.toml:13',
	]);
	t.deepEqual(evidence(json, 'revenuecat'), [
		'com.revenuecat.purchases:purchases in app/build.gradle.kts:18',
	]);
	t.deepEqual(evidence(json, 'sentry'), ['io.sentry:sentry-android in analytics/build.gradle:4']);
	// app/build/ is build output, .gradle/ a cache.
	t.false(ids(json).includes('amplitude'));
	t.false(ids(json).includes('datadog'));
	t.deepEqual(json.warnings, []);
});

test('an iOS app: Podfile, Podfile.lock and Package.resolved v1, v2 and v3, Package.swift', async (t) => {
	const json = await scan(t, await repo(t, 'ios'));
	t.deepEqual(ids(json), [
		'amplitude',
		'firebase',
		'mixpanel',
		'onesignal',
		'revenuecat',
		'sentry',
		'stripe',
	]);
	t.deepEqual(evidence(json, 'firebase'), [
		'Firebase in Podfile:5',
		'Firebase in Podfile.lock:5',
		'FirebaseAnalytics in Podfile.lock:12',
		'FirebaseCore in Podfile.lock:15',
	]);
	t.deepEqual(evidence(json, 'amplitude'), [
		'Amplitude in Podfile:6',
		'Amplitude in Podfile.lock:2',
	]);
	t.deepEqual(evidence(json, 'onesignal'), [
		'OneSignalXCFramework in Podfile:7',
		'OneSignalXCFramework in Podfile.lock:20',
	]);
	t.deepEqual(evidence(json, 'revenuecat'), [
		'github.com/revenuecat/purchases-ios in Shop.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved:7',
	]);
	// An SSH URL in v2 reads the same as an https one.
	t.deepEqual(evidence(json, 'mixpanel'), [
		'github.com/mixpanel/mixpanel-swift in Packages/Insights/Package.swift:8',
		'github.com/mixpanel/mixpanel-swift in Packages/Insights/Package.resolved:6',
	]);
	t.deepEqual(evidence(json, 'stripe'), [
		'github.com/stripe/stripe-ios-spm in Legacy/Package.resolved:6',
	]);
	t.false(ids(json).includes('datadog'));
	t.deepEqual(json.warnings, []);
});

test('a Flutter app: pubspec.yaml and pubspec.lock', async (t) => {
	const json = await scan(t, await repo(t, 'flutter'));
	t.deepEqual(ids(json), [
		'firebase',
		'firebase-crashlytics',
		'google-maps',
		'revenuecat',
		'sentry',
	]);
	t.deepEqual(evidence(json, 'revenuecat'), [
		'purchases_flutter in pubspec.yaml:15',
		'purchases_flutter in pubspec.lock:41',
	]);
	t.deepEqual(evidence(json, 'google-maps'), ['google_maps_flutter in pubspec.lock:33']);
	t.deepEqual(evidence(json, 'sentry'), [
		'sentry_flutter in pubspec.yaml:16',
		'sentry in pubspec.lock:49',
		'sentry_flutter in pubspec.lock:57',
	]);
	// .dart_tool/ and build/ are not read.
	t.false(ids(json).includes('mixpanel'));
	t.false(ids(json).includes('plausible'));
	t.deepEqual(json.warnings, []);
});

test('a static site: GTM, Plausible, Meta and TikTok pixels, CSP hosts in a meta tag, _headers and netlify.toml', async (t) => {
	const json = await scan(t, await repo(t, 'static-site'));
	t.deepEqual(ids(json), [
		'google-analytics',
		'google-tag-manager',
		'hotjar',
		'meta-pixel',
		'plausible',
		'stripe',
		'tiktok-pixel',
	]);
	t.deepEqual(evidence(json, 'google-tag-manager'), [
		'CSP host https://www.googletagmanager.com in _headers:3',
		'snippet "googletagmanager.com/gtm.js" in index.html:11',
		'snippet "googletagmanager.com/ns.html" in index.html:27',
	]);
	t.deepEqual(evidence(json, 'plausible'), [
		'CSP host https://plausible.io in _headers:3',
		'script plausible.io in index.html:14',
	]);
	t.deepEqual(evidence(json, 'meta-pixel'), [
		'CSP host https://connect.facebook.net in _headers:3',
		'snippet "connect.facebook.net/en_US/fbevents.js" in pricing/index.htm:7',
		'snippet "fbq(\'init\'" in pricing/index.htm:8',
	]);
	t.deepEqual(evidence(json, 'tiktok-pixel'), [
		'CSP host https://analytics.tiktok.com in _headers:3',
		'snippet "TiktokAnalyticsObject" in index.html:18',
		'script analytics.tiktok.com in index.html:19',
		'snippet "ttq.load(" in index.html:20',
	]);
	// A wildcard allows every Google Analytics host.
	t.deepEqual(evidence(json, 'google-analytics'), [
		'CSP host https://*.google-analytics.com in _headers:3',
	]);
	t.deepEqual(evidence(json, 'stripe'), ['CSP host https://js.stripe.com in index.html:5']);
	t.deepEqual(evidence(json, 'hotjar'), [
		'CSP host https://static.hotjar.com in netlify.toml:9',
		'CSP host wss://*.hotjar.com in netlify.toml:10',
	]);
	// node_modules/ (Segment) and dist/ (Fathom) are not the site's own files.
	t.false(ids(json).includes('segment'));
	t.false(ids(json).includes('fathom'));
	t.deepEqual(json.warnings, []);
});

test('the human-readable scan names each finding with its file and line', async (t) => {
	const result = await run(['scan'], {cwd: await repo(t, 'laravel')});
	t.is(result.exitCode, 0);
	t.regex(
		result.stdout,
		/Hotjar \(session-replay\)\n {2}snippet "_hjSettings" in resources\/views\/layouts\/app\.blade\.php:11\n/,
	);
	t.regex(result.stdout, /5 services suggested/);
});

// The edge: limits, links, malformed files -------------------------------------------------

test('scan: malformed manifests of every ecosystem are warnings naming the file and the problem', async (t) => {
	const folder = path.join(temporaryFolder(t), 'repo');
	mkdirSync(folder);
	const files: Record<string, string> = {
		'requirements.txt': 'stripe==9\n!!! not a requirement\n',
		'pyproject.toml': '[project\ndependencies = ["openai"]\n',
		'poetry.lock': 'not toml at all\n',
		'Pipfile.lock': '{"default": ',
		'Gemfile.lock': 'GEM\n  specs:\n    stripe (10.0.0)\n\nDEPENDENCIES\n  ??\n',
		'go.mod': 'module example.com/x\n\nrequire (\n\t!!!\n)\n',
		'composer.lock': '{"packages": {"name": "x"}}',
		'pom.xml':
			'<project><dependencies><dependency><groupId>com.stripe</groupId><artifactId>stripe-java',
		'gradle/libs.versions.toml': '[libraries]\nbroken = { version = "1" }\n',
		'Podfile.lock': 'DEPENDENCIES:\n  - Amplitude\n',
		'Package.resolved': '{"version": 2}',
		'pubspec.lock': 'sdks:\n  dart: ">=3"\n',
		'bun.lock': '{"lockfileVersion": 1, "packages": {"x": 3}}',
		'uv.lock': 'version = 1\n',
	};
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, file)), {recursive: true});
		writeFileSync(path.join(folder, file), text);
	}

	const json = await scan(t, folder);
	for (const file of Object.keys(files)) {
		t.true(
			json.warnings.some((warning) => warning.startsWith(`${file} `)),
			`no warning for ${file}: ${json.warnings.join('\n')}`,
		);
	}

	// What could be read still counts.
	t.true(ids(json).includes('stripe'));
	const result = await run(['scan'], {cwd: folder});
	t.notRegex(result.stderr, /at .*\.js:\d+/);
	t.regex(
		result.stderr,
		/requirements\.txt is not a well-formed pip requirements file \(line 2 is not a requirement\)/,
	);
});

test('scanRepo: a template too large is skipped with a warning; links out of the repo are never read', async (t) => {
	const folder = await repo(t, 'static-site');
	const outside = temporaryFolder(t, 'privacy-wizard-outside-');
	writeFileSync(
		path.join(outside, 'evil.html'),
		'<script src="https://cdn.segment.com/x.js"></script>',
	);
	symlinkSync(path.join(outside, 'evil.html'), path.join(folder, 'evil.html'));
	writeFileSync(path.join(outside, 'requirements.txt'), 'datadog\n');
	symlinkSync(outside, path.join(folder, 'linked'));
	writeFileSync(
		path.join(folder, 'huge.html'),
		`${'<p>x</p>\n'.repeat(2000)}<script>_hjSettings</script>`,
	);
	const result = await scanRepo(folder, {maxWebFileBytes: 10_000});
	const found = result.detections.map((detection) => detection.service.id);
	t.false(found.includes('segment'));
	t.false(found.includes('datadog'));
	t.true(
		result.warnings.some(
			(warning) => warning === 'evil.html links outside the repository; it was not read.',
		),
	);
	t.true(
		result.warnings.some((warning) =>
			/^huge\.html is larger than 10 KiB; it was skipped\.$/.test(warning),
		),
		result.warnings.join('\n'),
	);
	t.true(found.includes('hotjar'));
	t.false(
		result.detections
			.find((detection) => detection.service.id === 'hotjar')!
			.evidence.some((line) => line.includes('huge.html')),
	);
});

test('the fixture .env of the Django app holds the secrets the test looks for', (t) => {
	const text = readFileSync(path.join(fixtures, 'django', '.env'), 'utf8');
	t.true(text.includes(secrets[0]!));
});
