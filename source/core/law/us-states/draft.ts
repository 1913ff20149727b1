/**
The text of the state laws: a "US state privacy notice" section, a rights subsection, deadlines
and appeals, and the Attorneys General. Every sentence comes from messages.en.json; the states
named are only those whose law applies on the policy's date.
*/
import {lastUpdated} from '../../answers/derive.js';
import type {Answers} from '../../answers/types.js';
import {labelled} from '../../drafting/common.js';
import type {Block, Inline} from '../../drafting/markdown.js';
import type {Section} from '../../drafting/model.js';
import {formatDate, listInWords, sentence} from '../../drafting/text.js';
import type {DraftContext, Drafting, Part} from '../types.js';
import {categoryLines, categoryTable} from '../us/shared.js';
import {rightsOn, type Activity, type Right} from './data.js';
import {
	anyOf,
	draftedLaws,
	facts,
	fullLaws,
	minorsRules,
	sellsOrTargets,
	sellsSensitive,
	smallBusinessSensitiveSale,
	soldRecipients,
	statesOf,
	targets,
	type ScopedLaw,
} from './facts.js';
import {dutyCitations, text, type Key} from './scope.js';

const paragraph = (inline: Inline[]): Block => ({type: 'paragraph', text: inline});
const heading = (key: Key): Block => ({type: 'heading', level: 3, text: [text.s(key)]});

function laws(answers: Answers): Block {
	return {
		type: 'list',
		items: draftedLaws(answers).map((scope) =>
			labelled(
				`${scope.law.state}:`,
				scope.status === 'applies'
					? text.t('notice.law', {law: scope.law.law, citation: scope.law.citation})
					: text.t('notice.lawLimited', {
							law: scope.law.law,
							citation: dutyCitations(scope.law, scope.duties),
						}),
			),
		),
	};
}

function sensitiveNames(answers: Answers): string[] {
	return answers.dataItems
		.filter((item) => item.sensitive !== undefined || item.ccpaCategory === 'sensitive')
		.map((item) => item.name);
}

/** Recipients that are third parties under the state laws: not processors, or sold to, or used for targeted advertising. */
function thirdParties(answers: Answers): string[] {
	return answers.recipients
		.filter(
			(recipient) =>
				recipient.role !== 'processor' || recipient.sold === true || recipient.shared === true,
		)
		.map((recipient) => recipient.name);
}

function saleBlocks(answers: Answers, serves: string[]): Block[] {
	if (fullLaws(answers).length === 0) {
		return [];
	}

	const blocks: Block[] = [heading('sale.title')];
	const sold = soldRecipients(answers);
	const shared = answers.recipients
		.filter((recipient) => recipient.shared === true)
		.map((recipient) => recipient.name);
	blocks.push(
		paragraph(
			sold.length > 0 ? text.t('sale.sells', {names: listInWords(sold)}) : text.t('sale.none'),
		),
		paragraph(
			shared.length > 0
				? text.t('targeted.yes', {names: listInWords(shared)})
				: text.t('targeted.none'),
		),
		paragraph(
			answers.automatedDecisions.used
				? text.t('profiling.yes', {
						decisions: listInWords(
							answers.automatedDecisions.decisions.map((decision) => decision.name),
						),
					})
				: text.t('profiling.none'),
		),
	);
	if (sellsOrTargets(answers) || answers.automatedDecisions.used) {
		serves.push('US-STATES-OPTOUT');
		const link = answers.usStateLaws?.optOutLink;
		blocks.push(
			paragraph(
				link
					? text.t('optout.link', {link: [{link, text: [text.s('optout.linkText')]}]})
					: text.t('optout.channels'),
			),
		);
	}

	if (facts.uoomAsked(answers)) {
		serves.push('US-STATES-UOOM');
		blocks.push(paragraph(text.t(answers.usStateLaws?.honoursGpc === true ? 'gpc.yes' : 'gpc.no')));
	}

	return blocks;
}

