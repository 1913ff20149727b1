import process from 'node:process';
import rawCheckbox from '@inquirer/checkbox';
import rawConfirm from '@inquirer/confirm';
import rawInput from '@inquirer/input';
import rawSearch from '@inquirer/search';
import rawSelect from '@inquirer/select';
import type {DraftAnswers} from '../core/answers/types.js';
import {checkAnswers, lawReport} from '../core/checks/findings.js';
import {cookieSuggestions} from '../core/catalog/cookies.js';
import {defaultRevisionSummary} from '../core/drafting/revision.js';
import {getAt, parseDisplayPath} from '../core/questionnaire/paths.js';
import type {Context, Question} from '../core/questionnaire/types.js';
import {
	defaultValue,
	displayValue,
	normalizeValue,
	optionsOf,
	parseWholeNumber,
	validateValue,
} from '../core/questionnaire/values.js';
import {sectionState, visibleSections} from '../core/questionnaire/walk.js';
import {
	currentFrame,
	currentQuestion,
	initialState,
	progress,
	recordSummary,
	reduce,
	type WizardEvent,
	type WizardState,
} from '../core/questionnaire/wizard.js';
import {filterOptions, noneValue, singleChoice} from '../core/questionnaire/picker.js';
import {recordLabel, type Suggestion} from './screens/list.js';
import type {RepoSuggestion} from './screens/welcome.js';
import {planTargets, revisionNeeded, summaryOf, withRevision} from './screens/write.js';
import {makeIo, stoppedMessage} from './io.js';
import type {AnswersSession, AnswersSource} from '../storage/answers-store.js';
import {uiColour} from '../cli/style.js';
import {terminalSafe} from '../cli/terminal-text.js';

const output = {output: uiColour(process.stderr)};
/** The row of a required select that chooses nothing (Enter on it asks again). */
const unchosen = '\u0000unchosen';
const say = (text = ''): void => {
	process.stderr.write(`${terminalSafe(text)}\n`);
};

// The prompts show answers, names from the repo and findings: every text they print is made
// inert for the terminal (cli/terminal-text.ts). An input's default is shown inert too, and
// Enter still gives the value itself.
type Choice<Value> = {value: Value; name?: string; description?: string; checked?: boolean};
const inertChoice = <Value, C extends Choice<Value>>(choice: C): C => ({
	...choice,
	...(choice.name === undefined ? {} : {name: terminalSafe(choice.name)}),
	...(choice.description === undefined ? {} : {description: terminalSafe(choice.description)}),
});

const confirm: typeof rawConfirm = (config, context) =>
	rawConfirm({...config, message: terminalSafe(config.message)}, context);

const select = <Value>(
	config: Parameters<typeof rawSelect<Value>>[0] & {choices: ReadonlyArray<Choice<Value>>},
	context: Parameters<typeof rawSelect<Value>>[1],
) =>
	rawSelect<Value>(
		{...config, message: terminalSafe(config.message), choices: config.choices.map(inertChoice)},
		context,
	);

const checkbox = <Value>(
	config: Parameters<typeof rawCheckbox<Value>>[0] & {choices: ReadonlyArray<Choice<Value>>},
	context: Parameters<typeof rawCheckbox<Value>>[1],
) =>
	rawCheckbox<Value>(
		{...config, message: terminalSafe(config.message), choices: config.choices.map(inertChoice)},
		context,
	);

const search = <Value>(
	config: {
		message: string;
		source: (term: string | undefined) => ReadonlyArray<Choice<Value>>;
	},
	context: Parameters<typeof rawSearch<Value>>[1],
) =>
	rawSearch<Value>(
		{
			message: terminalSafe(config.message),
			source: (term) => config.source(term).map(inertChoice),
		},
		context,
	);

const input = async (
	config: {message: string; default?: string; validate?: (value: string) => true | string},
	context: Parameters<typeof rawInput>[1],
): Promise<string> => {
	const shown = config.default === undefined ? undefined : terminalSafe(config.default);
	const real = (value: string): string =>
		config.default !== undefined && value === shown ? config.default : value;
	const {validate} = config;
	return real(
		await rawInput(
			{
				message: terminalSafe(config.message),
				default: shown,
				...(validate ? {validate: (value: string) => validate(real(value))} : {}),
			},
			context,
		),
	);
};

export type PlainOptions = {
	source: AnswersSource;
	session: AnswersSession;
	root: string;
	answers: DraftAnswers;
	firstRun: boolean;
	context: Context;
	suggestions: RepoSuggestion[];
	detected: Suggestion[];
	force: boolean;
};

