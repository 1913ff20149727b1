import test from 'ava';
import {allCountries} from '../source/core/jurisdictions/index.js';
import {singleChoice} from '../source/core/questionnaire/picker.js';
import type {Option, Question} from '../source/core/questionnaire/types.js';
import {Choice} from '../source/ui/inputs/choice.js';
import {TextInput} from '../source/ui/inputs/text-input.js';
import {TextList} from '../source/ui/inputs/text-list.js';
import {YesNo} from '../source/ui/inputs/yes-no.js';
import {keys, renderWithKeys, waitUntil, type View, highlighted} from './helpers/ink.js';

/** Collects what a component submits; `nth(n)` waits for the nth submission. */
function submissions<T>() {
	const values: T[] = [];
	return {
		values,
		push: (value: T) => {
			values.push(value);
		},
		/** The `n`th submission (1-based), once it has happened. */
		async nth(n: number): Promise<T> {
			await waitUntil(() => values.length >= n, `submission #${n}`);
			return values[n - 1]!;
		},
	};
}

/** The text field's line, without the prompt mark (the cursor is a trailing space). */
function field(frame: string): string {
	const line = frame.split('\n').find((candidate) => candidate.startsWith('›')) ?? '';
	return line.replace(/^› ?/, '').trimEnd();
}

/** Type one character at a time, each after the previous one is on screen. */
async function typeSlowly(view: View, text: string, shown: (typed: string) => string) {
	let typed = '';
	for (const character of text) {
		view.press(character);
		typed += character;
		const expected = shown(typed);
		await view.waitForFrame((frame) => field(frame) === expected);
	}
}

// TextInput

test('TextInput: typing shows the text, Enter submits it', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="" onSubmit={submitted.push} />, {t});
	await view.waitForFrame('›');
	await typeSlowly(view, 'Acme', (typed) => typed);
	t.is(field(view.frame()), 'Acme');
	view.press(keys.enter);
	t.is(await submitted.nth(1), 'Acme');
	t.is(submitted.values.length, 1);
});

test('TextInput: the initial value is shown and submitted unchanged', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="Lumen GmbH" onSubmit={submitted.push} />, {t});
	await view.pressWhen((frame) => field(frame) === 'Lumen GmbH', keys.enter);
	t.is(await submitted.nth(1), 'Lumen GmbH');
});

test('TextInput: Backspace deletes the character before the cursor', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="Acme" onSubmit={submitted.push} />, {t});
	await view.pressWhen((frame) => field(frame) === 'Acme', keys.backspace);
	await view.pressWhen((frame) => field(frame) === 'Acm', keys.backspace);
	await view.pressWhen((frame) => field(frame) === 'Ac', keys.enter);
	t.is(await submitted.nth(1), 'Ac');
});

test('TextInput: ←/→ move the cursor and typing inserts in the middle', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="Acme" onSubmit={submitted.push} />, {t});
	await view.waitForFrame((frame) => field(frame) === 'Acme');
	// Cursor moves are invisible without colour: wait for their frame, the next edit shows them.
	await view.pressAndRender(keys.left);
	await view.pressAndRender(keys.left);
	view.press('X');
	await view.waitForFrame((frame) => field(frame) === 'AcXme');
	await view.pressAndRender(keys.right);
	view.press('Y');
	await view.pressWhen((frame) => field(frame) === 'AcXmYe', keys.backspace);
	await view.pressWhen((frame) => field(frame) === 'AcXme', keys.enter);
	t.is(await submitted.nth(1), 'AcXme');
});

test('TextInput: Ctrl-U clears the field', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(
		<TextInput initial="old value" placeholder="YYYY-MM-DD" onSubmit={submitted.push} />,
		{t},
	);
	await view.pressWhen((frame) => field(frame) === 'old value', keys.ctrlU);
	const cleared = await view.waitForFrame((frame) => !frame.includes('old value'));
	t.true(cleared.includes('YYYY-MM-DD'), 'the placeholder shows on an empty field');
	view.press('2');
	await view.pressWhen((frame) => field(frame) === '2', keys.enter);
	t.is(await submitted.nth(1), '2');
});

test('TextInput: text and Enter in one chunk submit the text', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="" onSubmit={submitted.push} />, {t});
	await view.pressWhen('›', 'Acme GmbH\r');
	t.is(await submitted.nth(1), 'Acme GmbH');
	t.is(submitted.values.length, 1);
});