function sensitiveBlocks(answers: Answers): Block[] {
	const full = fullLaws(answers);
	const small = smallBusinessSensitiveSale(answers);
	const state = answers.usStateLaws ?? {};
	const blocks: Block[] = [
		heading('sensitive.title'),
		paragraph(text.t('sensitive.items', {items: listInWords(sensitiveNames(answers))})),
	];
	if (state.sensitiveOptIn === true) {
		blocks.push(paragraph(text.t('sensitive.optIn')));
	} else {
		const optOut = full.filter((scope) => scope.law.sensitive === 'notice-opt-out');
		if (optOut.length > 0) {
			blocks.push(paragraph(text.t('sensitive.optOut', {states: anyOf(optOut)})));
		}

		if (small.length > 0 && !sellsSensitive(answers)) {
			blocks.push(paragraph(text.t('sensitive.notSold')));
		}
	}

	const strict = full.filter((scope) => scope.law.sensitive === 'strictly-necessary');
	if (strict.length > 0 && state.sensitiveStrictlyNecessary === true && !sellsSensitive(answers)) {
		blocks.push(paragraph(text.t('sensitive.strictlyNecessary', {states: anyOf(strict)})));
	}

	for (const scope of full) {
		for (const rule of scope.law.noSaleOf ?? []) {
			const items = answers.dataItems.filter((item) => item.sensitive?.category === rule.category);
			if (rule.from <= scope.date && items.length > 0 && !sellsSensitive(answers, rule.category)) {
				blocks.push(
					paragraph(
						text.t(`sensitive.noSale.${rule.category}` as Key, {
							state: scope.law.state,
							from: formatDate(rule.from),
						}),
					),
				);
			}
		}
	}

	if (state.biometricPolicy && facts.asksBiometricPolicy(answers)) {
		blocks.push(
			paragraph(text.t('sensitive.biometricPolicy', {link: [{autolink: state.biometricPolicy}]})),
		);
	}

	return blocks;
}

const activityOrder: readonly Activity[] = ['sale', 'targeted', 'profiling'];

/** "sell …, process … or profile …": the phrases hold "or" themselves, so no semicolons. */
function activities(list: readonly Activity[]): string {
	const phrases = activityOrder
		.filter((activity) => list.includes(activity))
		.map((activity) => text.s(`activity.${activity}` as Key));
	return phrases.length === 1
		? phrases[0]!
		: `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)!}`;
}

function minorsBlocks(answers: Answers): Block[] {
	const blocks: Block[] = [heading('minors.title')];
	const state = answers.usStateLaws ?? {};
	if (state.minorsKnown === true) {
		const rules = minorsRules(answers);
		if (rules.length > 0) {
			blocks.push({
				type: 'list',
				items: rules.map(({scope, rule}) =>
					labelled(
						`${scope.law.state}:`,
						text.t(`minors.rule.${rule.rule}` as Key, {
							knowledge: text.s(rule.shouldHaveKnown ? 'minors.shouldHaveKnown' : 'minors.knows'),
							ages: rule.atLeast
								? text.s('minors.ages.between', {from: rule.atLeast, under: rule.under})
								: text.s('minors.ages.under', {under: rule.under}),
							activities: activities(rule.activities),
						}),
					),
				),
			});
		}

		if (rules.length > 0 && state.minorsTreatment === 'excluded') {
			blocks.push(paragraph(text.t('minors.excluded')));
		} else if (rules.length > 0 && state.minorsTreatment === 'consent') {
			blocks.push(paragraph(text.t('minors.consent')));
		}
	}

	if (answers.children.minimumAge < 13) {
		blocks.push(paragraph(text.t('minors.coppa')));
	}

	return blocks.length > 1 ? blocks : [];
}

