import {readFileSync} from 'node:fs';
import process from 'node:process';
import test from 'ava';
import {execa} from 'execa';

// README and --help must stay in step with the code.

test('README shows the current --help text', async (t) => {
	const readme = readFileSync('README.md', 'utf8');
	const {stdout} = await execa(process.execPath, ['dist/cli.js', '--help']);
	t.true(
		readme.includes(stdout.trimEnd()),
		'README.md is out of date: paste `node dist/cli.js --help` into it',
	);
});

test('README gives the two set-up commands, and they are the real ones', (t) => {
	const readme = readFileSync('README.md', 'utf8');
	const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
		scripts: Record<string, string>;
	};
	t.true(readme.includes('npm ci && npm run build && node dist/cli.js generate --example'));
	t.true(readme.includes('npm test'));
	t.truthy(manifest.scripts['build']);
	t.regex(manifest.scripts['test'] ?? '', /ava/);
	t.regex(readFileSync('.ci/run', 'utf8'), /npm ci[\s\S]*npm test/);
});
