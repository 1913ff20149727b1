/**
The privacy policy: the regime-neutral facts of the answers (who, what, why, who receives it,
where, how long), composed with what each law that applies adds to them (legal bases, transfer
safeguards, rights, notices). The core never names a law; each regime module drafts its own.
*/
import {
	displayName,
	establishmentCountries,
	homeCountry,
	indirectItems,
	lastUpdated,
	processingCountries,
	tradingName,
} from '../answers/derive.js';
import type {Answers, Purpose, Recipient} from '../answers/types.js';
import {countryInSentence, countryName} from '../jurisdictions/index.js';
import type {BasisNote, DraftContext} from '../law/types.js';
import {itemNames, labelled, retentionText, sourceText, addressLine} from './common.js';
import {contribute, contributions, draftContext, drafters} from './compose.js';
import type {Block, Inline} from './markdown.js';
import type {DocumentModel, Section} from './model.js';
import {rightsSection} from './rights.js';
import {coreText as t, formatDate, listInWords, sentence} from './text.js';

function summarySection(ctx: DraftContext): Section {
	const {answers} = ctx;
	const name = displayName(answers);
	const recipients = answers.recipients.map((recipient) => recipient.name);
	const items: Inline[][] = [
		labelled(
			t.s('label.whoWeAre'),
			t.t((answers.otherControllers ?? []).length > 0 ? 'summary.whoRegional' : 'summary.who', {
				name,
				email: [{autolink: answers.controller.email}],
			}),
		),
		labelled(t.s('label.whatWeCollect'), [
			`${listInWords(answers.dataItems.map((item) => item.name))}.`,
		]),
		labelled(t.s('label.why'), [
			`${listInWords(answers.purposes.map((purpose) => purpose.name))}.`,
		]),
		labelled(
			t.s('label.whoReceives'),
			recipients.length === 0
				? t.t('summary.recipientsNone')
				: t.t(recipients.length === 1 ? 'summary.recipientsOne' : 'summary.recipientsMany', {
						recipients: listInWords(recipients),
					}),
		),
		labelled(
			t.s('label.where'),
			t.t('summary.where', {
				countries: listInWords(processingCountries(answers).map((code) => countryInSentence(code))),
			}),
		),
	];
	if (ctx.regimes.length > 0) {
		items.push(
			labelled(
				t.s('label.laws'),
				t.t('summary.laws', {laws: listInWords(ctx.regimes.map((regime) => regime.name))}),
			),
		);
	}

	for (const line of contributions(ctx, 'summaryRights')) {
		items.push(labelled(t.s('label.rights'), line));
	}

	const notes: Inline[][] = [
		t.t(answers.automatedDecisions.used ? 'summary.decisionsYes' : 'summary.decisionsNo'),
		...contributions(ctx, 'summaryNotes').flat(),
	];
	for (const note of notes) {
		items.push(labelled(t.s('label.worthKnowing'), note));
	}

	return {
		title: t.s('title.summary'),
		serves: ['GDPR-LAYER', 'GDPR-12.1'],
		blocks: [{type: 'list', items}],
	};
}

