import path from 'node:path';
import {terminalSafe} from '../cli/terminal-text.js';
import process from 'node:process';
import {checkAnswers, hasErrors, type Finding} from '../core/checks/findings.js';
import {draft, type DocumentKind} from '../core/drafting/documents.js';
import type {DraftAnswers} from '../core/answers/types.js';
import type {Parsed} from '../cli/args.js';
import {colorEnabled, painter} from '../cli/style.js';
import {UsageError} from '../errors.js';
import {
	describeSource,
	requireAnswers,
	resolveSource,
	type AnswersSource,
} from '../storage/answers-store.js';
import {inspectDocument} from '../storage/documents.js';
import {documentsRoot, sha256, stdout} from './shared.js';

const staleCitation = 'GDPR Art. 12(1), 13(3): the published notice must say what the answers say';

/** Compare the documents named in the answers with what the answers generate now. */
export async function documentFindings(
	answers: DraftAnswers,
	source: AnswersSource,
): Promise<Finding[]> {
	const root = documentsRoot(source);
	const outputs = answers['outputs'] as {policyPath?: string; rightsPath?: string} | undefined;
	if (!root || !outputs) {
		return [];
	}

	const findings: Finding[] = [];
	const targets: Array<[DocumentKind, string | undefined]> = [
		['policy', outputs.policyPath],
		['rights', outputs.rightsPath],
	];
	for (const [kind, relative] of targets) {
		if (!relative) {
			continue;
		}

		const file = path.resolve(root, relative);
		const existing = await inspectDocument(file);
		const result = draft(answers, kind, sha256);
		if (existing.kind === 'absent') {
			findings.push({
				id: 'DOC-MISSING',
				severity: 'warning',
				citation: staleCitation,
				message: `${relative} has not been written yet.`,
				fix:
					'Run `npx privacy-wizard` (or `privacy-wizard generate --out ' +
					relative +
					'`) to write it.',
				path: relative,
			});
		} else if (existing.kind === 'no-marker') {
			findings.push({
				id: 'DOC-UNKNOWN',
				severity: 'warning',
				citation: staleCitation,
				message: `${relative} was not written by privacy-wizard, so it cannot be compared with the answers.`,
				fix: `Regenerate it with \`privacy-wizard generate --out ${relative} --force\` once its content is in the answers.`,
				path: relative,
			});
		} else if (existing.kind === 'edited') {
			findings.push({
				id: 'DOC-EDITED',
				severity: 'error',
				citation: staleCitation,
				message: `${relative} was edited by hand since it was generated, so it may no longer match the answers.`,
				fix: `Carry the edits into the answers, then run \`privacy-wizard generate --out ${relative} --force\`.`,
				path: relative,
			});
		} else if (result.ok && existing.text !== result.markdown) {
			findings.push({
				id: 'DOC-STALE',
				severity: 'error',
				citation: staleCitation,
				message: `${relative} is out of date: the answers have changed since it was generated.`,
				fix: `Run \`npx privacy-wizard\` or \`privacy-wizard generate --out ${relative}\` to regenerate it.`,
				path: relative,
			});
		}
	}

	return findings;
}

export function today(): string {
	return new Date().toISOString().slice(0, 10);
}

export function formatFindings(findings: Finding[], color: boolean): string {
	const paint = painter(color);
	if (findings.length === 0) {
		return `${paint('green', '✔')} No findings: the answers cover every applicable checklist item.\n`;
	}

	// Messages quote answers and file names: made inert before they are styled.
	const lines = findings.map((item) => {
		const label = item.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
		return `${label} ${paint('bold', terminalSafe(item.id))}  ${terminalSafe(item.message)}\n        ${paint('dim', terminalSafe(item.citation))}\n        Fix: ${terminalSafe(item.fix)}`;
	});
	const errors = findings.filter((item) => item.severity === 'error').length;
	const warnings = findings.length - errors;
	return `${lines.join('\n\n')}\n\n${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.\n`;
}

export async function collectFindings(
	answers: DraftAnswers,
	source: AnswersSource,
	options: {scan?: boolean} = {},
): Promise<Finding[]> {
	// Drift between the repo's dependencies and the recipients: not for the bundled examples.
	const drift =
		options.scan === true && source.kind !== 'example'
			? await (await import('./catalog.js')).repoDriftFindings(answers)
			: [];
	return [
		...checkAnswers(answers, {today: today()}),
		...(await documentFindings(answers, source)),
		...drift,
	];
}

export async function check({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(`privacy-wizard check takes no arguments (got "${positionals[0]}").`);
	}

	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	const answers = await requireAnswers(source);
	const findings = await collectFindings(answers, source, {scan: values['no-scan'] !== true});
	const ordered = [
		...findings.filter((item) => item.severity === 'error'),
		...findings.filter((item) => item.severity === 'warning'),
	];
	if (values['json'] === true) {
		const errors = ordered.filter((item) => item.severity === 'error').length;
		await stdout(
			`${JSON.stringify({answers: describeSource(source), ok: errors === 0, errors, warnings: ordered.length - errors, findings: ordered}, undefined, 2)}\n`,
		);
	} else {
		await stdout(formatFindings(ordered, colorEnabled(process.stdout)));
	}

	return hasErrors(ordered) ? 1 : 0;
}
