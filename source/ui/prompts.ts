import process from 'node:process';
import confirm from '@inquirer/confirm';
import {terminalSafe} from '../cli/terminal-text.js';
import {Interrupted} from '../errors.js';

/** Ask a yes/no question on stderr. Ctrl-C or a closed terminal become an `Interrupted`. */
export async function askConfirm(message: string): Promise<boolean> {
	try {
		return await confirm(
			{message: terminalSafe(message), default: false},
			{output: process.stderr},
		);
	} catch (error) {
		if (
			(error as Error).name === 'ExitPromptError' ||
			(error as Error).name === 'AbortPromptError'
		) {
			throw new Interrupted('Cancelled.');
		}

		throw error;
	}
}