/** Ask one question with the matching @inquirer prompt; the core validates the answer. */
async function ask(
	question: Question,
	state: WizardState,
	path: ReturnType<typeof currentQuestion>,
): Promise<unknown> {
	const recordPath = path!.frame.recordPath;
	const saved = getAt(state.answers, path!.path);
	// After a warning, the value just given is offered again: Enter keeps it.
	const initial = state.warning
		? state.warning.value
		: (saved ?? defaultValue(question, state.answers, state.context, recordPath));
	const message = `${question.prompt}${question.cite ? ` (${question.cite})` : ''}`;
	say(question.help);
	const check = (value: unknown): true | string =>
		validateValue(question, normalizeValue(question, value), state.answers, recordPath) ?? true;
	switch (question.type) {
		case 'yesno': {
			return confirm(
				{message, default: typeof initial === 'boolean' ? initial : undefined},
				output,
			);
		}

		case 'number': {
			const text = await input(
				{
					message,
					default: initial === undefined ? undefined : String(initial),
					validate: (value) => check(parseWholeNumber(value)),
				},
				output,
			);
			return parseWholeNumber(text);
		}

		case 'select': {
			// The same rows as the full UI: an optional select starts on "None"; a required one
			// without a value starts on a row that chooses nothing, so Enter never picks for them.
			const {rows, initial: chosen} = singleChoice(question, state.answers, initial, recordPath);
			const choices = [
				...(chosen === undefined ? [{value: unchosen, name: '(choose one)'}] : []),
				...rows.map((option) => ({
					value: option.value,
					name: option.label,
					description: option.help,
				})),
			];
			const value = await select({message, choices, default: chosen ?? unchosen}, output);
			return value === noneValue || value === unchosen ? undefined : value;
		}

		case 'country': {
			const options = optionsOf({...question, optionsFrom: {source: 'countries'}}, state.answers);
			return search(
				{
					message: `${message} (type to search)`,
					source: (term) =>
						filterOptions(options, term ?? '')
							.slice(0, 20)
							.map((option) => ({value: option.value, name: option.label})),
				},
				output,
			);
		}

		case 'multiselect': {
			const options = optionsOf(question, state.answers);
			const selected = new Set(Array.isArray(initial) ? (initial as unknown[]) : []);
			return checkbox(
				{
					message,
					choices: options.map((option) => ({
						value: option.value,
						name: option.label,
						checked: selected.has(option.value),
					})),
					validate: (items) => check(items.map((item) => item.value)),
					pageSize: 12,
				},
				output,
			);
		}

		case 'textlist': {
			const text = await input(
				{
					message: `${message} (separate entries with ";")`,
					default: Array.isArray(initial) ? (initial as string[]).join('; ') : undefined,
					validate: (value) =>
						check(
							value
								.split(';')
								.map((item) => item.trim())
								.filter(Boolean),
						),
				},
				output,
			);
			return text
				.split(';')
				.map((item) => item.trim())
				.filter(Boolean);
		}

		default: {
			return input(
				{
					message,
					default: initial === undefined ? undefined : String(initial),
					validate: (value) => check(value.trim() === '' ? undefined : value),
				},
				output,
			);
		}
	}
}

async function askList(state: WizardState, suggestions: Suggestion[]): Promise<WizardEvent> {
	const frame = currentFrame(state);
	if (frame?.kind !== 'list') throw new Error('not a list');
	const below = currentQuestion({...state, stack: state.stack.slice(0, -1)})!;
	const records =
		(getAt(state.answers, frame.path) as Array<Record<string, unknown>> | undefined) ?? [];
	say(below.question.help);
	const names = new Set(
		records.map((record) => String(record['catalogId'] ?? record['name'] ?? '').toLowerCase()),
	);
	const offered = suggestions.filter(
		(suggestion) =>
			!names.has(
				String(suggestion.record['catalogId'] ?? suggestion.record['name'] ?? '').toLowerCase(),
			),
	);
	const choice = await select(
		{
			message: `${below.question.prompt}: ${records.length} ${records.length === 1 ? 'entry' : 'entries'}`,
			choices: [
				...records.map((record, index) => ({
					value: `edit:${index}`,
					name: `Edit “${recordLabel(below.question, record, state.answers, index)}”`,
				})),
				...offered.map((suggestion, index) => ({
					value: `suggest:${index}`,
					name: `Add ${suggestion.label} (${suggestion.detail})`,
				})),
				{value: 'add', name: 'Add a new entry'},
				...records.map((record, index) => ({
					value: `remove:${index}`,
					name: `Remove “${recordLabel(below.question, record, state.answers, index)}”`,
				})),
				{value: 'done', name: 'Done'},
			],
			pageSize: 15,
		},
		output,
	);
	const [action, index] = choice.split(':');
	if (action === 'edit') return {type: 'list.edit', index: Number(index)};
	if (action === 'remove') return {type: 'list.remove', index: Number(index)};
	if (action === 'suggest') return {type: 'list.add', record: offered[Number(index)]!.record};
	if (action === 'add') return {type: 'list.add'};
	return {type: 'list.done'};
}

