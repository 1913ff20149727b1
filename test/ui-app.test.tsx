import path from 'node:path';
import test from 'ava';
import type {DraftAnswers} from '../source/core/answers/types.js';
import {checkAnswers} from '../source/core/checks/findings.js';
import {getAt, setAt} from '../source/core/questionnaire/paths.js';
import type {Context} from '../source/core/questionnaire/types.js';
import {visibleSections} from '../source/core/questionnaire/walk.js';
import {initialState} from '../source/core/questionnaire/wizard.js';
import {recipientFromService} from '../source/core/catalog/catalog.js';
import {cookieSuggestions} from '../source/core/catalog/cookies.js';
import {App, type AppProps, type AppResult} from '../source/ui/app.js';
import {CatalogPicker} from '../source/ui/catalog-picker.js';
import type {RepoSuggestion} from '../source/ui/screens/welcome.js';
import {keys, renderWithKeys, waitUntil, type View, highlighted} from './helpers/ink.js';
import {fakeIo, fakeRoot, loadExample, type FakeIo} from './helpers/wizard-io.js';

const context: Context = {today: '2026-10-01', suggestions: {}};

function flat(frame: string): string {
	return frame.replaceAll(/\s+/g, ' ').trim();
}

/** The text field's content, or undefined when the screen has none. */
function field(frame: string): string | undefined {
	const line = frame.split('\n').find((candidate) => candidate.startsWith('›'));
	return line?.replace(/^› ?/, '').trimEnd();
}

type Started = {view: View; io: FakeIo; exits: AppResult[]};

function startApp(
	t: {teardown: (fn: () => void) => void},
	options: {
		answers?: DraftAnswers;
		firstRun?: boolean;
		repoSuggestions?: RepoSuggestion[];
		io?: FakeIo;
		extra?: Partial<AppProps>;
	} = {},
): Started {
	const answers = options.answers ?? ({} as DraftAnswers);
	const io = options.io ?? fakeIo();
	const exits: AppResult[] = [];
	const view = renderWithKeys(
		<App
			initial={initialState(answers, context, options.firstRun ?? true)}
			io={io}
			repoSuggestions={options.repoSuggestions}
			onExit={(result) => exits.push(result)}
			{...options.extra}
		/>,
		// The App brings its own KeyRoot, with the keys that work everywhere.
		{t, bare: true},
	);
	return {view, io, exits};
}

const sectionCount = visibleSections({}).length;

/** Type text, wait until the field shows it, then Enter. */
async function answer(view: View, text: string): Promise<void> {
	await view.waitForFrame((frame) => field(frame) === '');
	view.press(text);
	await view.pressWhen((frame) => field(frame) === text, keys.enter);
}

async function lastSaved(io: FakeIo, check: (answers: DraftAnswers) => boolean, what: string) {
	await waitUntil(() => io.saved.length > 0 && check(io.saved.at(-1)!), what);
	return io.saved.at(-1)!;
}

test('App: the welcome screen leads to the first question', async (t) => {
	const {view, io} = startApp(t);
	const welcome = flat(await view.waitForFrame('Enter start'));
	t.true(welcome.includes('privacy-wizard · Welcome'));
	t.true(welcome.includes('privacy-wizard.json'));
	view.press(keys.enter);
	const first = flat(await view.waitForFrame("Your company's legal name"));
	t.true(first.includes('privacy-wizard · Your company'));
	t.true(first.includes(`Section 1 of ${sectionCount} · question 1 of 13`), first);
	t.true(first.includes('Esc back'));
	t.is(io.saved.length, 0, 'nothing to save yet');
});

