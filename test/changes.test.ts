import test from 'ava';
import type {Answers, DraftAnswers} from '../source/core/answers/types.js';
import {
	classifyChanges,
	lastRevisionDate,
	materialRules,
	proposedSummary,
	revisionSince,
	type Change,
} from '../source/core/changes/classify.js';
import {compareAnswers, hunks, withRevision} from '../source/core/changes/report.js';
import {lineDiff} from '../source/core/drafting/revision.js';
import {allQuestions} from '../source/core/questionnaire/questionnaire.js';
import {sha256} from './helpers/answers.js';
import {baseAnswers, steps, versions} from './helpers/history.js';

const draftAnswers = (answers: Answers) => answers as unknown as DraftAnswers;

function classify(before: Answers, after: Answers): Change[] {
	return classifyChanges(draftAnswers(before), draftAnswers(after));
}

const materialTypes = (changes: Change[]) =>
	changes.flatMap((change) => (change.kind === 'material' ? [change.type] : []));

test('every field a material rule names is a question of the questionnaire', (t) => {
	const ids = new Set(allQuestions().map(({fullId}) => fullId));
	for (const rule of materialRules) {
		t.true(
			ids.has(rule.field) || [...ids].some((id) => id.startsWith(`${rule.field}.`)),
			rule.field,
		);
	}
});

const history = versions();
for (const [index, step] of steps.entries()) {
	test(`classification of each kind of change: ${step.name}`, (t) => {
		const changes = classify(history[index]!, history[index + 1]!);
		t.deepEqual(materialTypes(changes), step.material);
		t.true(changes.length > 0);
		for (const change of changes) {
			t.true(change.words.length > 0 && change.words.endsWith('.'), change.words);
			t.true(change.path.length > 0);
		}
	});
}

test('unchanged answers have no changes; bookkeeping (resumeAt, $schema) is not a change', (t) => {
	const answers = baseAnswers();
	const touched = {...structuredClone(answers), resumeAt: 'purposes', $schema: 'x'} as Answers;
	t.deepEqual(classify(answers, structuredClone(answers)), []);
	t.deepEqual(classify(answers, touched), []);
});

test('records are matched by id: renaming one is editorial, reordering is one change', (t) => {
	const before = baseAnswers();
	const after = structuredClone(before);
	after.recipients[0]!.name = 'AWS';
	after.recipients.reverse();
	const changes = classify(before, after);
	t.deepEqual(materialTypes(changes), []);
	t.deepEqual(
		changes.map((change) => [change.type, change.path]),
		[
			['changed', 'recipients[5].name'],
			['reordered', 'recipients'],
		],
	);
	t.is(changes[0]!.words, 'Recipient "AWS": name changed from "Amazon Web Services" to "AWS".');
});

test('removals are editorial: a recipient, a country, a purpose', (t) => {
	const before = baseAnswers();
	const after = structuredClone(before);
	after.recipients = after.recipients.filter((recipient) => recipient.id !== 'deepl');
	after.recipients[1]!.locations = ['US'];
	after.purposes = after.purposes.filter((purpose) => purpose.id !== 'newsletter');
	const changes = classify(before, after);
	t.deepEqual(materialTypes(changes), []);
	t.true(changes.some((change) => change.words === 'Recipient "DeepL" removed.'));
	t.true(
		changes.some((change) => change.words === 'Recipient "Stripe": locations: Ireland removed.'),
	);
	t.true(changes.some((change) => change.words === 'Purpose "Product newsletter" removed.'));
});

test('a sale switched on, and a legal basis given where none was, are material', (t) => {
	const us = versions().at(-3)!; // The law newly applying: CCPA.
	const sold = structuredClone(us) as unknown as {recipients: Array<Record<string, unknown>>};
	sold.recipients[0]!['sold'] = true;
	t.deepEqual(materialTypes(classify(us, sold as unknown as Answers)), ['sale-or-sharing']);
	const off = structuredClone(sold);
	off.recipients[0]!['sold'] = false;
	t.deepEqual(materialTypes(classify(sold as unknown as Answers, off as unknown as Answers)), []);

	const plain = baseAnswers();
	const noBasis = structuredClone(plain) as unknown as {purposes: Array<Record<string, unknown>>};
	delete noBasis.purposes[0]!['legalBasis'];
	const given = classify(noBasis as unknown as Answers, plain);
	t.deepEqual(materialTypes(given), ['legal-basis']);
	t.is(
		given[0]!.words,
		'Purpose "Providing your account and the service": Legal basis (Article 6) is now Contract.',
	);
});

test('a new recipient that buys or receives data for ads says so; words name countries', (t) => {
	const before = versions().at(-2)!;
	const after = structuredClone(before) as unknown as {recipients: Array<Record<string, unknown>>};
	after.recipients.push({
		...structuredClone(after.recipients.find((recipient) => recipient['id'] === 'paddle')!),
		id: 'ads',
		name: 'AdCo',
		locations: ['US', 'IE'],
		sold: true,
		shared: true,
	});
	const [change] = classify(before, after as unknown as Answers);
	t.is(change!.kind, 'material');
	t.is(
		change!.words,
		'New recipient: AdCo (United States, Ireland); personal information sold and shared.',
	);
	t.is(
		change!.kind === 'material' ? change!.summary : '',
		'Added AdCo as a recipient of personal data (personal information sold and shared).',
	);
});