function whoWeAreSection(ctx: DraftContext): Section {
	const {answers} = ctx;
	const {controller, dpo, privacyContact} = answers;
	const serves = ['GDPR-13.1.a'];
	const trading = tradingName(answers);
	const identity: Inline[] = t.t('who.identity', {
		name: trading
			? t.s('who.tradingName', {
					tradingName: trading,
					legalName: controller.legalName,
				})
			: controller.legalName,
		service: answers.service.name,
		description: sentence(answers.service.description),
	});
	const contacts: Inline[][] = [
		labelled(t.s('label.legalName'), [controller.legalName]),
		labelled(t.s('label.postalAddress'), [addressLine(controller.address)]),
		labelled(t.s('label.email'), [{autolink: controller.email}]),
	];
	if (controller.contactForm) {
		contacts.push(labelled(t.s('label.contactForm'), [{autolink: controller.contactForm}]));
	}

	if (controller.phone) {
		contacts.push(labelled(t.s('label.phone'), [controller.phone]));
	}

	if (controller.website) {
		contacts.push(labelled(t.s('label.website'), [{autolink: controller.website}]));
	}

	const blocks: Block[] = [
		{type: 'paragraph', text: identity},
		{type: 'list', items: contacts},
	];
	const regional = answers.otherControllers ?? [];
	if (regional.length > 0) {
		blocks.push(
			{type: 'paragraph', text: t.t('who.regionalIntro')},
			{
				type: 'list',
				items: [
					...regional.map((other) =>
						t
							.t('who.regionalEntry', {
								regions: listInWords(
									other.serves.map((region) => t.s(`region.${region}`)),
									'and',
								),
								name: other.legalName,
								address: addressLine(other.address),
								email: [{autolink: other.email}],
							})
							.map((node, position) =>
								position === 0 && typeof node === 'string' ? capitalise(node) : node,
							),
					),
					t.t('who.regionalElsewhere', {name: controller.legalName}),
				],
			},
		);
	}

	if (dpo.designated) {
		serves.push('GDPR-13.1.b');
		const items: Inline[][] = [];
		if (dpo.name) {
			items.push(labelled(t.s('label.name'), [dpo.name]));
		}

		items.push(labelled(t.s('label.email'), [{autolink: dpo.email}]));
		blocks.push(
			{type: 'heading', level: 3, text: [t.s('title.dpo')]},
			{type: 'paragraph', text: t.t('who.dpoIntro')},
			{type: 'list', items},
		);
	} else if (privacyContact) {
		blocks.push(
			{type: 'heading', level: 3, text: [t.s('title.privacyContact')]},
			{type: 'paragraph', text: t.t('who.contactIntro')},
			{
				type: 'list',
				items: [
					labelled(t.s('label.name'), [privacyContact.name]),
					...(privacyContact.role ? [labelled(t.s('label.role'), [privacyContact.role])] : []),
					labelled(t.s('label.email'), [{autolink: privacyContact.email}]),
				],
			},
		);
	}

	const parts = contribute(ctx, 'contacts');
	return {
		title: t.s('title.whoWeAre'),
		serves: [...serves, ...parts.serves],
		blocks: [...blocks, ...parts.blocks],
	};
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function statementsOf(ctx: DraftContext, id: string): string[] {
	const state = ctx.applicability.get(id);
	return state?.statements ?? state?.reasons ?? [];
}

function lawsSection(ctx: DraftContext): Section | undefined {
	if (ctx.regimes.length === 0) {
		return undefined;
	}

	const blocks: Block[] = [
		{type: 'paragraph', text: t.t('laws.intro')},
		{
			type: 'list',
			items: ctx.regimes.map((regime) =>
				t.t('laws.entry', {
					law: capitalise(regime.title),
					reasons: listInWords(statementsOf(ctx, regime.id)),
				}),
			),
		},
	];
	if (ctx.answers.audience.regions.includes('other')) {
		blocks.push({type: 'paragraph', text: t.t('laws.elsewhere')});
	}

	return {title: t.s('title.laws'), serves: [], blocks};
}

function dataSection(ctx: DraftContext): Section {
	const {answers, index} = ctx;
	const serves = ['GDPR-14.1.d'];
	const indirect = indirectItems(answers);
	if (indirect.length > 0) {
		serves.push('GDPR-14.2.f');
	}

	const rows = answers.dataItems.map((item): Inline[][] => {
		const purposes = index.purposesByItem.get(item.id) ?? [];
		return [
			[
				item.name,
				...(item.description ? [`: ${item.description.trim().replace(/\.+$/, '')}`] : []),
			],
			[item.sources.map((source) => sourceText(source)).join('; ')],
			[
				purposes.length > 0
					? purposes.map((purpose) => purpose.name).join('; ')
					: t.s('data.unused'),
			],
		];
	});
	const blocks: Block[] = [
		{type: 'paragraph', text: t.t('data.intro', {people: listInWords(answers.audience.people)})},
		{
			type: 'table',
			header: [[t.s('column.data')], [t.s('column.source')], [t.s('column.use')]],
			rows,
		},
	];
	if (indirect.length > 0) {
		blocks.push({
			type: 'paragraph',
			text: t.t('data.indirect', {
				items: listInWords(
					indirect.map((item) => {
						const sources = item.sources.filter((source) => source.kind === 'third-party');
						return `${item.name} (${sources.map((source) => sourceText(source)).join('; ')})`;
					}),
				),
			}),
		});
	}

	return {title: t.s('title.data'), serves, blocks};
}

/** Legal bases that say the same under several laws merge into one line naming each law. */
function mergeBases(notes: BasisNote[]): BasisNote[] {
	const merged: BasisNote[] = [];
	for (const note of notes) {
		const key = JSON.stringify([note.label, note.explanation]);
		const same = merged.find((other) => JSON.stringify([other.label, other.explanation]) === key);
		if (same) {
			same.citation = `${same.citation}; ${note.citation}`;
			same.serves = [...new Set([...same.serves, ...note.serves])];
		} else {
			merged.push({...note, serves: [...note.serves]});
		}
	}

	return merged;
}

function purposeBlocks(
	ctx: DraftContext,
	purpose: Purpose,
	position: number,
): {blocks: Block[]; serves: string[]; bases: number} {
	const {index} = ctx;
	const serves: string[] = [];
	const items: Inline[][] = [
		labelled(t.s('label.data'), [`${listInWords(itemNames(purpose.dataItems, index))}.`]),
	];
	const bases = mergeBases(
		drafters(ctx).flatMap((unit) => unit.purposeBasis?.(ctx, purpose) ?? []),
	);
	for (const basis of bases) {
		serves.push(...basis.serves);
		items.push(
			labelled(t.s('label.basis'), [
				{strong: [`${basis.label} (${basis.citation}).`]},
				' ',
				...basis.explanation,
			]),
		);
	}

	// Article 13(2)(e) concerns data the person provides; data from others has nothing to give.
	const fromPerson = purpose.dataItems.some((id) =>
		index.items.get(id)?.sources.some((source) => source.kind === 'person'),
	);
	if (fromPerson) {
		serves.push('GDPR-13.2.e');
		items.push(
			labelled(
				t.s('label.required'),
				t.t('purposes.required', {
					requirement: t.s(`requirement.${purpose.requirement}`),
					consequence: sentence(purpose.consequence),
				}),
			),
		);
	}

	items.push(labelled(t.s('label.retention'), [`${retentionText(purpose.retention)}.`]));
	if (purpose.directMarketing) {
		items.push(labelled(t.s('label.marketing'), t.t('purposes.marketing')));
	}

	const blocks: Block[] = [
		{type: 'heading', level: 3, text: [`${position}. ${purpose.name}`]},
		{type: 'paragraph', text: [sentence(purpose.description)]},
		{type: 'list', items},
	];
	for (const unit of drafters(ctx)) {
		const part = unit.purposeLines?.(ctx, purpose);
		if (part) {
			serves.push(...part.serves);
			blocks.push(...part.blocks);
		}
	}

	return {blocks: mergeLists(blocks), serves, bases: bases.length};
}

/** Adjacent lists become one list, so a purpose's lines read as one. */
function mergeLists(blocks: Block[]): Block[] {
	const out: Block[] = [];
	for (const block of blocks) {
		const last = out.at(-1);
		if (block.type === 'list' && last?.type === 'list' && !block.ordered && !last.ordered) {
			out[out.length - 1] = {...last, items: [...last.items, ...block.items]};
		} else {
			out.push(block);
		}
	}

	return out;
}

function purposesSection(ctx: DraftContext): Section {
	const serves = ['GDPR-13.2.a', 'CCPA-PURP'];
	const blocks: Block[] = [];
	let withBases = false;
	for (const [position, purpose] of ctx.answers.purposes.entries()) {
		const drafted = purposeBlocks(ctx, purpose, position + 1);
		withBases ||=
			drafted.serves.includes('GDPR-13.1.c') || drafted.serves.some((id) => id.startsWith('BR-7'));
		serves.push(...drafted.serves);
		blocks.push(...drafted.blocks);
	}

	return {
		title: t.s(withBases ? 'title.purposesBases' : 'title.purposes'),
		serves: [...new Set(serves)],
		blocks: [
			{type: 'paragraph', text: t.t(withBases ? 'purposes.introBases' : 'purposes.intro')},
			...blocks,
		],
	};
}

function recipientName(recipient: Recipient): Inline[] {
	const name =
		recipient.entity && recipient.entity !== recipient.name
			? `${recipient.name} (${recipient.entity})`
			: recipient.name;
	return recipient.privacyUrl ? [{link: recipient.privacyUrl, text: [name]}] : [name];
}

function recipientsSection(ctx: DraftContext): Section {
	const {answers, index} = ctx;
	const serves = ['GDPR-13.1.e', 'CCPA-BP'];
	const blocks: Block[] = [];
	if (answers.recipients.length === 0) {
		blocks.push({type: 'paragraph', text: t.t('recipients.none')});
	} else {
		const links = answers.recipients.some((recipient) => recipient.privacyUrl);
		blocks.push(
			{
				type: 'paragraph',
				text: [...t.t('recipients.intro'), ...(links ? [' ', ...t.t('recipients.links')] : [])],
			},
			{
				type: 'table',
				header: [
					[t.s('column.recipient')],
					[t.s('column.role')],
					[t.s('column.whatFor')],
					[t.s('column.receives')],
					[t.s('column.notReceives')],
					[t.s('column.where')],
					[t.s('column.choice')],
				],
				rows: answers.recipients.map((recipient): Inline[][] => {
					const certified = (recipient.certifications ?? []).filter(
						(certification) => !certification.endsWith('dpf') && certification !== 'uk-extension',
					);
					return [
						recipientName(recipient),
						[t.s(`role.${recipient.role}`)],
						[
							recipient.purpose,
							...(recipient.noticeWhere
								? t.t('recipients.noticeWhere', {
										where: recipient.noticeWhere.trim().replace(/\.+$/, ''),
									})
								: []),
							...(certified.length > 0
								? t.t('recipients.certified', {
										certifications: listInWords(
											certified.map((certification) => t.s(`certification.${certification}`)),
										),
									})
								: []),
						],
						[listInWords(itemNames(recipient.dataItems, index))],
						[recipient.withheld ?? t.s('recipients.notListed')],
						[listInWords(recipient.locations.map((code) => countryName(code)))],
						[
							t.s(`consent.${recipient.consent}`),
							...(recipient.choiceHow ? [`: ${recipient.choiceHow}`] : []),
						],
					];
				}),
			},
		);
	}

	const part = contribute(ctx, 'recipients');
	serves.push(...part.serves);
	blocks.push(...part.blocks, ...otherDisclosures(answers));
	serves.push('X-OTHER');
	if (answers.processorRole.acts) {
		serves.push('X-PROC-ROLE');
		blocks.push(
			{type: 'heading', level: 3, text: [t.s('processor.title')]},
			{
				type: 'paragraph',
				text: t.t('processor.text', {
					data: (answers.processorRole.data ?? '').trim().replace(/\.+$/, ''),
				}),
			},
		);
	}

	return {title: t.s('title.recipients'), serves, blocks};
}

function otherDisclosures(answers: Answers): Block[] {
	const {otherDisclosures: other} = answers;
	const items: Inline[][] = [];
	if (other.legalRequests) {
		items.push(
			other.legalRequestVetting
				? t.t('other.legalVetting', {vetting: sentence(other.legalRequestVetting)})
				: t.t('other.legal'),
		);
	}

	if (other.advisers) {
		items.push(t.t('other.advisers'));
	}

	if (other.corporateTransactions) {
		items.push(t.t('other.transactions'));
	}

	return [
		{type: 'heading', level: 3, text: [t.s('other.title')]},
		...(items.length > 0
			? ([
					{type: 'paragraph', text: t.t('other.intro')},
					{type: 'list', items},
				] satisfies Block[])
			: ([{type: 'paragraph', text: t.t('other.none')}] satisfies Block[])),
	];
}

function whereSection(ctx: DraftContext): Section {
	const {answers} = ctx;
	const home = homeCountry(answers)!;
	const others = establishmentCountries(answers).filter((country) => country !== home);
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text:
				others.length === 0
					? t.t('where.home', {country: countryInSentence(home)})
					: t.t('where.homeMany', {
							country: countryInSentence(home),
							others: listInWords(others.map((code) => countryInSentence(code))),
						}),
		},
	];
	const serves: string[] = [];
	for (const part of contributions(ctx, 'transfers')) {
		serves.push(...part.serves);
		blocks.push({type: 'heading', level: 3, text: [part.title]}, ...part.blocks);
	}

	return {title: t.s('where.title'), serves, blocks};
}

