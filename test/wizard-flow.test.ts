import test from 'ava';
import type {DraftAnswers} from '../source/core/answers/types.js';
import {allQuestions} from '../source/core/questionnaire/questionnaire.js';
import type {Context} from '../source/core/questionnaire/types.js';
import {catalogServices, recipientFromService} from '../source/core/catalog/catalog.js';
import {
	currentFrame,
	currentQuestion,
	hasAnswers,
	initialState,
	progress,
	recordSummary,
	reduce,
	type WizardState,
} from '../source/core/questionnaire/wizard.js';
import {loadExample} from './helpers/wizard-io.js';
import {repoSuggestions, websiteFrom} from '../source/core/questionnaire/suggestions.js';

// The wizard's flow, through the reducer and the core helpers the screens draw.

test('a code host is never offered as the website; a real homepage is', (t) => {
	const offered = (homepage: unknown, gitRemote?: string) =>
		repoSuggestions({manifest: {name: 'acme-app', homepage}, gitRemote}).find(
			(suggestion) => suggestion.key === 'homepage',
		)?.value;
	t.is(offered(undefined, 'https://github.com/acme/acme-app.git'), undefined);
	t.is(offered('https://github.com/acme/acme-app#readme'), undefined);
	t.is(offered('https://gitlab.com/acme/app'), undefined);
	t.is(offered('https://www.npmjs.com/package/acme-app'), undefined);
	t.is(offered('git+ssh://git@github.com/acme/app.git'), undefined);
	t.is(offered('https://acme.example'), 'https://acme.example');
	t.is(offered('https://acme.github.io/app'), 'https://acme.github.io/app');
	t.is(websiteFrom(42), undefined);
});

test('the welcome screen asks only about suggestions some question uses', (t) => {
	const keys = repoSuggestions({
		manifest: {name: 'acme-app', description: 'Plans weeks.', homepage: 'https://acme.example'},
		gitEmail: 'founder@acme.example',
		gitRemote: 'https://github.com/acme/acme-app.git',
	}).map((suggestion) => suggestion.key);
	t.deepEqual(keys, ['packageName', 'packageDescription', 'homepage', 'gitEmail']);
});

// Resume: the next run opens at the question that was on screen.

const context: Context = {today: '2026-03-01', suggestions: {}};

function firstRun(): WizardState {
	const state = initialState({schemaVersion: 1, questionnaireVersion: 1}, context, true);
	return reduce(state, {type: 'start'});
}

/** Answer the questions on screen in turn; `undefined` leaves an optional one blank. */
function answerInTurn(start: WizardState, values: unknown[]): WizardState {
	let state = start;
	for (const value of values) {
		state = reduce(state, {type: 'answer', value});
		if (state.error)
			throw new Error(`${String(currentQuestion(state)?.question.id)}: ${state.error}`);
	}

	return state;
}

/** What the next run sees: the answers as saved (a JSON round trip), loaded again. */
function nextRun(state: WizardState): WizardState {
	const saved = JSON.parse(JSON.stringify(state.answers)) as DraftAnswers;
	return initialState(saved, context, !hasAnswers(saved));
}

test('resume opens the optional question that was on screen, in its section', (t) => {
	const stopped = answerInTurn(firstRun(), [
		'Acme Labs GmbH',
		undefined,
		['Torstraße 1'],
		'10119',
		'Berlin',
		undefined,
		'DE',
		'founder@acme.example',
		undefined,
	]);
	t.is(currentQuestion(stopped)?.question.id, 'controller.website');
	t.is(stopped.answers['resumeAt'], 'controller.website');
	const resumed = nextRun(stopped);
	t.is(resumed.mode, 'asking');
	t.is(currentQuestion(resumed)?.question.id, 'controller.website');
	t.like(progress(resumed), {section: 1, title: 'Your company'});
	t.true(resumed.linear, 'the first run goes on through the sections in order');
	// Answering it goes on to the next question, as if the run had never stopped.
	const next = reduce(resumed, {type: 'answer', value: undefined});
	t.is(currentQuestion(next)?.question.id, 'controller.contactForm');
});

test('resume inside a record opens that record at that field', (t) => {
	const answers = {
		...loadExample('eu-saas'),
		resumeAt: 'purposes[1].legalBasis',
	} as DraftAnswers;
	const resumed = initialState(answers, context, false);
	const current = currentQuestion(resumed);
	t.is(current?.question.id, 'legalBasis');
	t.deepEqual(current?.path, ['purposes', 1, 'legalBasis']);
	t.like(progress(resumed), {title: 'Purposes'});
	// The field opens from the record's summary: answering it (or Esc) returns there.
	t.is(currentFrame(reduce(resumed, {type: 'back'}))?.kind, 'record');
	t.is(currentFrame(reduce(resumed, {type: 'answer', value: 'contract'}))?.kind, 'record');
});

