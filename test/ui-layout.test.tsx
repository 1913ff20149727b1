import test from 'ava';
import stringWidth from 'string-width';
import {colorEnabled, painter} from '../source/cli/style.js';
import type {DraftAnswers, PartialAnswers} from '../source/core/answers/types.js';
import {setAt} from '../source/core/questionnaire/paths.js';
import {questionnaire} from '../source/core/questionnaire/questionnaire.js';
import type {Context, Question} from '../source/core/questionnaire/types.js';
import {visibleSections} from '../source/core/questionnaire/walk.js';
import {initialState} from '../source/core/questionnaire/wizard.js';
import {App} from '../source/ui/app.js';
import {Overview} from '../source/ui/screens/overview.js';
import {QuestionScreen} from '../source/ui/screens/question.js';
import {keys, renderWithKeys, type View} from './helpers/ink.js';
import {fakeIo, loadExample} from './helpers/wizard-io.js';

const context: Context = {today: '2026-10-01', suggestions: {}};

function question(sectionId: string, id: string): Question {
	const section = questionnaire.sections.find((candidate) => candidate.id === sectionId)!;
	return section.questions.find((candidate) => candidate.id === id)!;
}

function flat(frame: string): string {
	return frame.replaceAll(/\s+/g, ' ').trim();
}

/** Lines wider than the terminal: the terminal would wrap them and break the layout. */
function overflow(frame: string, columns: number): string[] {
	return frame
		.split('\n')
		.filter((line) => stringWidth(line) > columns)
		.map((line) => `${stringWidth(line)}: ${line}`);
}

function partialAnswers(): DraftAnswers {
	let answers = loadExample('eu-saas');
	answers = setAt(answers, ['rights', 'verification'], undefined);
	answers = setAt(answers, ['cookies'], {used: true});
	return answers;
}

const widths = [40, 200] as const;

for (const columns of widths) {
	test(`layout: a question fits in ${columns} columns`, async (t) => {
		const legalName = question('company', 'controller.legalName');
		const view = renderWithKeys(
			<QuestionScreen
				question={legalName}
				path={['controller', 'legalName']}
				recordPath={[]}
				answers={{controller: {legalName: 'Müller 山田 🚀 Analytics GmbH'}} as PartialAnswers}
				context={context}
				title="Your company"
				position="Section 1 of 12 · question 1 of 12"
				record="Recipients › Stripe Payments Europe, Limited (a very long record name)"
				error="Enter at most 200 characters; this message is long enough to need wrapping."
				onAnswer={() => {}}
			/>,
			{t, columns},
		);
		const frame = await view.waitForFrame('^C');
		t.deepEqual(overflow(frame, columns), []);
		const text = flat(frame);
		t.true(text.includes(flat(legalName.help)), 'the help is all there');
		t.true(text.includes('Section 1 of 12 · question 1 of 12'));
		t.true(frame.includes('Müller 山田 🚀 Analytics GmbH'), 'wide characters intact');
		t.true(text.includes('^C quit (saved)'));
		if (columns === 200) {
			t.true(frame.split('\n').includes(legalName.help), 'at 200 columns the help is one line');
		}
	});

	test(`layout: the sections overview fits in ${columns} columns`, async (t) => {
		const answers = partialAnswers();
		const sections = visibleSections(answers);
		const view = renderWithKeys(
			<Overview
				sections={sections}
				answers={answers}
				cursor={0}
				file="a/rather/long/path/to/the/answers/privacy-wizard.json"
				onMove={() => {}}
				onOpen={() => {}}
				onReview={() => {}}
				onWrite={() => {}}
			/>,
			{t, columns},
		);
		const frame = await view.waitForFrame('^C');
		t.deepEqual(overflow(frame, columns), []);
		const text = flat(frame);
		for (const section of sections) t.true(text.includes(section.title), section.title);
		t.true(text.includes('needs attention'));
		t.true(text.includes('not started'));
	});

	test(`layout: the App's review and write screens fit in ${columns} columns`, async (t) => {
		const view = renderWithKeys(
			<App
				initial={initialState(partialAnswers(), context, false)}
				io={fakeIo()}
				onExit={() => {}}
			/>,
			{t, columns, bare: true},
		);
		const overview = await view.waitForFrame('Write the documents');
		t.deepEqual(overflow(overview, columns), []);
		view.press('r');
		const review = await view.waitForFrame('privacy-wizard · Review');
		t.deepEqual(overflow(review, columns), []);
		view.press('w');
		const write = await view.waitForFrame('gaps');
		t.deepEqual(overflow(write, columns), []);
	});
}

