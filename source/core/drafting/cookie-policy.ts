/**
The cookie policy: every cookie or similar technology the answers name, with who sets it, whether
it is first or third party, what it is for, how long it lasts, its category and the legal basis for
it under each law that gives one (the ePrivacy rules where they apply), then how to choose.
*/
import {lastUpdated} from '../answers/derive.js';
import type {Cookie, CookieKind} from '../answers/types.js';
import type {CookieBasis, DraftContext} from '../law/types.js';
import {contribute, drafters} from './compose.js';
import {documentsText as d, updatedLine} from './documents-text.js';
import type {Block, Inline} from './markdown.js';
import type {DocumentModel, Section} from './model.js';
import {coreText as t, formatDate, sentence} from './text.js';

const kinds: readonly CookieKind[] = ['essential', 'preferences', 'analytics', 'marketing'];

/** The bases every law that applies gives a cookie, equal labels merged with their citations. */
function basesOf(ctx: DraftContext, cookie: Cookie): CookieBasis[] {
	const merged: CookieBasis[] = [];
	for (const unit of drafters(ctx)) {
		const basis = unit.cookieBasis?.(ctx, cookie);
		if (!basis) continue;
		const same = merged.find((other) => other.label === basis.label);
		if (same) {
			same.citation = `${same.citation}; ${basis.citation}`;
		} else {
			merged.push({...basis});
		}
	}

	return merged;
}

function listSection(ctx: DraftContext, items: Cookie[]): Section {
	const withBasis = items.some((cookie) => basesOf(ctx, cookie).length > 0);
	const blocks: Block[] = [];
	for (const kind of kinds) {
		const ofKind = items.filter((cookie) => cookie.kind === kind);
		if (ofKind.length === 0) continue;
		blocks.push(
			{type: 'heading', level: 3, text: [d.s('ck.heading', {category: t.s(`cookie.${kind}`)})]},
			{
				type: 'table',
				header: [
					[d.s('column.name')],
					[d.s('column.setBy')],
					[d.s('column.party')],
					[t.s('column.whatFor')],
					[d.s('column.keptFor')],
					...(withBasis ? [[d.s('column.basis')]] : []),
				],
				rows: ofKind.map((cookie): Inline[][] => [
					[cookie.name],
					[cookie.provider],
					[d.s(cookie.firstParty ? 'ck.party.first' : 'ck.party.third')],
					[cookie.purpose],
					[cookie.duration],
					...(withBasis
						? [
								[
									basesOf(ctx, cookie)
										.map((basis) => d.s('ck.basis', basis))
										.join('; '),
								],
							]
						: []),
				]),
			},
		);
	}

	return {
		title: d.s('ck.list.title'),
		serves: ['EPR-NOTICE'],
		blocks: blocks.length > 0 ? blocks : [{type: 'paragraph', text: d.t('ck.list.none')}],
	};
}

export function draftCookiePolicy(ctx: DraftContext): DocumentModel {
	const {answers} = ctx;
	const {cookies} = answers;
	const items = cookies.used ? cookies.items : [];
	const withBasis = items.some((cookie) => basesOf(ctx, cookie).length > 0);
	const values = {legalName: answers.controller.legalName, service: answers.service.name};
	const part = contribute(ctx, 'cookies');
	const choices: Block[] = [
		...(cookies.used ? [{type: 'paragraph', text: [sentence(cookies.consentHow)]} as Block] : []),
		{type: 'paragraph', text: d.t('ck.choices.browser')},
		...part.blocks,
	];
	return {
		kind: 'cookies',
		title: d.t('ck.title', {service: answers.service.name}),
		intro: [
			updatedLine(answers),
			{type: 'paragraph', text: d.t(withBasis ? 'ck.introBasis' : 'ck.intro', values)},
		],
		sections: [
			{
				title: d.s('ck.what.title'),
				serves: [],
				blocks: [{type: 'paragraph', text: d.t('ck.what.text')}],
			},
			listSection(ctx, items),
			{title: d.s('ck.choices.title'), serves: part.serves, blocks: choices},
			{
				title: d.s('ck.changes.title'),
				serves: [],
				blocks: [
					{type: 'paragraph', text: d.t('ck.changes.text')},
					{
						type: 'paragraph',
						text: t.t('changes.dates', {
							effective: formatDate(answers.document.effectiveDate),
							updated: formatDate(lastUpdated(answers)),
						}),
					},
				],
			},
			{
				title: d.s('ck.contact.title'),
				serves: [],
				blocks: [
					{
						type: 'paragraph',
						text: d.t('ck.contact.text', {email: [{autolink: answers.controller.email}]}),
					},
				],
			},
		],
		contents: true,
	};
}
