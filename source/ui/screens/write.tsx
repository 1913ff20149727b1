import path from 'node:path';
import {Box} from 'ink';
import {Text} from '../palette.js';
import {useEffect, useReducer} from 'react';
import type {DraftAnswers} from '../../core/answers/types.js';
import {
	defaultFileName,
	documentLabel,
	documentTargets,
	draft,
	formatOfPath,
	formatsOf,
	render,
	type DocumentKind,
} from '../../core/drafting/documents.js';
import {
	addRevision,
	changedSections,
	defaultRevisionSummary,
	lineDiff,
	recipientChanges,
} from '../../core/drafting/revision.js';
import {renderDocument, type DocumentModel} from '../../core/drafting/model.js';
import type {ExistingDocument, WriteOutcome} from '../../storage/documents.js';
import {TextInput} from '../inputs/text-input.js';
import type {WizardIo} from '../io.js';
import {finish, type Finish} from '../../core/questionnaire/next-steps.js';
import {ErrorLine, Header, Keys, Screen} from '../layout.js';
import {NextSteps} from './next-steps.js';
import {useKeys} from '../key-router.js';

export type Target = {
	kind: DocumentKind;
	relative: string;
	file: string;
	/** What the file gets: the document in the format its extension asks for. */
	text: string;
	/** The same document as Markdown, for the preview. */
	markdown: string;
	existing: ExistingDocument;
};

type Phase =
	| {name: 'loading'}
	| {name: 'incomplete'; count: number}
	| {name: 'revision'; titles: string[]; initial: string}
	| {name: 'confirm'}
	| {name: 'writing'}
	| {name: 'written'; outcomes: Array<{target: Target; outcome: WriteOutcome | 'skipped'}>}
	| {name: 'failed'; message: string};

type State = {phase: Phase; targets: Target[]; overwrite: boolean; revisionAsked: boolean};
type Action =
	| {type: 'planned'; targets: Target[]; revision?: {titles: string[]; initial: string}}
	| {type: 'incomplete'; count: number}
	| {type: 'revised'}
	| {type: 'overwrite'}
	| {type: 'writing'}
	| {type: 'written'; outcomes: Array<{target: Target; outcome: WriteOutcome | 'skipped'}>}
	| {type: 'failed'; message: string};

function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'planned': {
			if (action.revision && !state.revisionAsked) {
				return {...state, targets: action.targets, phase: {name: 'revision', ...action.revision}};
			}

			return {...state, targets: action.targets, phase: {name: 'confirm'}};
		}

		case 'incomplete': {
			return {...state, phase: {name: 'incomplete', count: action.count}};
		}

		case 'revised': {
			return {...state, revisionAsked: true, phase: {name: 'loading'}};
		}

		case 'overwrite': {
			return {...state, overwrite: !state.overwrite};
		}

		case 'writing': {
			return {...state, phase: {name: 'writing'}};
		}

		case 'written': {
			return {...state, phase: {name: 'written', outcomes: action.outcomes}};
		}

		case 'failed': {
			return {...state, phase: {name: 'failed', message: action.message}};
		}
	}
}

/** What the answers would write, and what is on disk now. */
export async function planTargets(
	answers: DraftAnswers,
	io: WizardIo,
): Promise<Target[] | {incomplete: number}> {
	const targets: Target[] = [];
	for (const {kind, path: named} of documentTargets(answers)) {
		const relative = named ?? (kind === 'policy' ? defaultFileName(kind) : undefined);
		if (!relative) continue;
		const result = draft(answers, kind, io.hash);
		if (!result.ok) return {incomplete: 'gaps' in result ? result.gaps.length : 0};
		const file = path.resolve(io.root, relative);
		// The file's extension decides its format, as with `generate --out`.
		const format = formatOfPath(relative);
		targets.push({
			kind,
			relative,
			file,
			text: formatsOf(kind).includes(format)
				? render(result.model, format, io.hash)
				: result.markdown,
			markdown: result.markdown,
			existing: await io.inspect(file),
		});
	}

	return targets;
}

function body(text: string): string {
	return text.replace(/\n<!-- privacy-wizard: [^\n]*-->\n?$/, '\n');
}

/**
The sections a regenerated policy changes, when it replaces one privacy-wizard wrote. Sections are
compared in Markdown: a policy written as JSON is read back as its model; one written as HTML
is compared whole (`[]`: it changes, in sections the page does not tell).
*/
export function revisionNeeded(targets: Target[]): string[] | undefined {
	const policy = targets.find((target) => target.kind === 'policy');
	if (policy?.existing.kind !== 'unedited' || policy.existing.text === policy.text)
		return undefined;
	const {format} = policy.existing;
	const before =
		format === 'markdown'
			? policy.existing.body
			: format === 'json'
				? body(renderDocument(JSON.parse(policy.existing.body) as DocumentModel))
				: undefined;
	if (before === undefined) return [];
	const titles = changedSections(before, body(policy.markdown));
	return titles.length > 0 ? titles : undefined;
}

