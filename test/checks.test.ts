import test, {type ExecutionContext} from 'ava';
import {lastUpdated} from '../source/core/answers/derive.js';
import type {Answers, DraftAnswers} from '../source/core/answers/types.js';
import {checklistItem, checklistItems} from '../source/core/checks/checklist.js';
import {checkAnswers, hasErrors, type Finding} from '../source/core/checks/findings.js';
import {formatPath} from '../source/core/questionnaire/paths.js';
import {gaps} from '../source/core/questionnaire/walk.js';
import {example, exampleNames, type ExampleName, variants} from './helpers/answers.js';

/** A date `days` after another, as YYYY-MM-DD. */
function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function findings(answers: unknown, today?: string): Finding[] {
	const complete = answers as Answers;
	return checkAnswers(answers as DraftAnswers, {
		today: today ?? lastUpdated(complete),
	});
}

const errors = (list: Finding[]): Finding[] => list.filter((item) => item.severity === 'error');

function mutated(name: ExampleName, change: (answers: Answers) => void): Answers {
	const answers = example(name);
	change(answers);
	return answers;
}

/** The error findings with a given id, failing the test when there are none. */
function expectError(
	t: ExecutionContext,
	answers: unknown,
	id: string,
	options: {path?: string; message?: RegExp; today?: string} = {},
): Finding[] {
	const found = errors(findings(answers, options.today)).filter((item) => item.id === id);
	t.true(found.length > 0, `no ${id} error`);
	for (const item of found) {
		t.is(item.citation, checklistItem(id).citation);
		t.true(item.fix.length > 20, item.fix);
	}

	if (options.path !== undefined) {
		t.true(
			found.some((item) => item.path === options.path),
			`no ${id} at ${options.path}: ${found.map((item) => item.path).join(', ')}`,
		);
	}

	if (options.message) {
		const pattern = options.message;
		t.true(
			found.some((item) => pattern.test(item.message)),
			found.map((item) => item.message).join('\n'),
		);
	}

	return found;
}

for (const name of exampleNames) {
	test(`${name}: a complete example has no error findings`, (t) => {
		const list = findings(example(name));
		t.deepEqual(errors(list), []);
		t.false(hasErrors(list));
	});
}

for (const [name, build] of Object.entries(variants)) {
	test(`variant ${name}: no error findings`, (t) => {
		t.deepEqual(errors(findings(build())), []);
	});
}

test('findings come in a stable order: errors first, the same list every time', (t) => {
	const answers = mutated('us-consumer', (draft) => {
		draft.rights.channels = [{kind: 'email', value: 'privacy@habitly.example'}];
		draft.service.description = 'TODO';
	});
	const first = findings(answers);
	t.deepEqual(findings(structuredClone(answers)), first);
	const firstWarning = first.findIndex((item) => item.severity === 'warning');
	if (firstWarning !== -1) {
		t.true(first.slice(firstWarning).every((item) => item.severity === 'warning'));
	}
});

test('an incomplete file yields an error naming each gap, with checklist id, citation and fix', (t) => {
	const answers = {schemaVersion: 1, controller: {legalName: 'Acme Labs GmbH'}};
	const list = findings(answers, '2026-05-01');
	t.true(hasErrors(list));
	const known = new Set(checklistItems.map((item) => item.id));
	for (const item of list) {
		t.true(known.has(item.id), item.id);
		t.is(item.citation, checklistItem(item.id).citation);
		t.true(item.message.length > 10);
		t.true(item.fix.length > 10);
	}

	// Every gap the questionnaire sees has its finding, at its path.
	const paths = new Set(list.map((item) => item.path));
	for (const gap of gaps(answers)) {
		t.true(paths.has(formatPath(gap.path)), formatPath(gap.path));
	}

	// No law applies yet (no region answered): gaps count against the questionnaire itself.
	const email = list.find((item) => item.path === 'controller.email');
	t.truthy(email);
	t.is(email?.id, 'CORE-ANSWERS');
	t.is(email?.severity, 'error');
	t.is(email?.citation, 'privacy-wizard questionnaire');
	t.regex(email?.message ?? '', /^Missing answer: .*\(controller\.email\)\.$/);
	t.regex(email?.fix ?? '', /privacy-wizard.*controller\.email/);
	t.is(email?.questionId, 'controller.email');

	for (const path of [
		'controller.address.lines',
		'service.name',
		'audience.regions',
		'dataItems',
		'purposes',
	]) {
		t.true(paths.has(path), path);
	}

	// The legal name was given: no finding for it.
	t.false(paths.has('controller.legalName'));
});

test('gaps count against the checklist item that applies to the answers', (t) => {
	const answers = mutated('global-reps', (draft) => {
		delete draft.representatives!.eu;
	});
	expectError(t, answers, 'GDPR-13.1.a-REP', {path: 'representatives.eu.name'});

	// A California-only company's missing category counts against the CCPA item.
	const californian = mutated('us-consumer', (draft) => {
		delete draft.dataItems[0]!.ccpaCategory;
	});
	expectError(t, californian, 'CCPA-COLL', {path: 'dataItems[0].ccpaCategory'});
});

// --- What generators most often get wrong ----------------------------------------------------

test('"as long as necessary" retention is an error, once, saying why', (t) => {
	for (const criteria of [
		'as long as necessary',
		'For as long as is necessary.',
		'indefinitely',
		'As long as needed',
	]) {
		const answers = mutated('eu-saas', (draft) => {
			draft.purposes[2]!.retention = {kind: 'criteria', criteria};
		});
		const found = errors(findings(answers)).filter(
			(item) => item.path === 'purposes[2].retention.criteria',
		);
		t.is(found.length, 1, criteria);
		t.regex(found[0]!.message, /not a retention period/);
	}

	const concrete = mutated('eu-saas', (draft) => {
		draft.purposes[2]!.retention = {
			kind: 'criteria',
			criteria: 'as long as necessary to answer you, and at most 2 years after the last message',
		};
	});
	t.false(findings(concrete).some((item) => item.path === 'purposes[2].retention.criteria'));
});

