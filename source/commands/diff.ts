import path from 'node:path';
import process from 'node:process';
import type {Parsed} from '../cli/args.js';
import {colorEnabled, painter} from '../cli/style.js';
import {describeLoadProblem, parseAnswers} from '../core/answers/load.js';
import type {DraftAnswers, Revision} from '../core/answers/types.js';
import type {Change} from '../core/changes/classify.js';
import {
	compareAnswers,
	withRevision,
	type DiffReport,
	type DocumentRedline,
} from '../core/changes/report.js';
import {OperationError, UsageError} from '../errors.js';
import {
	defaultBase,
	fileAt,
	namedBase,
	pathInRepository,
	requireRepository,
	type Base,
} from '../repo/history.js';
import {describeSource, openAnswers, resolveSource} from '../storage/answers-store.js';
import {answersFor, sha256, stdout, today} from './shared.js';

/**
`privacy-wizard diff [BASE]`: what changed in the answers since a git revision (by default the
merge base with the default branch), material or editorial, with the redline of each document
and a proposed "What changed" entry; `--accept` adds the entry to the answers. Exit 1 on a
material change without a revision entry since the base, for CI. stdout is the report (Markdown,
so that CI can post it as a job summary), nothing else.
*/

type Outcome = {
	base: Base;
	/** The answers file, as git names it. */
	file: string;
	current: string;
	report?: DiffReport;
	accepted?: Revision;
};

const noun = (count: number, one: string, many = `${one}s`) =>
	`${count} ${count === 1 ? one : many}`;

/** A fence longer than any run of backticks in the text, so no document line can close it. */
function fence(lines: readonly string[]): string {
	const longest = Math.max(
		2,
		...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))),
	);
	return '`'.repeat(longest + 1);
}

function changeList(changes: readonly Change[]): string[] {
	return changes.map((change) => `- ${change.words} (\`${change.path}\`)`);
}

function redline(document: DocumentRedline, color: boolean): string[] {
	const paint = painter(color);
	const where = document.path ? ` (${document.path})` : '';
	const title = `### ${document.label[0]!.toUpperCase()}${document.label.slice(1)}${where}`;
	switch (document.status) {
		case 'unchanged': {
			return [title, '', 'Unchanged.'];
		}

		case 'not-drafted': {
			return [title, '', `Not compared: ${document.reason ?? 'it could not be drafted'}.`];
		}

		default: {
			const lines = document.hunks.flatMap((hunk) => [
				paint(
					'dim',
					`@@ -${hunk.before.start},${hunk.before.lines} +${hunk.after.start},${hunk.after.lines} @@`,
				),
				...hunk.lines.map((line) =>
					line.kind === 'added'
						? paint('green', `+${line.text}`)
						: line.kind === 'removed'
							? paint('red', `-${line.text}`)
							: ` ${line.text}`,
				),
			]);
			const state =
				document.status === 'new'
					? 'New: the answers now ask for it.'
					: document.status === 'dropped'
						? 'No longer drafted: no law that applies asks for it now.'
						: `${noun(document.hunks.length, 'changed passage')}:`;
			const marks = fence(document.hunks.flatMap((hunk) => hunk.lines.map((line) => line.text)));
			return [title, '', state, '', `${marks}diff`, ...lines, marks];
		}
	}
}

function acceptCommand(parsed: Parsed): string {
	const base = parsed.positionals[0];
	const answers = parsed.values['answers'];
	return [
		'privacy-wizard diff',
		...(base === undefined ? [] : [base]),
		...(typeof answers === 'string' ? ['--answers', answers] : []),
		'--accept',
	].join(' ');
}

