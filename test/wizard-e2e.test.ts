import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {execa} from 'execa';
import {parseAnswers} from '../source/core/answers/load.js';
import {lineDiff} from '../source/core/drafting/revision.js';
import {keys, runInTerminal, type Terminal} from './helpers/pty.js';

// Journeys 1 and 2 through a real pseudo-terminal, as a person would type them.

const cli = path.resolve('dist/cli.js');

function makeRepo(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'privacy-wizard-e2e-'));
	execFileSync('git', ['init', '-q'], {cwd: folder});
	execFileSync('git', ['config', 'user.email', 'founder@acme.example'], {cwd: folder});
	writeFileSync(
		path.join(folder, 'package.json'),
		JSON.stringify({name: 'acme-app', description: 'Acme helps teams plan their week.'}),
	);
	return folder;
}

function wizard(cwd: string): Terminal {
	return runInTerminal(process.execPath, [cli], {cwd});
}

/** A required select starts with nothing chosen: ↓ to the first option, then Enter. */
async function choose(t: Terminal, option: string, next: string | RegExp): Promise<void> {
	t.mark();
	t.write(keys.down);
	await t.waitFor(`❯ ${option}`);
	await t.answer('', next);
}

/** From the welcome screen to written documents, answering as a founder in Germany would. */
async function firstRun(t: Terminal): Promise<void> {
	await t.waitFor('Use “acme-app” as a suggestion');
	t.write('y');
	await t.waitFor('Use “Acme helps teams plan');
	t.write('y');
	await t.waitFor('Use “founder@acme.example”');
	t.mark();
	t.write('y');
	await t.waitFor('Enter start');
	// Your company.
	await t.answer('', "Your company's legal name");
	await t.answer('Acme Labs GmbH', 'Trading name');
	await t.answer('', 'Street and number');
	await t.answer('Torstraße 1', 'Enter on an empty line to finish');
	await t.answer('', 'Postal code');
	await t.answer('10119', 'City of your company');
	await t.answer('Berlin', 'State, province');
	await t.answer('', 'Country of your company');
	t.mark();
	t.write('germ');
	await t.waitFor('❯ Germany');
	await t.answer('', 'founder@acme.example');
	await t.answer('', 'Phone number');
	await t.answer('', 'Company website');
	await t.answer('', 'Privacy contact form');
	await t.answer('', 'Other countries where');
	await t.answer('', 'Other companies of your group');
	t.mark();
	t.write('f');
	await t.waitFor('acme-app');
	// Your product and its users.
	await t.answer('', 'What does it do');
	await t.answer('', 'Product web address');
	await t.answer('', 'Where are the people');
	t.mark();
	t.write(keys.space);
	await t.waitFor('1 selected');
	await t.answer('', 'Whose data is it?');
	await t.answer('customers', '1. customers');
	await t.answer('', 'store or read information on people');
	t.mark();
	t.write('n');
	await t.waitFor('data protection officer');
	// Contacts: no DPO, no named privacy contact; a German company needs no EU representative.
	t.mark();
	t.write('n');
	await t.waitFor('Name of your privacy contact');
	await t.answer('', 'Kinds of personal data you collect');
	// One data item, from the person.
	await t.answer('', 'Name of this data');
	await t.answer('Email address', 'What it includes');
	await t.answer('', 'Sources of this data');
	await t.answer('', 'Where does it come from?');
	await choose(t, 'From the person', 'When or how?');
	await t.answer('during sign-up', 'From the person');
	t.mark();
	t.write('f');
	await t.waitFor('Is this sensitive data?');
	// An optional select starts on "None": Enter keeps the data out of the sensitive kinds.
	await t.waitFor('❯ None of these');
	await t.answer('', 'Email address');
	t.mark();
	t.write('f');
	// One purpose.
	await t.waitFor('Purposes');
	await t.answer('', 'Name of this purpose');
	await t.answer('Providing the service', 'What you do, in plain words');
	await t.answer('We run your account and send the emails you ask for.', 'Which data does it use?');
	t.mark();
	t.write(keys.space);
	await t.waitFor('1 selected');
	await t.answer('', 'Legal basis');
	await choose(t, 'Contract', 'Does the person have to give');
	await choose(t, 'Needed to sign up', 'What happens if they do not');
	await t.answer('we cannot create an account for you.', 'How is the retention period set?');
	await choose(t, 'A fixed period', 'How many?');
	await t.answer('30', 'Unit');
	await choose(t, 'days', 'After what?');
	await t.answer('you close your account', 'Is this direct marketing?');
	t.mark();
	t.write('n');
	await t.waitFor('occasionally send data outside');
	t.mark();
	t.write('n');
	await t.waitFor('Providing the service');
	t.mark();
	t.write('f');
	// No recipients; the usual other disclosures.
	await t.waitFor('Recipients');
	t.mark();
	t.write('f');
	await t.waitFor('authorities, courts or the police');
	await t.answer('', 'How do you check such requests?');
	await t.answer('', 'lawyers, auditors or insurers');
	await t.answer('', 'merger or acquisition');
	await t.answer('', 'process data for business customers');
	// Rights: the contact email is offered as the first channel.
	await t.answer('', 'How can people send requests?');
	t.mark();
	t.write('f');
	await t.waitFor('In which formats');
	t.mark();
	t.write(keys.space);
	await t.waitFor('1 selected');
	await t.answer('', "How do you check a requester's identity?");
	await t.answer(
		'We answer requests sent from the email address of the account.',
		'How can someone act for another person?',
	);
	await t.answer(
		'Agents send your signed authorisation, which we confirm with you.',
		'lead supervisory authority',
	);
	await t.answer('', 'Is the service offered to children?');
	t.mark();
	t.write('n');
	await t.waitFor('Minimum age');
	await t.answer('', 'automated means alone');
	t.mark();
	t.write('n');
	await t.waitFor('Security measures');
	await t.answer('', 'Measure');
	await choose(t, 'Encryption in transit (TLS)', 'Detail');
	await t.answer('TLS 1.3', 'Encryption in transit');
	t.mark();
	t.write('f');
	await t.waitFor('Date the policy takes effect');
	await t.answer('', 'How will you announce changes?');
	await t.answer('', 'Revision history');
	t.mark();
	t.write('f');
	await t.waitFor('Where should the privacy policy be written?');
	await t.answer('', 'data-rights section be written');
	// Every other document the answers call for, each at the default path shown.
	await t.answer('', 'sub-processor list be written');
	await t.answer('', 'personal data inventory be written');
	await t.answer('', 'record of processing activities be written');
	await t.answer('', 'No findings');
	t.mark();
	t.write('w');
	await t.waitFor('PRIVACY.md');
	await t.answer('', 'wrote PRIVACY.md');
	t.mark();
	t.write(keys.enter);
}

