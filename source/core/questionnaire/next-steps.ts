/** What the end of the wizard says: what was written, and what to do next. */

export type WrittenDocument = {
	/** As the person would type it (relative to where they are). */
	path: string;
	outcome: 'created' | 'updated' | 'unchanged' | 'skipped';
};

export type Finish = {
	/** One line per document: "✔ wrote PRIVACY.md". */
	results: Array<{ok: boolean; text: string}>;
	/** Where the answers are, when they are saved to a file. */
	answers?: string;
	/** The next steps, in order. */
	steps: string[];
};

function shellWord(word: string): string {
	return /^[\w./@:+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

const verbs: Record<WrittenDocument['outcome'], string> = {
	created: '✔ wrote',
	updated: '✔ updated',
	unchanged: '✔ unchanged',
	skipped: '✖ skipped',
};

export function finish(options: {
	answersFile?: string;
	written: WrittenDocument[];
	/** The command that runs the wizard again. */
	command?: string;
}): Finish {
	const {answersFile, written, command = 'npx privacy-wizard'} = options;
	const kept = written.filter((document) => document.outcome !== 'skipped');
	const files = [...(answersFile ? [answersFile] : []), ...kept.map((document) => document.path)];
	return {
		results: written.map((document) => ({
			ok: document.outcome !== 'skipped',
			text: `${verbs[document.outcome]} ${document.path}${document.outcome === 'skipped' ? ' (changed by hand: run again with --force to replace it)' : ''}`,
		})),
		answers: answersFile,
		steps: [
			'Review the drafts before you publish them: they are not legal advice.',
			...(files.length > 0
				? [
						`Commit the answers and the documents: git add ${files.map(shellWord).join(' ')} && git commit -m "Add the privacy policy"`,
					]
				: []),
			'Keep them true in CI: `npx privacy-wizard init ci` writes a GitHub Actions workflow (or add `npx privacy-wizard check` to your pipeline). It fails when the answers miss a required disclosure, a new SDK in your lockfile is not in the policy, or a committed document is stale, and shows each pull request what changed in the policy.',
			`When something changes, run \`${command}\` again: it starts from your answers and updates the documents.`,
		],
	};
}
