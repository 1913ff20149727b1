import {
	chmodSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {ExecutionContext} from 'ava';
import {execa} from 'execa';
import {root} from './answers.js';

export const cli = path.join(root, 'dist/cli.js');

export type Result = {exitCode: number; stdout: string; stderr: string};

/**
The environment the CLI runs in: ours, minus anything that would point it elsewhere (answers
files, a pull request's base when the tests themselves run in CI).
*/
function baseEnvironment(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (
			value !== undefined &&
			!/^(PRIVACY_WIZARD_|NODE_OPTIONS$|FORCE_COLOR$|GITHUB_BASE_REF$|CI_MERGE_REQUEST_DIFF_BASE_SHA$|BITBUCKET_PR_DESTINATION_BRANCH$)/.test(
				key,
			)
		) {
			env[key] = value;
		}
	}

	return {...env, CI: 'true', NO_COLOR: '1'};
}

/**
Run `node dist/cli.js …` as a real process: CI=true, stdin closed (not a terminal), the exact
bytes of stdout and stderr.
*/
export async function run(
	args: string[],
	options: {cwd: string; env?: Record<string, string>},
): Promise<Result> {
	const result = await execa(process.execPath, [cli, ...args], {
		cwd: options.cwd,
		env: {...baseEnvironment(), ...options.env},
		extendEnv: false,
		stdin: 'ignore',
		reject: false,
		stripFinalNewline: false,
		timeout: 60_000,
	});
	return {
		exitCode: result.exitCode ?? -1,
		stdout: String(result.stdout),
		stderr: String(result.stderr),
	};
}

/** A fresh folder, removed when the test ends (read-only folders included). */
export function temporaryFolder(t: ExecutionContext, prefix = 'privacy-wizard-test-'): string {
	const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
	t.teardown(() => {
		makeWritable(folder);
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

function makeWritable(folder: string): void {
	try {
		chmodSync(folder, 0o755);
		for (const entry of readdirSync(folder, {withFileTypes: true})) {
			if (entry.isDirectory()) {
				makeWritable(path.join(folder, entry.name));
			}
		}
	} catch {
		// Already gone.
	}
}

/** Every file under a folder with its contents and mode: compare before and after a command. */
export function snapshot(folder: string): Record<string, string> {
	const out: Record<string, string> = {};
	const visit = (directory: string): void => {
		for (const entry of readdirSync(directory, {withFileTypes: true})) {
			const full = path.join(directory, entry.name);
			const relative = path.relative(folder, full);
			if (entry.isDirectory()) {
				out[`${relative}/`] = String(statSync(full).mode);
				visit(full);
			} else {
				out[relative] = `${statSync(full).mode} ${readFileSync(full, 'utf8')}`;
			}
		}
	};

	visit(folder);
	return out;
}

export function writeJson(file: string, value: unknown): void {
	writeFileSync(file, `${JSON.stringify(value, undefined, 2)}\n`);
}

/**
The contract for bad input: a one-paragraph message on stderr naming the problem, no stack
trace, nothing on stdout, the right exit code.
*/
export function assertFailure(
	t: ExecutionContext,
	result: Result,
	exitCode: number,
	message: RegExp,
): void {
	t.is(result.exitCode, exitCode, result.stderr);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^privacy-wizard: /);
	t.regex(result.stderr, message);
	t.true(result.stderr.endsWith('\n'));
	t.false(result.stderr.trimEnd().includes('\n\n'), 'one paragraph');
	t.false(/^\s+at /m.test(result.stderr), 'no stack trace');
	t.false(/unexpected error/i.test(result.stderr), result.stderr);
}

/** Whether permissions stop this process (they do not for root): probed, not guessed. */
export function permissionsApply(): boolean {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'privacy-wizard-probe-'));
	try {
		chmodSync(folder, 0o555);
		try {
			writeFileSync(path.join(folder, 'probe'), 'x');
			return false;
		} catch {
			return true;
		}
	} finally {
		chmodSync(folder, 0o755);
		rmSync(folder, {recursive: true, force: true});
	}
}