test('a resume point that is no longer asked opens the first gap instead', (t) => {
	const answers = {
		...loadExample('eu-saas'),
		resumeAt: 'dpo.email',
		dpo: {designated: false},
	} as DraftAnswers;
	delete (answers['controller'] as Record<string, unknown>)['email'];
	const resumed = initialState(answers, context, false);
	t.is(currentQuestion(resumed)?.question.id, 'controller.email');
});

test('leaving the questions drops the resume point; a run without one opens the sections', (t) => {
	const stopped = answerInTurn(firstRun(), ['Acme Labs GmbH']);
	t.is(stopped.answers['resumeAt'], 'controller.tradingName');
	const overview = reduce(stopped, {type: 'overview'});
	t.is(overview.answers['resumeAt'], undefined);
	t.true(overview.unsaved);
	t.is(nextRun(overview).mode, 'overview');
	t.false(hasAnswers({schemaVersion: 1, resumeAt: 'controller.legalName'}));
});

// A record from the catalog: its summary, confirmed in one step, every field editable.

function recipientsList(): WizardState {
	const answers = loadExample('eu-saas');
	const state = reduce(initialState(answers, context, false), {
		type: 'openSection',
		sectionId: 'recipients',
	});
	if (currentFrame(state)?.kind !== 'list') throw new Error('not on the recipients list');
	return state;
}

function fromCatalog(state: WizardState, id: string): Record<string, unknown> {
	const service = catalogServices.find((candidate) => candidate.id === id)!;
	return recipientFromService(service, state.answers) as Record<string, unknown>;
}

test('a catalog record opens on its summary, marking exactly the fields the data marks', (t) => {
	const list = recipientsList();
	const summary = reduce(list, {type: 'list.add', record: fromCatalog(list, 'netlify')});
	t.is(currentFrame(summary)?.kind, 'record');
	const rows = recordSummary(summary);
	t.true(rows.length > 8, 'every visible field is listed');
	for (const row of rows) t.is(row.confirm, row.question.confirmDefault === true, row.question.id);
	t.true(rows.some((row) => row.confirm && row.value !== undefined));
	t.deepEqual(
		rows.filter((row) => row.problem !== undefined).map((row) => row.question.id),
		[],
	);
	// Enter confirms all: back on the list in one step, with an id.
	const confirmed = reduce(summary, {type: 'record.confirm'});
	t.is(currentFrame(confirmed)?.kind, 'list');
	const records = confirmed.answers['recipients'] as Array<Record<string, unknown>>;
	t.like(records.at(-1), {id: 'netlify', catalogId: 'netlify', name: 'Netlify'});
	t.true(confirmed.unsaved);
});

test('a field opened from the summary comes back to the summary', (t) => {
	const list = recipientsList();
	const summary = reduce(list, {type: 'list.add', record: fromCatalog(list, 'netlify')});
	const index = recordSummary(summary).findIndex((row) => row.question.id === 'locations');
	const editing = reduce(summary, {type: 'record.edit', index});
	t.is(currentQuestion(editing)?.question.id, 'locations');
	const answered = reduce(editing, {type: 'answer', value: ['DE']});
	t.is(currentFrame(answered)?.kind, 'record');
	const row = recordSummary(answered).find((candidate) => candidate.question.id === 'locations');
	t.deepEqual(row?.value, ['DE']);
	// Esc on a field opened from the summary goes back to it, too.
	t.is(currentFrame(reduce(editing, {type: 'back'}))?.kind, 'record');
});

test('confirming a record with a gap opens that field; Esc on a new summary cancels the add', (t) => {
	const list = recipientsList();
	const count = (list.answers['recipients'] as unknown[]).length;
	const summary = reduce(list, {type: 'list.add', record: fromCatalog(list, 'posthog')});
	const gap = reduce(summary, {type: 'record.confirm'});
	t.is(currentQuestion(gap)?.question.id, 'choiceHow');
	t.is(gap.error, 'This answer is required.');
	const filled = reduce(gap, {type: 'answer', value: 'In the cookie banner, or under Settings.'});
	t.is(currentFrame(filled)?.kind, 'record');
	t.is(currentFrame(reduce(filled, {type: 'record.confirm'}))?.kind, 'list');
	const cancelled = reduce(summary, {type: 'back'});
	t.is(currentFrame(cancelled)?.kind, 'list');
	t.is((cancelled.answers['recipients'] as unknown[]).length, count);
});

test('an empty record is still asked field by field', (t) => {
	const list = recipientsList();
	const added = reduce(list, {type: 'list.add'});
	t.is(currentQuestion(added)?.question.id, 'name');
});

// Addresses that do not repeat themselves.