test('TextInput: wide and Unicode characters stay intact through editing', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="" onSubmit={submitted.push} />, {t});
	await view.pressWhen('›', 'Müller 山田 🚀');
	await view.waitForFrame((frame) => field(frame) === 'Müller 山田 🚀');
	// Backspace removes the whole emoji, not half of a surrogate pair.
	view.press(keys.backspace);
	await view.waitForFrame((frame) => field(frame) === 'Müller 山田');
	view.press('🚀');
	await view.waitForFrame((frame) => field(frame) === 'Müller 山田 🚀');
	// ← steps over one character at a time, wide or not: four steps land before 山.
	for (let step = 1; step <= 4; step++) {
		await view.pressAndRender(keys.left);
	}

	view.press('·');
	await view.pressWhen((frame) => field(frame) === 'Müller ·山田 🚀', keys.enter);
	t.is(await submitted.nth(1), 'Müller ·山田 🚀');
});

// Choice

const greek: Option[] = [
	{value: 'a', label: 'Alpha', help: 'The first letter'},
	{value: 'b', label: 'Beta'},
	{value: 'c', label: 'Gamma', help: 'The third letter'},
];

function rows(frame: string): string[] {
	return frame
		.split('\n')
		.filter((line) => line.startsWith('❯ ') || line.startsWith('  '))
		.map((line) => line.slice(2).trim());
}

test('Choice: nothing is chosen before a key; Enter then only says so', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(<Choice options={greek} onSubmit={submitted.push} />, {t});
	const first = await view.waitForFrame('Gamma');
	t.is(highlighted(first), '');
	view.press(keys.enter);
	await view.waitForFrame('Nothing is chosen yet');
	t.deepEqual(submitted.values, []);
	await view.pressWhen((frame) => frame.includes('Nothing is chosen'), keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Alpha', keys.enter);
	t.is(await submitted.nth(1), 'a');
});

test('Choice: ↓ and Enter choose an option', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(<Choice options={greek} initial="a" onSubmit={submitted.push} />, {
		t,
	});
	await view.pressWhen((frame) => highlighted(frame) === 'Alpha', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Beta', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Gamma', keys.enter);
	t.is(await submitted.nth(1), 'c');
});

test('Choice: ↑ on the first option wraps to the last, ↓ on the last to the first', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(<Choice options={greek} initial="a" onSubmit={submitted.push} />, {
		t,
	});
	await view.pressWhen((frame) => highlighted(frame) === 'Alpha', keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Gamma', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === 'Alpha', keys.up);
	await view.pressWhen((frame) => highlighted(frame) === 'Gamma', keys.enter);
	t.is(await submitted.nth(1), 'c');
});

test('Choice: the saved answer is where the cursor starts', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(<Choice options={greek} initial="b" onSubmit={submitted.push} />, {
		t,
	});
	await view.pressWhen((frame) => highlighted(frame) === 'Beta', keys.enter);
	t.is(await submitted.nth(1), 'b');
});

test('Choice: the option help line shows for the option under the cursor', async (t) => {
	const view = renderWithKeys(<Choice options={greek} initial="a" onSubmit={() => {}} />, {t});
	const first = await view.waitForFrame((frame) => highlighted(frame) === 'Alpha');
	t.true(first.includes('The first letter'));
	view.press(keys.down);
	const second = await view.waitForFrame((frame) => highlighted(frame) === 'Beta');
	t.false(second.includes('The first letter'));
	t.false(second.includes('The third letter'));
	view.press(keys.down);
	const third = await view.waitForFrame((frame) => highlighted(frame) === 'Gamma');
	t.true(third.includes('The third letter'));
});

test('Choice: an optional select starts on its "None" row, which submits undefined', async (t) => {
	const submitted = submissions<unknown>();
	const question: Question = {
		id: 'special',
		type: 'select',
		prompt: 'Special category?',
		help: '',
		options: greek,
	};
	const {rows: withNone, initial} = singleChoice(question, {}, undefined);
	const view = renderWithKeys(
		<Choice options={withNone} initial={initial} onSubmit={submitted.push} />,
		{t},
	);
	const frame = await view.waitForFrame('None of these');
	t.deepEqual(rows(frame), ['None of these', 'Alpha', 'Beta', 'Gamma']);
	t.is(highlighted(frame), 'None of these');
	view.press(keys.enter);
	await waitUntil(() => submitted.values.length === 1, 'the submission');
	t.deepEqual(submitted.values, [undefined]);
});