/** A record's summary: confirm every value shown, or change one field. */
async function askRecord(state: WizardState): Promise<WizardEvent> {
	const frame = currentFrame(state);
	if (frame?.kind !== 'record') throw new Error('not a record');
	const rows = recordSummary(state);
	say('Check this entry. ◆ marks a fact about your company: make sure it is true for you.');
	for (const row of rows) {
		const shown =
			row.problem === undefined
				? `${displayValue(row.question, row.value, state.answers)}${row.isDefault ? ' (default)' : ''}`
				: `✖ ${row.problem}`;
		say(`${row.confirm ? '◆' : ' '} ${row.question.prompt}: ${shown}`);
	}

	const problems = rows.filter((row) => row.problem !== undefined).length;
	const choice = await select(
		{
			message: 'This entry',
			choices: [
				{
					value: 'confirm',
					name:
						problems === 0
							? 'Confirm these answers'
							: `Confirm (${problems} ${problems === 1 ? 'field needs' : 'fields need'} an answer first)`,
				},
				...rows.map((row, index) => ({
					value: `edit:${index}`,
					name: `Change “${row.question.prompt}”`,
				})),
				{value: 'back', name: frame.isNew ? 'Cancel (not added)' : 'Back to the list'},
			],
			pageSize: 20,
		},
		output,
	);
	if (choice === 'confirm') return {type: 'record.confirm'};
	if (choice === 'back') return {type: 'back'};
	return {type: 'record.edit', index: Number(choice.slice(5))};
}