test.serial('a first run goes from no answers to a PRIVACY.md that passes check', async (t) => {
	const repo = makeRepo();
	t.teardown(() => rmSync(repo, {recursive: true, force: true}));
	const terminal = wizard(repo);
	t.teardown(() => terminal.kill());
	await firstRun(terminal);
	const {exitCode} = await terminal.exit;
	t.is(exitCode, 0);
	// The end names what was written and what to do next, and stays in the terminal.
	const end = terminal.text().slice(-1500).replaceAll(/\s+/g, ' ');
	t.regex(
		end,
		/✔ wrote PRIVACY\.md ✔ wrote DATA-RIGHTS\.md ✔ wrote SUBPROCESSORS\.md ✔ wrote DATA-INVENTORY\.md ✔ wrote RECORD-OF-PROCESSING\.md Your answers are in privacy-wizard\.json\./,
	);
	t.regex(
		end,
		/git add privacy-wizard\.json PRIVACY\.md DATA-RIGHTS\.md SUBPROCESSORS\.md DATA-INVENTORY\.md RECORD-OF-PROCESSING\.md && git commit/,
	);
	t.regex(end, /add `npx privacy-wizard check` to your pipeline/);
	t.false(end.includes('Done.'));
	const policy = readFileSync(path.join(repo, 'PRIVACY.md'), 'utf8');
	t.true(policy.startsWith('# Privacy policy for acme-app\n'));
	t.true(policy.includes('Acme Labs GmbH'));
	t.truthy(readFileSync(path.join(repo, 'DATA-RIGHTS.md'), 'utf8'));
	t.true(
		readFileSync(path.join(repo, 'RECORD-OF-PROCESSING.md'), 'utf8').startsWith(
			'# Record of processing activities: Acme Labs GmbH\n',
		),
	);
	const check = await execa(process.execPath, [cli, 'check'], {cwd: repo, reject: false});
	t.is(check.exitCode, 0, check.stdout);
	const saved = parseAnswers(readFileSync(path.join(repo, 'privacy-wizard.json'), 'utf8'));
	t.true(saved.ok);
});