function thirdPartyBlocks(answers: Answers): Block[] {
	const full = fullLaws(answers);
	const blocks: Block[] = [heading('thirdParties.title')];
	const parties = thirdParties(answers);
	blocks.push(
		paragraph(
			parties.length > 0
				? text.t('thirdParties.list', {names: listInWords(parties)})
				: text.t('thirdParties.none'),
		),
	);
	const withRight = (right: Right): ScopedLaw[] =>
		full.filter((scope) => rightsOn(scope.law, scope.date).includes(right));
	const specific = withRight('thirdPartiesSpecific');
	if (specific.length > 0) {
		blocks.push(paragraph(text.t('thirdParties.specific', {states: anyOf(specific)})));
	}

	const categories = withRight('thirdPartiesCategories');
	if (categories.length > 0) {
		blocks.push(paragraph(text.t('thirdParties.categories', {states: anyOf(categories)})));
	}

	const buyers = draftedLaws(answers).filter((scope) =>
		(scope.law.anySize ?? []).some(
			(entry) => entry.duty === 'buyers-list' && entry.from <= scope.date,
		),
	);
	if (buyers.length > 0 && facts.thirdPartyList(answers)) {
		const sold = soldRecipients(answers);
		blocks.push(
			paragraph(
				sold.length > 0
					? text.t('thirdParties.buyers', {states: statesOf(buyers), names: listInWords(sold)})
					: text.t('thirdParties.noBuyers', {states: statesOf(buyers)}),
			),
		);
	}

	return blocks;
}

function texasNotice(answers: Answers): Block[] {
	if (!facts.texasSaleNotice(answers)) {
		return [];
	}

	return [
		paragraph([{strong: [text.s('texas.sensitive')]}]),
		...(sellsSensitive(answers, 'biometric')
			? [paragraph([{strong: [text.s('texas.biometric')]}])]
			: []),
	];
}

function noticeSection(ctx: DraftContext): Section | undefined {
	const {answers, index} = ctx;
	const drafted = draftedLaws(answers);
	if (drafted.length === 0) {
		return undefined;
	}

	const full = fullLaws(answers);
	const serves: string[] = [];
	const blocks: Block[] = [...texasNotice(answers)];
	if (blocks.length > 0) {
		serves.push('US-STATES-TX-NOTICE');
	}

	blocks.push(paragraph(text.t('notice.intro', {states: statesOf(drafted)})), laws(answers));
	if (full.some((scope) => scope.law.noticeRules?.lastUpdated)) {
		blocks.push(paragraph(text.t('notice.updated', {date: formatDate(lastUpdated(answers))})));
	}

	if (full.length > 0 || facts.thirdPartyList(answers)) {
		serves.push('US-STATES-NOTICE');
		blocks.push(
			heading('notice.collection'),
			categoryTable(answers, index),
			paragraph(text.t('notice.table')),
			paragraph(text.t('notice.retention')),
		);
		const llm = answers.usStateLaws?.llmTraining;
		if (llm !== undefined && facts.asksLlm(answers)) {
			blocks.push(paragraph(text.t(llm ? 'llm.yes' : 'llm.no')));
		}
	}

	blocks.push(...saleBlocks(answers, serves));
	if (facts.sensitiveNotice(answers)) {
		serves.push('US-STATES-SENSITIVE');
		blocks.push(...sensitiveBlocks(answers));
	} else if (answers.usStateLaws?.biometricPolicy && facts.asksBiometricPolicy(answers)) {
		serves.push('US-STATES-SENSITIVE');
		blocks.push(
			heading('sensitive.title'),
			paragraph(
				text.t('sensitive.biometricPolicy', {
					link: [{autolink: answers.usStateLaws.biometricPolicy}],
				}),
			),
		);
	}

	const minors = minorsBlocks(answers);
	if (minors.length > 0) {
		serves.push('US-STATES-MINORS');
		blocks.push(...minors);
	}

	if (facts.thirdPartyList(answers)) {
		serves.push('US-STATES-3P');
		blocks.push(...thirdPartyBlocks(answers));
	}

	const more: Block[] = [];
	if (answers.usStateLaws?.noticeAccessible === true && facts.asksAccessible(answers)) {
		more.push(paragraph(text.t('notice.accessible')));
	}

	more.push(paragraph(text.t('notice.contact', {email: [{autolink: answers.controller.email}]})));
	blocks.push(heading('notice.more'), ...more);
	return {title: text.s('notice.title'), serves, blocks};
}

