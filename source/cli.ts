import process from 'node:process';
import pkg from '../package.json' with {type: 'json'};
import {parseCommandLine, type CommandName, type Parsed} from './cli/args.js';
import {helpText} from './cli/help.js';
import {exitCodes} from './errors.js';

/** argv → command → exit code. Commands are imported only when chosen, to keep start-up cheap. */
const handlers: Record<CommandName, () => Promise<(parsed: Parsed) => Promise<number>>> = {
	wizard: async () => (await import('./commands/wizard.js')).wizard,
	generate: async () => (await import('./commands/generate.js')).generate,
	check: async () => (await import('./commands/check.js')).check,
	preview: async () => (await import('./commands/preview.js')).preview,
	answers: async () => (await import('./commands/answers.js')).answersCommand,
	processors: async () => (await import('./commands/catalog.js')).processors,
	scan: async () => (await import('./commands/catalog.js')).scan,
	diff: async () => (await import('./commands/diff.js')).diff,
	init: async () => (await import('./commands/init.js')).init,
};

function fail(message: string, code: number): number {
	process.stderr.write(`${message.trimEnd()}\n`);
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
			process.stdout.write(helpText(parsed.command));
			return exitCodes.ok;
		}

		const handler = await handlers[parsed.command]();
		return await handler(parsed);
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

// A closed pipe (`generate | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(exitCodes.ok);
	}
});

process.exitCode = await main(process.argv.slice(2));
