import {Box, useApp, useStdout, type Key} from 'ink';
import {Text} from './palette.js';
import {useEffect, useMemo, useReducer, useRef, useState, type ReactElement} from 'react';
import type {DraftAnswers} from '../core/answers/types.js';
import {cookieSuggestions} from '../core/catalog/cookies.js';
import type {Detection} from '../core/catalog/detect.js';
import {driftFindings} from '../core/checks/drift.js';
import {checkAnswers, lawReport, type Finding} from '../core/checks/findings.js';
import {getAt, parseDisplayPath} from '../core/questionnaire/paths.js';
import {
	currentFrame,
	currentQuestion,
	fullIdOf,
	progress,
	recordSummary,
	reduce,
	type WizardState,
} from '../core/questionnaire/wizard.js';
import {finish, type Finish} from '../core/questionnaire/next-steps.js';
import {visibleSections} from '../core/questionnaire/walk.js';
import {stoppedMessage, type WizardIo} from './io.js';
import {KeyRoot} from './key-router.js';
import {ErrorLine, Header, ScreenRows} from './layout.js';
import {ListScreen, recordLabel, type Suggestion} from './screens/list.js';
import {Overview} from './screens/overview.js';
import {Pager} from './screens/pager.js';
import {NextSteps} from './screens/next-steps.js';
import {QuestionScreen} from './screens/question.js';
import {RecordScreen} from './screens/record.js';
import {Review} from './screens/review.js';
import {Welcome, type RepoSuggestion} from './screens/welcome.js';
import {WriteScreen, type Target} from './screens/write.js';

export type AppResult = {code: number; written: Target[]};

export type AppProps = {
	initial: WizardState;
	io: WizardIo;
	force?: boolean;
	repoSuggestions?: RepoSuggestion[];
	/** The repo is still being read: suggestions are on their way. */
	repoLoading?: boolean;
	/** Suggested records for lists (detected services for `recipients`), by list id. */
	listSuggestions?: Record<string, Suggestion[]>;
	detected?: string[];
	/** A picker shown for lists with `catalogPicker` ("c" on their screen). */
	/**
	Services the repo's dependencies reveal: the review reports those missing from the answers.
	Undefined when the repo was not (or could not be) scanned: then there is no drift to report.
	*/
	detections?: readonly Detection[];
	renderCatalog?: (props: {
		answers: DraftAnswers;
		onPick: (record: Record<string, unknown>) => void;
		onCancel: () => void;
	}) => ReactElement;
	onExit: (result: AppResult) => void;
};