test('singleChoice: a required select has no "None" row and nothing preselected', (t) => {
	const question: Question = {
		id: 'basis',
		type: 'select',
		prompt: 'Legal basis',
		help: '',
		required: true,
		options: greek,
	};
	t.deepEqual(singleChoice(question, {}, undefined), {rows: greek, initial: undefined});
	t.deepEqual(singleChoice(question, {}, 'b'), {rows: greek, initial: 'b'});
	t.is(singleChoice({...question, required: false}, {}, 'b').initial, 'b');
});

const countries: Option[] = allCountries().map(({code, name}) => ({value: code, label: name}));

test('Choice: typing filters a searchable list, Backspace widens it again', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(<Choice searchable options={countries} onSubmit={submitted.push} />, {
		t,
	});
	await view.waitForFrame('type to filter');
	for (const [index, character] of [...'germ'].entries()) {
		view.press(character);
		await view.waitForFrame(`filter › ${'germ'.slice(0, index + 1)}`);
	}

	const narrowed = view.frame();
	t.is(highlighted(narrowed), 'Germany');
	t.deepEqual(rows(narrowed), ['Germany']);
	view.press(keys.backspace);
	const widened = await view.waitForFrame((frame) => /filter › ger\s*$/m.test(frame));
	t.is(highlighted(widened), 'Germany', 'the prefix match comes first');
	t.true(rows(widened).length > 1);
	t.true(rows(widened).includes('Niger'), rows(widened).join(', '));
	view.press('m');
	await view.pressWhen((frame) => /filter › germ\s*$/m.test(frame), keys.enter);
	t.is(await submitted.nth(1), 'DE');
});

test('Choice: a filter without a match says so', async (t) => {
	const view = renderWithKeys(<Choice searchable options={countries} onSubmit={() => {}} />, {t});
	await view.pressWhen('type to filter', 'zzq');
	const frame = await view.waitForFrame('No match');
	t.true(frame.includes('Backspace or ^U to change the filter'));
	view.press(keys.ctrlU);
	const cleared = await view.waitForFrame('type to filter');
	t.true(rows(cleared).length > 1, 'Ctrl-U brings every row back');
});

test('Choice: a long list scrolls and says how many rows are hidden', async (t) => {
	const view = renderWithKeys(<Choice options={countries} height={5} onSubmit={() => {}} />, {t});
	const first = await view.waitForFrame(/↓ \d+ more/);
	t.is(rows(first).length, 5);
	t.false(first.includes('↑'));
	view.press(keys.up);
	const last = await view.waitForFrame(/↑ \d+ more/);
	t.is(highlighted(last), countries.at(-1)!.label);
});

test('Choice multiple: Space toggles, Enter submits the selected values', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(<Choice multiple options={greek} onSubmit={submitted.push} />, {t});
	await view.pressWhen('0 selected', keys.space);
	await view.pressWhen((frame) => highlighted(frame) === '[x] Alpha', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === '[ ] Beta', keys.down);
	await view.pressWhen((frame) => highlighted(frame) === '[ ] Gamma', keys.space);
	const both = await view.waitForFrame('2 selected');
	t.deepEqual(rows(both), ['[x] Alpha', '[ ] Beta', '[x] Gamma']);
	// Space again takes a value back out.
	view.press(keys.down);
	await view.pressWhen((frame) => highlighted(frame) === '[x] Alpha', keys.space);
	await view.pressWhen('1 selected', keys.enter);
	t.deepEqual(await submitted.nth(1), ['c']);
});

test('Choice multiple: the saved values start selected', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(
		<Choice multiple options={greek} initial={['b']} onSubmit={submitted.push} />,
		{t},
	);
	const frame = await view.waitForFrame('1 selected');
	t.deepEqual(rows(frame), ['[ ] Alpha', '[x] Beta', '[ ] Gamma']);
	view.press(keys.enter);
	t.deepEqual(await submitted.nth(1), ['b']);
});

test('Choice multiple with a filter: typing only filters, a space included', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(
		<Choice multiple searchable options={countries} onSubmit={submitted.push} />,
		{t},
	);
	await view.waitForFrame('type to filter');
	for (const character of 'united s') view.press(character);
	const frame = await view.waitForFrame('filter › united s');
	t.regex(frame, /0 selected/);
	t.is(highlighted(frame), '[ ] United States');
	// Enter in a filter ticks what it found and clears the filter; Enter again confirms.
	view.press(keys.enter);
	const ticked = await view.waitForFrame('1 selected');
	t.regex(ticked, /filter › \s*type to filter/);
	t.is(highlighted(ticked), '[x] United States');
	view.press(keys.enter);
	t.deepEqual(await submitted.nth(1), ['US']);
});

