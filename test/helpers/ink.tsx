import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {KeyRoot} from '../../source/ui/key-router.js';

/** What a terminal sends for each key. */
export const keys = {
	enter: '\r',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	backspace: '\u007F',
	space: ' ',
	ctrlC: '\u0003',
	ctrlO: '\u000F',
	ctrlR: '\u0012',
	ctrlU: '\u0015',
	ctrlA: '\u0001',
} as const;

export type RenderOptions = {
	/** Terminal width; ink-testing-library's own stdout is always 100 columns. */
	columns?: number;
	rows?: number;
	/** Unmount when the test ends (pass ava's `t`). */
	t?: {teardown: (fn: () => void) => void};
	/** Render as is, without wrapping in `<KeyRoot>` (the App brings its own). */
	bare?: boolean;
};

export type View = {
	rerender: (tree: ReactElement) => void;
	unmount: () => void;
	stdin: {write: (data: string) => void};
	stdout: {columns?: number; rows?: number};
	frames: string[];
	lastFrame: () => string | undefined;
	/** The last frame, or '' before the first. */
	frame: () => string;
	press: (input: string) => void;
	/** Send a key whose effect is not visible (a cursor move without colour): wait for its frame. */
	pressAndRender: (input: string, timeoutMs?: number) => Promise<void>;
	/** Change the terminal size and send `resize`, as a terminal does. */
	resize: (columns: number, rows?: number) => void;
	waitForFrame: (match: FrameMatch, timeoutMs?: number) => Promise<string>;
	pressWhen: (match: FrameMatch, input: string, timeoutMs?: number) => Promise<void>;
};

/** A stdout like ink-testing-library's, with a size of our choosing. */
class SizedStdout extends EventEmitter {
	frames: string[] = [];
	private last: string | undefined;

	columns: number;
	rows: number;

	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write = (frame: string): boolean => {
		this.frames.push(frame);
		this.last = frame;
		return true;
	};

	lastFrame = (): string | undefined => this.last;

	/** Change the size as a terminal would, with a `resize` event. */
	resize(columns: number, rows = this.rows): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

function renderSized(tree: ReactElement, columns: number, rows: number) {
	const stdout = new SizedStdout(columns, rows);
	const stderr = new SizedStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		rerender: instance.rerender,
		unmount: instance.unmount,
		cleanup: instance.cleanup,
		stdout,
		stderr,
		stdin,
		frames: stdout.frames,
		lastFrame: stdout.lastFrame,
	};
}

/** Poll every few milliseconds until `check` holds; never a fixed sleep. */
export async function waitUntil(
	check: () => boolean,
	what: string,
	timeoutMs = 5000,
	describe: () => string = () => '',
): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeoutMs) {
			const detail = describe();
			throw new Error(
				`Timed out after ${timeoutMs} ms waiting for ${what}${detail ? `:\n${detail}` : ''}`,
			);
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 5);
		});
	}
}

/**
Let React run the effects of the last commit. Components that listen with Ink's own `useInput`
(the catalog picker) subscribe in an effect, which runs after their first frame is painted: a key
sent before that is lost. A few turns of the event loop, not a timed sleep.
*/
export async function settle(turns = 3): Promise<void> {
	for (let turn = 0; turn < turns; turn++) {
		await new Promise((resolve) => {
			setImmediate(resolve);
		});
	}
}

export type FrameMatch = string | RegExp | ((frame: string) => boolean);

function matches(frame: string, match: FrameMatch): boolean {
	if (typeof match === 'string') return frame.includes(match);
	if (match instanceof RegExp) return match.test(frame);
	return match(frame);
}

function describeMatch(match: FrameMatch): string {
	return typeof match === 'function'
		? 'a frame matching the predicate'
		: `a frame with ${String(match)}`;
}

/**
Render inside `<KeyRoot>` (every `useKeys` needs one) and return ink-testing-library's result,
plus `press` to type and `waitForFrame` to wait until the screen shows what is expected.
*/
export function renderWithKeys(element: ReactElement, options: RenderOptions = {}): View {
	const tree = options.bare ? element : <KeyRoot>{element}</KeyRoot>;
	const view =
		options.columns === undefined && options.rows === undefined
			? render(tree)
			: renderSized(tree, options.columns ?? 100, options.rows ?? 24);
	options.t?.teardown(() => {
		view.unmount();
	});
	const frame = (): string => view.lastFrame() ?? '';

	/** Send one chunk, as a terminal would for one key press (or a paste). */
	const press = (input: string): void => {
		view.stdin.write(input);
	};

	const waitForFrame = async (match: FrameMatch, timeoutMs = 5000): Promise<string> => {
		await waitUntil(
			() => matches(frame(), match),
			describeMatch(match),
			timeoutMs,
			() => `last frame:\n${frame()}`,
		);
		return frame();
	};

	/** Wait for the frame, then send the key: a key never reaches a screen not yet drawn. */
	const pressWhen = async (match: FrameMatch, input: string, timeoutMs?: number): Promise<void> => {
		await waitForFrame(match, timeoutMs);
		press(input);
	};

	return {
		rerender: (next) => {
			view.rerender(options.bare ? next : <KeyRoot>{next}</KeyRoot>);
		},
		unmount: view.unmount,
		stdin: view.stdin,
		stdout: view.stdout,
		frames: view.frames,
		lastFrame: view.lastFrame,
		frame,
		press,
		async pressAndRender(input, timeoutMs = 5000) {
			const before = view.frames.length;
			press(input);
			await waitUntil(() => view.frames.length > before, 'a new frame', timeoutMs);
		},
		resize(columns, rows) {
			const {stdout} = view;
			if (stdout instanceof SizedStdout) {
				stdout.resize(columns, rows);
				return;
			}

			Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
			if (rows !== undefined)
				Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
			stdout.emit('resize');
		},
		waitForFrame,
		pressWhen,
	};
}

/** The highlighted row of a list (the one after "❯ "). */
export function highlighted(frame: string): string {
	return (
		frame
			.split('\n')
			.find((line) => line.startsWith('❯ '))
			?.slice(2)
			.trim() ?? ''
	);
}
