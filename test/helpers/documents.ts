import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parseAnswers} from '../../source/core/answers/load.js';
import type {DraftAnswers} from '../../source/core/answers/types.js';
import {documentTargets, draft} from '../../source/core/drafting/documents.js';
import {root, sha256} from './answers.js';

export type AnswerSet = {name: string; answers: () => DraftAnswers};

function jsonFiles(folder: string): string[] {
	return readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => path.join(folder, file));
}

function load(file: string): DraftAnswers | undefined {
	const result = parseAnswers(readFileSync(path.join(root, file), 'utf8'));
	return result.ok ? result.answers : undefined;
}

/** Every bundled example (questionnaires/examples/*.json), as the CLI loads it. */
export function bundledExamples(): AnswerSet[] {
	return jsonFiles('questionnaires/examples').map((file) => ({
		name: path.basename(file, '.json'),
		answers: () => load(file)!,
	}));
}

/**
Every answers file under test/fixtures/answers that loads (migrated) and drafts every document
kind: the fixtures that describe a complete policy.
*/
export function completeFixtures(): AnswerSet[] {
	return jsonFiles('test/fixtures/answers')
		.filter((file) => {
			const answers = load(file);
			return (
				answers !== undefined && kindsFor(answers).every((kind) => draft(answers, kind, sha256).ok)
			);
		})
		.map((file) => ({name: file, answers: () => load(file)!}));
}

/** The documents a set of answers gets: the policy, the rights section, and any a law adds. */
export function kindsFor(answers: unknown): string[] {
	return documentTargets(answers as DraftAnswers).map((target) => target.kind);
}