test('Choice multiple: a filter typed in one chunk ticks nothing, hidden or shown', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(
		<Choice multiple searchable options={countries} onSubmit={submitted.push} />,
		{t},
	);
	await view.pressWhen('type to filter', 'united kingdom');
	const frame = await view.waitForFrame(/filter › united kingdom/);
	t.regex(frame, /0 selected/);
	// Tab ticks the highlighted row, filter or not.
	view.press('\t');
	await view.pressWhen('1 selected', keys.backspace);
	await view.waitForFrame(/filter › united kingdo\s/);
	view.press(keys.ctrlU);
	for (let step = 0; step < 14; step++) view.press(keys.backspace);
	await view.pressWhen(/filter › \s*type to filter/, keys.enter);
	t.deepEqual(await submitted.nth(1), ['GB']);
});

test('Choice multiple without a filter: Space ticks the highlighted row', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(
		<Choice multiple searchable options={countries} onSubmit={submitted.push} />,
		{t},
	);
	await view.pressWhen('type to filter', keys.space);
	await view.pressWhen('1 selected', keys.enter);
	t.deepEqual(await submitted.nth(1), [countries[0]!.value]);
});

// YesNo

test('YesNo: y submits true', async (t) => {
	const submitted = submissions<boolean>();
	const view = renderWithKeys(<YesNo onSubmit={submitted.push} />, {t});
	await view.pressWhen('(y/n)', 'y');
	t.true(await submitted.nth(1));
});

test('YesNo: n submits false, even with yes saved', async (t) => {
	const submitted = submissions<boolean>();
	const view = renderWithKeys(<YesNo initial onSubmit={submitted.push} />, {t});
	await view.pressWhen('(y/n)', 'N');
	t.false(await submitted.nth(1));
});

test('YesNo: Enter without a choice does nothing; ←/→ choose, Enter confirms', async (t) => {
	const submitted = submissions<boolean>();
	const view = renderWithKeys(<YesNo onSubmit={submitted.push} />, {t});
	await view.pressWhen('(y/n)', keys.enter);
	// Nothing to confirm yet: the arrow goes to Yes, the next to No.
	await view.pressAndRender(keys.right);
	await view.pressAndRender(keys.left);
	view.press(keys.enter);
	t.false(await submitted.nth(1));
	t.deepEqual(submitted.values, [false]);
});

test('YesNo: Enter confirms the saved answer', async (t) => {
	const submitted = submissions<boolean>();
	const view = renderWithKeys(<YesNo initial={false} onSubmit={submitted.push} />, {t});
	await view.pressWhen('(y/n)', keys.enter);
	t.false(await submitted.nth(1));
});

// TextList

function entries(frame: string): string[] {
	return frame
		.split('\n')
		.filter((line) => /^\d+\. /.test(line))
		.map((line) => line.replace(/^\d+\. /, '').trimEnd());
}

test('TextList: Enter adds an entry, Enter on an empty line submits them all', async (t) => {
	const submitted = submissions<string[]>();
	const view = renderWithKeys(<TextList initial={[]} onSubmit={submitted.push} />, {t});
	await view.pressWhen('type an entry, Enter to add', 'Torstraße 140');
	await view.pressWhen((frame) => field(frame) === 'Torstraße 140', keys.enter);
	await view.pressWhen(
		(frame) => entries(frame).length === 1 && frame.includes('Enter on an empty line to finish'),
		'Hinterhaus',
	);
	await view.pressWhen((frame) => field(frame) === 'Hinterhaus', keys.enter);
	await view.pressWhen((frame) => entries(frame).length === 2, keys.enter);
	t.deepEqual(await submitted.nth(1), ['Torstraße 140', 'Hinterhaus']);
	t.deepEqual(entries(view.frame()), ['Torstraße 140', 'Hinterhaus']);
});

test('TextList: Backspace on an empty line takes back the last entry', async (t) => {
	const submitted = submissions<string[]>();
	const view = renderWithKeys(<TextList initial={['One', 'Two']} onSubmit={submitted.push} />, {
		t,
	});
	await view.pressWhen((frame) => entries(frame).length === 2, keys.backspace);
	const back = await view.waitForFrame((frame) => entries(frame).length === 1);
	t.deepEqual(entries(back), ['One']);
	t.is(field(back), 'Two');
	view.press(keys.backspace);
	await view.pressWhen((frame) => field(frame) === 'Tw', 'o!');
	await view.pressWhen((frame) => field(frame) === 'Two!', keys.enter);
	await view.pressWhen((frame) => entries(frame).length === 2, keys.enter);
	t.deepEqual(await submitted.nth(1), ['One', 'Two!']);
});

