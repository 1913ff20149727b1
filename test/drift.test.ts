import {readFileSync} from 'node:fs';
import test from 'ava';
import type {DraftAnswers} from '../source/core/answers/types.js';
import {catalogService, catalogServices} from '../source/core/catalog/catalog.js';
import {detectServices} from '../source/core/catalog/detect.js';
import {ecosystems, hasSignals, signalKindNames} from '../source/core/catalog/signals.js';
import {driftFindings, noEvidenceId, signalSummary} from '../source/core/checks/drift.js';

/** Answers whose only recipients are these catalog services. */
function answersWith(...ids: string[]): DraftAnswers {
	return {
		schemaVersion: 2,
		recipients: ids.map((id) => ({id, name: catalogService(id)!.name, catalogId: id})),
	};
}

const warnings = (answers: DraftAnswers, detections: Parameters<typeof driftFindings>[1]) =>
	driftFindings(answers, detections).filter((finding) => finding.id === noEvidenceId);

test('the signal kinds are every key the catalog schema allows, and every kind the catalog uses', (t) => {
	const schema = JSON.parse(
		readFileSync(new URL('../questionnaires/schemas/catalog.schema.json', import.meta.url), 'utf8'),
	) as {$defs: {service: {properties: {signals: {properties: Record<string, unknown>}}}}};
	t.deepEqual(
		[...signalKindNames].sort(),
		Object.keys(schema.$defs.service.properties.signals.properties).sort(),
	);
	const used = new Set(catalogServices.flatMap((service) => Object.keys(service.signals)));
	t.deepEqual(
		[...used].filter((kind) => !(signalKindNames as string[]).includes(kind)),
		[],
	);
	t.deepEqual(
		[...ecosystems],
		['npm', 'pypi', 'gems', 'go', 'composer', 'maven', 'cocoapods', 'swiftpm', 'pub'],
	);
});

test('no trace of an answered service: warned for every ecosystem, hosts and snippets, not only npm and env', (t) => {
	// Mobile SDKs (Maven, CocoaPods, SwiftPM), a font host, an embed snippet.
	const answers = answersWith('meta-app-events', 'google-fonts', 'instagram-embeds');
	const found = warnings(answers, []);
	t.deepEqual(
		found.map((finding) => finding.path),
		['recipients[0]', 'recipients[1]', 'recipients[2]'],
	);
	t.true(found.every((finding) => finding.severity === 'warning'));
	t.regex(
		found[0]!.message,
		/looked for Maven artifacts com\.facebook\.android:facebook-core, …; CocoaPods FBSDKCoreKit; Swift packages github\.com\/facebook\/facebook-ios-sdk\)/,
	);
	t.regex(
		found[1]!.message,
		/looked for hosts in templates or headers fonts\.googleapis\.com, …\)/,
	);
	t.regex(found[2]!.message, /looked for snippets in templates instgrm\.Embeds\.process\)/);
});

test('a service found through any ecosystem has no warning', (t) => {
	const answers = answersWith('meta-app-events', 'google-fonts');
	const {detections} = detectServices([
		{
			file: 'ios/Podfile.lock',
			kind: 'Podfile.lock',
			text: 'PODS:\n  - FBSDKCoreKit (17.0.0)\n\nDEPENDENCIES:\n  - FBSDKCoreKit\n',
		},
		{
			file: 'index.html',
			kind: 'template',
			text: '<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet">',
		},
	]);
	t.deepEqual(
		detections.map((detection) => detection.service.id),
		['google-fonts', 'meta-app-events'].sort(),
	);
	t.deepEqual(warnings(answers, detections), []);
});

test('the summary of what was looked for is short: three kinds, one value each, the rest counted', (t) => {
	// Sentry: npm (names and a scope), PyPI, gems, Go, Composer, Maven, CocoaPods, SwiftPM, pub,
	// env keys (names and prefixes), hosts and snippets: twelve kinds as people name them.
	t.is(
		signalSummary(catalogService('sentry')!),
		'npm packages @sentry/node, …; PyPI packages sentry-sdk; gems sentry-ruby, …; and 9 other kinds of signal',
	);
	t.is(
		signalSummary(catalogService('google-fonts')!),
		'hosts in templates or headers fonts.googleapis.com, …',
	);
	// Nearly every service can be found in a repository; a few (a dashboard) cannot.
	t.true(
		catalogServices.filter((service) => hasSignals(service)).length > catalogServices.length - 20,
	);
});

test('with a base: a service added since is named so; a trace removed since is said', (t) => {
	const {detections: now} = detectServices([
		{
			file: 'package.json',
			kind: 'package.json',
			text: '{"dependencies": {"posthog-js": "1", "@sentry/node": "8"}}',
		},
	]);
	const {detections: before} = detectServices([
		{
			file: 'package.json',
			kind: 'package.json',
			text: '{"dependencies": {"@sentry/node": "8", "stripe": "14"}}',
		},
	]);
	const findings = driftFindings(answersWith('stripe'), now, {
		label: 'main (abc1234)',
		detections: before,
	});
	const messages = findings.map((finding) => finding.message);
	t.true(
		messages.some((message) =>
			message.startsWith(
				'The repo uses PostHog (posthog-js in dependencies of package.json:1), added since main (abc1234), but',
			),
		),
	);
	t.true(
		messages.some((message) =>
			message.startsWith(
				'The repo uses Sentry (@sentry/node in dependencies of package.json:1), but',
			),
		),
	);
	t.true(
		messages.some((message) =>
			/^Stripe is in the answers \(catalogId "stripe"\), but the repo shows no trace of it: what revealed it was removed since main \(abc1234\) \(looked for/.test(
				message,
			),
		),
	);
	// Without a base, nothing is said about when.
	t.false(
		driftFindings(answersWith('stripe'), now).some((finding) => finding.message.includes('since')),
	);
});
