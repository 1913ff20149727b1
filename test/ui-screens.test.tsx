import path from 'node:path';
import test from 'ava';
import {useReducer} from 'react';
import {sha256} from '../source/commands/shared.js';
import type {DraftAnswers, PartialAnswers} from '../source/core/answers/types.js';
import {checkAnswers, lawReport, type Finding} from '../source/core/checks/findings.js';
import {draft, render} from '../source/core/drafting/documents.js';
import {defaultRevisionSummary} from '../source/core/drafting/revision.js';
import {setAt} from '../source/core/questionnaire/paths.js';
import {questionnaire} from '../source/core/questionnaire/questionnaire.js';
import type {Context, Question} from '../source/core/questionnaire/types.js';
import {sectionState, visibleSections} from '../source/core/questionnaire/walk.js';
import {ListScreen, type Suggestion} from '../source/ui/screens/list.js';
import {Overview} from '../source/ui/screens/overview.js';
import {Pager} from '../source/ui/screens/pager.js';
import {QuestionScreen} from '../source/ui/screens/question.js';
import {Review} from '../source/ui/screens/review.js';
import {Welcome} from '../source/ui/screens/welcome.js';
import {WriteScreen, type Target} from '../source/ui/screens/write.js';
import {keys, renderWithKeys, waitUntil, type View, highlighted} from './helpers/ink.js';
import {fakeIo, fakeRoot, loadExample} from './helpers/wizard-io.js';

const context: Context = {today: '2026-10-01', suggestions: {}};

/** A question by its id, top level or a list field (`dataItems.name`). */
function question(sectionId: string, id: string): Question {
	const section = questionnaire.sections.find((candidate) => candidate.id === sectionId)!;
	let questions = section.questions;
	let found: Question | undefined;
	let rest = id;
	while (rest !== '') {
		found = questions.find(
			(candidate) => rest === candidate.id || rest.startsWith(`${candidate.id}.`),
		);
		if (!found) throw new Error(`No question ${id}`);
		rest = rest === found.id ? '' : rest.slice(found.id.length + 1);
		questions = found.fields ?? [];
	}

	return found!;
}

/** The frame as one line of words: help text wraps differently at every width. */
function flat(frame: string): string {
	return frame.replaceAll(/\s+/g, ' ').trim();
}

function field(frame: string): string {
	const line = frame.split('\n').find((candidate) => candidate.startsWith('›')) ?? '';
	return line.replace(/^› ?/, '').trimEnd();
}

function calls<T extends unknown[]>() {
	const list: T[] = [];
	return {
		list,
		fn: (...args: T) => {
			list.push(args);
		},
		/** The `n`th call (1-based), once it has happened. */
		async nth(n: number): Promise<T> {
			await waitUntil(() => list.length >= n, `call #${n}`);
			return list[n - 1]!;
		},
	};
}

// QuestionScreen

function questionScreen(
	props: Partial<Parameters<typeof QuestionScreen>[0]> & {question: Question},
	t: {teardown: (fn: () => void) => void},
) {
	const answered = calls<[unknown]>();
	const view = renderWithKeys(
		<QuestionScreen
			path={props.question.id.split('.')}
			recordPath={[]}
			answers={{}}
			context={context}
			title="Your company"
			position="Section 1 of 11 · question 1 of 12"
			onAnswer={answered.fn}
			{...props}
		/>,
		{t},
	);
	return {view, answered};
}

test('QuestionScreen: title, position, prompt, help, citation and keys', async (t) => {
	const legalName = question('company', 'controller.legalName');
	const {view} = questionScreen({question: legalName}, t);
	const frame = flat(await view.waitForFrame("Your company's legal name"));
	t.true(frame.includes('privacy-wizard · Your company'));
	t.true(frame.includes('Section 1 of 11 · question 1 of 12'));
	t.true(frame.includes(flat(legalName.help)));
	t.true(frame.includes('GDPR Art. 13(1)(a)'));
	for (const hint of ['Enter confirm', '^U clear', 'Esc back', '^O sections', '^R review']) {
		t.true(frame.includes(hint), hint);
	}

	t.true(frame.includes('^C quit (saved)'));
	t.false(frame.includes('✖'), 'no error without one');
});

test('QuestionScreen: the saved answer is the default, Enter keeps it', async (t) => {
	const {view, answered} = questionScreen(
		{
			question: question('company', 'controller.legalName'),
			answers: {controller: {legalName: 'Lumen Analytics GmbH'}} as PartialAnswers,
		},
		t,
	);
	await view.pressWhen((frame) => field(frame) === 'Lumen Analytics GmbH', keys.enter);
	t.deepEqual(await answered.nth(1), ['Lumen Analytics GmbH']);
});

test('QuestionScreen: a suggestion from the repo is offered as the default', async (t) => {
	const {view, answered} = questionScreen(
		{
			question: question('company', 'controller.email'),
			context: {...context, suggestions: {gitEmail: 'dev@lumen.example'}},
		},
		t,
	);
	await view.pressWhen((frame) => field(frame) === 'dev@lumen.example', keys.ctrlU);
	await view.pressWhen((frame) => field(frame) === '', 'privacy@lumen.example\r');
	t.deepEqual(await answered.nth(1), ['privacy@lumen.example']);
});

