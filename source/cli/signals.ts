import process from 'node:process';

/**
SIGINT (Ctrl-C while the terminal is not in raw mode, or `kill -INT`), SIGTERM and SIGHUP all end
privacy-wizard the same way: what the screen on display registered runs first (let the last
save finish, unmount, say what was kept), then the terminal is put back (cooked mode with echo,
the cursor shown) and the process exits with 130. Without the handlers, a signal kills Node
before it can restore the terminal, leaving a shell without echo.
*/

type Stop = () => Promise<void>;
type Shared = {stop?: Stop; stopping: boolean};

// Shared through a global: the entry point installs the handlers, a screen in another bundle
// registers what to do.
const key = Symbol.for('privacy-wizard.on-signal');
const shared = (): Shared =>
	((globalThis as unknown as Record<symbol, Shared>)[key] ??= {stopping: false});

/** Longest wait for a screen to stop (a save on a slow disk) before leaving anyway. */
const graceMs = 3000;

/** The terminal as privacy-wizard found it: cooked mode with echo, the cursor shown. */
export function restoreTerminal(): void {
	try {
		// Only ever reached on the way out: reading process.stdin here costs nothing that matters.
		const {stdin} = process;
		if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
	} catch {
		// The terminal is gone (SIGHUP): nothing to restore.
	}

	for (const stream of [process.stdout, process.stderr]) {
		try {
			if (stream.isTTY) stream.write('\u001B[?25h');
		} catch {
			// As above.
		}
	}
}

function leave(): never {
	restoreTerminal();
	process.exit(130);
}

/** Installed once, by the entry point, before any command runs. */
export function installSignalHandlers(): void {
	const handler = (): void => {
		const state = shared();
		// Nothing on screen yet, or a second signal while stopping: leave now.
		if (!state.stop || state.stopping) leave();
		state.stopping = true;
		setTimeout(leave, graceMs).unref();
		void state
			.stop()
			.catch(() => undefined)
			.finally(leave);
	};

	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, handler);
}

/** While a screen is on display: what a signal does before the exit. Returns its removal. */
export function onSignal(stop: Stop): () => void {
	shared().stop = stop;
	return () => {
		if (shared().stop === stop) shared().stop = undefined;
	};
}
