import process from 'node:process';
import {terminalSafe} from '../cli/terminal-text.js';
import type {Parsed} from '../cli/args.js';
import {colorEnabled, painter} from '../cli/style.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {driftFindings} from '../core/checks/drift.js';
import type {Finding} from '../core/checks/findings.js';
import {UsageError} from '../errors.js';
import {repoRoot} from '../repo/root.js';
import {scanRepo} from '../repo/scan.js';
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

/** For `check`: the repo's services compared with the answered recipients. */
export async function repoDriftFindings(
	answers: DraftAnswers,
	cwd: string = process.cwd(),
): Promise<Finding[]> {
	const result = await scanRepo(await scanRoot(cwd));
	await warn(result.warnings);
	return driftFindings(answers, result.detections);
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
			`No known services found in the package.json files, lockfiles or .env.example keys of ${terminalSafe(root)}.\nServices used without an SDK (a script tag, a dashboard) still belong in the answers: see \`privacy-wizard processors\`.\n`,
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