/**
The wizard: draws the core's state and sends it events. Answers are saved (through `io.save`)
after every change, and Ctrl-C waits for the last save before leaving with code 130.
*/
export function App({
	initial,
	io,
	force = false,
	repoSuggestions = [],
	repoLoading = false,
	listSuggestions = {},
	detected = [],
	detections,
	renderCatalog,
	onExit,
}: AppProps) {
	const [state, dispatch] = useReducer(reduce, initial);
	const {exit} = useApp();
	const {stdout} = useStdout();
	// Draw again at the new size when the terminal is resized (Ink alone keeps the old width).
	const [, resized] = useReducer((count: number) => count + 1, 0);
	useEffect(() => {
		stdout.on('resize', resized);
		return () => {
			stdout.off('resize', resized);
		};
	}, [stdout]);
	const width = Math.max(20, (stdout.columns ?? 80) - 1);
	const height = Math.max(10, stdout.rows ?? 24);
	const saving = useRef<Promise<void>>(Promise.resolve());
	const [saveError, setSaveError] = useState<string>();
	const [preview, setPreview] = useState<{
		title: string;
		lines: string[];
		targets: Target[];
		index: number;
	}>();
	const showPreview = (targets: Target[], index: number): void => {
		const target = targets[index];
		if (!target) return;
		void io
			.render(target.markdown, width)
			.then((text) =>
				setPreview({title: target.relative, lines: text.split('\n'), targets, index}),
			);
	};
	const [catalogOpen, setCatalogOpen] = useState(false);
	const [result, setResult] = useState<AppResult>();
	const [finished, setFinished] = useState<Finish>();
	// Once the last save is done: only then does the last frame say what the file holds.
	const [settled, setSettled] = useState(false);

	// Save after every change, one write after another, so the file always holds the last answer.
	useEffect(() => {
		if (!state.unsaved) return;
		const answers = state.answers;
		saving.current = saving.current
			.then(() => io.save(answers))
			.then(
				() => {
					setSaveError(undefined);
					dispatch({type: 'saved'});
				},
				(error: Error) => setSaveError(`Could not save the answers: ${error.message}`),
			);
	}, [state.answers, state.unsaved]);

	// Leave only after the last save is done and the last frame, which says so, is painted.
	useEffect(() => {
		if (!result) return;
		void saving.current.finally(() => {
			setSettled(true);
		});
	}, [result]);
	useEffect(() => {
		if (!result || !settled) return;
		exit();
		onExit(result);
	}, [settled]);

	// Keys that work everywhere; the rest go to the screen on display (see KeyRoot).
	const current = useRef({mode: state.mode, overlay: false});
	current.current = {mode: state.mode, overlay: preview !== undefined || catalogOpen};
	const globalKey = (input: string, key: Key): boolean => {
		if (key.ctrl && input === 'c') {
			setResult({code: 130, written: []});
			return true;
		}

		// The catalog picker has every other key (Esc closes it).
		if (current.current.overlay || current.current.mode !== 'asking') return false;
		if (key.escape) dispatch({type: 'back'});
		else if (key.ctrl && input === 'o') dispatch({type: 'overview'});
		else if (key.ctrl && input === 'r') dispatch({type: 'review'});
		else return false;
		return true;
	};

	const sections = useMemo(() => visibleSections(state.answers), [state.answers]);
	const findings: Finding[] = useMemo(
		() =>
			state.mode === 'review' ? reviewFindings(state.answers, state.context.today, detections) : [],
		[state.mode, state.answers],
	);
	const laws = useMemo(
		() => (state.mode === 'review' ? lawReport(state.answers) : []),
		[state.mode, state.answers],
	);
	const [reviewCursor, moveReview] = useReducer(
		(cursor: number, delta: number) =>
			findings.length === 0 ? 0 : (cursor + delta + findings.length) % findings.length,
		0,
	);

	return <KeyRoot onKey={globalKey}>{content()}</KeyRoot>;

	function content(): ReactElement {
		if (result) {
			return result.code === 130 ? (
				<Text dimColor>{settled ? stoppedMessage(io) : 'Saving…'}</Text>
			) : (
				<NextSteps finish={finished ?? finish({written: []})} />
			);
		}

		const body = (() => {
			switch (state.mode) {
				case 'welcome': {
					return (
						<Welcome
							file={io.file}
							suggestions={repoSuggestions}
							loading={repoLoading}
							detected={detected}
							onStart={(accepted) => {
								const suggestions = Object.fromEntries(
									repoSuggestions
										.filter((entry) => accepted.includes(entry.key))
										.map((entry) => [entry.key, entry.value]),
								);
								dispatch({type: 'setContext', context: {...state.context, suggestions}});
								dispatch({type: 'start'});
							}}
						/>
					);
				}

				case 'overview': {
					return (
						<Overview
							sections={sections}
							answers={state.answers}
							cursor={state.overviewCursor}
							file={io.file}
							onMove={(delta) => dispatch({type: 'overview.move', delta})}
							onOpen={(sectionId) => dispatch({type: 'openSection', sectionId})}
							onReview={() => dispatch({type: 'review'})}
							onWrite={() => dispatch({type: 'write'})}
						/>
					);
				}

				case 'review': {
					return (
						<Review
							sections={sections}
							answers={state.answers}
							findings={findings}
							laws={laws}
							cursor={reviewCursor}
							width={width}
							onMove={moveReview}
							onJump={(finding) =>
								finding.path && dispatch({type: 'jump', path: parseDisplayPath(finding.path)})
							}
							onWrite={() => dispatch({type: 'write'})}
							onOverview={() => dispatch({type: 'overview'})}
						/>
					);
				}

				case 'write': {
					return (
						<WriteScreen
							answers={state.answers}
							baseline={initial.answers}
							io={io}
							today={state.context.today}
							width={width}
							force={force}
							onAnswers={(answers: DraftAnswers) => dispatch({type: 'setAnswers', answers})}
							onReview={() => dispatch({type: 'review'})}
							onPreview={showPreview}
							onFinish={(targets, summary) => {
								setFinished(summary);
								setResult({code: 0, written: targets});
							}}
						/>
					);
				}

				case 'asking': {
					return (
						<Asking
							state={state}
							width={width}
							dispatch={dispatch}
							listSuggestions={listSuggestions}
							catalogOpen={catalogOpen}
							setCatalogOpen={setCatalogOpen}
							renderCatalog={renderCatalog}
						/>
					);
				}

				case 'done': {
					return <NextSteps finish={finished ?? finish({written: []})} />;
				}
			}
		})();

		// The preview covers the screen below it without unmounting it: closing the preview returns
		// to what was written, not to a new plan of the write. The pager renders after the screen,
		// so it is the one that claims the keyboard (see KeyRoot).
		return (
			<>
				<Box flexDirection="column" width={width} display={preview ? 'none' : 'flex'}>
					{/* Every screen fits the terminal, the save error line included. */}
					<ScreenRows rows={saveError ? height - 1 : height}>{body}</ScreenRows>
					<ErrorLine message={saveError} />
				</Box>
				{preview ? (
					<Pager
						key={preview.title}
						title={preview.title}
						lines={preview.lines}
						height={height}
						switcher={{
							position: preview.index,
							count: preview.targets.length,
							onSwitch: (delta) =>
								showPreview(
									preview.targets,
									(preview.index + delta + preview.targets.length) % preview.targets.length,
								),
						}}
						onClose={() => setPreview(undefined)}
					/>
				) : null}
			</>
		);
	}
}

