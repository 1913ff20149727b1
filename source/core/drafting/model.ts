import type {Block, Inline} from './markdown.js';
import {renderMarkdown, slug} from './markdown.js';

/** A top-level section of a document, with the checklist ids it discloses. */
export type Section = {
	title: string;
	serves: string[];
	blocks: Block[];
};

export type DocumentModel = {
	/** `policy`, `rights`, or a regime's own document (`consumer-health`). */
	kind: string;
	title: Inline[];
	/** Blocks between the title and the first section (dates, who this is from). */
	intro: Block[];
	/** Sections listed in the table of contents, in order. */
	sections: Section[];
	/** Whether to print a table of contents after the first section. */
	contents: boolean;
};

export function servedIds(model: DocumentModel): Set<string> {
	return new Set(model.sections.flatMap((section) => section.serves));
}

export function renderDocument(model: DocumentModel, marker?: string): string {
	const blocks: Block[] = [{type: 'heading', level: 1, text: model.title}, ...model.intro];
	for (const [index, section] of model.sections.entries()) {
		if (section.blocks.length === 0) {
			throw new Error(`Section "${section.title}" is empty`);
		}

		blocks.push({type: 'heading', level: 2, text: [section.title]}, ...section.blocks);
		if (index === 0 && model.contents) {
			blocks.push(
				{type: 'heading', level: 2, text: ['Contents']},
				{
					type: 'list',
					ordered: true,
					items: model.sections
						.slice(1)
						.map((entry) => [{link: `#${slug(entry.title)}`, text: [entry.title]}]),
				},
			);
		}
	}

	if (marker !== undefined) {
		blocks.push({type: 'comment', text: marker});
	}

	return renderMarkdown(blocks);
}