test('layout: the App follows a terminal that shrinks to 40 columns', async (t) => {
	const view: View = renderWithKeys(
		<App
			initial={initialState(partialAnswers(), context, false)}
			io={fakeIo()}
			onExit={() => {}}
		/>,
		{t, columns: 100, bare: true},
	);
	const wide = await view.waitForFrame('Write the documents');
	t.true(wide.split('\n').some((line) => stringWidth(line) > 40));
	view.resize(40);
	// Ink paints its old layout at once on resize; the App's own frame at the new width follows.
	const narrow = await view.waitForFrame((frame) => overflow(frame, 40).length === 0);
	t.true(flat(narrow).includes('Review answers and findings'));
	// And after the next key too.
	view.press(keys.down);
	const moved = await view.waitForFrame((frame) => frame !== narrow);
	t.deepEqual(overflow(moved, 40), []);
});

// Colour

const tty = {isTTY: true} as NodeJS.WriteStream;
const pipe = {isTTY: false} as NodeJS.WriteStream;

test('colour: on for a terminal, off for a pipe', (t) => {
	t.true(colorEnabled(tty, {}));
	t.false(colorEnabled(pipe, {}));
	t.false(colorEnabled({} as NodeJS.WriteStream, {}), 'no isTTY at all is not a terminal');
});

test('colour: NO_COLOR turns it off, even in a terminal and with FORCE_COLOR', (t) => {
	t.false(colorEnabled(tty, {NO_COLOR: '1'}));
	t.false(colorEnabled(tty, {NO_COLOR: 'true'}));
	t.false(colorEnabled(tty, {NO_COLOR: '1', FORCE_COLOR: '1'}));
	// An empty NO_COLOR does not count (no-color.org).
	t.true(colorEnabled(tty, {NO_COLOR: ''}));
});

test('colour: FORCE_COLOR turns it on for a pipe, 0 and false turn it off', (t) => {
	t.true(colorEnabled(pipe, {FORCE_COLOR: '1'}));
	t.true(colorEnabled(pipe, {FORCE_COLOR: ''}));
	t.true(colorEnabled({isTTY: true} as NodeJS.WriteStream, {FORCE_COLOR: '3', TERM: 'dumb'}));
	t.false(colorEnabled(tty, {FORCE_COLOR: '0'}));
	t.false(colorEnabled(tty, {FORCE_COLOR: 'false'}));
});

test('colour: TERM=dumb turns it off', (t) => {
	t.false(colorEnabled(tty, {TERM: 'dumb'}));
	t.true(colorEnabled(tty, {TERM: 'xterm-256color'}));
});

test('colour: the painter adds codes only when enabled', (t) => {
	t.is(painter(false)('red', 'error'), 'error');
	t.is(painter(true)('red', 'error'), '\u001B[31merror\u001B[39m');
	t.is(painter(true)('bold', 'x'), '\u001B[1mx\u001B[22m');
});

// Screens taller than the terminal: the header stays, the body is cut with a note.

const places: Array<[string, string | undefined, RegExp]> = [
	['a long multiselect', 'controller.otherEstablishments', /Section 1 of \d+ · question 12 of 13/],
	['a question with long help', 'audience.regions', /Section 2 of \d+ · question 4 of \d+/],
	['a record summary', 'recipients[0]', /Section 6 of \d+/],
	['a long list', 'purposes', /Section 5 of \d+/],
	['the sections overview', undefined, /\d+ of \d+ complete/],
];

for (const [name, resumeAt, position] of places) {
	for (const [columns, rows] of [
		[40, 24],
		[80, 15],
		[120, 40],
	] as const) {
		test(`layout: ${name} fits ${columns}×${rows} with its header on top`, async (t) => {
			const answers = {...loadExample('eu-saas'), resumeAt} as DraftAnswers;
			const view = renderWithKeys(
				<App initial={initialState(answers, context, false)} io={fakeIo()} onExit={() => {}} />,
				{t, columns, rows, bare: true},
			);
			const frame = await view.waitForFrame('^C');
			const lines = frame.split('\n');
			t.true(lines.length < rows, `${lines.length} lines:\n${frame}`);
			t.regex(lines[0]!, /^privacy-wizard · /);
			t.regex(flat(lines.slice(0, 3).join(' ')), position);
			t.true(flat(lines.slice(-2).join(' ')).includes('^C'), 'the keys stay at the bottom');
			t.deepEqual(overflow(frame, columns), []);
			// Moving through a long list keeps the header and the highlighted row on screen.
			for (let step = 0; step < 12; step++) await view.pressAndRender(keys.down);
			const moved = view.frame();
			t.true(moved.split('\n').length < rows);
			t.regex(moved.split('\n')[0]!, /^privacy-wizard · /);
			t.true(moved.includes('❯'), 'the highlighted row is visible');
		});
	}
}

test('layout: a cut body says how many lines it hides', async (t) => {
	const answers = {...loadExample('eu-saas'), resumeAt: 'audience.regions'} as DraftAnswers;
	const view = renderWithKeys(
		<App initial={initialState(answers, context, false)} io={fakeIo()} onExit={() => {}} />,
		{t, columns: 80, rows: 15, bare: true},
	);
	const frame = await view.waitForFrame(/… \d+ more lines?/);
	t.regex(frame, /Where are the people/);
});
