import process from 'node:process';
import pkg from '../package.json' with {type: 'json'};
import {parseCommandLine, type CommandName, type Parsed} from './cli/args.js';
import {exitCodes} from './errors.js';
import {installSignalHandlers} from './cli/signals.js';
import {terminalSafe} from './cli/terminal-text.js';

/** argv → command → exit code. Commands load only once chosen, to keep start-up cheap. */
const commands = async () => import('./commands/index.js');
const catalog = async () => import('./commands/catalog.js');
const history = async () => import('./commands/history.js');
const handlers: Record<CommandName, (parsed: Parsed) => Promise<number>> = {
	wizard: async (parsed) => (await commands()).wizard(parsed),
	generate: async (parsed) => (await commands()).generate(parsed),
	check: async (parsed) => (await commands()).check(parsed),
	preview: async (parsed) => (await commands()).preview(parsed),
	answers: async (parsed) => (await commands()).answersCommand(parsed),
	processors: async (parsed) => (await catalog()).processors(parsed),
	scan: async (parsed) => (await catalog()).scan(parsed),
	diff: async (parsed) => (await history()).diff(parsed),
	init: async (parsed) => (await history()).init(parsed),
};

/** Messages quote file contents, paths and answers: made inert for the terminal. */
function fail(message: string, code: number): number {
	process.stderr.write(`${terminalSafe(message.trimEnd())}\n`);
	return code;
}

export async function main(argv: string[]): Promise<number> {
	try {
		const parsed = parseCommandLine(argv);
		if (parsed.values['version'] === true) {
			process.stdout.write(`${pkg.version}\n`);
			return exitCodes.ok;
		}

		if (parsed.values['help'] === true) {
			process.stdout.write(await (await commands()).help(parsed.command));
			return exitCodes.ok;
		}

		return await handlers[parsed.command](parsed);
	} catch (error) {
		// By name, not class: lazily loaded modules carry their own copy of these classes.
		const {name, message} = (error ?? {}) as Partial<Error>;
		if (name === 'UsageError') {
			return fail(`privacy-wizard: ${message}`, exitCodes.usage);
		}

		if (name === 'OperationError') {
			return fail(`privacy-wizard: ${message}`, exitCodes.failed);
		}

		if (name === 'Interrupted') {
			return fail(message ?? 'Interrupted.', exitCodes.interrupted);
		}

		const detail = process.env['PRIVACY_WIZARD_DEBUG'] ? `\n${(error as Error).stack ?? ''}` : '';
		return fail(
			`privacy-wizard: unexpected error: ${(error as Error).message ?? String(error)}\nNothing was overwritten. Please report this with the command you ran (set PRIVACY_WIZARD_DEBUG=1 for details).${detail}`,
			exitCodes.failed,
		);
	}
}

// Ctrl-C and kill: terminal restored, exit 130, whatever is running (see cli/signals.ts).
installSignalHandlers();

// A closed pipe (`generate | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(exitCodes.ok);
	}
});

void main(process.argv.slice(2)).then((code) => {
	process.exitCode = code;
});
