// `npm run outputs`: regenerate outputs/<example>/ from the bundled example answers with the
// built CLI. Tests compare these files byte for byte, so commit them after any drafter change.
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist/cli.js');
const examples = ['eu-saas', 'us-consumer', 'global-reps', 'br-app', 'ca-quebec', 'ch-saas'];
const documents = [
	['policy', 'PRIVACY.md'],
	['rights', 'DATA-RIGHTS.md'],
];

for (const example of examples) {
	const folder = path.join(root, 'outputs', example);
	mkdirSync(folder, {recursive: true});
	for (const [kind, file] of documents) {
		const result = spawnSync(
			process.execPath,
			[cli, 'generate', '--example', example, '--document', kind],
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
