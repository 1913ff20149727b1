// Every command, as one module: the build makes it one bundle (see scripts/build.js), loaded by
// cli.ts once the command line is parsed. Each export is an async function.
import type {CommandName} from '../cli/args.js';
import {helpText} from '../cli/help.js';

export {answersCommand} from './answers.js';
export {check} from './check.js';
export {generate} from './generate.js';
export {preview} from './preview.js';
export {wizard} from './wizard.js';

export async function help(command: CommandName): Promise<string> {
	return helpText(command);
}