const rightOrder: readonly Right[] = [
	'access',
	'inferences',
	'correct',
	'delete',
	'portability',
	'optOutTargeted',
	'optOutSale',
	'optOutProfiling',
	'questionProfiling',
	'thirdPartiesSpecific',
	'thirdPartiesCategories',
];

function rightsPart(ctx: DraftContext): (Part & {title: string}) | undefined {
	const {answers} = ctx;
	const full = fullLaws(answers);
	if (full.length === 0) {
		return undefined;
	}

	const items: Inline[][] = [];
	for (const right of rightOrder) {
		const where = full.filter((scope) => rightsOn(scope.law, scope.date).includes(right));
		if (where.length === 0) {
			continue;
		}

		let key = `right.${right}.text`;
		if (right === 'delete' && where.some((scope) => scope.law.deleteProvidedOnly)) {
			key = 'right.delete.textProvided';
		}

		const none =
			(right === 'optOutSale' && soldRecipients(answers).length === 0) ||
			(right === 'optOutTargeted' && !targets(answers)) ||
			(right === 'optOutProfiling' && !answers.automatedDecisions.used);
		items.push([
			{strong: [text.s(`right.${right}` as Key)]},
			' ',
			...text.t(where.length === full.length ? 'right.whereAll' : 'right.where', {
				states: statesOf(where),
			}),
			': ',
			...text.t(key as Key, {
				states: statesOf(where.filter((scope) => scope.law.deleteProvidedOnly)),
			}),
			...(none ? [' ', ...text.t('right.nothingToOptOut')] : []),
		]);
	}

	return {
		title: text.s('rights.title', {states: anyOf(full)}),
		serves: ['US-STATES-RIGHTS'],
		blocks: [
			paragraph(text.t('rights.intro')),
			{type: 'list', items},
			paragraph(text.t('rights.nonDiscrimination')),
		],
	};
}

/** The rights the summary names, in its order. */
const summaryRights: readonly Right[] = [
	'access',
	'correct',
	'delete',
	'portability',
	'optOutTargeted',
	'optOutSale',
	'optOutProfiling',
];

type Deadline = {days: number; extension?: number; verify?: boolean};

/** "within 60 days (Colorado: 45 days, …)": the most common deadline, then the others by state. */
function deadlines(
	laws: ReadonlyArray<{state: string; deadline: Deadline}>,
	phrase: (deadline: Deadline) => string,
): {main: string; others: string} {
	const groups = new Map<string, {deadline: Deadline; states: string[]}>();
	for (const {state, deadline} of laws) {
		const shown = deadline.verify ? {days: deadline.days} : deadline;
		const key = `${shown.days}/${shown.extension ?? 0}`;
		const group = groups.get(key) ?? {deadline: shown, states: []};
		group.states.push(state);
		groups.set(key, group);
	}

	const sorted = [...groups.values()].sort(
		(a, b) => b.states.length - a.states.length || a.deadline.days - b.deadline.days,
	);
	const [main, ...rest] = sorted;
	return {
		main: phrase(main!.deadline),
		others:
			rest.length === 0
				? ''
				: text.s('deadline.others', {
						list: rest
							.map((group) => `${listInWords(group.states)}: ${phrase(group.deadline)}`)
							.join('; '),
					}),
	};
}