test('hidden answers are not compared: a basis asked only under a law that does not apply', (t) => {
	const before = versions().at(-1)!;
	// A value for a question never asked (the UK recognised interest, with the UK gone).
	const after = structuredClone(before) as unknown as {purposes: Array<Record<string, unknown>>};
	after.purposes[0]!['ukRecognisedInterest'] = 'crime';
	t.deepEqual(classify(before, after as unknown as Answers), []);
});

test('revisionSince: an entry not at the base, dated on or after its last one', (t) => {
	const before = draftAnswers(baseAnswers());
	t.is(lastRevisionDate(before), '2024-01-10');
	t.is(revisionSince(before, before), undefined);
	const later = withRevision(before, {date: '2024-03-01', summary: 'Added Paddle.'});
	t.deepEqual(revisionSince(before, later), {date: '2024-03-01', summary: 'Added Paddle.'});
	// The same day as the base's last entry: the entries are joined, and that counts.
	const sameDay = withRevision(before, {date: '2024-01-10', summary: 'Added Paddle.'});
	t.deepEqual(revisionSince(before, sameDay), {
		date: '2024-01-10',
		summary: 'First version. Added Paddle.',
	});
	// An older entry added afterwards does not.
	const older = withRevision(before, {date: '2023-12-01', summary: 'Backdated.'});
	t.is(revisionSince(before, older), undefined);
});

test('the proposed entry: material changes for the reader, counted beyond six', (t) => {
	const all = versions();
	const changes = classify(all[0]!, all.at(-1)!);
	const summary = proposedSummary(changes, 'Updated the wording.');
	// In the order of the answers: data, purposes, recipients; the rest counted.
	t.regex(summary, /^We now collect "Job title"\. Added the purpose "User research interviews"\. /);
	t.regex(summary, / And 2 further changes to recipients, purposes, data or legal bases\.$/);
	t.is(
		proposedSummary([], 'Updated the section "Who we are".'),
		'Updated the section "Who we are".',
	);
});

test('compareAnswers: redlines of each document, the proposal, and whether CI fails', (t) => {
	const [base, editorial, recipient] = versions();
	const options = {today: '2024-05-02', hash: sha256};
	const quiet = compareAnswers(draftAnswers(base!), draftAnswers(editorial!), options);
	t.false(quiet.material);
	t.false(quiet.needsRevision);
	t.deepEqual(
		quiet.documents.map((document) => [document.kind, document.status]),
		[
			['policy', 'changed'],
			['rights', 'unchanged'],
			['subprocessors', 'changed'],
			['inventory', 'changed'],
			['cookies', 'unchanged'],
			['ropa', 'changed'],
		],
	);
	t.regex(quiet.proposed!.summary, /^Updated the sections? "/);

	const loud = compareAnswers(draftAnswers(editorial!), draftAnswers(recipient!), options);
	t.true(loud.needsRevision);
	t.deepEqual(loud.proposed, {
		date: '2024-05-02',
		summary: 'Added Paddle as a recipient of personal data.',
	});
	const policy = loud.documents[0]!;
	const added = policy.hunks.flatMap((hunk) => hunk.lines).filter((line) => line.kind === 'added');
	t.true(added.some((line) => line.text.includes('Paddle')));
	t.false(
		policy.hunks.some((hunk) => hunk.lines.some((line) => line.text.includes('privacy-wizard:'))),
		'no marker line',
	);

	const accepted = withRevision(draftAnswers(recipient!), loud.proposed!);
	const after = compareAnswers(draftAnswers(editorial!), accepted, options);
	t.false(after.needsRevision);
	t.is(after.proposed, undefined);
	t.deepEqual(after.revision, loud.proposed);
});

test('a document the answers cannot draft is named, not compared', (t) => {
	const all = versions();
	const options = {today: '2024-05-02', hash: sha256};
	const incomplete = compareAnswers(draftAnswers(all[6]!), draftAnswers(all[7]!), options);
	t.is(incomplete.documents[0]!.status, 'not-drafted');
	t.regex(incomplete.documents[0]!.reason!, /answers now are not complete/);
});

test('hunks: context around each change, removed lines first, numbers on each side', (t) => {
	const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
	const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n');
	const result = hunks(lineDiff(before, after), 1);
	t.deepEqual(result, [
		{
			before: {start: 3, lines: 3},
			after: {start: 3, lines: 3},
			lines: [
				{kind: 'same', text: 'c'},
				{kind: 'removed', text: 'd'},
				{kind: 'added', text: 'D'},
				{kind: 'same', text: 'e'},
			],
		},
		{
			before: {start: 10, lines: 1},
			after: {start: 10, lines: 2},
			lines: [
				{kind: 'same', text: 'j'},
				{kind: 'added', text: 'k'},
			],
		},
	]);
	t.deepEqual(hunks(lineDiff('same', 'same')), []);
});