function retentionSection(ctx: DraftContext): Section {
	const {answers, index} = ctx;
	return {
		title: t.s('title.retention'),
		serves: ['GDPR-13.2.a', 'CCPA-RET', 'CORE-RETENTION'],
		blocks: [
			{type: 'paragraph', text: t.t('retention.intro')},
			{
				type: 'table',
				header: [[t.s('column.purpose')], [t.s('column.data')], [t.s('column.retention')]],
				rows: answers.purposes.map((purpose) => [
					[purpose.name],
					[listInWords(itemNames(purpose.dataItems, index))],
					[retentionText(purpose.retention)],
				]),
			},
		],
	};
}

function cookiesSection(ctx: DraftContext): Section {
	const {cookies} = ctx.answers;
	const part = contribute(ctx, 'cookies');
	if (!cookies.used) {
		return {
			title: t.s('title.cookies'),
			serves: part.serves,
			blocks: [{type: 'paragraph', text: t.t('cookies.none')}, ...part.blocks],
		};
	}

	const blocks: Block[] = [
		{type: 'paragraph', text: t.t('cookies.intro', {consentHow: sentence(cookies.consentHow)})},
	];
	if (cookies.items.length > 0) {
		blocks.push({
			type: 'table',
			header: [
				[t.s('column.cookie')],
				[t.s('column.setBy')],
				[t.s('column.kind')],
				[t.s('column.whatFor')],
				[t.s('column.keptFor')],
			],
			rows: cookies.items.map((cookie) => [
				[cookie.name],
				[cookie.provider],
				[t.s(`cookie.${cookie.kind}`)],
				[cookie.purpose],
				[cookie.duration],
			]),
		});
	}

	return {title: t.s('title.cookies'), serves: part.serves, blocks: [...blocks, ...part.blocks]};
}