function exercisingPart(ctx: DraftContext): Part | undefined {
	const {answers} = ctx;
	const full = fullLaws(answers);
	if (full.length === 0) {
		return undefined;
	}

	const response = deadlines(
		full.map((scope) => ({state: scope.law.state, deadline: {days: scope.law.response.days}})),
		(deadline) => text.s('deadline.days', {days: deadline.days}),
	);
	const extensions = [...new Set(full.map((scope) => scope.law.response.extension))];
	const blocks: Block[] = [
		paragraph([
			{strong: [text.s('exercise.label')]},
			' ',
			...text.t('exercise.deadline', {
				deadline: response.main,
				others: response.others,
				extension: listInWords(
					extensions.map((days) => String(days)),
					'or',
				),
			}),
		]),
	];
	if (answers.rights.channels.some((channel) => channel.kind !== 'in-app')) {
		blocks.push(paragraph(text.t('exercise.noAccount')));
	}

	const serves = ['US-STATES-RIGHTS'];
	const appeals = full.filter((scope) => scope.law.appeal !== null);
	if (appeals.length > 0 && answers.rights.appealHow) {
		serves.push('US-STATES-APPEAL');
		const appeal = deadlines(
			appeals.map((scope) => ({state: scope.law.state, deadline: scope.law.appeal!})),
			(deadline) =>
				deadline.extension
					? text.s('deadline.daysExtended', {days: deadline.days, extension: deadline.extension})
					: text.s('deadline.days', {days: deadline.days}),
		);
		blocks.push(
			paragraph([
				{strong: [text.s('appeal.label')]},
				' ',
				...text.t('appeal.how', {how: sentence(answers.rights.appealHow)}),
				' ',
				...text.t('appeal.deadline', {deadline: appeal.main, others: appeal.others}),
			]),
		);
	}

	return {serves, blocks};
}

function complaintsPart(ctx: DraftContext): Part | undefined {
	const appeals = fullLaws(ctx.answers).filter(
		(scope) => scope.law.appeal !== null && scope.law.attorneyGeneral !== null,
	);
	if (appeals.length === 0) {
		return undefined;
	}

	return {
		serves: ['US-STATES-APPEAL'],
		blocks: [
			paragraph(text.t('complaints.intro')),
			{
				type: 'list',
				items: appeals.map((scope) =>
					labelled(`${scope.law.state}:`, [
						`${scope.law.attorneyGeneral!.name.replace(/^the /, 'The ')}, `,
						{autolink: scope.law.attorneyGeneral!.url},
					]),
				),
			},
		],
	};
}

export const drafting: Drafting = {
	inventoryLines: (_ctx, item) => categoryLines(item),
	summaryRights(ctx) {
		const full = fullLaws(ctx.answers);
		if (full.length === 0) {
			return undefined;
		}

		// The rights every one of these states gives; the others are named under Your rights.
		const rights = full.map((scope) => new Set(rightsOn(scope.law, scope.date)));
		const everywhere = summaryRights.filter((right) => rights.every((set) => set.has(right)));
		const somewhere = new Set(rights.flatMap((set) => [...set]));
		return text.t('summary.rights', {
			states: anyOf(full),
			rights: listInWords(everywhere.map((right) => text.s(`summary.right.${right}` as Key))),
			appeal: full.every((scope) => scope.law.appeal !== null) ? text.s('summary.appeal') : '',
			more: somewhere.size > everywhere.length ? text.s('summary.more') : '',
		});
	},
	summaryNotes(ctx) {
		const {answers} = ctx;
		const notes: Inline[][] = [];
		if (facts.texasSaleNotice(answers)) {
			notes.push([text.s('texas.sensitive')]);
			if (sellsSensitive(answers, 'biometric')) {
				notes.push([text.s('texas.biometric')]);
			}
		}

		const full = fullLaws(answers);
		if (full.length > 0 && sellsOrTargets(answers)) {
			const sells = soldRecipients(answers).length > 0;
			const what = sells && targets(answers) ? 'both' : sells ? 'sale' : 'targeted';
			notes.push(text.t(`summary.trade.${what}` as Key, {states: anyOf(full)}));
		}

		return notes;
	},
	rights: rightsPart,
	exercising: exercisingPart,
	complaints: complaintsPart,
	notices(ctx) {
		const section = noticeSection(ctx);
		return section ? [section] : [];
	},
};
