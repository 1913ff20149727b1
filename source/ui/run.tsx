import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import chalk from 'chalk';
import {render} from 'ink';
import {useState} from 'react';
import type {Parsed} from '../cli/args.js';
import {colorEnabled} from '../cli/style.js';
import {currentSchemaVersion, type DraftAnswers} from '../core/answers/types.js';
import {questionnaire} from '../core/questionnaire/questionnaire.js';
import type {Context} from '../core/questionnaire/types.js';
import {repoSuggestions, type RepoSuggestion} from '../core/questionnaire/suggestions.js';
import {hasAnswers, initialState} from '../core/questionnaire/wizard.js';
import {renderMarkdown} from '../preview/render.js';
import {gitRemoteUrl, gitUserEmail} from '../repo/git.js';
import {repoRoot} from '../repo/root.js';
import {openAnswers, resolveSource, type AnswersSession} from '../storage/answers-store.js';
import {exists} from '../storage/files.js';
import {UsageError} from '../errors.js';
import {App, type AppResult} from './app.js';
import {CatalogPicker} from './catalog-picker.js';
import {recipientFromService} from '../core/catalog/catalog.js';
import type {Detection} from '../core/catalog/detect.js';
import {scanRepo} from '../repo/scan.js';
import {makeIo, stoppedMessage} from './io.js';
import {onSignal} from '../cli/signals.js';
import {bracketedPaste, KeyRoot} from './key-router.js';
import {ColorProvider, terminalStyle} from './palette.js';
import {Pager} from './screens/pager.js';
import type {Suggestion} from './screens/list.js';

export function today(): string {
	return new Date().toISOString().slice(0, 10);
}

/** The interactive UI draws on stdout when it is a terminal, else on stderr (`> PRIVACY.md`). */
export function uiStream(): NodeJS.WriteStream {
	return process.stdout.isTTY ? process.stdout : process.stderr;
}