type AskingProps = {
	state: WizardState;
	width: number;
	dispatch: (event: Parameters<typeof reduce>[1]) => void;
	listSuggestions: Record<string, Suggestion[]>;
	catalogOpen: boolean;
	setCatalogOpen: (open: boolean) => void;
	renderCatalog?: AppProps['renderCatalog'];
};

function Asking({
	state,
	dispatch,
	listSuggestions,
	catalogOpen,
	setCatalogOpen,
	renderCatalog,
}: AskingProps) {
	const where = progress(state);
	const frame = currentFrame(state);
	const position = !where
		? ''
		: frame?.kind === 'record'
			? `Section ${where.section} of ${where.sections}`
			: `Section ${where.section} of ${where.sections} · question ${where.question} of ${where.questions}`;
	const title = where?.title ?? '';
	const record = recordTrail(state);
	if (frame?.kind === 'list') {
		const below = currentQuestion({...state, stack: state.stack.slice(0, -1)});
		if (!below) return null;
		const records =
			(getAt(state.answers, frame.path) as Array<Record<string, unknown>> | undefined) ?? [];
		const names = new Set(
			records.map((entry) => String(entry['catalogId'] ?? entry['name'] ?? '').toLowerCase()),
		);
		// The known cookies of the recipients from the catalog, offered on the cookie list.
		const offered =
			frame.fullId === 'cookies.items'
				? cookieSuggestions(state.answers)
				: (listSuggestions[frame.fullId] ?? []);
		const suggestions = offered.filter(
			(suggestion) =>
				!names.has(
					String(suggestion.record['catalogId'] ?? suggestion.record['name'] ?? '').toLowerCase(),
				),
		);
		if (catalogOpen && renderCatalog) {
			return (
				<Box flexDirection="column">
					<Header title={title} position={`${position} · add from the catalog`} />
					{renderCatalog({
						answers: state.answers,
						onPick: (picked) => {
							setCatalogOpen(false);
							dispatch({type: 'list.add', record: picked});
						},
						onCancel: () => setCatalogOpen(false),
					})}
				</Box>
			);
		}

		return (
			<ListScreen
				question={below.question}
				records={records}
				answers={state.answers}
				title={title}
				position={`${position}${record ? ` · ${record}` : ''}`}
				cursor={frame.cursor}
				error={state.error}
				suggestions={suggestions}
				onMove={(delta, rows) => dispatch({type: 'list.move', delta, rows})}
				onAdd={(entry) => dispatch({type: 'list.add', record: entry})}
				onEdit={(index) => dispatch({type: 'list.edit', index})}
				onRemove={(index) => dispatch({type: 'list.remove', index})}
				onDone={() => dispatch({type: 'list.done'})}
				onCatalog={
					below.question.catalogPicker && renderCatalog ? () => setCatalogOpen(true) : undefined
				}
			/>
		);
	}

	if (frame?.kind === 'record') {
		return (
			<RecordScreen
				title={title}
				position={`${position}${record ? ` · ${record}` : ''}`}
				rows={recordSummary(state)}
				answers={state.answers}
				cursor={frame.cursor}
				isNew={frame.isNew === true}
				error={state.error}
				onMove={(delta) => dispatch({type: 'record.move', delta})}
				onConfirm={() => dispatch({type: 'record.confirm'})}
				onEdit={(index) => dispatch({type: 'record.edit', index})}
			/>
		);
	}

	const current = currentQuestion(state);
	if (!current) return null;
	return (
		<QuestionScreen
			key={`${fullIdOf(current.frame, current.question)}-${current.path.join('.')}`}
			question={current.question}
			path={current.path}
			recordPath={current.frame.recordPath}
			answers={state.answers}
			context={state.context}
			title={title}
			position={position}
			record={record}
			error={state.error}
			warning={state.warning?.message}
			onAnswer={(value) => dispatch({type: 'answer', value})}
		/>
	);
}

/** What `check` would say, drift from the repo's dependencies included, errors first. */
function reviewFindings(
	answers: DraftAnswers,
	today: string,
	detections: readonly Detection[] | undefined,
): Finding[] {
	const all = [
		...checkAnswers(answers, {today}),
		...(detections ? driftFindings(answers, detections) : []),
	];
	return [
		...all.filter((finding) => finding.severity === 'error'),
		...all.filter((finding) => finding.severity === 'warning'),
	];
}

/** "Purposes › Billing" — which record the questions are about. */
function recordTrail(state: WizardState): string | undefined {
	const parts: string[] = [];
	for (const [index, frame] of state.stack.entries()) {
		const next = state.stack[index + 1];
		if (frame.kind !== 'list' || next === undefined || next.kind === 'list') continue;
		const below = currentQuestion({...state, stack: state.stack.slice(0, index)});
		const recordPath = next.kind === 'record' ? next.path : next.recordPath;
		const recordIndex = recordPath.at(-1);
		const entry = getAt(state.answers, recordPath) as Record<string, unknown> | undefined;
		if (below && typeof recordIndex === 'number')
			parts.push(recordLabel(below.question, entry ?? {}, state.answers, recordIndex));
	}

	return parts.length > 0 ? parts.join(' › ') : undefined;
}