test('QuestionScreen: the validation message is shown', async (t) => {
	const {view} = questionScreen(
		{
			question: question('company', 'controller.email'),
			error: 'Enter an email address such as privacy@example.com.',
		},
		t,
	);
	const frame = await view.waitForFrame('✖');
	t.true(flat(frame).includes('✖ Enter an email address such as privacy@example.com.'));
});

test('QuestionScreen: a record line shows which entry the question is about', async (t) => {
	const {view} = questionScreen(
		{
			question: question('data', 'dataItems.name'),
			path: ['dataItems', 1, 'name'],
			recordPath: ['dataItems', 1],
			record: 'Email address',
		},
		t,
	);
	const frame = await view.waitForFrame('Name of this data');
	t.true(frame.includes('Email address'));
});

test('QuestionScreen: a number question answers a number', async (t) => {
	const {view, answered} = questionScreen(
		{
			question: question('children', 'children.minimumAge'),
			answers: {audience: {regions: ['eea']}} as PartialAnswers,
		},
		t,
	);
	// The computed default (the EU's default age of digital consent) is offered.
	await view.pressWhen((frame) => field(frame) === '16', keys.backspace);
	await view.pressWhen((frame) => field(frame) === '1', keys.backspace);
	await view.pressWhen((frame) => field(frame) === '', '18\r');
	t.deepEqual(await answered.nth(1), [18]);
});

test('QuestionScreen: yes/no, select, country and multiselect questions show their keys', async (t) => {
	const cases: Array<[Question, string[]]> = [
		[question('contacts', 'dpo.designated'), ['y/n answer', 'Enter confirm', '(y/n)']],
		[question('company', 'controller.address.country'), ['↑↓ move', 'Enter choose', 'filter ›']],
		[question('service', 'audience.regions'), ['Space toggle', 'Enter confirm', '0 selected']],
		[question('company', 'controller.address.lines'), ['Enter add line / finish on empty']],
	];
	for (const [asked, hints] of cases) {
		const {view} = questionScreen({question: asked}, t);
		const frame = flat(await view.waitForFrame(asked.prompt));
		for (const hint of hints) t.true(frame.includes(hint), `${asked.id}: ${hint}`);
		view.unmount();
	}
});

test('QuestionScreen: the country question filters as you type', async (t) => {
	const {view, answered} = questionScreen(
		{question: question('company', 'controller.address.country')},
		t,
	);
	await view.pressWhen('type to filter', 'germ');
	await view.pressWhen((frame) => highlighted(frame) === 'Germany', keys.enter);
	t.deepEqual(await answered.nth(1), ['DE']);
});

// ListScreen

const dataItems = question('data', 'dataItems');
const records = [
	{id: 'email-address', name: 'Email address'},
	{id: 'usage-data', name: 'Usage data'},
];

function listScreen(
	t: {teardown: (fn: () => void) => void},
	options: {
		records?: Array<Record<string, unknown>>;
		suggestions?: Suggestion[];
		catalog?: boolean;
	} = {},
) {
	const log = {
		moves: [] as Array<[number, number]>,
		added: [] as Array<Record<string, unknown> | undefined>,
		edited: [] as number[],
		removed: [] as number[],
		done: 0,
		catalog: 0,
	};
	const shown = options.records ?? records;
	// The cursor lives in the core; here a reducer stands in for it.
	function Harness() {
		const [cursor, move] = useReducer(
			(at: number, [delta, rows]: [number, number]) => (at + delta + rows) % rows,
			0,
		);
		return (
			<ListScreen
				question={dataItems}
				records={shown}
				answers={{dataItems: shown} as PartialAnswers}
				title="Personal data you collect"
				position="Section 4 of 11 · question 1 of 1"
				cursor={cursor}
				suggestions={options.suggestions}
				onMove={(delta, rows) => {
					log.moves.push([delta, rows]);
					move([delta, rows]);
				}}
				onAdd={(record) => log.added.push(record)}
				onEdit={(index) => log.edited.push(index)}
				onRemove={(index) => log.removed.push(index)}
				onDone={() => {
					log.done++;
				}}
				onCatalog={
					options.catalog
						? () => {
								log.catalog++;
							}
						: undefined
				}
			/>
		);
	}

	const view = renderWithKeys(<Harness />, {t});
	return {view, log};
}

function listRows(frame: string): string[] {
	return frame
		.split('\n')
		.filter((line) => /^(❯ | {2})\S/.test(line))
		.map((line) => line.slice(2).trim());
}

test('ListScreen: records are listed by their label, then Add and Done', async (t) => {
	const {view} = listScreen(t);
	const frame = await view.waitForFrame('Done');
	t.deepEqual(listRows(frame), ['Email address', 'Usage data', 'Add…', 'Done']);
	t.is(highlighted(frame), 'Email address');
	const text = flat(frame);
	t.true(text.includes('Kinds of personal data you collect'));
	t.true(text.includes('Section 4 of 11'));
	for (const hint of ['↑↓ move', 'Enter open', 'a add', 'dd remove', 'f done', 'Esc back']) {
		t.true(text.includes(hint), hint);
	}

	t.false(text.includes('c from catalog'));
});