test('a postal code or city already in the street lines is warned about; Enter again keeps it', (t) => {
	const atPostalCode = answerInTurn(firstRun(), [
		'Acme Labs GmbH',
		undefined,
		['Torstraße 1, 10119 Berlin'],
	]);
	t.is(currentQuestion(atPostalCode)?.question.id, 'controller.address.postalCode');
	const warned = reduce(atPostalCode, {type: 'answer', value: '10119'});
	t.is(currentQuestion(warned)?.question.id, 'controller.address.postalCode', 'not accepted yet');
	t.regex(
		warned.warning?.message ?? '',
		/“Torstraße 1, 10119 Berlin” already contains “10119”, the answer to “Street and number of your company”/,
	);
	t.is(warned.error, undefined);
	// Enter again with the same value keeps it; the city is warned about in turn.
	const kept = reduce(warned, {type: 'answer', value: '10119'});
	t.is(currentQuestion(kept)?.question.id, 'controller.address.locality');
	t.is(kept.warning, undefined);
	t.truthy(reduce(kept, {type: 'answer', value: 'Berlin'}).warning);
	// Going back to fix the street lines: they are now checked against the postal code.
	const back = reduce(reduce(kept, {type: 'back'}), {type: 'back'});
	t.is(currentQuestion(back)?.question.id, 'controller.address.lines');
	t.truthy(reduce(back, {type: 'answer', value: ['Torstraße 1, 10119']}).warning);
	const fixed = reduce(back, {type: 'answer', value: ['Torstraße 1']});
	t.is(fixed.warning, undefined);
	t.is(currentQuestion(fixed)?.question.id, 'controller.address.postalCode');
});

test('a street named after its city is not a repeat', (t) => {
	const atCity = answerInTurn(firstRun(), [
		'Acme Labs GmbH',
		undefined,
		['Berliner Allee 5'],
		'10119',
	]);
	const answered = reduce(atCity, {type: 'answer', value: 'Berlin'});
	t.is(answered.warning, undefined);
	t.is(currentQuestion(answered)?.question.id, 'controller.address.region');
});

test('the address prompts say what goes where', (t) => {
	for (const {fullId, question} of allQuestions()) {
		if (!fullId.endsWith('address.lines')) continue;
		t.regex(question.prompt, /^Street and number/, fullId);
		t.regex(question.help, /postal code, city and country are asked next/, fullId);
		// Fields of a list record name their siblings relative to the record (`./address.…`).
		const base = question.id === fullId ? fullId : `./${question.id}`;
		t.deepEqual(
			question.validation?.distinctFrom,
			[base.replace(/lines$/, 'postalCode'), base.replace(/lines$/, 'locality')],
			fullId,
		);
	}
});

test('back on the summary after a field, Enter confirms', (t) => {
	const list = recipientsList();
	const summary = reduce(list, {type: 'list.add', record: fromCatalog(list, 'netlify')});
	const index = recordSummary(summary).findIndex((row) => row.question.id === 'locations');
	const moved = reduce(summary, {type: 'record.move', delta: index + 1});
	const answered = reduce(reduce(moved, {type: 'record.edit', index}), {
		type: 'answer',
		value: ['DE'],
	});
	const frame = currentFrame(answered);
	t.is(frame?.kind === 'record' ? frame.cursor : -1, 0);
});

test('a list inside a record counts as the record question that opened it', (t) => {
	const answers = {...loadExample('eu-saas')} as DraftAnswers;
	delete answers['dataItems'];
	let state = reduce(initialState(answers, context, false), {
		type: 'openSection',
		sectionId: 'data',
	});
	t.is(currentFrame(state)?.kind, 'list');
	t.like(progress(state), {title: 'Personal data you collect', question: 1, questions: 1});
	state = reduce(state, {type: 'list.add'});
	t.like(progress(state), {question: 1, questions: 4});
	state = answerInTurn(state, ['Email address', undefined]);
	t.is(currentFrame(state)?.kind, 'list', 'the sources list is open');
	t.like(progress(state), {question: 3, questions: 4});
});

test('a saved answer that fails its rules says why as soon as it is shown', (t) => {
	const answers = structuredClone(loadExample('eu-saas')) as DraftAnswers & {
		purposes: Array<{retention: {criteria: string}}>;
	};
	answers.purposes[4]!.retention.criteria = 'as long as necessary';
	const resumed = initialState(
		{...answers, resumeAt: 'purposes[4].retention.criteria'} as DraftAnswers,
		context,
		false,
	);
	t.is(currentQuestion(resumed)?.question.id, 'retention.criteria');
	t.regex(resumed.error ?? '', /not a retention period/);
	t.is(reduce(resumed, {type: 'back'}).error, undefined, 'leaving the field clears it');
});
