import {promises as fs} from 'node:fs';
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
import {readAnswers, resolveSource} from '../storage/answers-store.js';
import {exists} from '../storage/files.js';
import {UsageError} from '../errors.js';
import {App, type AppResult} from './app.js';
import {CatalogPicker} from './catalog-picker.js';
import {recipientFromService} from '../core/catalog/catalog.js';
import type {Detection} from '../core/catalog/detect.js';
import {scanRepo} from '../repo/scan.js';
import {makeIo} from './io.js';
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
		return JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as Record<
			string,
			unknown
		>;
	} catch {
		return undefined;
	}
}

/** What the repo already tells: each shown on the welcome screen for a yes or no. */
export async function readRepoSuggestions(root: string): Promise<RepoSuggestion[]> {
	const manifest = await readPackage(root);
	const [gitEmail, gitRemote] = await Promise.all([gitUserEmail(root), gitRemoteUrl(root)]);
	return repoSuggestions({manifest, gitEmail, gitRemote});
}

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

export async function runWizard(parsed: Parsed): Promise<number> {
	const {values} = parsed;
	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	// `--answers new.json`: a file that does not exist yet is started here, as the saved one is.
	const starting = source.kind === 'file' && !(await exists(source.path));
	if (starting && !(await exists(path.dirname(source.path)))) {
		throw new UsageError(
			`Cannot start ${source.path}: the folder ${path.dirname(source.path)} does not exist.\nCreate it first, or choose another path.`,
		);
	}

	const saved = starting ? undefined : await readAnswers(source);
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
	// What the repo tells (package.json, git, dependencies) is read while the first frame shows.
	const repo = Promise.all([
		firstRun ? readRepoSuggestions(root) : Promise.resolve([]),
		detectedServices(root, answers),
	]);
	const plain = values['plain'] === true || process.env['TERM'] === 'dumb';
	if (plain) {
		const [suggestions, detected] = await repo;
		const {runPlain} = await import('./plain.js');
		return runPlain({
			source,
			root,
			answers,
			firstRun,
			context,
			suggestions,
			detected: detected.suggestions,
			force: values['force'] === true,
		});
	}

	const stream = uiStream();
	const io = makeIo(source, root, () => stream.columns ?? 80);
	// Colour as NO_COLOR / FORCE_COLOR say, for the stream the UI draws on (chalk alone would
	// look at stdout and ignore NO_COLOR).
	const style = terminalStyle(stream);
	chalk.level = style.level;
	// Pasted text comes marked, so a pasted line break is never taken for Enter.
	const endPaste = bracketedPaste(stream);
	// Raw mode from the start: keys typed while the first frame paints are not echoed or held
	// back by the terminal's line editing. Ink manages it from here and restores it on exit.
	process.stdin.setRawMode?.(true);
	// One initial state for every render: the repo's suggestions arrive as a re-render.
	const initial = initialState(answers, context, firstRun);
	const result = await new Promise<AppResult>((settle) => {
		let finished = false;
		const resolve = (outcome: AppResult): void => {
			finished = true;
			settle(outcome);
		};

		const app = (found?: Awaited<typeof repo>) => (
			<ColorProvider color={style.color}>
				<App
					initial={initial}
					io={io}
					force={values['force'] === true}
					repoLoading={found === undefined}
					repoSuggestions={found?.[0] ?? []}
					detected={found?.[1].names ?? []}
					listSuggestions={{recipients: found?.[1].suggestions ?? []}}
					detections={found?.[1].detections}
					renderCatalog={({answers: current, onPick, onCancel}) => (
						<CatalogPicker
							onPick={(service) =>
								onPick(recipientFromService(service, current) as Record<string, unknown>)
							}
							onCustom={() => onPick({})}
							onCancel={onCancel}
						/>
					)}
					onExit={resolve}
				/>
			</ColorProvider>
		);
		const instance = render(app(), {
			stdout: stream,
			stdin: process.stdin,
			exitOnCtrlC: false,
			patchConsole: false,
		});
		// The repo is read while the first screen shows. Stopped before it was read, the wizard
		// must not draw again: a late re-render would take the terminal back and never exit.
		void repo.then((found) => {
			if (!finished) instance.rerender(app(found));
		});
		// Outside raw mode (while loading), Ctrl-C arrives as a signal: save state is already on disk.
		process.once('SIGINT', () => {
			instance.unmount();
			resolve({code: 130, written: []});
		});
	});
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
the documents, with ←/→ to the others.
*/
export async function runPreview(
	documents: Array<{title: string; markdown: string}>,
): Promise<number> {
	const stream = process.stdout;
	const style = terminalStyle(stream);
	chalk.level = style.level;
	const options = {width: (stream.columns ?? 80) - 1, color: colorEnabled(stream)};
	const texts = await Promise.all(
		documents.map(async (document) =>
			(await renderMarkdown(document.markdown, options)).split('\n'),
		),
	);
	await new Promise<void>((resolve) => {
		const instance = render(
			<ColorProvider color={style.color}>
				<KeyRoot>
					<PreviewPages
						titles={documents.map((document) => document.title)}
						pages={texts}
						height={stream.rows ?? 24}
						onClose={() => instance.unmount()}
					/>
				</KeyRoot>
			</ColorProvider>,
			{
				stdout: stream,
				stdin: process.stdin,
				exitOnCtrlC: true,
				patchConsole: false,
			},
		);
		void instance.waitUntilExit().then(() => resolve());
	});
	return 0;
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
