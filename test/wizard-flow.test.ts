import test from 'ava';
import type {DraftAnswers} from '../source/core/answers/types.js';
import type {Context} from '../source/core/questionnaire/types.js';
import {
	currentQuestion,
	hasAnswers,
	initialState,
	progress,
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
	t.like(progress(resumed), {title: 'Purposes and legal bases'});
	// Esc goes back within the record, as it would have before the stop.
	t.is(currentQuestion(reduce(resumed, {type: 'back'}))?.question.id, 'dataItems');
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
