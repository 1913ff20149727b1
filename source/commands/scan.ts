import process from 'node:process';
import {terminalSafe} from '../cli/terminal-text.js';
import type {Parsed} from '../cli/args.js';
import {colorEnabled, painter} from '../cli/style.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {driftFindings} from '../core/checks/drift.js';
import type {Finding} from '../core/checks/findings.js';
import {UsageError} from '../errors.js';
import {repoRoot} from '../repo/root.js';
import {
	ciNamesBase,
	defaultBase,
	namedBase,
	requireRepository,
	type Base,
} from '../repo/history.js';
import {scanRepo, scanRevision} from '../repo/scan.js';
import {stderr, stdout} from './shared.js';

/** The folder a scan reads: the git root, else the current folder. */
export async function scanRoot(cwd: string = process.cwd()): Promise<string> {
	return (await repoRoot(cwd)) ?? cwd;
}

async function warn(warnings: string[]): Promise<void> {
	if (warnings.length > 0) {
		await stderr(warnings.map((warning) => `privacy-wizard: warning: ${warning}\n`).join(''));
	}
}

/** Which revision `check` compares the repo's services with: named, or found in CI. */
export type DriftBaseRequest = {ref?: string; env?: NodeJS.ProcessEnv};

/** The revision drift was compared with, and the services added since. */
export type DriftBaseReport = Base & {added: Array<{id: string; name: string}>};

/** Whether the environment is a CI run (`CI` set to anything but false). */
function isCi(env: NodeJS.ProcessEnv): boolean {
	const value = env['CI']?.trim().toLowerCase();
	return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
The base to compare with: `--base REF`, else under CI the target of the pull request when the
CI system names one. A base CI names but git cannot find is a warning, not a failure: `check`
still reports everything else.
*/
async function driftBase(root: string, request: DriftBaseRequest): Promise<Base | undefined> {
	const env = request.env ?? process.env;
	if (request.ref !== undefined) {
		return namedBase(await requireRepository(root, 'privacy-wizard check --base'), request.ref);
	}

	if (!isCi(env) || !ciNamesBase(env)) return undefined;
	try {
		return await defaultBase(await requireRepository(root, 'privacy-wizard check'), env);
	} catch (error) {
		await warn([
			`${(error as Error).message.replaceAll('\n', ' ')} The findings do not say which services are new.`,
		]);
		return undefined;
	}
}

/**
For `check`: the repo's services compared with the answered recipients; with a base, each finding
says whether the service was added since (the tree at the base is read through git, never
checked out).
*/
export async function repoDriftFindings(
	answers: DraftAnswers,
	cwd: string = process.cwd(),
	request: DriftBaseRequest = {},
): Promise<{findings: Finding[]; base?: DriftBaseReport}> {
	const root = await scanRoot(cwd);
	const result = await scanRepo(root);
	await warn(result.warnings);
	const base = await driftBase(root, request);
	if (base === undefined) {
		return {findings: driftFindings(answers, result.detections)};
	}

	// Warnings about files at the base are about the past: not repeated.
	const before = await scanRevision(
		await requireRepository(root, 'privacy-wizard check'),
		base.commit,
	);
	const known = new Set(before.detections.map((detection) => detection.service.id));
	return {
		findings: driftFindings(answers, result.detections, {
			label: base.label,
			detections: before.detections,
		}),
		base: {
			...base,
			added: result.detections
				.filter((detection) => !known.has(detection.service.id))
				.map(({service}) => ({id: service.id, name: service.name})),
		},
	};
}

/** `privacy-wizard scan [--json]`: the services the repo's dependencies reveal, with evidence. */
export async function scan({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(
			`privacy-wizard scan takes no arguments (got "${positionals[0]}"); it scans the repository you are in.`,
		);
	}

	const root = await scanRoot();
	const {detections, warnings} = await scanRepo(root);
	await warn(warnings);
	if (values['json'] === true) {
		const json = {
			root,
			detections: detections.map(({service, evidence}) => ({
				id: service.id,
				name: service.name,
				category: service.category,
				evidence,
			})),
			warnings,
		};
		await stdout(`${JSON.stringify(json, undefined, 2)}\n`);
		return 0;
	}

	if (detections.length === 0) {
		await stdout(
			`No known services found in the manifests, lockfiles, templates or .env.example keys of ${terminalSafe(root)}.\nServices used without an SDK or a script tag (a dashboard, a server-side API call) still belong in the answers: see \`privacy-wizard processors\`.\n`,
		);
		return 0;
	}

	const paint = painter(colorEnabled(process.stdout));
	const blocks = detections.map(
		({service, evidence}) =>
			`${paint('bold', terminalSafe(service.name))} (${service.category})\n${evidence.map((line) => `  ${terminalSafe(line)}`).join('\n')}`,
	);
	const count = detections.length === 1 ? '1 service' : `${detections.length} services`;
	await stdout(
		`${blocks.join('\n\n')}\n\n${count} suggested from ${terminalSafe(root)}. These are suggestions: add the ones that receive personal data with \`npx privacy-wizard\`; \`privacy-wizard check\` reports any the answers miss.\n`,
	);
	return 0;
}