test('a bare "legitimate interests" is an error (GDPR-13.1.d)', (t) => {
	for (const interest of [
		'our legitimate interests',
		'Legitimate interest.',
		'business interests',
	]) {
		const answers = mutated('eu-saas', (draft) => {
			draft.purposes[5]!.legitimateInterest = interest;
		});
		expectError(t, answers, 'GDPR-13.1.d', {path: 'purposes[5].legitimateInterest'});
	}
});

test('a US recipient without a DPF certification needs a safeguard; with one it is adequate (GDPR-13.1.f)', (t) => {
	const index = example('eu-saas').recipients.findIndex((recipient) => recipient.id === 'sendgrid');
	const uncertified = mutated('eu-saas', (draft) => {
		delete draft.recipients[index]!.certifications;
	});
	expectError(t, uncertified, 'GDPR-13.1.f', {path: `recipients[${index}].transfers.eu`});
	expectError(t, uncertified, 'UK-XFER', {path: `recipients[${index}].transfers.uk`});
	t.false(
		findings(example('eu-saas')).some((item) =>
			item.path?.startsWith(`recipients[${index}].transfers`),
		),
	);
});

test('a certification claimed for a country the DPF does not cover needs a safeguard there', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		const sendgrid = draft.recipients.find((recipient) => recipient.id === 'sendgrid')!;
		sendgrid.locations = ['IN'];
	});
	const index = example('eu-saas').recipients.findIndex((recipient) => recipient.id === 'sendgrid');
	expectError(t, answers, 'GDPR-13.1.f', {path: `recipients[${index}].transfers.eu`});
});

test('Privacy Shield mentioned anywhere is an error (CORE-PRIVACY-SHIELD)', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		draft.transferCopyHow = 'on request; our US transfers are covered by the EU-US Privacy Shield.';
	});
	expectError(t, answers, 'CORE-PRIVACY-SHIELD', {
		path: 'transferCopyHow',
		message: /Privacy Shield/,
	});
});

test('placeholder text is an error (CORE-PLACEHOLDER)', (t) => {
	for (const text of [
		'TODO',
		'Acme [Company name] GmbH',
		'TBD',
		'Lorem ipsum dolor sit amet',
		'{{company}}',
	]) {
		const answers = mutated('eu-saas', (draft) => {
			draft.service.description = text;
		});
		expectError(t, answers, 'CORE-PLACEHOLDER', {
			path: 'service.description',
			message: /placeholder/,
		});
	}
});

test('California without a toll-free number, when not online-only, is an error (CCPA-METHODS)', (t) => {
	const answers = mutated('us-consumer', (draft) => {
		draft.rights.channels = draft.rights.channels.filter((channel) => channel.kind !== 'toll-free');
	});
	t.false(answers.california!.onlineOnly);
	expectError(t, answers, 'CCPA-METHODS', {path: 'rights.channels', message: /toll-free/});

	// Online-only with a direct relationship: email alone suffices.
	const online = mutated('us-consumer', (draft) => {
		draft.rights.channels = [{kind: 'email', value: 'privacy@habitly.example'}];
		draft.california!.onlineOnly = true;
	});
	t.false(findings(online).some((item) => item.id === 'CCPA-METHODS'));
});

test('a policy last updated more than 12 months ago is an error (CCPA-DATE)', (t) => {
	const answers = example('us-consumer');
	const updated = lastUpdated(answers);
	t.is(updated, '2026-12-01');
	expectError(t, answers, 'CCPA-DATE', {today: addDays(updated, 366), message: /2026-12-01/});
	t.false(
		findings(answers, addDays(updated, 365)).some((item) => item.id === 'CCPA-DATE'),
		'exactly 12 months is still fine',
	);
	t.false(findings(answers, updated).some((item) => item.id === 'CCPA-DATE'));
	// Only California asks for it.
	t.false(
		findings(example('eu-saas'), addDays(lastUpdated(example('eu-saas')), 800)).some(
			(item) => item.id === 'CCPA-DATE',
		),
	);
});

test('a non-EU controller serving the EEA without an EU representative is an error (GDPR-13.1.a-REP)', (t) => {
	const answers = mutated('global-reps', (draft) => {
		delete draft.representatives!.eu;
	});
	const found = expectError(t, answers, 'GDPR-13.1.a-REP');
	t.true(found.every((item) => item.path?.startsWith('representatives.eu.')));
	t.true(found.some((item) => item.questionId === 'representatives.eu.name'));

	// Established in the EU: no representative needed.
	t.false(findings(example('eu-saas')).some((item) => item.id === 'GDPR-13.1.a-REP'));
});

test('a DPO who is just the privacy inbox is a warning; consent marked as required an error', (t) => {
	const dpo = mutated('eu-saas', (draft) => {
		draft.dpo = {designated: true, email: draft.controller.email};
	});
	const list = findings(dpo);
	t.deepEqual(errors(list), []);
	t.true(list.some((item) => item.severity === 'warning' && item.id === 'GDPR-13.1.b'));

	// "Required to enter into a contract" for a consent purpose is false text, not a style issue.
	const consent = mutated('eu-saas', (draft) => {
		draft.purposes[4]!.requirement = 'contract-prerequisite';
	});
	expectError(t, consent, 'GDPR-13.2.e', {path: 'purposes[4].requirement'});
});