test('ListScreen: an empty list says so', async (t) => {
	const {view} = listScreen(t, {records: []});
	const frame = await view.waitForFrame('No entries yet.');
	t.deepEqual(listRows(frame), ['Add…', 'Done']);
});

test('ListScreen: ↑/↓ move over every row, Enter on a record edits it', async (t) => {
	const {view, log} = listScreen(t);
	await view.pressWhen((frame) => highlighted(frame) === 'Email address', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Usage data', keys.enter);
	await waitUntil(() => log.edited.length === 1, 'the edit');
	t.deepEqual(log.edited, [1]);
	t.deepEqual(log.moves, [[1, 4]]);
	view.press(keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Email address', keys.up);
	await view.waitForFrame((frame) => highlighted(frame) === 'Done');
	t.deepEqual(log.moves.at(-1), [-1, 4]);
});

test('ListScreen: Enter on "Add…" adds, on "Done" finishes; a and f do the same', async (t) => {
	const {view, log} = listScreen(t);
	await view.pressWhen((frame) => highlighted(frame) === 'Email address', keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Done', keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Add…', keys.enter);
	await waitUntil(() => log.added.length === 1, 'the add');
	t.deepEqual(log.added, [undefined]);
	view.press(keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Done', keys.enter);
	await waitUntil(() => log.done === 1, 'done');
	view.press('a');
	await waitUntil(() => log.added.length === 2, 'the second add');
	view.press('f');
	await waitUntil(() => log.done === 2, 'done with f');
	t.deepEqual(log.edited, []);
	t.deepEqual(log.removed, []);
});

test('ListScreen: d asks for confirmation, a second d removes', async (t) => {
	const {view, log} = listScreen(t);
	await view.pressWhen((frame) => highlighted(frame) === 'Email address', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Usage data', 'd');
	const asked = await view.waitForFrame('Press d again');
	t.true(flat(asked).includes('Press d again to remove “Usage data”.'));
	t.deepEqual(log.removed, [], 'nothing is removed on the first d');
	view.press('d');
	await waitUntil(() => log.removed.length === 1, 'the removal');
	t.deepEqual(log.removed, [1]);
	await view.waitForFrame((frame) => !frame.includes('Press d again'));
});

test('ListScreen: moving away forgets a pending removal; d on "Add…" does nothing', async (t) => {
	const {view, log} = listScreen(t);
	await view.pressWhen((frame) => highlighted(frame) === 'Email address', 'd');
	await view.pressWhen('Press d again to remove “Email address”', keys.down);
	await view.pressWhen(
		(frame) => highlighted(frame) === 'Usage data' && !frame.includes('Press d again'),
		'd',
	);
	// The first d on this row asks again rather than removing.
	await view.pressWhen('Press d again to remove “Usage data”', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Add…', 'd');
	view.press('d');
	// Keys are handled in order: once ↑ shows, both d were handled.
	view.press(keys.up);
	const frame = await view.waitForFrame((next) => highlighted(next) === 'Usage data');
	t.deepEqual(log.removed, []);
	t.false(frame.includes('Press d again'), 'a confirmation left behind is not shown on return');
	// Back on the row, one d asks again: it does not remove on the strength of the old one.
	view.press('d');
	await view.waitForFrame('Press d again to remove “Usage data”');
	t.deepEqual(log.removed, []);
});

test('ListScreen: suggestions are rows that add their record', async (t) => {
	const stripe = {name: 'Stripe', entity: 'Stripe Payments Europe, Ltd.', role: 'processor'};
	const {view, log} = listScreen(t, {
		suggestions: [{label: 'Stripe', detail: 'found: stripe in package.json', record: stripe}],
		catalog: true,
	});
	const frame = await view.waitForFrame('+ Stripe');
	t.deepEqual(listRows(frame), [
		'Email address',
		'Usage data',
		'+ Stripe found: stripe in package.json',
		'Add…',
		'Done',
	]);
	t.true(flat(frame).includes('c from catalog'));
	view.press(keys.down);
	await view.pressWhen((next) => highlighted(next) === 'Usage data', keys.down);
	await view.pressWhen((next) => highlighted(next).startsWith('+ Stripe'), keys.enter);
	await waitUntil(() => log.added.length === 1, 'the suggestion added');
	t.deepEqual(log.added, [stripe]);
	t.deepEqual(log.moves.at(-1), [1, 5], 'the rows include the suggestion');
	view.press('c');
	await waitUntil(() => log.catalog === 1, 'the catalog');
});

test('ListScreen: the list error is shown', async (t) => {
	const view = renderWithKeys(
		<ListScreen
			question={dataItems}
			records={[]}
			answers={{}}
			title="Personal data you collect"
			position="Section 4 of 11"
			cursor={1}
			error="Add at least one entry."
			onMove={() => {}}
			onAdd={() => {}}
			onEdit={() => {}}
			onRemove={() => {}}
			onDone={() => {}}
		/>,
		{t},
	);
	const frame = await view.waitForFrame('✖');
	t.true(frame.includes('✖ Add at least one entry.'));
	t.is(highlighted(frame), 'Done');
});

// Overview

/** The EU example with one section broken and one not started. */
function partialAnswers(): DraftAnswers {
	let answers = loadExample('eu-saas');
	answers = setAt(answers, ['rights', 'verification'], undefined);
	answers = setAt(answers, ['cookies'], {used: true});
	return answers;
}

function overview(t: {teardown: (fn: () => void) => void}, answers: DraftAnswers) {
	const log = {moves: [] as number[], opened: [] as string[], review: 0, write: 0};
	const sections = visibleSections(answers);
	function Harness() {
		const rows = sections.length + 2;
		const [cursor, move] = useReducer((at: number, delta: number) => (at + delta + rows) % rows, 0);
		return (
			<Overview
				sections={sections}
				answers={answers}
				cursor={cursor}
				file="privacy-wizard.json"
				onMove={(delta) => {
					log.moves.push(delta);
					move(delta);
				}}
				onOpen={(id) => log.opened.push(id)}
				onReview={() => {
					log.review++;
				}}
				onWrite={() => {
					log.write++;
				}}
			/>
		);
	}

	return {view: renderWithKeys(<Harness />, {t}), log, sections};
}

test('Overview: each section with its state, and how many are complete', async (t) => {
	const answers = partialAnswers();
	const {view, sections} = overview(t, answers);
	const frame = await view.waitForFrame('Write the documents');
	const states = sections.map((section) => sectionState(section, answers));
	t.true(states.includes('complete'));
	t.is(states[sections.findIndex((section) => section.id === 'rights')], 'needs-attention');
	t.is(states[sections.findIndex((section) => section.id === 'cookies')], 'not-started');
	const lines = frame.split('\n');
	for (const [index, section] of sections.entries()) {
		const label = {
			complete: '✔',
			'needs-attention': '!',
			new: '★',
			'not-started': '·',
		}[states[index]!];
		const words = {
			complete: 'complete',
			'needs-attention': 'needs attention',
			new: 'new questions',
			'not-started': 'not started',
		}[states[index]!];
		t.true(
			lines.some((line) => line.includes(`${label} ${index + 1}. ${section.title} (${words})`)),
			`${section.title}: ${words}`,
		);
	}

	const complete = states.filter((state) => state === 'complete').length;
	t.true(
		frame.includes(`${complete} of ${sections.length} complete · answers in privacy-wizard.json`),
	);
	t.true(frame.includes('Review answers and findings'));
	t.true(flat(frame).includes('1-9 jump'));
});

test('Overview: Enter opens the section under the cursor, digits jump to one', async (t) => {
	const {view, log, sections} = overview(t, partialAnswers());
	await view.pressWhen((frame) => highlighted(frame).includes('1.'), keys.down);
	await view.pressWhen((frame) => highlighted(frame).includes('2.'), keys.enter);
	await waitUntil(() => log.opened.length === 1, 'the section opened');
	t.deepEqual(log.opened, [sections[1]!.id]);
	view.press('7');
	await waitUntil(() => log.opened.length === 2, 'the digit jump');
	t.is(log.opened[1], sections[6]!.id);
	t.deepEqual(log.moves, [1]);
});

test('Overview: r reviews, w writes, and so do their rows', async (t) => {
	const {view, log} = overview(t, partialAnswers());
	await view.pressWhen('Write the documents', 'r');
	await waitUntil(() => log.review === 1, 'review');
	view.press('w');
	await waitUntil(() => log.write === 1, 'write');
	// ↑ from the first section wraps to "Write", once more to "Review".
	view.press(keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Write the documents', keys.enter);
	await waitUntil(() => log.write === 2, 'write row');
	view.press(keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Review answers and findings', keys.enter);
	await waitUntil(() => log.review === 2, 'review row');
	t.is(log.opened.length, 0);
});

// Welcome

test('Welcome: each suggestion is asked in turn, Enter starts with the accepted ones', async (t) => {
	const started = calls<[string[]]>();
	const view = renderWithKeys(
		<Welcome
			file="privacy-wizard.json"
			suggestions={[
				{key: 'packageName', label: 'Product name (package.json)', value: 'lumen'},
				{key: 'homepage', label: 'Website', value: 'https://lumen.example'},
				{
					key: 'gitEmail',
					label: 'Contact email (git config user.email)',
					value: 'dev@lumen.example',
				},
			]}
			detected={['Stripe', 'Sentry']}
			onStart={started.fn}
		/>,
		{t},
	);
	const first = flat(await view.waitForFrame('(y/n)'));
	t.true(first.includes('privacy-wizard.json'));
	t.true(first.includes('not legal advice'));
	t.true(first.includes('Stripe, Sentry'));
	t.true(first.includes('Use “lumen” as a suggestion for product name (package.json)? (y/n)'));
	t.true(first.includes('y use it'));
	view.press('y');
	await view.pressWhen('Use “https://lumen.example” as a suggestion for website?', 'n');
	await view.pressWhen(
		(frame) => flat(frame).includes('Use “dev@lumen.example” as a suggestion for contact email'),
		'y',
	);
	const done = await view.waitForFrame('Enter start');
	t.false(done.includes('(y/n)'));
	const lines = done.split('\n');
	t.true(lines.some((line) => line.startsWith('✔ Product name (package.json): lumen')));
	t.true(lines.some((line) => line.startsWith('✖ Website: https://lumen.example')));
	t.true(lines.some((line) => line.startsWith('✔ Contact email')));
	t.is(started.list.length, 0, 'nothing starts before Enter');
	view.press(keys.enter);
	t.deepEqual(await started.nth(1), [['packageName', 'gitEmail']]);
});

test('Welcome: without suggestions Enter starts at once', async (t) => {
	const started = calls<[string[]]>();
	const view = renderWithKeys(
		<Welcome file="privacy-wizard.json" suggestions={[]} detected={[]} onStart={started.fn} />,
		{t},
	);
	const frame = await view.waitForFrame('Enter start');
	t.false(frame.includes('Found in this repository'));
	view.press(keys.enter);
	t.deepEqual(await started.nth(1), [[]]);
});

// Review

const findings: Finding[] = [
	{
		id: 'GDPR-13.1.a',
		severity: 'error',
		citation: 'GDPR Art. 13(1)(a)',
		message: 'No contact email for the controller.',
		fix: 'Answer "Contact email".',
		path: 'controller.email',
	},
	{
		id: 'GDPR-12.3',
		severity: 'error',
		citation: 'GDPR Art. 12(3)',
		message: 'How requests are verified is missing.',
		fix: 'Describe the verification.',
		path: 'rights.verification',
	},
	{
		id: 'PW-DRIFT',
		severity: 'warning',
		citation: 'GDPR Art. 13(1)(e)',
		message: 'Sentry is in the dependencies but not among the recipients.',
		fix: 'Add Sentry to the recipients.',
		path: 'recipients',
	},
];

function review(t: {teardown: (fn: () => void) => void}, shown: Finding[], answers: DraftAnswers) {
	const log = {moves: [] as number[], jumps: [] as Finding[], write: 0, overview: 0};
	function Harness() {
		const [cursor, move] = useReducer(
			(at: number, delta: number) =>
				shown.length === 0 ? 0 : (at + delta + shown.length) % shown.length,
			0,
		);
		return (
			<Review
				sections={visibleSections(answers)}
				answers={answers}
				findings={shown}
				laws={lawReport(answers)}
				cursor={cursor}
				width={99}
				onMove={(delta) => {
					log.moves.push(delta);
					move(delta);
				}}
				onJump={(finding) => log.jumps.push(finding)}
				onWrite={() => {
					log.write++;
				}}
				onOverview={() => {
					log.overview++;
				}}
			/>
		);
	}

	return {view: renderWithKeys(<Harness />, {t}), log};
}

test('Review: findings are listed with their keys; a key jumps to its finding', async (t) => {
	const {view, log} = review(t, findings, partialAnswers());
	const frame = await view.waitForFrame('PW-DRIFT');
	t.true(frame.includes('2 errors, 1 warnings'));
	const lines = frame.split('\n');
	t.true(lines.some((line) => line.startsWith('❯ 1 error GDPR-13.1.a: No contact email')));
	t.true(lines.some((line) => line.startsWith('  2 error GDPR-12.3: How requests are verified')));
	t.true(lines.some((line) => line.startsWith('  3 warning PW-DRIFT: Sentry')));
	t.true(flat(frame).includes('GDPR Art. 13(1)(a). Fix: Answer "Contact email".'));
	t.true(flat(frame).includes('key/Enter fix'));
	// The sections are summarised above the findings.
	t.true(lines.some((line) => line.startsWith('✔ Your company')));
	t.true(lines.some((line) => line.startsWith('! Rights requests')));
	view.press('2');
	await waitUntil(() => log.jumps.length === 1, 'the jump');
	t.is(log.jumps[0], findings[1]);
});

test('Review: ↓ and Enter jump to the finding under the cursor; w writes, o and Esc go to the sections', async (t) => {
	const {view, log} = review(t, findings, partialAnswers());
	await view.pressWhen('PW-DRIFT', keys.down);
	const moved = await view.waitForFrame((frame) => highlighted(frame).startsWith('2 error'));
	t.true(flat(moved).includes('GDPR Art. 12(3). Fix: Describe the verification.'));
	view.press(keys.enter);
	await waitUntil(() => log.jumps.length === 1, 'the jump');
	t.is(log.jumps[0], findings[1]);
	view.press('w');
	await waitUntil(() => log.write === 1, 'write');
	view.press('o');
	await waitUntil(() => log.overview === 1, 'the sections');
	view.press(keys.escape);
	await waitUntil(() => log.overview === 2, 'Esc to the sections');
});

test('Review: the findings of check on real answers, each with its key', async (t) => {
	let answers = loadExample('eu-saas');
	answers = setAt(answers, ['controller', 'email'], undefined);
	answers = setAt(answers, ['rights', 'verification'], undefined);
	const real = checkAnswers(answers, {today: context.today});
	t.true(real.length >= 2);
	const {view, log} = review(t, real, answers);
	const frame = await view.waitForFrame(real.at(-1)!.id);
	for (const [index, finding] of real.entries()) {
		t.true(
			frame
				.split('\n')
				.some((line) => line.slice(2).startsWith(`${index + 1} ${finding.severity} ${finding.id}`)),
			finding.id,
		);
	}

	view.press(String(real.length));
	await waitUntil(() => log.jumps.length === 1, 'the jump');
	t.is(log.jumps[0], real.at(-1));
});

test('Review: no findings says so', async (t) => {
	const {view, log} = review(t, [], loadExample('eu-saas'));
	const frame = await view.waitForFrame('No findings');
	t.true(frame.includes('0 errors, 0 warnings'));
	t.false(flat(frame).includes('key/Enter fix'));
	view.press(keys.enter);
	view.press('1');
	view.press('w');
	await waitUntil(() => log.write === 1, 'write');
	t.deepEqual(log.jumps, []);
});

// WriteScreen

const today = '2026-10-01';

function writeScreen(
	t: {teardown: (fn: () => void) => void},
	answers: DraftAnswers,
	files: Record<string, string> = {},
	force = false,
	baseline?: DraftAnswers,
) {
	const io = fakeIo(files);
	const log = {
		answers: [] as DraftAnswers[],
		review: 0,
		previews: [] as Array<{targets: Target[]; index: number}>,
		finished: [] as Target[][],
	};
	const view = renderWithKeys(
		<WriteScreen
			answers={answers}
			baseline={baseline}
			io={io}
			today={today}
			width={99}
			force={force}
			onAnswers={(next) => log.answers.push(next)}
			onReview={() => {
				log.review++;
			}}
			onPreview={(targets, index) => log.previews.push({targets, index})}
			onFinish={(targets) => log.finished.push(targets)}
		/>,
		{t},
	);
	return {view, io, log};
}

function drafted(answers: DraftAnswers, kind: 'policy' | 'rights' = 'policy'): string {
	const result = draft(answers, kind, sha256);
	if (!result.ok) throw new Error('incomplete answers');
	return result.markdown;
}

const policyFile = path.join(fakeRoot, 'PRIVACY.md');
const rightsFile = path.join(fakeRoot, 'DATA-RIGHTS.md');

test('WriteScreen: new files are shown as such and written on Enter', async (t) => {
	const answers = loadExample('eu-saas');
	const {view, io, log} = writeScreen(t, answers);
	const frame = await view.waitForFrame('Enter write');
	const policy = drafted(answers);
	t.true(frame.includes('PRIVACY.md (privacy policy)'));
	t.true(frame.includes('DATA-RIGHTS.md (data-rights section)'));
	t.true(frame.includes(`new file, ${policy.split('\n').length} lines`));
	t.true(flat(frame).includes(`into ${fakeRoot}`));
	t.is(io.writes.length, 0, 'nothing is written before Enter');
	view.press(keys.enter);
	const written = await view.waitForFrame('✔ wrote DATA-RIGHTS.md');
	t.true(written.includes('✔ wrote PRIVACY.md'));
	t.true(written.includes('not legal advice'));
	t.is(io.files.get(policyFile), policy);
	t.is(io.files.get(rightsFile), drafted(answers, 'rights'));
	t.deepEqual(log.answers, [], 'no revision for a first version');
	// One preview for every document written, opening on the first; ←/→ switch in the pager.
	view.press('p');
	await waitUntil(() => log.previews.length === 1, 'the preview');
	t.is(log.previews[0]!.index, 0);
	t.deepEqual(
		log.previews[0]!.targets.map((target) => target.kind),
		['policy', 'rights'],
	);
	view.press(keys.enter);
	await waitUntil(() => log.finished.length === 1, 'finish');
	t.deepEqual(
		log.finished[0]!.map((target) => target.relative),
		['PRIVACY.md', 'DATA-RIGHTS.md'],
	);
});

/** Answers and the documents generated from a slightly older version of them. */
function previousVersion() {
	const answers = loadExample('eu-saas');
	const before = setAt(
		answers,
		['rights', 'verification'],
		'We ask you to confirm every request from the email address of your account.',
	);
	return {
		answers,
		files: {'PRIVACY.md': drafted(before), 'DATA-RIGHTS.md': drafted(before, 'rights')},
	};
}

test('WriteScreen: replacing a generated policy asks for a revision entry first', async (t) => {
	const {answers, files} = previousVersion();
	const {view, io, log} = writeScreen(t, answers, files);
	const asked = flat(await view.waitForFrame('A revision entry dated'));
	t.true(asked.includes('The policy changes in: Your rights, Contact us.'), asked);
	t.true(asked.includes(`A revision entry dated ${today}`));
	const summary = defaultRevisionSummary(['Your rights', 'Contact us']);
	t.is(field(view.frame()), summary);
	t.is(io.writes.length, 0);
	view.press(keys.enter);
	await waitUntil(() => log.answers.length === 1, 'the answers with the revision');
	const revisions = (log.answers[0]!['document'] as {revisions: unknown[]}).revisions;
	t.deepEqual(revisions[0], {date: today, summary});
	t.is(revisions.length, 4, 'the older entries are kept');
	// Then what changes, and the write.
	const confirm = await view.waitForFrame('Enter write');
	t.regex(confirm, /\d+ lines added, \d+ removed/);
	t.regex(confirm, /^ {2}- .*confirm every request/m);
	t.regex(confirm, /^ {2}\+ .*answer requests sent from the email address/m);
	view.press(keys.enter);
	const written = await view.waitForFrame('✔ updated PRIVACY.md');
	t.true(written.includes('✔ updated DATA-RIGHTS.md'));
	t.is(io.files.get(policyFile), drafted(answers));
});

test('WriteScreen: the revision entry can be rewritten', async (t) => {
	const {answers, files} = previousVersion();
	const {view, log} = writeScreen(t, answers, files);
	await view.pressWhen('A revision entry dated', keys.ctrlU);
	await view.pressWhen((frame) => field(frame) === '', 'We now answer within 30 days.\r');
	await waitUntil(() => log.answers.length === 1, 'the answers with the revision');
	const revisions = (log.answers[0]!['document'] as {revisions: unknown[]}).revisions;
	t.deepEqual(revisions[0], {date: today, summary: 'We now answer within 30 days.'});
	await view.waitForFrame('Enter write');
});

test('WriteScreen: a document edited by hand is skipped unless o is pressed', async (t) => {
	const answers = loadExample('eu-saas');
	const edited = drafted(answers).replace(
		'## Your rights',
		'A paragraph of our own.\n\n## Your rights',
	);
	const {view, io} = writeScreen(t, answers, {'PRIVACY.md': edited});
	const frame = flat(await view.waitForFrame('Enter write'));
	t.true(frame.includes('edited by hand since it was generated'));
	t.true(frame.includes('PRIVACY.md was changed by hand or not written by privacy-wizard'));
	t.true(frame.includes('it will be skipped. Press o to overwrite it.'));
	t.true(frame.includes('o overwrite'));
	t.false(frame.includes('A revision entry'), 'no revision for a hand-edited file');
	view.press(keys.enter);
	const written = await view.waitForFrame('✔ wrote DATA-RIGHTS.md');
	t.true(written.includes('✖ skipped PRIVACY.md'));
	t.is(io.files.get(policyFile), edited, 'the hand edits are kept');
	t.deepEqual(
		io.writes.map((write) => path.basename(write.file)),
		['DATA-RIGHTS.md'],
	);
});

const handMade: Array<[string, string, (markdown: string) => string]> = [
	[
		'edited by hand',
		'edited by hand since it was generated',
		(markdown) => markdown.replace('## Your rights', 'Our own words.\n\n## Your rights'),
	],
	[
		// A line after the marker: the file no longer ends as privacy-wizard writes it.
		'not written by privacy-wizard',
		'not written by privacy-wizard',
		(markdown) => `${markdown}\nA line of our own.\n`,
	],
];

for (const [kind, note, change] of handMade) {
	test(`WriteScreen: o overwrites a document ${kind}`, async (t) => {
		const answers = loadExample('eu-saas');
		const {view, io} = writeScreen(t, answers, {'PRIVACY.md': change(drafted(answers))});
		t.true(flat(await view.waitForFrame('Enter write')).includes(note));
		await view.pressWhen((frame) => flat(frame).includes('Press o to overwrite it'), 'o');
		const frame = flat(
			await view.waitForFrame((next) => flat(next).includes('it will be overwritten')),
		);
		t.true(frame.includes('o keep hand edits'));
		view.press(keys.enter);
		await view.waitForFrame('✔ updated PRIVACY.md');
		t.is(io.files.get(policyFile), drafted(answers));
		t.deepEqual(
			io.writes.find((write) => write.file === policyFile),
			{file: policyFile, force: true},
		);
	});
}

test('WriteScreen: a document already up to date is unchanged', async (t) => {
	const answers = loadExample('eu-saas');
	const {view} = writeScreen(t, answers, {
		'PRIVACY.md': drafted(answers),
		'DATA-RIGHTS.md': drafted(answers, 'rights'),
	});
	const frame = await view.waitForFrame('Enter write');
	t.is(frame.split('\n').filter((line) => line.trim() === 'unchanged').length, 2);
	view.press(keys.enter);
	const written = await view.waitForFrame('✔ unchanged DATA-RIGHTS.md');
	t.true(written.includes('✔ unchanged PRIVACY.md'));
});

test('WriteScreen: incomplete answers show the number of gaps', async (t) => {
	let answers = loadExample('eu-saas');
	answers = setAt(answers, ['controller', 'email'], undefined);
	answers = setAt(answers, ['rights', 'verification'], undefined);
	const result = draft(answers, 'policy', sha256);
	t.false(result.ok);
	const count = result.ok ? 0 : result.gaps.length;
	t.true(count >= 2);
	const {view, io, log} = writeScreen(t, answers);
	const frame = flat(await view.waitForFrame('gaps'));
	t.true(frame.includes(`The answers are not complete yet (${count} gaps)`));
	t.true(frame.includes('Enter review the gaps'));
	view.press(keys.enter);
	await waitUntil(() => log.review === 1, 'back to the review');
	t.is(io.writes.length, 0);
});

test('WriteScreen: a failed write shows the message of the writer (what was kept) and claims nothing else', async (t) => {
	const answers = loadExample('eu-saas');
	const {view, io, log} = writeScreen(t, answers);
	io.write = async () => {
		throw new Error('Cannot write PRIVACY.md: the disk is full. PRIVACY.md is unchanged.');
	};

	await view.pressWhen('Enter write', keys.enter);
	const frame = flat(await view.waitForFrame('disk is full'));
	t.true(frame.includes('✖ Cannot write PRIVACY.md: the disk is full. PRIVACY.md is unchanged.'));
	t.false(frame.includes('saved'), 'no claim that was not checked');
	view.press(keys.escape);
	await waitUntil(() => log.review === 1, 'back to the review');
});

// Pager

function pager(
	t: {teardown: (fn: () => void) => void},
	count: number,
	height: number,
): {view: View; closed: () => number} {
	let closed = 0;
	const lines = Array.from({length: count}, (_, index) => `line ${index + 1}`);
	const view = renderWithKeys(
		<Pager
			title="PRIVACY.md"
			lines={lines}
			height={height}
			onClose={() => {
				closed++;
			}}
		/>,
		{t},
	);
	return {view, closed: () => closed};
}

function shownLines(frame: string): string[] {
	return frame.split('\n').filter((line) => /^line \d+$/.test(line.trim()));
}

test('Pager: ↓ and PgDn scroll, the position is shown, q closes', async (t) => {
	// Height 14: a page of 10 lines.
	const {view, closed} = pager(t, 100, 14);
	const first = await view.waitForFrame('lines 1–10 of 100');
	t.deepEqual(
		shownLines(first),
		Array.from({length: 10}, (_, index) => `line ${index + 1}`),
	);
	t.true(flat(first).includes('q close'));
	view.press(keys.down);
	const down = await view.waitForFrame('lines 2–11 of 100');
	t.is(shownLines(down)[0], 'line 2');
	view.press(keys.pageDown);
	const paged = await view.waitForFrame('lines 12–21 of 100');
	t.is(shownLines(paged)[0], 'line 12');
	view.press('G');
	// The end stays the end: ↓ there does nothing, so the ↑ after it shows 90–99.
	await view.pressWhen('lines 91–100 of 100', keys.down);
	view.press(keys.up);
	await view.pressWhen('lines 90–99 of 100', keys.pageUp);
	await view.pressWhen('lines 80–89 of 100', 'g');
	// And the top stays the top.
	await view.pressWhen('lines 1–10 of 100', keys.up);
	view.press(keys.down);
	await view.waitForFrame('lines 2–11 of 100');
	t.is(closed(), 0);
	view.press('q');
	await waitUntil(() => closed() === 1, 'closed');
});

test('Pager: a short text fits, Esc closes', async (t) => {
	const {view, closed} = pager(t, 3, 24);
	const frame = await view.waitForFrame('lines 1–3 of 3');
	t.is(shownLines(frame).length, 3);
	view.press(keys.escape);
	await waitUntil(() => closed() === 1, 'closed');
});

test('WriteScreen: the revision entry records the recipients added and removed since the wizard started', async (t) => {
	const answers = loadExample('eu-saas');
	const recipients = answers['recipients'] as Array<{id: string; name: string}>;
	// At the start of the run LogRocket was there and DeepL was not.
	const baseline = setAt(
		answers,
		['recipients'],
		[
			...recipients.filter((recipient) => recipient.id !== 'deepl'),
			{...recipients[0]!, id: 'hotjar', name: 'Hotjar'},
		],
	);
	const {view, log} = writeScreen(
		t,
		answers,
		{'PRIVACY.md': drafted(baseline), 'DATA-RIGHTS.md': drafted(baseline, 'rights')},
		false,
		baseline,
	);
	await view.pressWhen('A revision entry dated', keys.enter);
	await waitUntil(() => log.answers.length === 1, 'the answers with the revision');
	const revisions = (log.answers[0]!['document'] as {revisions: unknown[]}).revisions;
	t.like(revisions[0], {date: today, recipientsAdded: ['DeepL'], recipientsRemoved: ['Hotjar']});
});

test('WriteScreen: a policy written as JSON or HTML is regenerated in its format, with a revision entry', async (t) => {
	const {answers: base} = previousVersion();
	const before = setAt(
		base,
		['rights', 'verification'],
		'We ask you to confirm every request from the email address of your account.',
	);
	for (const [file, format, asked] of [
		['privacy.json', 'json', 'The policy changes in: Your rights, Contact us.'],
		['privacy.html', 'html', 'The policy changes.'],
	] as const) {
		const answers = setAt(base, ['outputs'], {policyPath: file});
		const old = draft(setAt(before, ['outputs'], {policyPath: file}), 'policy', sha256);
		if (!old.ok) throw new Error('incomplete answers');
		const {view, io, log} = writeScreen(t, answers, {[file]: render(old.model, format, sha256)});
		t.true(flat(await view.waitForFrame('A revision entry dated')).includes(asked), file);
		view.press(keys.enter);
		await waitUntil(() => log.answers.length === 1, 'the answers with the revision');
		// The file keeps its format.
		await view.pressWhen('Enter write', keys.enter);
		await view.waitForFrame(`✔ updated ${file}`);
		const written = io.files.get(path.join(fakeRoot, file))!;
		t.true(written.startsWith(format === 'json' ? '{\n  "$schema"' : '<!DOCTYPE html>'), file);
		t.not(written, render(old.model, format, sha256));
	}
});
