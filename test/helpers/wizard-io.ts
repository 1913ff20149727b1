import {readFileSync} from 'node:fs';
import path from 'node:path';
import {sha256} from '../../source/commands/shared.js';
import {validateAnswers} from '../../source/core/answers/load.js';
import type {DraftAnswers} from '../../source/core/answers/types.js';
import {readMarker} from '../../source/core/drafting/marker.js';
import type {ExistingDocument, WriteOutcome} from '../../source/storage/documents.js';
import type {WizardIo} from '../../source/ui/io.js';

/** The root the fake documents live under. */
export const fakeRoot = path.resolve('/virtual/repo');

export type FakeIo = WizardIo & {
	/** Documents by absolute path. */
	files: Map<string, string>;
	saved: DraftAnswers[];
	writes: Array<{file: string; force: boolean}>;
	/** Hold every save until `release()` (a slow disk). */
	holdSaves: () => void;
	release: () => void;
};

/** An in-memory `WizardIo`: documents in a map, saves recorded, the same rules as the disk one. */
export function fakeIo(files: Record<string, string> = {}): FakeIo {
	const documents = new Map(
		Object.entries(files).map(([relative, text]) => [path.resolve(fakeRoot, relative), text]),
	);
	const saved: DraftAnswers[] = [];
	const writes: Array<{file: string; force: boolean}> = [];
	let gate: Promise<void> | undefined;
	let open: (() => void) | undefined;
	const inspect = async (file: string): Promise<ExistingDocument> => {
		const text = documents.get(file);
		if (text === undefined) return {kind: 'absent'};
		const marker = readMarker(text, sha256);
		return marker.kind === 'unedited'
			? {kind: 'unedited', text, body: marker.body, format: marker.format}
			: {kind: marker.kind, text};
	};

	return {
		file: 'privacy-wizard.json',
		saves: true,
		command: 'npx privacy-wizard',
		shown: (file) => path.relative(fakeRoot, file) || file,
		root: fakeRoot,
		hash: sha256,
		files: documents,
		saved,
		writes,
		holdSaves() {
			gate = new Promise((resolve) => {
				open = resolve;
			});
		},
		release() {
			open?.();
			gate = undefined;
		},
		async save(answers) {
			const waitFor = gate;
			if (waitFor) await waitFor;
			saved.push(structuredClone(answers));
		},
		status: () => (saved.length > 0 ? 'saved' : 'nothing-saved'),
		inspect,
		async write(file, markdown, force): Promise<WriteOutcome> {
			writes.push({file, force});
			const existing = await inspect(file);
			if (existing.kind !== 'absent' && existing.text === markdown) return 'unchanged';
			if (!force && (existing.kind === 'edited' || existing.kind === 'no-marker')) {
				throw new Error(`${file} was edited by hand`);
			}

			documents.set(file, markdown);
			return existing.kind === 'absent' ? 'created' : 'updated';
		},
		async render(markdown) {
			return markdown;
		},
	};
}

/** A bundled example, loaded as the wizard loads an answers file. */
export function loadExample(name: 'eu-saas' | 'us-consumer' | 'global-reps'): DraftAnswers {
	const file = new URL(`../../questionnaires/examples/${name}.json`, import.meta.url);
	const result = validateAnswers(JSON.parse(readFileSync(file, 'utf8')));
	if (!result.ok) throw new Error(`The ${name} example does not load`);
	return result.answers;
}