/** The same questionnaire, line by line (screen readers, dumb terminals), on stderr. */
export async function runPlain(options: PlainOptions): Promise<number> {
	const io = makeIo(
		options.source,
		options.session,
		options.root,
		() => process.stderr.columns ?? 80,
		{plain: true},
	);
	let state = initialState(options.answers, options.context, options.firstRun);
	// What a revision's record of recipients added and removed is measured against.
	const baseline = options.answers;
	const dispatch = async (event: WizardEvent): Promise<void> => {
		state = reduce(state, event);
		if (state.error) say(`✖ ${state.error}`);
		if (state.warning) say(`⚠ ${state.warning.message}`);
		if (state.unsaved) {
			try {
				await io.save(state.answers);
				state = reduce(state, {type: 'saved'});
			} catch (error) {
				say(`✖ Could not save the answers: ${(error as Error).message}`);
			}
		}
	};

	try {
		if (state.mode === 'welcome') {
			say(
				'privacy-wizard drafts a privacy policy, a data-rights section and the other documents your answers call for.',
			);
			say(
				`Answers are saved after every question to ${io.file}. The result is a draft to review, not legal advice.`,
			);
			const accepted: Record<string, string> = {};
			for (const suggestion of options.suggestions) {
				if (
					await confirm(
						{
							message: `Use “${suggestion.value}” as a suggestion for ${suggestion.label.toLowerCase()}?`,
							default: true,
						},
						output,
					)
				) {
					accepted[suggestion.key] = suggestion.value;
				}
			}

			await dispatch({type: 'setContext', context: {...state.context, suggestions: accepted}});
			await dispatch({type: 'start'});
		}

		for (;;) {
			switch (state.mode) {
				case 'asking': {
					const frame = currentFrame(state);
					if (frame?.kind === 'list') {
						await dispatch(
							await askList(
								state,
								frame.fullId === 'recipients'
									? options.detected
									: frame.fullId === 'cookies.items'
										? cookieSuggestions(state.answers)
										: [],
							),
						);
						break;
					}

					if (frame?.kind === 'record') {
						const where = progress(state);
						if (where) say(`\n${where.title} — section ${where.section} of ${where.sections}`);
						await dispatch(await askRecord(state));
						break;
					}

					const current = currentQuestion(state)!;
					const where = progress(state);
					if (where)
						say(
							`\n${where.title} — section ${where.section} of ${where.sections}, question ${where.question} of ${where.questions}`,
						);
					await dispatch({type: 'answer', value: await ask(current.question, state, current)});
					break;
				}

				case 'welcome':
				case 'overview': {
					const sections = visibleSections(state.answers);
					const choice = await select(
						{
							message: 'Sections',
							choices: [
								...sections.map((section, index) => ({
									value: section.id,
									name: `${index + 1}. ${section.title} (${sectionState(section, state.answers)})`,
								})),
								{value: '\u0000review', name: 'Review answers and findings'},
								{value: '\u0000write', name: 'Write the documents'},
								{value: '\u0000quit', name: 'Quit (answers are saved)'},
							],
							default: sections[state.overviewCursor]?.id,
							pageSize: 18,
						},
						output,
					);
					if (choice === '\u0000quit') return 0;
					await dispatch(
						choice === '\u0000review'
							? {type: 'review'}
							: choice === '\u0000write'
								? {type: 'write'}
								: {type: 'openSection', sectionId: choice},
					);
					break;
				}

				case 'review': {
					const findings = checkAnswers(state.answers, {today: state.context.today});
					const laws = lawReport(state.answers).filter((law) => law.status !== 'does-not-apply');
					say(
						laws.length === 0
							? 'Laws that apply: none that privacy-wizard drafts.'
							: `Laws that apply:\n${laws
									.map((law) =>
										law.status === 'applies'
											? `  ${law.name}: ${law.reasons.join('; ')}`
											: `  ${law.name}: not decided; answer ${(law.missing ?? []).join(', ')}`,
									)
									.join('\n')}`,
					);
					say(
						findings.length === 0
							? '✔ No findings: the answers cover every checklist item of the laws that apply.'
							: `${findings.length} findings:`,
					);
					const choice = await select(
						{
							message: 'Review',
							choices: [
								...findings.map((finding, index) => ({
									value: `fix:${index}`,
									name: `${finding.severity} ${finding.id}: ${finding.message}`,
									description: `${finding.citation}. Fix: ${finding.fix}`,
								})),
								{value: 'write', name: 'Write the documents'},
								{value: 'overview', name: 'Sections'},
							],
							pageSize: 15,
						},
						output,
					);
					if (choice.startsWith('fix:')) {
						const finding = findings[Number(choice.slice(4))]!;
						await dispatch(
							finding.path
								? {type: 'jump', path: parseDisplayPath(finding.path)}
								: {type: 'overview'},
						);
					} else await dispatch(choice === 'write' ? {type: 'write'} : {type: 'overview'});
					break;
				}

				case 'write': {
					let planned = await planTargets(state.answers, io);
					if (!Array.isArray(planned)) {
						say(`✖ The answers are not complete yet (${planned.incomplete} gaps).`);
						await dispatch({type: 'review'});
						break;
					}

					const titles = revisionNeeded(planned);
					if (titles) {
						const summary = await input(
							{
								message: `A revision entry dated ${state.context.today} records what changed`,
								default: defaultRevisionSummary(titles),
							},
							output,
						);
						await dispatch({
							type: 'setAnswers',
							answers: withRevision(
								state.answers,
								baseline,
								state.context.today,
								summary.trim() || defaultRevisionSummary(titles),
							),
						});
						planned = (await planTargets(state.answers, io)) as typeof planned;
					}

					const outcomes: Parameters<typeof summaryOf>[0] = [];
					for (const target of planned as Exclude<typeof planned, {incomplete: number}>) {
						const existing = target.existing;
						let force = options.force;
						if (
							(existing.kind === 'edited' || existing.kind === 'no-marker') &&
							existing.text !== target.text &&
							!force
						) {
							force = await confirm(
								{
									message: `${target.relative} was changed by hand or not written by privacy-wizard. Overwrite it (your edits are lost)?`,
									default: false,
								},
								output,
							);
							if (!force) {
								outcomes.push({target, outcome: 'skipped'});
								continue;
							}
						}

						outcomes.push({target, outcome: await io.write(target.file, target.text, force)});
						if (target.kind === 'policy' && !process.stdout.isTTY)
							process.stdout.write(target.markdown);
					}

					const summary = summaryOf(outcomes, io);
					for (const result of summary.results) say(result.text);
					if (summary.answers) say(`Your answers are in ${summary.answers}.`);
					say('\nNext steps');
					for (const [index, next] of summary.steps.entries()) say(`  ${index + 1}. ${next}`);
					return 0;
				}

				case 'done': {
					return 0;
				}
			}
		}
	} catch (error) {
		if (
			(error as Error).name === 'ExitPromptError' ||
			(error as Error).name === 'AbortPromptError'
		) {
			say(`\n${stoppedMessage(io)}`);
			return 130;
		}

		throw error;
	}
}
