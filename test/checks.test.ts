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

	const email = list.find((item) => item.path === 'controller.email');
	t.truthy(email);
	t.is(email?.id, 'GDPR-13.1.a');
	t.is(email?.severity, 'error');
	t.is(email?.citation, 'GDPR Art. 13(1)(a), 14(1)(a)');
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

test('"as long as necessary" retention is an error (GDPR-13.2.a)', (t) => {
	for (const criteria of [
		'as long as necessary',
		'For as long as is necessary.',
		'indefinitely',
		'As long as needed',
	]) {
		const answers = mutated('eu-saas', (draft) => {
			draft.purposes[2]!.retention = {kind: 'criteria', criteria};
		});
		expectError(t, answers, 'GDPR-13.2.a', {path: 'purposes[2].retention.criteria'});
	}

	const concrete = mutated('eu-saas', (draft) => {
		draft.purposes[2]!.retention = {
			kind: 'criteria',
			criteria: 'as long as necessary to answer you, and at most 2 years after the last message',
		};
	});
	t.false(findings(concrete).some((item) => item.id === 'GDPR-13.2.a'));
});

test('a bare "legitimate interests" is an error (GDPR-13.1.d)', (t) => {
	for (const interest of [
		'our legitimate interests',
		'Legitimate interest.',
		'business interests',
	]) {
		const answers = mutated('eu-saas', (draft) => {
			draft.purposes[3]!.legitimateInterest = interest;
		});
		expectError(t, answers, 'GDPR-13.1.d', {path: 'purposes[3].legitimateInterest'});
	}
});

test('the Data Privacy Framework without certification is an error (GDPR-13.1.f)', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		const sendgrid = draft.recipients.find((recipient) => recipient.id === 'sendgrid')!;
		sendgrid.dpfCertified = false;
	});
	const index = example('eu-saas').recipients.findIndex((recipient) => recipient.id === 'sendgrid');
	expectError(t, answers, 'GDPR-13.1.f', {
		path: `recipients[${index}].dpfCertified`,
		message: /not marked as certified/,
	});
});

test('the Data Privacy Framework for a location outside the US is an error (GDPR-13.1.f)', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		const intercom = draft.recipients.find((recipient) => recipient.id === 'intercom')!;
		intercom.locations = ['IN'];
		intercom.transferSafeguard = 'dpf';
		intercom.dpfCertified = true;
	});
	expectError(t, answers, 'GDPR-13.1.f', {message: /covers only transfers to the United States/});
});

test('Privacy Shield mentioned anywhere is an error (GDPR-13.1.f)', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		draft.transferCopyHow = 'on request; our US transfers are covered by the EU-US Privacy Shield.';
	});
	expectError(t, answers, 'GDPR-13.1.f', {path: 'transferCopyHow', message: /Privacy Shield/});
});

test('placeholder text is an error (GDPR-12.1)', (t) => {
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
		expectError(t, answers, 'GDPR-12.1', {path: 'service.description', message: /placeholder/});
	}
});

test('an answer deadline over 30 days under the GDPR is an error (GDPR-12.3)', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		draft.rights.responseDays = 45;
	});
	expectError(t, answers, 'GDPR-12.3', {path: 'rights.responseDays'});
	// 45 days is what the CCPA allows: no finding for a California-only business.
	t.false(findings(example('us-consumer')).some((item) => item.id === 'GDPR-12.3'));
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
	t.is(updated, '2026-06-01');
	expectError(t, answers, 'CCPA-DATE', {today: addDays(updated, 366), message: /2026-06-01/});
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

test('warnings: a DPO who is just the privacy inbox, consent marked as required', (t) => {
	const answers = mutated('eu-saas', (draft) => {
		draft.dpo = {designated: true, email: draft.controller.email};
		draft.purposes[4]!.requirement = 'contractual';
	});
	const list = findings(answers);
	t.deepEqual(errors(list), []);
	const ids = list.map((item) => `${item.severity} ${item.id}`);
	t.true(ids.includes('warning GDPR-13.1.b'));
	t.true(ids.includes('warning GDPR-13.2.e'));
});