async function readPackage(root: string): Promise<Record<string, unknown> | undefined> {
	try {
		return JSON.parse(
			await nodeFs.promises.readFile(path.join(root, 'package.json'), 'utf8'),
		) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}

/** git's answers about a repository, asked early (before the UI loads) by the wizard command. */
export type GitAnswers = {
	root: string;
	email: Promise<string | undefined>;
	remote: Promise<string | undefined>;
};

/** What the repo already tells: each shown on the welcome screen for a yes or no. */
export async function readRepoSuggestions(
	root: string,
	git?: GitAnswers,
): Promise<RepoSuggestion[]> {
	const asked = git?.root === root ? git : undefined;
	const [manifest, gitEmail, gitRemote] = await Promise.all([
		readPackage(root),
		asked?.email ?? gitUserEmail(root),
		asked?.remote ?? gitRemoteUrl(root),
	]);
	return repoSuggestions({manifest, gitEmail, gitRemote});
}

type Detected = Awaited<ReturnType<typeof detectedServices>>;

/** Services the dependencies reveal, as ready-made recipient records. */
async function detectedServices(
	root: string,
	answers: DraftAnswers,
): Promise<{names: string[]; suggestions: Suggestion[]; detections?: Detection[]}> {
	try {
		const {detections} = await scanRepo(root);
		return {
			detections,
			names: detections.map((detection) => detection.service.name),
			suggestions: detections.map((detection) => ({
				label: detection.service.name,
				detail: `found: ${detection.evidence[0] ?? detection.service.category}`,
				record: recipientFromService(detection.service, answers) as Record<string, unknown>,
			})),
		};
	} catch {
		// Suggestions are a convenience: a repo that cannot be scanned simply offers none.
		return {names: [], suggestions: []};
	}
}

export async function runWizard(parsed: Parsed, git?: GitAnswers): Promise<number> {
	const {values} = parsed;
	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	// `--answers new.json`: a file that does not exist yet is started here, as the saved one is.
	if (source.kind === 'file' && !(await exists(path.dirname(source.path)))) {
		throw new UsageError(
			`Cannot start ${source.path}: the folder ${path.dirname(source.path)} does not exist.\nCreate it first, or choose another path.`,
		);
	}

	// Locked while the wizard runs: a second wizard or an import on the same file is refused.
	const session = await openAnswers(source);
	try {
		return await wizardOn(parsed, source, session, git);
	} finally {
		await session.close();
	}
}

async function wizardOn(
	{values}: Parsed,
	source: Awaited<ReturnType<typeof resolveSource>>,
	session: AnswersSession,
	git?: GitAnswers,
): Promise<number> {
	const saved = session.answers();
	const answers: DraftAnswers = saved ?? {
		schemaVersion: currentSchemaVersion,
		questionnaireVersion: questionnaire.version,
	};
	const root =
		source.kind === 'example'
			? process.cwd()
			: source.kind === 'saved'
				? path.dirname(source.path)
				: ((await repoRoot(path.dirname(source.path))) ?? path.dirname(source.path));
	const firstRun = !hasAnswers(answers);
	const context: Context = {today: today(), suggestions: {}};
	// What the repo tells: package.json and git (asked before the UI loaded), then its dependencies.
	const suggestionsRead = firstRun ? readRepoSuggestions(root, git) : Promise.resolve([]);
	const plain = values['plain'] === true || process.env['TERM'] === 'dumb';
	const stream = uiStream();
	const io = makeIo(source, session, root, () => stream.columns ?? 80, {plain});
	if (plain) {
		// A signal (Ctrl-C between prompts, kill): the last save finishes, then the exit (cli/signals.ts).
		const removeSignal = onSignal(async () => {
			await session.settled();
			process.stderr.write(`\n${stoppedMessage(io)}\n`);
		});
		const [suggestions, detected] = await Promise.all([
			suggestionsRead,
			detectedServices(root, answers),
		]);
		const {runPlain} = await import('./plain.js');
		return runPlain({
			source,
			session,
			root,
			answers,
			firstRun,
			context,
			suggestions,
			detected: detected.suggestions,
			force: values['force'] === true,
		}).finally(removeSignal);
	}

	// Colour as NO_COLOR / FORCE_COLOR say, for the stream the UI draws on (chalk alone would
	// look at stdout and ignore NO_COLOR).
	const style = terminalStyle(stream);
	chalk.level = style.level;
	// Pasted text comes marked, so a pasted line break is never taken for Enter.
	const endPaste = bracketedPaste(stream);
	// Raw mode from the start: keys typed while the first frame paints are not echoed or held
	// back by the terminal's line editing. Ink manages it from here and restores it on exit.
	process.stdin.setRawMode?.(true);
	// Each part shows as soon as it is read. The suggestions, asked first, are usually ready: the
	// first frame then asks the first question (a frame costs tens of milliseconds to draw at
	// start-up). The dependency scan, all CPU once its files are read, starts after that frame.
	const detectedRead = suggestionsRead.then(
		async () =>
			new Promise<Detected>((resolve) => {
				setTimeout(() => {
					resolve(detectedServices(root, answers));
				}, 50);
			}),
	);
	let found: {suggestions?: RepoSuggestion[]; detected?: Detected} = {
		suggestions: await Promise.race([
			suggestionsRead,
			new Promise<undefined>((resolve) => {
				setTimeout(resolve, 100);
			}),
		]),
	};
	// One initial state for every render: what the repo tells arrives as a re-render.
	const initial = initialState(answers, context, firstRun);
	let removeSignal = (): void => undefined;
	const result = await new Promise<AppResult>((resolve) => {
		let ended = false;
		const end = (outcome: AppResult): void => {
			ended = true;
			resolve(outcome);
		};

		const app = () => (
			<ColorProvider color={style.color}>
				<App
					initial={initial}
					io={io}
					force={values['force'] === true}
					repoLoading={found.suggestions === undefined}
					repoSuggestions={found.suggestions ?? []}
					detected={found.detected?.names ?? []}
					listSuggestions={{recipients: found.detected?.suggestions ?? []}}
					detections={found.detected?.detections}
					renderCatalog={({answers: current, onPick, onCancel}) => (
						<CatalogPicker
							onPick={(service) =>
								onPick(recipientFromService(service, current) as Record<string, unknown>)
							}
							onCustom={() => onPick({})}
							onCancel={onCancel}
						/>
					)}
					onExit={end}
				/>
			</ColorProvider>
		);
		const instance = render(app(), {
			stdout: stream,
			stdin: process.stdin,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		// Not once the wizard has ended (Ctrl-C while the repo was still being read): drawing again
		// would bring the unmounted UI back, in raw mode, and keep the process alive.
		void suggestionsRead.then((suggestions) => {
			found = {...found, suggestions};
			if (!ended) instance.rerender(app());
		});
		void detectedRead.then((detected) => {
			found = {...found, detected};
			if (!ended) instance.rerender(app());
		});
		// A signal (kill, or Ctrl-C before raw mode): the last save finishes, the UI goes, then the
		// exit (cli/signals.ts).
		removeSignal = onSignal(async () => {
			ended = true;
			await session.settled();
			instance.unmount();
			stream.write(`${stoppedMessage(io)}\n`);
		});
	});
	removeSignal();
	endPaste();
	process.stdin.setRawMode?.(false);
	if (result.code === 0 && !process.stdout.isTTY) {
		// `npx privacy-wizard > PRIVACY.md`: the UI went to stderr, the policy goes to stdout.
		const policy = result.written.find((target) => target.kind === 'policy');
		if (policy) process.stdout.write(policy.markdown);
	}

	return result.code;
}

/**
Show rendered Markdown in a scrollable view (the `preview` command in a terminal): the first of
the documents, with ←/→ to the others. Ctrl-C or a signal leaves with 130.
*/
export async function runPreview(
	documents: Array<{title: string; markdown: string}>,
): Promise<number> {
	const stream = process.stdout;
	const style = terminalStyle(stream);
	chalk.level = style.level;
	const options = {width: (stream.columns ?? 80) - 1, color: colorEnabled(stream)};
	const pages = await Promise.all(
		documents.map(async (document) =>
			(await renderMarkdown(document.markdown, options)).split('\n'),
		),
	);
	return new Promise<number>((resolve) => {
		let exitCode = 0;
		const instance = render(
			<ColorProvider color={style.color}>
				<KeyRoot
					onKey={(input, key) => {
						// Ctrl-C leaves like q, with the exit code of an interruption.
						if (!(key.ctrl && input === 'c')) return false;
						exitCode = 130;
						instance.unmount();
						return true;
					}}
				>
					<PreviewPages
						titles={documents.map((document) => document.title)}
						pages={pages}
						height={stream.rows ?? 24}
						onClose={() => instance.unmount()}
					/>
				</KeyRoot>
			</ColorProvider>,
			{
				stdout: stream,
				stdin: process.stdin,
				exitOnCtrlC: false,
				patchConsole: false,
			},
		);
		const removeSignal = onSignal(async () => {
			exitCode = 130;
			instance.unmount();
		});
		void instance.waitUntilExit().then(() => {
			removeSignal();
			resolve(exitCode);
		});
	});
}

function PreviewPages({
	titles,
	pages,
	height,
	onClose,
}: {
	titles: string[];
	pages: string[][];
	height: number;
	onClose: () => void;
}) {
	const [index, setIndex] = useState(0);
	return (
		<Pager
			key={index}
			title={titles[index]!}
			lines={pages[index]!}
			height={height}
			switcher={{
				position: index,
				count: pages.length,
				onSwitch: (delta) => setIndex((index + delta + pages.length) % pages.length),
			}}
			onClose={onClose}
		/>
	);
}
