// `npm run outputs`: regenerate outputs/<example>/ from the bundled example answers with the
// built CLI. Tests compare these files byte for byte, so commit them after any drafter change.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readdirSync, writeFileSync} from 'node:fs';
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
const documents = [
	['policy', 'PRIVACY'],
	['rights', 'DATA-RIGHTS'],
];
const formats = [
	['markdown', 'md'],
	['html', 'html'],
	['json', 'json'],
];

for (const example of examples) {
	const folder = path.join(root, 'outputs', example);
	mkdirSync(folder, {recursive: true});
	for (const [kind, base] of documents) {
		for (const [format, extension] of formats) {
			const file = `${base}.${extension}`;
			const result = spawnSync(
				process.execPath,
				[cli, 'generate', '--example', example, '--document', kind, '--format', format],
				{encoding: 'utf8'},
			);
			if (result.status !== 0) {
				console.error(result.stderr);
				process.exit(1);
			}

			writeFileSync(path.join(folder, file), result.stdout);
			console.log(`outputs/${example}/${file}`);
		}
	}
}
