import type {DraftAnswers} from '../core/answers/types.js';
import type {Hash} from '../core/drafting/marker.js';
import type {ExistingDocument, WriteOutcome} from '../storage/documents.js';

/** Everything the wizard's screens need from the outside world, injected so tests can fake it. */
export type WizardIo = {
	/** The answers file, as shown to the person. */
	file: string;
	/** Folder the document paths in the answers are relative to. */
	root: string;
	hash: Hash;
	save: (answers: DraftAnswers) => Promise<void>;
	inspect: (file: string) => Promise<ExistingDocument>;
	write: (file: string, markdown: string, force: boolean) => Promise<WriteOutcome>;
	/** Render Markdown for the terminal (marked-terminal), for the preview. */
	render: (markdown: string, width: number) => Promise<string>;
};
