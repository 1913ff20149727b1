import process from 'node:process';
import type {Parsed} from '../cli/args.js';
import {UsageError} from '../errors.js';
import {repoRoot} from '../repo/root.js';

/** Whether the interactive UI can run: it needs a terminal for input and one to draw on. */
export function interactive(): boolean {
	return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

export async function wizard(parsed: Parsed): Promise<number> {
	if (!interactive()) {
		throw new UsageError(
			'The wizard needs a terminal (stdin and stderr must be TTYs).\nWithout one, use `privacy-wizard generate --answers FILE` (or --example) to draft from answers, or `privacy-wizard --plain` in a terminal that cannot show the full UI.',
		);
	}

	// A person at a terminal is not a CI log, whatever the environment says: with CI set, Ink
	// paints only the final frame, which would leave the wizard blank.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	// git answers while the UI loads (its questions run in other processes): see GitAnswers.
	const cwd = process.cwd();
	const root = (await repoRoot(cwd)) ?? cwd;
	// Imported here, not at the top: node:child_process would load with every command.
	const {gitRemoteUrl, gitUserEmail} = await import('../repo/git.js');
	const git = {root, email: gitUserEmail(root), remote: gitRemoteUrl(root)};
	const {runWizard} = await import('../ui/run.js');
	return runWizard(parsed, git);
}