test('App: accepted suggestions become defaults, declined ones do not', async (t) => {
	const {view} = startApp(t, {
		repoSuggestions: [
			{key: 'gitEmail', label: 'Contact email', value: 'dev@lumen.example'},
			{key: 'homepage', label: 'Website', value: 'https://lumen.example'},
		],
	});
	await view.pressWhen('Use “dev@lumen.example”', 'y');
	await view.pressWhen('Use “https://lumen.example”', 'n');
	await view.pressWhen('Enter start', keys.enter);
	await answer(view, 'Lumen GmbH');
	// Trading name, address lines, postal code, locality, region, country: then the email.
	await view.pressWhen('Trading name', keys.enter);
	await view.pressWhen('Street and number', 'Torstraße 140\r');
	await view.pressWhen((frame) => frame.includes('1. Torstraße 140'), keys.enter);
	await view.pressWhen('Postal code', '10119\r');
	await view.pressWhen((frame) => flat(frame).includes('question 5 of 13'), 'Berlin\r');
	await view.pressWhen((frame) => flat(frame).includes('question 6 of 13'), keys.enter);
	await view.pressWhen('type to filter', 'germ');
	await view.pressWhen((frame) => highlighted(frame) === 'Germany', keys.enter);
	const email = await view.waitForFrame((frame) => flat(frame).includes('question 8 of 13'));
	t.is(field(email), 'dev@lumen.example');
	view.press(keys.enter);
	await view.pressWhen((frame) => flat(frame).includes('question 9 of 13'), keys.enter);
	const website = await view.waitForFrame((frame) => flat(frame).includes('question 10 of 13'));
	t.is(
		field(website)?.trim(),
		'https://',
		'the declined homepage is not offered (the placeholder shows)',
	);
});

test('App: an answer is saved, Esc goes back with it as the default', async (t) => {
	const {view, io} = startApp(t);
	await view.pressWhen('Enter start', keys.enter);
	await view.waitForFrame("Your company's legal name");
	await answer(view, 'Müller 山田 GmbH');
	const saved = await lastSaved(
		io,
		(answers) => getAt(answers, ['controller', 'legalName']) === 'Müller 山田 GmbH',
		'the saved answer',
	);
	t.deepEqual(saved['controller'], {legalName: 'Müller 山田 GmbH'});
	const second = flat(await view.waitForFrame('Trading name, if different'));
	t.true(second.includes('question 2 of 13'));
	view.press(keys.escape);
	const back = await view.waitForFrame("Your company's legal name");
	t.is(field(back), 'Müller 山田 GmbH');
	t.true(flat(back).includes('question 1 of 13'));
	// Changing it saves the new answer.
	view.press(keys.ctrlU);
	await answer(view, 'Lumen GmbH');
	await lastSaved(
		io,
		(answers) => getAt(answers, ['controller', 'legalName']) === 'Lumen GmbH',
		'the changed answer saved',
	);
	await view.waitForFrame('Trading name, if different');
});

test('App: a validation message stays on the question', async (t) => {
	const {view, io} = startApp(t);
	await view.pressWhen('Enter start', keys.enter);
	await view.pressWhen("Your company's legal name", keys.enter);
	const frame = await view.waitForFrame('✖');
	t.true(frame.includes("Your company's legal name"));
	t.is(io.saved.length, 0);
	await answer(view, 'Lumen GmbH');
	const next = await view.waitForFrame('Trading name');
	t.false(next.includes('✖'), 'the message goes with the question');
});

test('App: Ctrl-O opens the sections, Ctrl-R the review', async (t) => {
	const {view} = startApp(t);
	await view.pressWhen('Enter start', keys.enter);
	await view.waitForFrame("Your company's legal name");
	await answer(view, 'Lumen GmbH');
	await view.pressWhen('Trading name', keys.ctrlO);
	const sections = await view.waitForFrame('Write the documents');
	t.true(sections.includes('privacy-wizard · Sections'));
	t.true(sections.includes(`0 of ${sectionCount} complete`));
	t.true(sections.includes('! 1. Your company (needs attention)'));
	t.true(sections.includes('· 2. Your product and its users (not started)'));
	// Back into the section: it opens at its first gap.
	await view.pressWhen((frame) => highlighted(frame).includes('1. Your company'), keys.enter);
	const reopened = await view.waitForFrame('Street and number of your company');
	t.true(flat(reopened).includes('question 3 of 13'));
	view.press(keys.ctrlR);
	const review = flat(await view.waitForFrame('privacy-wizard · Review'));
	t.regex(review, /\d+ errors?, \d+ warnings/);
	t.true(review.includes('w write documents'));
});

