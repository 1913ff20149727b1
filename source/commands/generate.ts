import path from 'node:path';
import process from 'node:process';
import {documentFormats, documentKinds, formatOfPath} from '../core/drafting/documents.js';
import {oneOf, type Parsed} from '../cli/args.js';
import {UsageError} from '../errors.js';
import {resolveSource} from '../storage/answers-store.js';
import {writeDocument} from '../storage/documents.js';
import {answersFor, draftOrFail, stderr, stdout} from './shared.js';

export async function generate({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(
			`privacy-wizard generate takes no arguments (got "${positionals[0]}"). Use --out PATH to write a file.`,
		);
	}

	const kind = oneOf(values['document'], documentKinds, '--document', 'policy');
	const out = values['out'];
	// Without --format, --out's extension decides (.html, .htm, .json); stdout is Markdown.
	const format = oneOf(
		values['format'],
		documentFormats,
		'--format',
		typeof out === 'string' ? formatOfPath(out) : 'markdown',
	);
	const source = await resolveSource({
		answers: values['answers'] as string | undefined,
		example: values['example'] as string | undefined,
	});
	const answers = await answersFor(source);
	const output = draftOrFail(answers, kind, source, format);
	if (typeof out === 'string') {
		const file = path.resolve(process.cwd(), out);
		const outcome = await writeDocument(file, output, {force: values['force'] === true});
		await stderr(
			`${outcome === 'unchanged' ? 'Unchanged' : outcome === 'created' ? 'Wrote' : 'Updated'} ${path.relative(process.cwd(), file) || file}\n`,
		);
		return 0;
	}

	await stdout(output);
	return 0;
}
