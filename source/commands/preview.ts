import process from 'node:process';
import {documentKinds, documentLabel, documentTargets} from '../core/drafting/documents.js';
import {oneOf, type Parsed} from '../cli/args.js';
import {colorEnabled} from '../cli/style.js';
import {UsageError} from '../errors.js';
import {resolveSource} from '../storage/answers-store.js';
import {answersFor, draftOrFail, stdout} from './shared.js';

export async function preview({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(`privacy-wizard preview takes no arguments (got "${positionals[0]}").`);
	}

	const kind = oneOf(values['document'], documentKinds, '--document', 'policy');
	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	const answers = await answersFor(source);
	const markdown = draftOrFail(answers, kind, source);
	const interactive =
		process.stdout.isTTY === true &&
		process.stdin.isTTY === true &&
		values['plain'] !== true &&
		process.env['TERM'] !== 'dumb';
	if (interactive) {
		const {runPreview} = await import('../ui/run.js');
		const title = (of: string): string => {
			const label = documentLabel(of);
			return label.charAt(0).toUpperCase() + label.slice(1);
		};

		// Every document the answers call for, to switch between; the one asked for first.
		const others = documentTargets(answers)
			.map((target) => target.kind)
			.filter((other) => other !== kind)
			.map((other) => ({title: title(other), markdown: draftOrFail(answers, other, source)}));
		return runPreview([{title: title(kind), markdown}, ...others]);
	}

	// Piped or --plain: the rendered text, without styles unless colour is forced.
	const {renderMarkdown} = await import('../preview/render.js');
	await stdout(
		await renderMarkdown(markdown, {
			width: process.stdout.columns ?? 80,
			color: colorEnabled(process.stdout),
		}),
	);
	return 0;
}