test('App: Ctrl-C waits for the pending save, then exits with 130', async (t) => {
	const {view, io, exits} = startApp(t);
	await view.pressWhen('Enter start', keys.enter);
	await view.waitForFrame("Your company's legal name");
	io.holdSaves();
	await answer(view, 'Lumen GmbH');
	await view.pressWhen('Trading name', keys.ctrlC);
	await view.waitForFrame('Saving…');
	t.false(flat(view.lastFrame() ?? '').includes('saved in'), 'no claim before the save is done');
	t.deepEqual(exits, [], 'no exit while the save is pending');
	t.is(io.saved.length, 0);
	io.release();
	const stopped = flat(await view.waitForFrame('Stopped.'));
	t.true(stopped.includes('Your answers are saved in privacy-wizard.json'));
	await waitUntil(() => exits.length === 1, 'the exit');
	t.deepEqual(exits, [{code: 130, written: []}]);
	t.is(getAt(io.saved.at(-1), ['controller', 'legalName']), 'Lumen GmbH');
});

test('App: Ctrl-C on the welcome screen exits with 130', async (t) => {
	const {view, exits} = startApp(t);
	await view.pressWhen('Enter start', keys.ctrlC);
	await waitUntil(() => exits.length === 1, 'the exit');
	t.is(exits[0]!.code, 130);
});

test('App: a save that fails says so on screen', async (t) => {
	const io = fakeIo();
	io.save = async () => {
		throw new Error('EROFS: read-only file system');
	};

	const {view} = startApp(t, {io});
	await view.pressWhen('Enter start', keys.enter);
	await view.waitForFrame("Your company's legal name");
	await answer(view, 'Lumen GmbH');
	const frame = flat(await view.waitForFrame('Could not save'));
	t.true(frame.includes('✖ Could not save the answers: EROFS: read-only file system'));
	t.true(frame.includes('Trading name'));
});

