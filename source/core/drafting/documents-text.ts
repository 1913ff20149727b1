import wording from '../../../questionnaires/documents.messages.en.json' with {type: 'json'};
import {lastUpdated} from '../answers/derive.js';
import type {Answers} from '../answers/types.js';
import type {Block} from './markdown.js';
import {formatDate, messages} from './text.js';

/** The wording of the documents beside the policy (questionnaires/documents.messages.en.json). */
export const documentsText = messages(wording);

export type DocumentsKey = Parameters<typeof documentsText.t>[0];

/** "Last updated 1 March 2026.": every document dates itself from the answers, never the clock. */
export function updatedLine(answers: Pick<Answers, 'document'>): Block {
	return {
		type: 'paragraph',
		text: documentsText.t('updated', {updated: formatDate(lastUpdated(answers))}),
	};
}