test.serial(
	'a re-run that changes one answer changes only that, the date and the revision entry',
	async (t) => {
		const repo = makeRepo();
		t.teardown(() => rmSync(repo, {recursive: true, force: true}));
		const first = wizard(repo);
		t.teardown(() => first.kill());
		await firstRun(first);
		t.is((await first.exit).exitCode, 0);
		const before = readFileSync(path.join(repo, 'PRIVACY.md'), 'utf8');

		const again = wizard(repo);
		t.teardown(() => again.kill());
		await again.waitFor('11 of 11 complete');
		again.mark();
		again.write('2');
		await again.waitFor('Product or service name');
		again.mark();
		again.write('\u0015');
		await again.answer('Acme Planner', 'What does it do');
		await again.answer('', 'Product web address');
		await again.answer('', 'Where are the people');
		await again.answer('', 'Whose data is it?');
		await again.answer('', 'store or read information on people');
		await again.answer('', 'Sections');
		again.mark();
		again.write('w');
		await again.waitFor('A revision entry dated');
		await again.answer('', 'PRIVACY.md');
		await again.answer('', 'updated PRIVACY.md');
		again.mark();
		again.write(keys.enter);
		t.is((await again.exit).exitCode, 0);

		const after = readFileSync(path.join(repo, 'PRIVACY.md'), 'utf8');
		const changes = lineDiff(before, after).filter((line) => line.kind !== 'same');
		t.true(changes.length > 0);
		for (const line of changes) {
			const expected =
				line.text === '' ||
				line.text.includes(line.kind === 'removed' ? 'acme-app' : 'Acme Planner') ||
				/^<!-- privacy-wizard: policy sha256:/.test(line.text) ||
				/last updated/i.test(line.text) ||
				line.text === 'What changed, most recent first:' ||
				/^\| (Date \| What changed|--- \| ---|\d{1,2} \w+ \d{4} \| Updated the section)/.test(
					line.text,
				);
			t.true(expected, `unexpected ${line.kind} line: ${line.text}`);
		}

		t.true(after.includes('| Date | What changed |'));
		const check = await execa(process.execPath, [cli, 'check'], {cwd: repo, reject: false});
		t.is(check.exitCode, 0, check.stdout);
	},
);

test.serial('Ctrl-C mid-question exits 130 with every answer given saved', async (t) => {
	const repo = makeRepo();
	t.teardown(() => rmSync(repo, {recursive: true, force: true}));
	const terminal = wizard(repo);
	t.teardown(() => terminal.kill());
	await terminal.waitFor('Use “acme-app”');
	for (const answer of ['n', 'n', 'n']) terminal.write(answer);
	await terminal.waitFor('Enter start');
	await terminal.answer('', "Your company's legal name");
	await terminal.answer('Acme Labs GmbH', 'Trading name');
	await terminal.answer('Acme', 'Street and number');
	terminal.write('Half-typed stree');
	await terminal.waitFor('Half-typed stree');
	terminal.write(keys.ctrlC);
	const {exitCode} = await terminal.exit;
	t.is(exitCode, 130);
	const text = readFileSync(path.join(repo, 'privacy-wizard.json'), 'utf8');
	const saved = parseAnswers(text);
	t.true(saved.ok);
	t.deepEqual(JSON.parse(text).controller, {legalName: 'Acme Labs GmbH', tradingName: 'Acme'});
	t.true(terminal.text().includes('Your answers are saved'));
});
