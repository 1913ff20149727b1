import nodeFs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {serializeAnswers} from '../core/answers/canonical.js';
import {withSchemaReference} from '../core/answers/schema.js';
import {describeLoadProblem, parseAnswers} from '../core/answers/load.js';
import type {Parsed} from '../cli/args.js';
import {didYouMean} from '../cli/suggest.js';
import {OperationError, UsageError} from '../errors.js';
import type {DraftAnswers} from '../core/answers/types.js';
import {
	describeSource,
	openAnswers,
	resolveSource,
	type AnswersSource,
} from '../storage/answers-store.js';
import {fileError, readText} from '../storage/files.js';
import {answersFor, stderr, stdout} from './shared.js';

const actions = ['export', 'import', 'path', 'reset'] as const;

/** Ask yes/no in a terminal; without one, the caller must have passed --yes. */
async function confirm(message: string, yes: boolean, flagHint: string): Promise<boolean> {
	if (yes) {
		return true;
	}

	if (!process.stdin.isTTY || !process.stderr.isTTY) {
		throw new UsageError(
			`${message.replace(/\?$/, '')}: confirmation needed, but there is no terminal to ask in.\nPass --yes to ${flagHint}.`,
		);
	}

	const {askConfirm} = await import('../ui/prompts.js');
	return askConfirm(message);
}

function writableTarget(source: AnswersSource): string {
	if (source.kind === 'example') {
		throw new UsageError(
			'The bundled examples are read-only. Use `privacy-wizard answers export --example NAME > FILE` to copy one.',
		);
	}

	return source.path;
}

export async function answersCommand({values, positionals}: Parsed): Promise<number> {
	const [action, ...rest] = positionals;
	if (action === undefined || !(actions as readonly string[]).includes(action)) {
		throw new UsageError(
			`${action === undefined ? 'Missing' : `Unknown`} action${action === undefined ? '' : ` "${action}"`} for privacy-wizard answers: expected ${actions.join(', ')}.${action === undefined ? '' : didYouMean(action, actions, (name) => `privacy-wizard answers ${name}`)} Run \`privacy-wizard answers --help\`.`,
		);
	}

	const expected = action === 'import' ? 1 : 0;
	if (rest.length !== expected) {
		throw new UsageError(
			action === 'import'
				? 'Usage: privacy-wizard answers import FILE'
				: `privacy-wizard answers ${action} takes no further arguments.`,
		);
	}

	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	const yes = values['yes'] === true;
	switch (action) {
		case 'path': {
			await stdout(`${describeSource(source)}\n`);
			return 0;
		}

		case 'export': {
			await stdout(serializeAnswers(withSchemaReference(await answersFor(source))));
			return 0;
		}

		case 'import': {
			const target = writableTarget(source);
			const file = path.resolve(process.cwd(), rest[0]!);
			const result = parseAnswers(await readText(file, 'File to import'));
			if (!result.ok) {
				throw new OperationError(
					`${describeLoadProblem(result.problem, file, 'import')}\nNothing was imported; ${target} is unchanged.`,
				);
			}

			const session = await openAnswers(source);
			try {
				let current: DraftAnswers | undefined;
				try {
					current = session.answers();
				} catch {
					// A broken file may be replaced on purpose: that is what import is for.
				}

				// Saving adds a `$schema` link: compare with it on both sides, or the same answers differ.
				const same =
					current !== undefined &&
					serializeAnswers(withSchemaReference(current)) ===
						serializeAnswers(withSchemaReference(result.answers));
				if (session.text !== undefined && !same) {
					if (
						!(await confirm(`Replace the answers in ${target} with ${file}?`, yes, 'replace them'))
					) {
						await stderr('Nothing was imported.\n');
						return 1;
					}
				}

				await session.save(result.answers);
			} finally {
				await session.close();
			}

			await stderr(
				`Imported ${file} into ${target}${result.migratedFrom ? ` (migrated from schema version ${result.migratedFrom})` : ''}.\n`,
			);
			return 0;
		}

		case 'reset': {
			const target = writableTarget(source);
			const session = await openAnswers(source);
			try {
				if (session.text === undefined) {
					await stderr(`No answers at ${target}; nothing to reset.\n`);
					return 0;
				}

				if (
					!(await confirm(
						`Delete all answers in ${target}? This cannot be undone (unless the file is committed).`,
						yes,
						'delete them',
					))
				) {
					await stderr('Nothing was deleted.\n');
					return 1;
				}

				try {
					await nodeFs.promises.rm(target);
				} catch (error) {
					throw fileError(error, target, 'Answers file', 'write');
				}
			} finally {
				await session.close();
			}

			await stderr(`Deleted ${target}. Run \`npx privacy-wizard\` to start again.\n`);
			return 0;
		}
	}

	return 2;
}
