import type {DocumentModel} from './model.js';

/** Where tools find the schema of a JSON document (the package ships it in dist/). */
export const documentSchemaUrl = 'https://unpkg.com/privacy-wizard/dist/document.schema.json';

/**
The document model as JSON (questionnaires/schemas/document.schema.json), keys in a fixed order,
without the marker (documents.ts adds it). Inline text is as the answers gave it: escaping is the
job of whoever renders it.
*/
export function renderJson(model: DocumentModel): string {
	const {kind, title, intro, sections, contents} = model;
	return `${JSON.stringify({$schema: documentSchemaUrl, kind, title, intro, sections, contents}, undefined, 2)}\n`;
}