test('App: a list question shows its records; adding one walks its fields', async (t) => {
	const answers = loadExample('eu-saas');
	const {view, io} = startApp(t, {answers, firstRun: false});
	const data = visibleSections(answers).findIndex((section) => section.id === 'data') + 1;
	await view.pressWhen('Write the documents', String(data));
	const list = await view.waitForFrame('Kinds of personal data you collect');
	const names = (answers['dataItems'] as Array<{name: string}>).map((item) => item.name);
	for (const name of names)
		t.true(
			list.split('\n').some((line) => line.slice(2) === name),
			name,
		);
	t.true(flat(list).includes(`Section ${data} of`));
	view.press('a');
	const first = await view.waitForFrame('Name of this data');
	t.true(first.includes(`Entry ${names.length + 1} (not named yet)`));
	await answer(view, 'Device identifiers');
	await view.pressWhen('What it includes (optional)', keys.enter);
	// A list inside the record: its sources.
	await view.pressWhen('No entries yet.', keys.enter);
	// A required select chooses nothing until a key does.
	await view.pressWhen('Where does it come from?', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'From the person', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Collected automatically', keys.enter);
	await view.pressWhen('When or how? (optional)', 'from the app\r');
	const sources = await view.waitForFrame('Sources of this data');
	t.true(sources.split('\n').some((line) => line.slice(2) === 'Collected automatically'));
	t.true(flat(sources).includes('Device identifiers'), 'the record being edited is named');
	view.press('f');
	// Not sensitive: the "None" row, chosen by default.
	await view.pressWhen(
		(frame) => frame.includes('Is this sensitive data?') && highlighted(frame) === 'None of these',
		keys.enter,
	);
	const back = await view.waitForFrame(
		(frame) => frame.includes('Kinds of personal data') && frame.includes('Device identifiers'),
	);
	t.false(back.includes('Name of this data'));
	// The record gets its id when its last field is answered.
	const saved = await lastSaved(
		io,
		(next) => getAt(next, ['dataItems', names.length, 'id']) !== undefined,
		'the new record saved with its id',
	);
	t.deepEqual((saved['dataItems'] as unknown[]).at(-1), {
		name: 'Device identifiers',
		sources: [{kind: 'automatic', detail: 'from the app'}],
		id: 'device-identifiers',
	});
});

// Taking back a new empty record changes the answers: the saved list must lose it too.
test('App: Esc on a new empty record removes it, in the saved answers too', async (t) => {
	const answers = loadExample('eu-saas');
	const {view, io, exits} = startApp(t, {answers, firstRun: false});
	const data = visibleSections(answers).findIndex((section) => section.id === 'data') + 1;
	const count = (answers['dataItems'] as unknown[]).length;
	await view.pressWhen('Write the documents', String(data));
	await view.pressWhen('Kinds of personal data you collect', 'a');
	await view.pressWhen('Name of this data', keys.escape);
	const list = await view.waitForFrame('Kinds of personal data you collect');
	t.false(list.includes('not named yet'));
	// Ctrl-C leaves after the last save: what is saved then is what the next run finds.
	view.press(keys.ctrlC);
	await waitUntil(() => exits.length === 1, 'the exit');
	t.is((io.saved.at(-1)!['dataItems'] as unknown[]).length, count);
});

test('App: in the review, a finding key jumps to its question', async (t) => {
	let answers = loadExample('eu-saas');
	answers = setAt(answers, ['rights', 'verification'], undefined);
	const findings = checkAnswers(answers, {today: context.today});
	const index = findings.findIndex((finding) => finding.path === 'rights.verification');
	t.true(index >= 0, 'check reports the missing verification');
	const {view} = startApp(t, {answers, firstRun: false});
	await view.pressWhen('Write the documents', 'r');
	const review = await view.waitForFrame('privacy-wizard · Review');
	t.true(flat(review).includes(findings[index]!.id));
	view.press('123456789'[index]!);
	const question = flat(await view.waitForFrame('privacy-wizard · Rights requests'));
	t.true(question.includes("How do you check a requester's identity?"));
	const rights = visibleSections(answers).findIndex((section) => section.id === 'rights') + 1;
	t.true(question.includes(`Section ${rights} of`));
	// Answering it leads on; the review then has one finding fewer.
	await answer(view, 'We reply only to the email address on the account.');
	await view.pressWhen(
		(frame) => !frame.includes("How do you check a requester's identity?"),
		keys.ctrlR,
	);
	const after = flat(await view.waitForFrame('privacy-wizard · Review'));
	t.false(after.includes('How requests are verified'));
});

test('App: write the documents, preview them, finish with code 0 on the paths and next steps', async (t) => {
	const answers = loadExample('eu-saas');
	const {view, io, exits} = startApp(t, {answers, firstRun: false});
	await view.pressWhen('Write the documents', 'w');
	await view.pressWhen('Enter write', keys.enter);
	await view.pressWhen('✔ wrote DATA-RIGHTS.md', 'p');
	const preview = await view.waitForFrame(/lines 1–\d+ of \d+/);
	t.true(preview.includes('PRIVACY.md'));
	view.press('q');
	// Closing the preview returns to what was written; the write is not planned again.
	await view.pressWhen('✔ wrote PRIVACY.md', keys.enter);
	await waitUntil(() => exits.length === 1, 'the exit');
	t.is(exits[0]!.code, 0);
	// The last frame, left in the terminal: what was written, where, and what to do next.
	const last = flat(view.frame());
	t.false(last.includes('Done.'));
	for (const expected of [
		'✔ wrote PRIVACY.md',
		'✔ wrote DATA-RIGHTS.md',
		'Your answers are in privacy-wizard.json.',
		'Next steps',
		'git add privacy-wizard.json PRIVACY.md DATA-RIGHTS.md && git commit',
		'add `npx privacy-wizard check` to your pipeline',
		'run `npx privacy-wizard` again',
	])
		t.true(last.includes(expected), `${expected} in:\n${last}`);
	t.deepEqual(
		exits[0]!.written.map((target) => target.file),
		[path.join(fakeRoot, 'PRIVACY.md'), path.join(fakeRoot, 'DATA-RIGHTS.md')],
	);
	t.true(io.files.get(path.join(fakeRoot, 'PRIVACY.md'))!.includes('Lumen'));
	t.is(io.writes.length, 2, 'each document written once');
});

test('App: a detected service or a catalog pick opens on its summary: confirmed in three screens, every field editable', async (t) => {
	const answers = loadExample('eu-saas');
	const count = (answers['recipients'] as unknown[]).length;
	const {view, io} = startApp(t, {
		answers,
		firstRun: false,
		extra: {
			listSuggestions: {
				recipients: [
					{
						label: 'Sentry',
						detail: 'found: @sentry/node in package.json',
						record: {name: 'Sentry', catalogId: 'sentry'},
					},
				],
			},
			renderCatalog: ({answers: current, onPick, onCancel}) => (
				<CatalogPicker
					onPick={(service) =>
						onPick(recipientFromService(service, current) as Record<string, unknown>)
					}
					onCustom={() => onPick({})}
					onCancel={onCancel}
				/>
			),
		},
	});
	const recipients =
		visibleSections(answers).findIndex((section) => section.id === 'recipients') + 1;
	await view.pressWhen('Write the documents', String(recipients));
	const list = await view.waitForFrame('+ Sentry');
	t.true(flat(list).includes('c from catalog'));
	t.true(list.includes('Add… (custom)'));
	// Rows: the records, the suggestion, Add, Done. ↑ wraps from the first to Done.
	view.press(keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Done', keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Add… (custom)', keys.up);
	await view.pressWhen((frame) => highlighted(frame).startsWith('+ Sentry'), keys.enter);
	// A suggested record opens on its summary: every field, what is missing marked.
	const summary = await view.waitForFrame('Check this entry');
	t.true(summary.split('\n').some((line) => /Name of the recipient\s+Sentry$/.test(line)));
	t.regex(summary, /Confirm \(\d+ fields need an answer first\)/);
	t.regex(summary, /◆ Where does it store or access the data\?\s+✖ Tick at least one/);
	t.regex(summary, /Its role\s+Processor \/ service provider \(default\)/);
	t.true(flat(summary).includes('Esc cancel (not added)'));
	// Esc cancels the add: nothing is kept, the suggestion is offered again.
	view.press(keys.escape);
	const back = await view.waitForFrame((frame) => frame.includes('Add… (custom)'));
	t.true(back.includes('+ Sentry'));
	await lastSaved(
		io,
		(next) => getAt(next, ['recipients', count]) === undefined,
		'the cancelled record gone from the saved answers',
	);
	// From the catalog: three screens (the list, the search, the summary), then back to the list.
	view.press('c');
	await view.waitForFrame('Search the catalog');
	view.press(keys.escape);
	await view.pressWhen((frame) => frame.includes('Add… (custom)'), 'c');
	await view.waitForFrame('Search the catalog');
	view.press('netlif');
	await view.pressWhen((frame) => frame.includes('› Netlify'), keys.enter);
	const picked = await view.waitForFrame('Check this entry');
	t.true(picked.includes('❯ ✔ Confirm these answers'));
	for (const marked of ['Which data does it receive?', 'Where does it store'])
		t.true(
			picked.split('\n').some((line) => line.includes(`◆ ${marked}`)),
			`${marked} is marked as a fact to confirm`,
		);
	view.press(keys.enter);
	const added = await view.waitForFrame(
		(frame) => frame.includes('Add… (custom)') && frame.includes('Netlify'),
	);
	t.false(added.includes('Check this entry'));
	const saved = await lastSaved(
		io,
		(next) => getAt(next, ['recipients', count, 'catalogId']) === 'netlify',
		'the catalog record saved',
	);
	t.is(getAt(saved, ['recipients', count, 'id']), 'netlify');
	// Enter on a record opens its summary; a field opened from it comes back to it.
	await view.pressWhen((frame) => highlighted(frame) === 'Netlify', keys.enter);
	await view.pressWhen('Check this entry', keys.down);
	await view.pressWhen(
		(frame) => highlighted(frame).startsWith('Name of the recipient'),
		keys.enter,
	);
	await view.pressWhen((frame) => field(frame) === 'Netlify', keys.ctrlU);
	await answer(view, 'Netlify Edge');
	const again = await view.waitForFrame('Check this entry');
	t.true(again.split('\n').some((line) => /Name of the recipient\s+Netlify Edge$/.test(line)));
});

test('App: every document the answers name is written in the format of its path, and the preview switches between them', async (t) => {
	let answers = loadExample('eu-saas');
	answers = setAt(answers, ['outputs'], {
		policyPath: 'PRIVACY.md',
		rightsPath: 'DATA-RIGHTS.md',
		subprocessorsPath: 'SUBPROCESSORS.html',
		inventoryPath: 'DATA-INVENTORY.md',
		cookiesPath: 'COOKIES.md',
		ropaPath: 'record.csv',
	});
	const {view, io, exits} = startApp(t, {answers, firstRun: false});
	await view.pressWhen('Write the documents', 'w');
	const plan = flat(await view.waitForFrame('Enter write'));
	for (const expected of [
		'SUBPROCESSORS.html (sub-processor list)',
		'DATA-INVENTORY.md (personal data inventory)',
		'COOKIES.md (cookie policy)',
		'record.csv (record of processing activities)',
	]) {
		t.true(plan.includes(expected), expected);
	}

	view.press(keys.enter);
	await view.waitForFrame('preview (←→ switch document)');
	t.true(io.files.get(path.join(fakeRoot, 'SUBPROCESSORS.html'))!.startsWith('<!DOCTYPE html>'));
	t.true(io.files.get(path.join(fakeRoot, 'record.csv'))!.startsWith('Controller,'));
	t.regex(io.files.get(path.join(fakeRoot, 'COOKIES.md'))!, /^# Cookie policy: Lumen$/m);
	view.press('p');
	const first = flat(await view.waitForFrame('document 1 of 6'));
	t.true(first.includes('PRIVACY.md'));
	t.true(first.includes('←→ other document'));
	view.press(keys.right);
	const second = flat(await view.waitForFrame('document 2 of 6'));
	t.true(second.includes('DATA-RIGHTS.md'));
	view.press(keys.left);
	await view.waitForFrame('document 1 of 6');
	view.press(keys.left);
	// The preview shows the Markdown of every document, the CSV one included.
	const last = flat(await view.waitForFrame('document 6 of 6'));
	t.true(last.includes('record.csv'));
	t.true(last.includes('# Record of processing activities: Lumen Insights GmbH'));
	view.press('q');
	await view.pressWhen('✔ wrote record.csv', keys.enter);
	await waitUntil(() => exits.length === 1, 'the exit');
	t.is(exits[0]!.code, 0);
});

test('App: the cookie list offers the known cookies of catalog recipients, each opening on its summary', async (t) => {
	const answers = loadExample('global-reps');
	const count = ((answers['cookies'] as {items: unknown[]}).items ?? []).length;
	const {view, io} = startApp(t, {answers, firstRun: false});
	const cookies = visibleSections(answers).findIndex((section) => section.id === 'cookies') + 1;
	await view.pressWhen('Write the documents', String(cookies));
	const list = await view.waitForFrame('+ aws');
	t.true(flat(list).includes('Amazon Web Services, essential'));
	// Move down to Stripe's session cookie; __stripe_mid is in the answers already: not offered.
	const offered = cookieSuggestions(answers)
		.map((suggestion) => suggestion.label)
		.filter((name) => name !== '__stripe_mid');
	t.is(offered.length, cookieSuggestions(answers).length - 1);
	const steps = count + offered.indexOf('__stripe_sid');
	for (let step = 0; step < steps; step++) {
		const before = highlighted(view.frame());
		view.press(keys.down);
		await view.waitForFrame((frame) => highlighted(frame) !== before);
	}

	const row = await view.waitForFrame((frame) => highlighted(frame).startsWith('+ __stripe_sid'));
	t.true(flat(row).includes('Stripe, essential'));
	t.false(row.includes('+ __stripe_mid'));
	view.press(keys.enter);
	const summary = await view.waitForFrame('Check this entry');
	t.true(summary.split('\n').some((line) => /Cookie name\s+__stripe_sid$/.test(line)));
	view.press(keys.enter);
	const saved = await lastSaved(
		io,
		(next) => getAt(next, ['cookies', 'items', count, 'name']) === '__stripe_sid',
		'the confirmed cookie saved',
	);
	t.like(getAt(saved, ['cookies', 'items', count]) as object, {
		provider: 'Stripe',
		firstParty: false,
		kind: 'essential',
		duration: '30 minutes',
	});
});