function formatText(outcome: Outcome, parsed: Parsed, color: boolean): string {
	const {base, file, report} = outcome;
	const paint = painter(color);
	const out = [`# Privacy changes since ${base.label}`, ''];
	if (!report) {
		out.push(
			`${file} did not exist at ${base.label}: there is nothing to compare it with yet. Every answer is new; once it is committed where the base is, \`privacy-wizard diff\` reports what changes after that.`,
		);
		return `${out.join('\n')}\n`;
	}

	out.push(`${file} at ${base.label} compared with ${file} now.`, '');
	const material = report.changes.filter((change) => change.kind === 'material');
	const editorial = report.changes.filter((change) => change.kind === 'editorial');
	if (report.changes.length === 0) {
		out.push('No changes to the answers.', '');
	} else {
		out.push(
			`## Material changes (${material.length})`,
			'',
			...(material.length === 0
				? [
						'None: no new recipient, country, purpose or data, no sale or sharing switched on, no legal basis changed, no law newly applying or no longer applying.',
					]
				: changeList(material)),
			'',
			`## Editorial changes (${editorial.length})`,
			'',
			...(editorial.length === 0 ? ['None.'] : changeList(editorial)),
			'',
		);
	}

	out.push('## What changed (revision history)', '');
	if (outcome.accepted) {
		out.push(
			`Added to the revision history in ${outcome.current}:`,
			'',
			`> ${outcome.accepted.date}: ${outcome.accepted.summary}`,
			'',
			'Regenerate the documents (`npx privacy-wizard`, or `privacy-wizard generate --out FILE`) and commit them with the answers.',
		);
	} else if (report.revision) {
		out.push(
			`The answers have a revision entry since the base:`,
			'',
			`> ${report.revision.date}: ${report.revision.summary}`,
		);
	} else if (report.proposed) {
		out.push(
			'Proposed entry:',
			'',
			`> ${report.proposed.date}: ${report.proposed.summary}`,
			'',
			`Accept it into the revision history with \`${acceptCommand(parsed)}\`, or write your own with \`npx privacy-wizard\`.`,
		);
	} else {
		out.push('Nothing to add: the answers have not changed.');
	}

	out.push('', '## Redlines', '');
	for (const document of report.documents) {
		out.push(...redline(document, color), '');
	}

	if (report.needsRevision) {
		const after = report.baseLastRevision
			? ` dated on or after ${report.baseLastRevision} (the last one at the base)`
			: '';
		out.push(
			paint(
				'red',
				`**Material changes without a revision entry${after}.** People must be told what changed: accept the proposed entry, or add one with \`npx privacy-wizard\`.`,
			),
		);
	}

	return `${out.join('\n').trimEnd()}\n`;
}

function formatJson(outcome: Outcome): string {
	const {base, file, report} = outcome;
	const json = {
		base: {
			ref: base.ref,
			commit: base.commit,
			label: base.label,
			answers: report ? 'present' : 'absent',
			lastRevision: report?.baseLastRevision ?? null,
		},
		answers: outcome.current,
		file,
		material: report?.material ?? false,
		needsRevision: report?.needsRevision ?? false,
		changes: report?.changes ?? [],
		revision: {
			since: report?.revision ?? null,
			proposed: outcome.accepted ? null : (report?.proposed ?? null),
			accepted: outcome.accepted ?? null,
		},
		documents: report?.documents ?? [],
	};
	return `${JSON.stringify(json, undefined, 2)}\n`;
}

export async function diff(parsed: Parsed): Promise<number> {
	const {values, positionals} = parsed;
	if (positionals.length > 1) {
		throw new UsageError(
			`privacy-wizard diff takes one revision to compare with (got ${positionals.map((item) => `"${item}"`).join(', ')}).`,
		);
	}

	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	if (source.kind === 'example') {
		throw new UsageError(
			'privacy-wizard diff compares the answers file with its version at an earlier git revision; the bundled examples have no history. Run it in your repository, or pass --answers FILE.',
		);
	}

	// --accept writes to the answers: opened for changes (locked, saved only over what was read).
	const session = values['accept'] === true ? await openAnswers(source) : undefined;
	const outcome = await (async () => {
		try {
			const answers = session?.answers() ?? (await answersFor(source));
			const root = await requireRepository(path.dirname(source.path), 'privacy-wizard diff');
			const file = await pathInRepository(root, source.path);
			const ref = positionals[0];
			const base = ref === undefined ? await defaultBase(root) : await namedBase(root, ref);
			const text = await fileAt(root, base.commit, file);
			const outcome: Outcome = {base, file, current: describeSource(source)};
			if (text !== undefined) {
				const parsedBase = parseAnswers(text);
				if (!parsedBase.ok) {
					throw new OperationError(
						`The answers at ${base.label} cannot be compared: ${describeLoadProblem(parsedBase.problem, `${file} at ${base.label}`, 'revision')}\nCompare with a later revision whose answers load: \`privacy-wizard diff REVISION\`.`,
					);
				}

				const options = {today: today(), hash: sha256};
				let now: DraftAnswers = answers;
				let report = compareAnswers(parsedBase.answers, now, options);
				if (session && report.proposed && !report.revision) {
					now = withRevision(answers, report.proposed);
					await session.save(now);
					outcome.accepted = report.proposed;
					report = compareAnswers(parsedBase.answers, now, options);
				}

				outcome.report = report;
			}

			return outcome;
		} finally {
			await session?.close();
		}
	})();

	await stdout(
		values['json'] === true
			? formatJson(outcome)
			: formatText(outcome, parsed, colorEnabled(process.stdout)),
	);
	return outcome.report?.needsRevision ? 1 : 0;
}