/**
The answers with a revision entry dated `today`, recording the recipients added and removed since
`baseline` (the answers the wizard started from).
*/
export function withRevision(
	answers: DraftAnswers,
	baseline: DraftAnswers,
	today: string,
	summary: string,
): DraftAnswers {
	return addRevision(answers, today, summary, recipientChanges(baseline, answers));
}

function DiffPreview({target, width}: {target: Target; width: number}) {
	const existing = target.existing;
	if (existing.kind === 'absent') {
		return <Text dimColor> new file, {target.text.split('\n').length} lines</Text>;
	}

	if (existing.text === target.text) {
		return <Text dimColor> unchanged</Text>;
	}

	const before = existing.kind === 'unedited' ? existing.body : existing.text;
	const changes = lineDiff(before, body(target.text)).filter((line) => line.kind !== 'same');
	const added = changes.filter((line) => line.kind === 'added').length;
	return (
		<Box flexDirection="column">
			<Text dimColor>
				{'  '}
				{added} lines added, {changes.length - added} removed
				{existing.kind === 'edited'
					? ' · edited by hand since it was generated'
					: existing.kind === 'no-marker'
						? ' · not written by privacy-wizard'
						: ''}
			</Text>
			{changes.slice(0, 8).map((line, index) => (
				<Text
					key={`${index}-${line.text}`}
					color={line.kind === 'added' ? 'green' : 'red'}
					wrap="truncate-end"
				>
					{'  '}
					{line.kind === 'added' ? '+ ' : '- '}
					{[...line.text].slice(0, Math.max(10, width - 6)).join('')}
				</Text>
			))}
			{changes.length > 8 ? (
				<Text dimColor> … and {changes.length - 8} more changed lines</Text>
			) : null}
		</Box>
	);
}

/** What was written, where the answers are, and the next steps. */
export function summaryOf(
	outcomes: Array<{target: Target; outcome: WriteOutcome | 'skipped'}>,
	io: WizardIo,
): Finish {
	return finish({
		answersFile: io.saves ? io.file : undefined,
		command: io.command,
		written: outcomes.map(({target, outcome}) => ({path: io.shown(target.file), outcome})),
	});
}

export type WriteScreenProps = {
	answers: DraftAnswers;
	/** The answers the wizard started from: a revision records the recipients added and removed since. */
	baseline?: DraftAnswers;
	io: WizardIo;
	today: string;
	width: number;
	force: boolean;
	onAnswers: (answers: DraftAnswers) => void;
	onReview: () => void;
	/** Preview the documents, starting at one (the preview switches between them). */
	onPreview: (targets: Target[], index: number) => void;
	onFinish: (targets: Target[], summary: Finish) => void;
};

