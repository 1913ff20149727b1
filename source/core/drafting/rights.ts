import {displayName, lastUpdated, tradingName} from '../answers/derive.js';
import type {Answers, RightsChannel} from '../answers/types.js';
import type {DraftContext} from '../law/types.js';
import {labelled} from './common.js';
import {contribute, contributions, draftContext} from './compose.js';
import type {Block, Inline} from './markdown.js';
import type {DocumentModel, Section} from './model.js';
import {coreText as t, formatDate, listInWords, sentence} from './text.js';

function channelInline(channel: RightsChannel): Inline[] {
	const name = `${t.s(`channel.${channel.kind}`)}:`;
	if (channel.kind === 'email' || (channel.kind === 'form' && /^https?:\/\//.test(channel.value))) {
		return labelled(name, [{autolink: channel.value}]);
	}

	return labelled(name, [channel.value]);
}

/** The parts of the rights text, each a subsection: one per law, then how, then complaints. */
function rightsParts(ctx: DraftContext): Section[] {
	const {rights} = ctx.answers;
	const parts: Section[] = contributions(ctx, 'rights').map((part) => ({
		title: part.title,
		serves: part.serves,
		blocks: part.blocks,
	}));
	const exercising = contribute(ctx, 'exercising');
	const blocks: Block[] = [
		{type: 'paragraph', text: t.t('exercise.channels')},
		{type: 'list', items: rights.channels.map((channel) => channelInline(channel))},
	];
	if ((rights.exportFormats ?? []).length > 0) {
		blocks.push({
			type: 'paragraph',
			text: t.t('exercise.formats', {
				formats: listInWords(
					rights.exportFormats!.map((format) => t.s(`format.${format}`)),
					'or',
				),
			}),
		});
	}

	blocks.push(
		{type: 'paragraph', text: labelled(t.s('exercise.identity'), [sentence(rights.verification)])},
		...exercising.blocks,
		{
			type: 'paragraph',
			text: labelled(t.s('exercise.agents'), [sentence(rights.authorizedAgents)]),
		},
	);
	parts.push({title: t.s('exercise.title'), serves: exercising.serves, blocks});
	const complaints = contribute(ctx, 'complaints');
	if (complaints.blocks.length > 0) {
		parts.push({
			title: t.s('complaints.title'),
			serves: complaints.serves,
			blocks: complaints.blocks,
		});
	}

	return parts;
}

/** Headings one level up, for parts that stand as sections of their own. */
function raise(blocks: Block[]): Block[] {
	return blocks.map((block) =>
		block.type === 'heading' && block.level > 2
			? {...block, level: (block.level - 1) as 2 | 3}
			: block,
	);
}

/** "Your rights" in the policy: an introduction, then each part as a subsection. */
export function rightsSection(ctx: DraftContext): Section {
	const parts = rightsParts(ctx);
	return {
		title: t.s('title.rights'),
		serves: parts.flatMap((part) => part.serves),
		blocks: [
			{type: 'paragraph', text: t.t('rights.intro')},
			...parts.flatMap((part): Block[] => [
				{type: 'heading', level: 3, text: [part.title]},
				...part.blocks,
			]),
		],
	};
}

/** The data-rights document: the same parts, standing on their own (for a README or help centre). */
export function draftRights(answers: Answers): DocumentModel {
	const ctx = draftContext(answers);
	return {
		kind: 'rights',
		title: t.t('title.rightsDocument', {service: answers.service.name}),
		intro: [
			{
				type: 'paragraph',
				text: t.t(tradingName(answers) ? 'rightsDocument.intro' : 'rightsDocument.introLegalName', {
					name: displayName(answers),
					legalName: answers.controller.legalName,
					service: answers.service.name,
					updated: formatDate(lastUpdated(answers)),
				}),
			},
		],
		sections: rightsParts(ctx).map((part) => ({...part, blocks: raise(part.blocks)})),
		contents: false,
	};
}
