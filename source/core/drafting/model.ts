import type {Block, Inline} from './markdown.js';
import {plainText, renderMarkdown, slug} from './markdown.js';

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
	/**
	The same facts as one table of plain-text records, for a document that is a register (the record
	of processing): `--format csv` writes it, one row per record under the header.
	*/
	records?: Records;
};

export type Records = {header: string[]; rows: string[][]};

export function servedIds(model: DocumentModel): Set<string> {
	return new Set(model.sections.flatMap((section) => section.serves));
}

export type Heading = Extract<Block, {type: 'heading'}> & {id: string};

/** The table of contents: its heading, and a link to each section after the first. */
export type Contents = {
	type: 'contents';
	heading: Heading;
	entries: Array<{target: string; text: Inline[]}>;
};

/** A block of the laid-out document: every heading has its id. */
export type Part = Exclude<Block, {type: 'heading'}> | Heading | Contents;

/**
Heading ids as GitHub makes them (github-slugger): the slug, and for a slug already taken the
first free `slug-1`, `slug-2`…; so the same anchors work in the Markdown on GitHub and in HTML.
An HTML id cannot be empty: a heading with no letter or digit is `section`.
*/
function headingIds(): (text: Inline[]) => string {
	const taken = new Map<string, number>();
	return (text) => {
		const base = slug(plainText(text)) || 'section';
		let id = base;
		while (taken.has(id)) {
			const count = taken.get(base)! + 1;
			taken.set(base, count);
			id = `${base}-${count}`;
		}

		taken.set(id, 0);
		return id;
	};
}

/**
The document in reading order, the same for every format: the title, the intro, each section
under its heading, and the table of contents after the first section.
*/
export function layout(model: DocumentModel): Part[] {
	const idOf = headingIds();
	const heading = (level: Heading['level'], text: Inline[]): Heading => ({
		type: 'heading',
		level,
		text,
		id: idOf(text),
	});
	const withIds = (block: Block): Part =>
		block.type === 'heading' ? heading(block.level, block.text) : block;

	const parts: Part[] = [heading(1, model.title), ...model.intro.map((block) => withIds(block))];
	const sectionHeadings: Heading[] = [];
	let contents: Contents | undefined;
	for (const [index, section] of model.sections.entries()) {
		if (section.blocks.length === 0) {
			throw new Error(`Section "${section.title}" is empty`);
		}

		const sectionHeading = heading(2, [section.title]);
		sectionHeadings.push(sectionHeading);
		parts.push(sectionHeading, ...section.blocks.map((block) => withIds(block)));
		if (index === 0 && model.contents) {
			contents = {type: 'contents', heading: heading(2, ['Contents']), entries: []};
			parts.push(contents);
		}
	}

	// Filled once every id is known: a later heading can take the slug a section would have had.
	if (contents) {
		contents.entries = sectionHeadings
			.slice(1)
			.map((entry) => ({target: `#${entry.id}`, text: entry.text}));
	}

	return parts;
}

export function renderDocument(model: DocumentModel): string {
	return renderMarkdown(
		layout(model).flatMap((part): Block[] =>
			part.type === 'contents'
				? [
						part.heading,
						{
							type: 'list',
							ordered: true,
							items: part.entries.map((entry) => [{link: entry.target, text: entry.text}]),
						},
					]
				: [part],
		),
	);
}
