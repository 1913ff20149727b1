// `npm run outputs`: regenerate outputs/<example>/ from the bundled example answers with the
// built CLI: every document each example calls for (`generate --document all`), in every format
// it can be written in. Tests compare these files byte for byte, so commit them after any drafter
// change.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/cli.js');
// Every bundled example: one file each in questionnaires/examples/.
const examples = readdirSync(path.join(root, 'questionnaires/examples'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => file.slice(0, -'.json'.length))
	.sort();
const formats = ['markdown', 'html', 'json', 'csv'];

for (const example of examples) {
	const folder = path.join(root, 'outputs', example);
	// A document the example no longer calls for must not linger as a golden.
	rmSync(folder, {recursive: true, force: true});
	mkdirSync(folder, {recursive: true});
	for (const format of formats) {
		const result = spawnSync(
			process.execPath,
			[
				cli,
				'generate',
				'--example',
				example,
				'--document',
				'all',
				'--format',
				format,
				'--out',
				folder,
				'--force',
			],
			{encoding: 'utf8'},
		);
		// Exit 2 with CSV: none of this example's documents is a register (no record of processing).
		if (result.status === 2 && format === 'csv') continue;
		if (result.status !== 0) {
			console.error(result.stderr);
			process.exit(1);
		}
	}

	for (const file of readdirSync(folder).sort()) {
		console.log(`outputs/${example}/${file}`);
	}
}