function automatedSection(ctx: DraftContext): Section {
	const decisions = ctx.answers.automatedDecisions;
	const part = contribute(ctx, 'automated');
	if (!decisions.used) {
		return {
			title: t.s('title.decisions'),
			serves: ['GDPR-13.2.f', ...part.serves],
			blocks: [{type: 'paragraph', text: t.t('decisions.none')}, ...part.blocks],
		};
	}

	return {
		title: t.s('title.decisions'),
		serves: ['GDPR-13.2.f', ...part.serves],
		blocks: [
			{type: 'paragraph', text: t.t('decisions.intro')},
			// Numbered: two decisions with one name, or one named like another heading, must not
			// repeat a heading (markdownlint MD024).
			...decisions.decisions.flatMap((decision, index): Block[] => [
				{type: 'heading', level: 3, text: [`Decision ${index + 1}: ${decision.name}`]},
				{
					type: 'list',
					items: [
						labelled(t.s('label.howItWorks'), [sentence(decision.logic)]),
						labelled(t.s('label.meaning'), [sentence(decision.significance)]),
						labelled(t.s('label.humanReview'), [sentence(decision.humanReview)]),
					],
				},
			]),
			...part.blocks,
		],
	};
}

function childrenSection(ctx: DraftContext): Section {
	const {children} = ctx.answers;
	const part = contribute(ctx, 'children');
	const first: Block = children.offered
		? {
				type: 'paragraph',
				text: t.t('children.offered', {
					age: children.minimumAge,
					parentalConsent: sentence(children.parentalConsent ?? ''),
				}),
			}
		: {type: 'paragraph', text: t.t('children.notOffered', {age: children.minimumAge})};
	return {title: t.s('title.children'), serves: part.serves, blocks: [first, ...part.blocks]};
}