/** Where the documents go, what changes, a revision entry when they change, then the write. */
export function WriteScreen({
	answers,
	baseline = answers,
	io,
	today,
	width,
	force,
	onAnswers,
	onReview,
	onPreview,
	onFinish,
}: WriteScreenProps) {
	const [state, dispatch] = useReducer(reducer, {
		phase: {name: 'loading'},
		targets: [],
		overwrite: force,
		revisionAsked: false,
	});
	useEffect(() => {
		if (state.phase.name !== 'loading') return;
		let cancelled = false;
		void planTargets(answers, io).then(
			(planned) => {
				if (cancelled) return;
				if (!Array.isArray(planned)) {
					dispatch({type: 'incomplete', count: planned.incomplete});
					return;
				}

				const titles = revisionNeeded(planned);
				const existing = (
					(answers['document'] as {revisions?: Array<{date: string; summary: string}>})
						?.revisions ?? []
				).find((revision) => revision.date === today);
				dispatch({
					type: 'planned',
					targets: planned,
					revision: titles
						? {titles, initial: existing?.summary ?? defaultRevisionSummary(titles)}
						: undefined,
				});
			},
			(error: Error) => !cancelled && dispatch({type: 'failed', message: error.message}),
		);
		return () => {
			cancelled = true;
		};
	}, [answers, state.phase.name]);
	const blocked = state.targets.filter(
		(target) =>
			(target.existing.kind === 'edited' || target.existing.kind === 'no-marker') &&
			target.existing.text !== target.text,
	);
	useKeys((input, key) => {
		const phase = state.phase.name;
		if (phase === 'confirm') {
			if (key.return) {
				dispatch({type: 'writing'});
				void (async () => {
					const outcomes: Array<{target: Target; outcome: WriteOutcome | 'skipped'}> = [];
					try {
						for (const target of state.targets) {
							const skip = blocked.includes(target) && !state.overwrite;
							outcomes.push({
								target,
								outcome: skip
									? 'skipped'
									: await io.write(target.file, target.text, state.overwrite),
							});
						}

						dispatch({type: 'written', outcomes});
					} catch (error) {
						dispatch({type: 'failed', message: (error as Error).message});
					}
				})();
			} else if (input === 'o' && blocked.length > 0) dispatch({type: 'overwrite'});
			else if (key.escape) onReview();
		} else if (phase === 'written') {
			if (input === 'p' && state.targets.length > 0) onPreview(state.targets, 0);
			else if (key.return || input === 'q')
				onFinish(state.targets, summaryOf(state.phase.outcomes, io));
		} else if ((phase === 'incomplete' || phase === 'failed') && (key.return || key.escape))
			onReview();
	});
	const phase = state.phase;
	return (
		<Screen
			header={<Header title="Write the documents" position={`into ${io.root}`} />}
			footer={
				<>
					{phase.name === 'confirm' ? (
						<>
							{blocked.length > 0 ? (
								<Text color="yellow">
									{blocked.map((target) => target.relative).join(', ')}{' '}
									{blocked.length === 1 ? 'was' : 'were'} changed by hand or not written by
									privacy-wizard:{' '}
									{state.overwrite
										? 'it will be overwritten (your edits are lost).'
										: 'it will be skipped. Press o to overwrite it.'}
								</Text>
							) : null}
							<Keys
								hints={[
									['Enter', 'write'],
									...(blocked.length > 0
										? ([['o', state.overwrite ? 'keep hand edits' : 'overwrite']] as Array<
												[string, string]
											>)
										: []),
									['Esc', 'back'],
									['^C', 'quit (saved)'],
								]}
							/>
						</>
					) : null}
					{phase.name === 'written' ? (
						<Keys
							hints={[
								['p', state.targets.length > 1 ? 'preview (←→ switch document)' : 'preview'],
								['Enter', 'finish'],
							]}
						/>
					) : null}
				</>
			}
		>
			{phase.name === 'loading' || phase.name === 'writing' ? (
				<Text dimColor>{phase.name === 'loading' ? 'Drafting…' : 'Writing…'}</Text>
			) : null}
			{phase.name === 'incomplete' ? (
				<Box flexDirection="column">
					<ErrorLine
						message={`The answers are not complete yet (${phase.count} gaps), so nothing can be drafted without placeholders.`}
					/>
					<Keys hints={[['Enter', 'review the gaps']]} />
				</Box>
			) : null}
			{phase.name === 'failed' ? (
				<Box flexDirection="column">
					<ErrorLine message={phase.message} />
					<Keys hints={[['Enter', 'back to review']]} />
				</Box>
			) : null}
			{phase.name === 'revision' ? (
				<Box flexDirection="column">
					<Text>
						{phase.titles.length > 0 ? (
							<>
								The policy changes in: <Text bold>{phase.titles.join(', ')}</Text>.
							</>
						) : (
							'The policy changes.'
						)}
					</Text>
					<Text>
						A revision entry dated {today} records what changed (GDPR Art. 13(3)). Edit it if you
						like:
					</Text>
					<TextInput
						initial={phase.initial}
						onSubmit={(summary) => {
							const text = summary.trim() === '' ? phase.initial : summary.trim();
							onAnswers(withRevision(answers, baseline, today, text));
							dispatch({type: 'revised'});
						}}
					/>
					<Keys
						hints={[
							['Enter', 'confirm'],
							['^U', 'clear'],
							['^C', 'quit (saved)'],
						]}
					/>
				</Box>
			) : null}
			{phase.name === 'confirm' ? (
				<Box flexDirection="column">
					{state.targets.map((target) => (
						<Box key={target.kind} flexDirection="column" marginBottom={1}>
							<Text bold>
								{target.relative} <Text dimColor>({documentLabel(target.kind)})</Text>
							</Text>
							<DiffPreview target={target} width={width} />
						</Box>
					))}
				</Box>
			) : null}
			{phase.name === 'written' ? (
				<Box flexDirection="column">
					<NextSteps finish={summaryOf(phase.outcomes, io)} />
				</Box>
			) : null}
		</Screen>
	);
}