test('TextList: Enter on an empty list submits an empty list', async (t) => {
	const submitted = submissions<string[]>();
	const view = renderWithKeys(<TextList initial={[]} onSubmit={submitted.push} />, {t});
	await view.pressWhen('type an entry', keys.enter);
	t.deepEqual(await submitted.nth(1), []);
});

test('TextList: a pasted block of lines becomes one entry per line', async (t) => {
	const submitted = submissions<string[]>();
	const view = renderWithKeys(<TextList initial={[]} onSubmit={submitted.push} />, {t});
	await view.pressWhen('type an entry', 'Line one\nLine two\n');
	await view.pressWhen((frame) => entries(frame).length === 2, keys.enter);
	t.deepEqual(await submitted.nth(1), ['Line one', 'Line two']);
});

// Pasting: a paste never submits; its line breaks are spaces (or entries in a TextList).

const paste = (text: string): string => `\u001B[200~${text}\u001B[201~`;

test('TextInput: a pasted multi-line answer becomes one line with spaces and is not submitted', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="" onSubmit={submitted.push} />, {t});
	await view.waitForFrame('›');
	view.press(paste('We keep invoices\r\nfor ten years,\n\n  as the law requires.\r'));
	const frame = await view.waitForFrame('as the law requires.');
	t.is(field(frame), 'We keep invoices for ten years, as the law requires.');
	t.deepEqual(submitted.values, []);
	view.press(keys.enter);
	t.is(await submitted.nth(1), 'We keep invoices for ten years, as the law requires.');
});

test('TextInput: lines in one chunk without paste brackets are a paste too', async (t) => {
	const submitted = submissions<string>();
	const view = renderWithKeys(<TextInput initial="" onSubmit={submitted.push} />, {t});
	await view.pressWhen('›', 'first line\rsecond line\r');
	const frame = await view.waitForFrame('second line');
	t.is(field(frame), 'first line second line');
	t.deepEqual(submitted.values, []);
});

test('TextList: pasted lines become entries, the unfinished last one stays to edit', async (t) => {
	const submitted = submissions<string[]>();
	const view = renderWithKeys(<TextList initial={[]} onSubmit={submitted.push} />, {t});
	await view.waitForFrame('type an entry');
	view.press(paste('Torstraße 140\r\rHinterhaus\r3. OG'));
	const frame = await view.waitForFrame((next) => entries(next).length === 2);
	t.deepEqual(entries(frame), ['Torstraße 140', 'Hinterhaus']);
	t.is(field(frame), '3. OG');
	t.deepEqual(submitted.values, []);
	view.press(keys.enter);
	await view.pressWhen((next) => entries(next).length === 3, keys.enter);
	t.deepEqual(await submitted.nth(1), ['Torstraße 140', 'Hinterhaus', '3. OG']);
});

test('Choice: a paste into the filter only filters', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(
		<Choice multiple searchable options={countries} onSubmit={submitted.push} />,
		{t},
	);
	await view.waitForFrame('type to filter');
	view.press(paste('new\rzealand\r'));
	const frame = await view.waitForFrame('filter › new zealand');
	t.regex(frame, /0 selected/);
	t.deepEqual(submitted.values, []);
});

test('Choice multiple: Ctrl-A ticks every row shown, or what the filter found; again unticks them', async (t) => {
	const submitted = submissions<unknown>();
	const view = renderWithKeys(
		<Choice multiple searchable options={countries} onSubmit={submitted.push} />,
		{t},
	);
	await view.pressWhen('^A ticks all', keys.ctrlA);
	await view.pressWhen(`${countries.length} selected`, keys.ctrlA);
	await view.pressWhen('0 selected', 'united');
	await view.pressWhen(/filter › united\s*$/m, keys.ctrlA);
	const ticked = await view.waitForFrame(/[1-9] selected/);
	const count = Number(/(\d+) selected/.exec(ticked)![1]);
	t.true(count >= 3 && count < 10, `${count} countries named United…`);
	view.press(keys.ctrlU);
	await view.pressWhen('type to filter', keys.enter);
	const values = (await submitted.nth(1)) as string[];
	t.is(values.length, count);
	t.true(values.includes('GB') && values.includes('US'));
});