function securitySection(ctx: DraftContext): Section {
	return {
		title: t.s('title.security'),
		serves: [],
		blocks: [
			{type: 'paragraph', text: t.t('security.intro')},
			{
				type: 'list',
				items: ctx.answers.security.map((measure) => [
					t.s(`security.${measure.kind}`),
					...(measure.detail ? [`: ${measure.detail.trim().replace(/\.+$/, '')}`] : []),
					'.',
				]),
			},
		],
	};
}

function changesSection(answers: Answers): Section {
	const {document} = answers;
	const blocks: Block[] = [
		{type: 'paragraph', text: t.t('changes.text', {notice: sentence(document.changeNotice)})},
		{
			type: 'paragraph',
			text: t.t('changes.dates', {
				effective: formatDate(document.effectiveDate),
				updated: formatDate(lastUpdated(answers)),
			}),
		},
	];
	if (document.revisions.length > 0) {
		blocks.push({type: 'paragraph', text: t.t('changes.history')});
		blocks.push({
			type: 'table',
			header: [[t.s('column.date')], [t.s('column.change')]],
			rows: [...document.revisions]
				.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
				.map((revision) => [[formatDate(revision.date)], [revision.summary]]),
		});
	}

	return {title: t.s('title.changes'), serves: ['GDPR-13.3', 'CCPA-DATE'], blocks};
}

