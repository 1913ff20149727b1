import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import pkg from '../../package.json' with {type: 'json'};
import type {Parsed} from '../cli/args.js';
import {didYouMean} from '../cli/suggest.js';
import {ciOneLiner, githubWorkflow, workflowPath} from '../core/ci/workflow.js';
import {OperationError, UsageError} from '../errors.js';
import {repoRoot} from '../repo/root.js';
import {fileError, writeVerified} from '../storage/files.js';
import {stdout} from './shared.js';

/** What `init` sets up. */
const targets = ['ci'] as const;

function inside(root: string, real: string): boolean {
	const relative = path.relative(root, real);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
Make the folders of `relative` under `root`, refusing any that is a link leading out of the
repository: the workflow is written inside it or not at all.
*/
async function foldersInside(root: string, relative: string): Promise<void> {
	const realRoot = await nodeFs.promises.realpath(root);
	let folder = root;
	for (const segment of path.dirname(relative).split('/')) {
		folder = path.join(folder, segment);
		try {
			await nodeFs.promises.lstat(folder);
		} catch {
			try {
				await nodeFs.promises.mkdir(folder);
			} catch (error) {
				throw fileError(error, path.join(folder, 'x'), 'Folder', 'write');
			}

			continue;
		}

		const real = await nodeFs.promises.realpath(folder).catch(() => folder);
		if (!inside(realRoot, real)) {
			throw new OperationError(
				`${path.relative(root, folder)} leads outside the repository (to ${real}), so nothing was written.\nReplace the link with a folder, then run \`privacy-wizard init ci\` again.`,
			);
		}
	}
}

/** `privacy-wizard init ci [--force]`: write the GitHub Actions workflow. */
export async function init({values, positionals}: Parsed): Promise<number> {
	const [what, ...rest] = positionals;
	if (what === undefined) {
		throw new UsageError(
			'privacy-wizard init needs what to set up: `privacy-wizard init ci` writes a GitHub Actions workflow.',
		);
	}

	if (!(targets as readonly string[]).includes(what) || rest.length > 0) {
		const extra = rest.length > 0 ? rest[0]! : what;
		throw new UsageError(
			`privacy-wizard init cannot set up "${extra}".${didYouMean(extra, targets, (name) => `privacy-wizard init ${name}`)} It sets up: ${targets.join(', ')}.`,
		);
	}

	const root = (await repoRoot(process.cwd())) ?? process.cwd();
	const file = path.join(root, ...workflowPath.split('/'));
	const existing = await nodeFs.promises.lstat(file).then(
		() => true,
		() => false,
	);
	if (existing && values['force'] !== true) {
		throw new OperationError(
			`${workflowPath} already exists in ${root}, so it was left untouched.\nMove it away, or pass --force to replace it.`,
		);
	}

	await foldersInside(root, workflowPath);
	await writeVerified(file, githubWorkflow(pkg.version), {what: 'Workflow', root});
	await stdout(
		[
			`${existing ? 'Replaced' : 'Wrote'} ${workflowPath}: on every pull request it runs \`privacy-wizard check\` and posts \`privacy-wizard diff\` as the job summary. Commit it.`,
			'For another CI system, fetch the whole git history, then run:',
			`  ${ciOneLiner(pkg.version)}`,
			'',
		].join('\n'),
	);
	return 0;
}
