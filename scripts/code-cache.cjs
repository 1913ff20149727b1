// Build step (run by scripts/build.js, never at run time): load each CommonJS bundle in dist/chunks
// as the CLI does, run typical commands once so that V8 compiles what they use, then write each
// bundle's code cache beside it (`NAME.cjs.cache`). The CLI starts faster with the cache (no
// parsing or compiling of what the cache holds); without it, or with another Node, it compiles.
// Output goes to stdout, which the build discards.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {install} = require('./bundle-loader.cjs');

const dist = path.resolve(process.argv[2] ?? 'dist');
const folder = path.join(dist, 'chunks');
const scripts = new Map();
const load = install(folder, (file, script) => scripts.set(file, script));

const parsed = (command, values = {}, positionals = []) => ({command, positionals, values});

async function train() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-wizard-cache-'));
	const cwd = process.cwd();
	try {
		process.chdir(work);
		fs.writeFileSync(
			path.join(work, 'package.json'),
			JSON.stringify({name: 'app', dependencies: {stripe: '1', '@sentry/node': '1'}}),
		);
		const commands = await load('commands', 'cjs');
		for (const example of ['eu-saas', 'us-consumer', 'global-reps']) {
			for (const document of ['policy', 'rights']) {
				await commands.generate(parsed('generate', {example, document}));
			}

			await commands.check(parsed('check', {example, 'no-scan': true}));
		}

		await commands.generate(parsed('generate', {example: '', format: 'json'}));
		await commands.answersCommand(parsed('answers', {example: ''}, ['export']));
		for (const command of ['wizard', 'generate', 'check']) await commands.help(command);
	} finally {
		process.chdir(cwd);
		fs.rmSync(work, {recursive: true, force: true});
	}
}

train().then(
	() => {
		for (const [file, script] of scripts)
			fs.writeFileSync(`${file}.cache`, script.createCachedData());
	},
	(error) => {
		console.error(error);
		process.exitCode = 1;
	},
);
