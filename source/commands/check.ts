import path from 'node:path';
import {terminalSafe} from '../cli/terminal-text.js';
import process from 'node:process';
import {
	checkAnswers,
	hasErrors,
	lawReport,
	type Finding,
	type LawReport,
} from '../core/checks/findings.js';
import {documentTargets, draft, render} from '../core/drafting/documents.js';
import type {DraftAnswers} from '../core/answers/types.js';
import type {Parsed} from '../cli/args.js';
import {colorEnabled, painter} from '../cli/style.js';
import {UsageError} from '../errors.js';
import {describeSource, resolveSource, type AnswersSource} from '../storage/answers-store.js';
import {inspectDocument} from '../storage/documents.js';
import type {DriftBaseReport} from './scan.js';
import {answersFor, documentsRoot, sha256, stdout, today} from './shared.js';

const staleCitation =
	'the notice duties of every law that applies: the published document must say what the answers say';

/** Compare the documents named in the answers with what the answers generate now. */
export async function documentFindings(
	answers: DraftAnswers,
	source: AnswersSource,
): Promise<Finding[]> {
	const root = documentsRoot(source);
	if (!root || answers['outputs'] === undefined) {
		return [];
	}

	const findings: Finding[] = [];
	for (const {kind, path: relative} of documentTargets(answers)) {
		if (!relative) {
			continue;
		}

		const file = path.resolve(root, relative);
		// `generate --out` takes the format from the extension, as the file was written.
		const generate = `privacy-wizard generate${kind === 'policy' ? '' : ` --document ${kind}`} --out ${relative}`;
		const existing = await inspectDocument(file);
		const result = draft(answers, kind, sha256);
		if (existing.kind === 'absent') {
			findings.push({
				id: 'DOC-MISSING',
				severity: 'warning',
				citation: staleCitation,
				message: `${relative} has not been written yet.`,
				fix: `Run \`npx privacy-wizard\` (or \`${generate}\`) to write it.`,
				path: relative,
			});
		} else if (existing.kind === 'no-marker') {
			findings.push({
				id: 'DOC-UNKNOWN',
				severity: 'warning',
				citation: staleCitation,
				message: `${relative} was not written by privacy-wizard, so it cannot be compared with the answers.`,
				fix: `Regenerate it with \`${generate} --force\` once its content is in the answers.`,
				path: relative,
			});
		} else if (existing.kind === 'edited') {
			findings.push({
				id: 'DOC-EDITED',
				severity: 'error',
				citation: staleCitation,
				message: `${relative} was edited by hand since it was generated, so it may no longer match the answers.`,
				fix: `Carry the edits into the answers, then run \`${generate} --force\`.`,
				path: relative,
			});
		} else if (result.ok && existing.text !== render(result.model, existing.format, sha256)) {
			findings.push({
				id: 'DOC-STALE',
				severity: 'error',
				citation: staleCitation,
				message: `${relative} is out of date: the answers have changed since it was generated.`,
				fix: `Run \`npx privacy-wizard\` or \`${generate}\` to regenerate it.`,
				path: relative,
			});
		}
	}

	return findings;
}

/** The laws that apply, each with why; `explain` adds the ones that do not, with why not. */
export function formatLaws(laws: readonly LawReport[], color: boolean, explain = false): string {
	const paint = painter(color);
	const applying = laws.filter((law) => law.status === 'applies');
	const lines: string[] = [];
	if (applying.length === 0) {
		lines.push('No privacy law that privacy-wizard drafts applies to these answers.');
	} else {
		lines.push(`Laws that apply (${applying.length}):`);
		for (const law of applying) {
			lines.push(`  ${paint('bold', law.name)}: ${law.reasons.join('; ')}`);
		}
	}

	const unknown = laws.filter((law) => law.status === 'unknown');
	for (const law of unknown) {
		lines.push(
			`  ${paint('yellow', law.name)}: not decided yet; answer ${(law.missing ?? []).join(', ')}`,
		);
	}

	if (explain) {
		const others = laws.filter((law) => law.status === 'does-not-apply');
		if (others.length > 0) {
			lines.push('', `Laws that do not apply (${others.length}):`);
			for (const law of others) {
				lines.push(`  ${paint('dim', law.name)}: ${law.reasons.join('; ')}`);
			}
		}

		lines.push(
			'',
			'Each law applies for the reasons shown: where you are established, where the people you serve are, and the thresholds you answered.',
		);
	}

	return `${lines.join('\n')}\n\n`;
}

export function formatFindings(findings: Finding[], color: boolean): string {
	const paint = painter(color);
	if (findings.length === 0) {
		return `${paint('green', '✔')} No findings: the answers cover every checklist item of the laws that apply.\n`;
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
	options: {scan?: boolean; base?: string} = {},
): Promise<{findings: Finding[]; base?: DriftBaseReport}> {
	// Drift between the repo's dependencies and the recipients: not for the bundled examples.
	const drift =
		options.scan === true && source.kind !== 'example'
			? await (
					await import('./catalog.js')
				).repoDriftFindings(answers, process.cwd(), {ref: options.base})
			: {findings: []};
	const {catalogCategory} = await import('./catalog.js');
	return {
		findings: [
			...checkAnswers(answers, {today: today(), catalogCategory}),
			...(await documentFindings(answers, source)),
			...drift.findings,
		],
		...(drift.base ? {base: drift.base} : {}),
	};
}

export async function check({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(`privacy-wizard check takes no arguments (got "${positionals[0]}").`);
	}

	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	const base = values['base'] as string | undefined;
	if (base !== undefined && (values['no-scan'] === true || source.kind === 'example')) {
		throw new UsageError(
			`--base compares the services the repository uses with those at BASE, which ${values['no-scan'] === true ? '--no-scan turns off' : 'is never done for the bundled examples'}.`,
		);
	}

	const answers = await answersFor(source);
	const {findings, base: drift} = await collectFindings(answers, source, {
		scan: values['no-scan'] !== true,
		base,
	});
	const ordered = [
		...findings.filter((item) => item.severity === 'error'),
		...findings.filter((item) => item.severity === 'warning'),
	];
	const laws = lawReport(answers);
	if (values['json'] === true) {
		const errors = ordered.filter((item) => item.severity === 'error').length;
		await stdout(
			`${JSON.stringify({answers: describeSource(source), ok: errors === 0, errors, warnings: ordered.length - errors, laws, ...(drift ? {base: drift} : {}), findings: ordered}, undefined, 2)}\n`,
		);
	} else {
		const color = colorEnabled(process.stdout);
		const since = drift
			? `Services the repo uses that were added since ${drift.label}: ${drift.added.length === 0 ? 'none' : drift.added.map((service) => service.name).join(', ')}.\n\n`
			: '';
		await stdout(
			formatLaws(laws, color, values['explain'] === true) + since + formatFindings(ordered, color),
		);
	}

	return hasErrors(ordered) ? 1 : 0;
}