function contactSection(answers: Answers): Section {
	const items: Inline[][] = [
		labelled(t.s('label.email'), [{autolink: answers.controller.email}]),
		labelled(t.s('label.post'), [
			`${answers.controller.legalName}, ${addressLine(answers.controller.address)}`,
		]),
	];
	if (answers.dpo.designated) {
		items.push(labelled(t.s('label.dpo'), [{autolink: answers.dpo.email}]));
	}

	return {
		title: t.s('title.contact'),
		serves: ['GDPR-13.1.a'],
		blocks: [
			{type: 'paragraph', text: t.t('contact.intro')},
			{type: 'list', items},
		],
	};
}

export function draftPolicy(answers: Answers): DocumentModel {
	const ctx = draftContext(answers);
	const sections = [
		summarySection(ctx),
		whoWeAreSection(ctx),
		lawsSection(ctx),
		dataSection(ctx),
		purposesSection(ctx),
		...contributions(ctx, 'afterPurposes').flat(),
		recipientsSection(ctx),
		whereSection(ctx),
		retentionSection(ctx),
		cookiesSection(ctx),
		automatedSection(ctx),
		childrenSection(ctx),
		securitySection(ctx),
		rightsSection(ctx),
		...contributions(ctx, 'notices').flat(),
		changesSection(answers),
		contactSection(answers),
	].filter((section): section is Section => section !== undefined);
	return {
		kind: 'policy',
		title: t.t('title.policy', {service: answers.service.name}),
		intro: [
			{
				type: 'paragraph',
				text: t.t('intro', {
					effective: formatDate(answers.document.effectiveDate),
					updated: formatDate(lastUpdated(answers)),
					name: displayName(answers),
				}),
			},
		],
		sections,
		contents: true,
	};
}
