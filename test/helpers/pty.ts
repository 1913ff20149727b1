import {spawn, type IPty} from 'node-pty';

// eslint-disable-next-line no-control-regex
const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g;

export type Terminal = {
	/** Everything printed so far, without escape sequences. */
	text: () => string;
	/** Everything printed so far, byte for byte (escape sequences included). */
	raw: () => string;
	/** Wait until `pattern` appears in what was printed after the last `mark()`. */
	waitFor: (pattern: string | RegExp, timeoutMs?: number) => Promise<string>;
	mark: () => void;
	write: (keys: string) => void;
	/** Type text and press Enter, then wait for the next screen to show `next`. */
	answer: (text: string, next: string | RegExp) => Promise<void>;
	exit: Promise<{exitCode: number; signal?: number}>;
	kill: () => void;
	/** The process started in the terminal. */
	pid: number;
};

export const keys = {
	enter: '\r',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	space: ' ',
	ctrlC: '\u0003',
	ctrlO: '\u000F',
	ctrlR: '\u0012',
	backspace: '\u007F',
};

/** Run a command in a real pseudo-terminal, as a person would see it. */
export function runInTerminal(
	file: string,
	args: string[],
	/** `env` entries set to undefined, and the names in `unset`, are removed from the environment. */
	options: {
		cwd: string;
		env?: Record<string, string | undefined>;
		/** Variables to leave out of the environment (FORCE_COLOR, to see NO_COLOR alone). */
		unset?: string[];
		columns?: number;
		rows?: number;
	},
): Terminal {
	const env: Record<string, string | undefined> = {
		...process.env,
		CI: 'false',
		FORCE_COLOR: '0',
		NO_COLOR: '1',
		...options.env,
	};
	for (const name of options.unset ?? []) delete env[name];
	const pty: IPty = spawn(file, args, {
		name: options.env?.['TERM'] ?? 'xterm-256color',
		cols: options.columns ?? 100,
		rows: options.rows ?? 40,
		cwd: options.cwd,
		env: Object.fromEntries(
			Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
		),
	});
	let output = '';
	let markAt = 0;
	const listeners = new Set<() => void>();
	pty.onData((data) => {
		output += data;
		for (const listener of listeners) listener();
	});
	const exit = new Promise<{exitCode: number; signal?: number}>((resolve) => {
		pty.onExit((event) => {
			for (const listener of listeners) listener();
			resolve(event);
		});
	});
	const plain = (from = 0): string => output.slice(from).replace(ansi, '');
	const terminal: Terminal = {
		text: () => plain(),
		raw: () => output,
		mark: () => {
			markAt = output.length;
		},
		waitFor: async (pattern, timeoutMs = 10_000) =>
			new Promise((resolve, reject) => {
				const test = (): boolean => {
					const seen = plain(markAt);
					const found = typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen);
					if (found) {
						listeners.delete(test);
						clearTimeout(timer);
						resolve(seen);
					}

					return found;
				};

				const timer = setTimeout(() => {
					listeners.delete(test);
					reject(
						new Error(
							`Timed out waiting for ${String(pattern)}. Last screen:\n${plain(markAt).slice(-2000)}`,
						),
					);
				}, timeoutMs);
				listeners.add(test);
				test();
			}),
		write: (data) => {
			pty.write(data);
		},
		answer: async (text, next) => {
			terminal.mark();
			if (text !== '') {
				// Let the typed text show before Enter, as it does for a person.
				pty.write(text);
				await terminal.waitFor([...text].slice(-12).join(''));
				terminal.mark();
			}

			pty.write(keys.enter);
			await terminal.waitFor(next);
		},
		exit,
		kill: () => {
			pty.kill();
		},
		pid: pty.pid,
	};
	return terminal;
}
