import type {Parsed} from '../cli/args.js';

export async function runWizard(_parsed: Parsed): Promise<number> {
	throw new Error('The interactive wizard is being built.');
}
