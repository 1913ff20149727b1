import {
	countriesOutsideEea,
	displayName,
	gdprApplies,
	indirectItems,
	lastUpdated,
	saleOrSharing,
	servesCalifornia,
	servesEea,
	servesUk,
	specialItems,
	usesConsent,
} from '../answers/derive.js';
import type {Answers, Party, Purpose, Recipient} from '../answers/types.js';
import {countryInSentence, countryName, euAdequate, isEea} from '../jurisdictions/index.js';
import {californiaSection} from './california.js';
import {
	addressLine,
	buildIndex,
	type Index,
	itemNames,
	retentionText,
	sourceText,
} from './common.js';
import type {Block, Inline} from './markdown.js';
import type {DocumentModel, Section} from './model.js';
import {rightsSections} from './rights.js';
import {fill, formatDate, joinInline, label, legalTexts, listInWords, phrase} from './text.js';

const strong = (text: string): Inline => ({strong: [text]});

function labelled(name: string, value: Inline[]): Inline[] {
	return [strong(`${name}:`), ' ', ...value];
}

function contactInlines(party: {email: string; phone?: string}): Inline[] {
	const parts: Inline[][] = [[{autolink: party.email}]];
	if (party.phone) {
		parts.push([party.phone]);
	}

	return joinInline(parts, 'or');
}

function partyItems(party: Party): Inline[][] {
	const items: Inline[][] = [
		labelled('Name', [party.name]),
		labelled('Address', [addressLine(party.address)]),
		labelled('Contact', contactInlines(party)),
	];
	if (party.url) {
		items.push(labelled('Website', [{autolink: party.url}]));
	}

	return items;
}

function legalBasisInlines(purpose: Purpose): Inline[] {
	const basis = legalTexts.legalBases[purpose.legalBasis];
	return [
		strong(`${basis.label} (${basis.article})`),
		'. ',
		...fill(basis.explanation, {
			interest: purpose.legitimateInterest ?? '',
			obligation: purpose.legalObligation ?? '',
		}),
	];
}

function summarySection(answers: Answers): Section {
	const name = displayName(answers);
	const worth: Inline[][] = [];
	const outside = countriesOutsideEea(answers);
	if (gdprApplies(answers) && outside.length > 0) {
		worth.push([
			`Some of your data is processed outside the European Economic Area, in ${listInWords(outside.map((code) => countryInSentence(code)))}, under the safeguards described below.`,
		]);
	}

	const trade = saleOrSharing(answers);
	if (trade) {
		worth.push([
			`We ${trade} some personal information as California law defines ${trade === 'sell' ? 'selling' : trade === 'share' ? '"sharing" (for cross-context behavioral advertising)' : 'those terms'}; you can opt out.`,
		]);
	} else {
		worth.push([
			'We do not sell your personal information or share it for cross-context behavioral advertising.',
		]);
	}

	if (answers.automatedDecisions.used) {
		worth.push([
			'We make some decisions by automated means only; you can ask for a human to review them.',
		]);
	} else {
		worth.push(['We do not make decisions about you by automated means only.']);
	}

	if (specialItems(answers).length > 0) {
		worth.push(['We process special categories of data (see below).']);
	}

	const recipients = answers.recipients.map((recipient) => recipient.name);
	return {
		title: 'Summary',
		// The plain-language first layer; the rest of Article 12(1) (no placeholder, no TODO) holds
		// for the whole document because draft() accepts complete answers only.
		serves: ['GDPR-LAYER', 'GDPR-12.1'],
		blocks: [
			{
				type: 'list',
				items: [
					labelled('Who we are', [
						`${name}, the company responsible for your data. Contact: `,
						{autolink: answers.controller.email},
						'.',
					]),
					labelled('What we collect', [
						`${listInWords(answers.dataItems.map((item) => item.name))}.`,
					]),
					labelled('Why', [`${listInWords(answers.purposes.map((purpose) => purpose.name))}.`]),
					labelled('Who receives it', [
						recipients.length === 0
							? 'No one outside our company.'
							: `${listInWords(recipients)}, each only for the purpose stated below.`,
					]),
					labelled('Your rights', [
						gdprApplies(answers)
							? 'You can access, correct, delete, restrict and port your data, object to its use, withdraw consent and complain to a supervisory authority.'
							: 'You can ask to know, correct and delete your data and opt out of its sale or sharing.',
					]),
					...worth.map((item) => labelled('Worth knowing', item)),
				],
			},
		],
	};
}

function whoWeAreSection(answers: Answers): Section {
	const {controller, dpo} = answers;
	const serves = ['GDPR-13.1.a'];
	const identity: Inline[] = [
		controller.tradingName
			? `${controller.tradingName} is a trading name of ${controller.legalName}`
			: controller.legalName,
		`, which is responsible for your personal data (the "controller") when you use ${answers.service.name}. ${answers.service.description}`,
	];
	const contacts: Inline[][] = [
		labelled('Legal name', [controller.legalName]),
		labelled('Postal address', [addressLine(controller.address)]),
		labelled('Email', [{autolink: controller.email}]),
	];
	if (controller.contactForm) {
		contacts.push(labelled('Contact form', [{autolink: controller.contactForm}]));
	}

	if (controller.phone) {
		contacts.push(labelled('Phone', [controller.phone]));
	}

	if (controller.website) {
		contacts.push(labelled('Website', [{autolink: controller.website}]));
	}

	const blocks: Block[] = [
		{type: 'paragraph', text: identity},
		{type: 'list', items: contacts},
	];
	if (dpo.designated) {
		serves.push('GDPR-13.1.b');
		const items: Inline[][] = [];
		if (dpo.name) {
			items.push(labelled('Name', [dpo.name]));
		}

		items.push(labelled('Email', [{autolink: dpo.email}]));
		if (dpo.address) {
			items.push(labelled('Postal address', [addressLine(dpo.address)]));
		}

		if (dpo.phone) {
			items.push(labelled('Phone', [dpo.phone]));
		}

		blocks.push(
			{type: 'heading', level: 3, text: ['Data protection officer']},
			{
				type: 'paragraph',
				text: [
					'We have designated a data protection officer (Article 37 GDPR), whom you can contact directly:',
				],
			},
			{type: 'list', items},
		);
	} else if (gdprApplies(answers)) {
		blocks.push({type: 'paragraph', text: phrase('dpoNone')});
	}

	const representatives = answers.representatives ?? {};
	// Answers stay when a region is no longer served; only the regions served are disclosed.
	if (representatives.eu && servesEea(answers)) {
		serves.push('GDPR-13.1.a-REP');
		blocks.push(
			{type: 'heading', level: 3, text: ['Our representative in the European Union']},
			{
				type: 'paragraph',
				text: [
					'As we are not established in the EU, we have appointed a representative (Article 27 GDPR). You can contact them on any matter about your data:',
				],
			},
			{type: 'list', items: partyItems(representatives.eu)},
		);
	}

	if (representatives.uk && servesUk(answers)) {
		blocks.push(
			{type: 'heading', level: 3, text: ['Our representative in the United Kingdom']},
			{
				type: 'paragraph',
				text: [
					'As we are not established in the UK, we have appointed a representative (Article 27 UK GDPR):',
				],
			},
			{type: 'list', items: partyItems(representatives.uk)},
		);
	}

	return {title: 'Who we are', serves, blocks};
}

function dataSection(answers: Answers, index: Index): Section {
	const serves = ['GDPR-14.1.d'];
	const indirect = indirectItems(answers);
	if (indirect.length > 0) {
		serves.push('GDPR-14.2.f');
	}

	const rows = answers.dataItems.map((item): Inline[][] => {
		const purposes = index.purposesByItem.get(item.id) ?? [];
		return [
			[item.name, ...(item.description ? [`: ${item.description}`] : [])],
			[item.sources.map((source) => sourceText(source)).join('; ')],
			[
				purposes.length > 0
					? purposes.map((purpose) => purpose.name).join('; ')
					: 'Not used for any purpose',
			],
		];
	});
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: [
				`We collect the following personal data about ${listInWords(answers.audience.people)}. Where data does not come from you, the table names its source.`,
			],
		},
		{type: 'table', header: [['Data'], ['Where it comes from'], ['What we use it for']], rows},
	];
	if (indirect.length > 0) {
		blocks.push({
			type: 'paragraph',
			text: [
				`Some data comes from others rather than from you: ${listInWords(
					indirect.map((item) => {
						const sources = item.sources.filter((source) => source.kind === 'third-party');
						return `${item.name} (${sources.map((source) => sourceText(source)).join('; ')})`;
					}),
				)}.`,
			],
		});
	}

	return {title: 'The data we collect', serves, blocks};
}

function purposeBlocks(purpose: Purpose, position: number, index: Index, gdpr: boolean): Block[] {
	const items: Inline[][] = [
		labelled('Data', [`${listInWords(itemNames(purpose.dataItems, index))}.`]),
	];
	if (gdpr) {
		items.push(labelled('Legal basis', legalBasisInlines(purpose)));
	}

	// Article 13(2)(e) concerns data the person provides; data from others has nothing to give.
	const fromPerson = purpose.dataItems.some((id) =>
		index.items.get(id)?.sources.some((source) => source.kind === 'person'),
	);
	if (fromPerson) {
		items.push(
			labelled('Do you have to give it', [
				`${label(legalTexts.requirements, purpose.requirement)} If you do not: ${purpose.consequence}`,
			]),
		);
	}

	items.push(labelled('How long we keep it', [`${retentionText(purpose.retention)}.`]));
	if (purpose.directMarketing) {
		items.push(
			labelled('Direct marketing', ['You can object to this at any time; we will then stop.']),
		);
	}

	return [
		{type: 'heading', level: 3, text: [`${position}. ${purpose.name}`]},
		{type: 'paragraph', text: [purpose.description]},
		{type: 'list', items},
	];
}

function purposesSection(answers: Answers, index: Index): Section {
	const gdpr = gdprApplies(answers);
	const serves = ['GDPR-13.2.a', 'GDPR-13.2.e'];
	if (gdpr) {
		serves.push('GDPR-13.1.c');
		if (answers.purposes.some((purpose) => purpose.legalBasis === 'legitimate-interests')) {
			serves.push('GDPR-13.1.d');
		}
	}

	return {
		title: gdpr ? 'Why we use your data and on what legal basis' : 'Why we use your data',
		serves,
		blocks: [
			{
				type: 'paragraph',
				text: [
					gdpr
						? 'Each purpose below names the data it uses, the legal basis we rely on, whether you have to give the data, and how long we keep it.'
						: 'Each purpose below names the data it uses, whether you have to give it, and how long we keep it.',
				],
			},
			...answers.purposes.flatMap((purpose, position) =>
				purposeBlocks(purpose, position + 1, index, gdpr),
			),
		],
	};
}

function specialSection(answers: Answers): Section | undefined {
	const items = specialItems(answers);
	if (items.length === 0) {
		return undefined;
	}

	return {
		title: 'Special categories of data',
		serves: ['GDPR-9'],
		blocks: [
			{
				type: 'paragraph',
				text: [
					'Some of the data we process belongs to special categories that the law protects more strictly (Article 9 GDPR). We process it only under the condition named:',
				],
			},
			{
				type: 'list',
				items: items.map((item) => [
					strong(`${item.name}:`),
					` ${label(legalTexts.specialCategories, item.special!.category)}, on the basis of ${label(legalTexts.article9Conditions, item.special!.condition)}.${item.special!.detail ? ` ${item.special!.detail}` : ''}`,
				]),
			},
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

function recipientsSection(answers: Answers, index: Index): Section {
	if (answers.recipients.length === 0) {
		return {
			title: 'Who receives your data',
			serves: ['GDPR-13.1.e'],
			blocks: [{type: 'paragraph', text: phrase('recipientsNone')}],
		};
	}

	const rows = answers.recipients.map((recipient): Inline[][] => [
		recipientName(recipient),
		[label(legalTexts.roles, recipient.role)],
		[recipient.purpose],
		[listInWords(itemNames(recipient.dataItems, index))],
		[recipient.withheld ?? 'Anything not listed as received'],
		[listInWords(recipient.locations.map((code) => countryName(code)))],
		[
			label(legalTexts.consent, recipient.consent),
			...(recipient.choiceHow ? [`: ${recipient.choiceHow}`] : []),
		],
	]);
	return {
		title: 'Who receives your data',
		serves: ['GDPR-13.1.e'],
		blocks: [
			{
				type: 'paragraph',
				text: [
					'We share personal data only with the recipients below, each only for the purpose named. Processors act on our instructions under a data processing agreement; the link on each name leads to its own privacy policy.',
				],
			},
			{
				type: 'table',
				header: [
					['Recipient'],
					['Role'],
					['What for'],
					['Data it receives'],
					['Data it does not receive'],
					['Where'],
					['Your choice'],
				],
				rows,
			},
		],
	};
}

function transfersSection(answers: Answers): Section | undefined {
	if (!gdprApplies(answers)) {
		return undefined;
	}

	const outside = answers.recipients.filter((recipient) =>
		recipient.locations.some((country) => !isEea(country)),
	);
	if (outside.length === 0) {
		return {
			title: 'International transfers',
			serves: ['GDPR-13.1.f'],
			blocks: [{type: 'paragraph', text: phrase('transfersNone')}],
		};
	}

	// One row per country: an adequate country needs no safeguard, the others name the one used.
	// Completeness guarantees a safeguard wherever a country lacks adequacy.
	const rows = outside.flatMap((recipient) =>
		recipient.locations
			.filter((country) => !isEea(country))
			.map((country): Inline[][] => [
				[recipient.name],
				[countryName(country)],
				[
					label(
						legalTexts.safeguards,
						euAdequate(country) ? 'adequacy' : recipient.transferSafeguard!,
					),
				],
			]),
	);
	return {
		title: 'International transfers',
		serves: ['GDPR-13.1.f'],
		blocks: [
			{type: 'paragraph', text: phrase('transfersIntro')},
			{type: 'table', header: [['Recipient'], ['Country'], ['Safeguard']], rows},
			{
				type: 'paragraph',
				text: phrase('transfersCopy', {
					how: answers.transferCopyHow ?? [
						`by writing to `,
						{autolink: answers.controller.email},
						'.',
					],
				}),
			},
		],
	};
}

function retentionSection(answers: Answers, index: Index): Section {
	return {
		title: 'How long we keep your data',
		serves: ['GDPR-13.2.a', 'CCPA-RET'],
		blocks: [
			{
				type: 'paragraph',
				text: [
					'We keep personal data only as long as each purpose needs it, then delete or anonymise it:',
				],
			},
			{
				type: 'table',
				header: [['Purpose'], ['Data'], ['Retention']],
				rows: answers.purposes.map((purpose) => [
					[purpose.name],
					[listInWords(itemNames(purpose.dataItems, index))],
					[retentionText(purpose.retention)],
				]),
			},
		],
	};
}

function cookiesSection(answers: Answers): Section {
	if (!answers.cookies.used) {
		return {
			title: 'Cookies',
			serves: [],
			blocks: [
				{
					type: 'paragraph',
					text: [
						'We do not use cookies or similar technologies that store or read information on your device.',
					],
				},
			],
		};
	}

	const {items, consentHow} = answers.cookies;
	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: [
				'We use cookies and similar technologies. Essential ones are needed for the service to work. ',
				consentHow,
			],
		},
	];
	if (items.length > 0) {
		blocks.push({
			type: 'table',
			header: [['Cookie'], ['Set by'], ['Kind'], ['What for'], ['Kept for']],
			rows: items.map((cookie) => [
				[cookie.name],
				[cookie.provider],
				[label(legalTexts.cookieKinds, cookie.kind)],
				[cookie.purpose],
				[cookie.duration],
			]),
		});
	}

	return {title: 'Cookies', serves: [], blocks};
}

function automatedSection(answers: Answers): Section {
	const decisions = answers.automatedDecisions;
	if (!decisions.used) {
		return {
			title: 'Automated decisions',
			serves: ['GDPR-13.2.f'],
			blocks: [
				{
					type: 'paragraph',
					text: phrase(gdprApplies(answers) ? 'automatedNone' : 'automatedNoneUs'),
				},
			],
		};
	}

	return {
		title: 'Automated decisions',
		serves: ['GDPR-13.2.f'],
		blocks: [
			{
				type: 'paragraph',
				text: phrase(gdprApplies(answers) ? 'automatedIntro' : 'automatedIntroUs'),
			},
			// Numbered: two decisions with one name, or one named like another heading (a purpose,
			// "Complaints"), must not repeat a heading (markdownlint MD024).
			...decisions.decisions.flatMap((decision, index): Block[] => [
				{type: 'heading', level: 3, text: [`Decision ${index + 1}: ${decision.name}`]},
				{
					type: 'list',
					items: [
						labelled('How it works', [decision.logic]),
						labelled('What it means for you', [decision.significance]),
						labelled('Human review', [decision.humanReview]),
					],
				},
			]),
		],
	};
}

function childrenSection(answers: Answers): Section {
	const {children} = answers;
	if (!children.offered) {
		return {
			title: 'Children',
			serves: [],
			blocks: [{type: 'paragraph', text: phrase('childrenNotOffered', {age: children.minimumAge})}],
		};
	}

	return {
		title: 'Children',
		serves: ['GDPR-8'],
		blocks: [
			{
				type: 'paragraph',
				text: phrase('childrenOffered', {parentalConsent: children.parentalConsent ?? ''}),
			},
			...(servesUk(answers)
				? [{type: 'paragraph', text: phrase('ukChildren')} satisfies Block]
				: []),
		],
	};
}

function securitySection(answers: Answers): Section {
	return {
		title: 'How we protect your data',
		serves: [],
		blocks: [
			{
				type: 'paragraph',
				text: [
					gdprApplies(answers)
						? 'We protect personal data with technical and organisational measures (Article 32 GDPR), including:'
						: 'We protect personal information with reasonable security procedures and practices, including:',
				],
			},
			{
				type: 'list',
				items: answers.security.map((measure) => [
					label(legalTexts.security, measure.kind),
					...(measure.detail ? [`: ${measure.detail}`] : []),
					'.',
				]),
			},
		],
	};
}

function ukSection(answers: Answers): Section | undefined {
	if (!servesUk(answers)) {
		return undefined;
	}

	const blocks: Block[] = [{type: 'paragraph', text: phrase('ukIntro')}];
	if (answers.representatives?.uk) {
		blocks.push({
			type: 'paragraph',
			text: ['Our UK representative is named in the section on who we are.'],
		});
	}

	const ukNeeding = answers.recipients.filter((recipient) => recipient.ukTransferSafeguard);
	if (ukNeeding.length > 0) {
		blocks.push({
			type: 'list',
			items: ukNeeding.map((recipient) =>
				labelled(recipient.name, [
					`${label(legalTexts.safeguards, recipient.ukTransferSafeguard!)}.`,
				]),
			),
		});
	}

	blocks.push(
		{type: 'paragraph', text: phrase('ukTransfers')},
		{
			type: 'paragraph',
			text: [
				'How to complain to the Information Commissioner’s Office is set out under ',
				{link: '#your-rights', text: ['Your rights']},
				'.',
			],
		},
	);
	return {title: 'If you are in the United Kingdom', serves: ['UK-DELTA'], blocks};
}

function changesSection(answers: Answers): Section {
	const {document} = answers;
	const blocks: Block[] = [
		{type: 'paragraph', text: phrase('changes', {notice: document.changeNotice})},
		{
			type: 'paragraph',
			text: [
				`This policy is effective from ${formatDate(document.effectiveDate)} and was last updated on ${formatDate(lastUpdated(answers))}.`,
			],
		},
	];
	if (document.revisions.length > 0) {
		blocks.push({
			type: 'table',
			header: [['Date'], ['What changed']],
			rows: [...document.revisions]
				.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
				.map((revision) => [[formatDate(revision.date)], [revision.summary]]),
		});
	}

	return {title: 'Changes to this policy', serves: ['GDPR-13.3', 'CCPA-DATE'], blocks};
}

function contactSection(answers: Answers): Section {
	const items: Inline[][] = [
		labelled('Email', [{autolink: answers.controller.email}]),
		labelled('Post', [
			`${answers.controller.legalName}, ${addressLine(answers.controller.address)}`,
		]),
	];
	if (answers.dpo.designated) {
		items.push(labelled('Data protection officer', [{autolink: answers.dpo.email}]));
	}

	return {
		title: 'Contact us',
		serves: ['GDPR-13.1.a'],
		blocks: [
			{type: 'paragraph', text: ['For any question about this policy or your data:']},
			{type: 'list', items},
		],
	};
}

export function draftPolicy(answers: Answers): DocumentModel {
	const index = buildIndex(answers);
	const sections = [
		summarySection(answers),
		whoWeAreSection(answers),
		dataSection(answers, index),
		purposesSection(answers, index),
		specialSection(answers),
		recipientsSection(answers, index),
		transfersSection(answers),
		retentionSection(answers, index),
		cookiesSection(answers),
		automatedSection(answers),
		childrenSection(answers),
		securitySection(answers),
		...rightsSections(answers, 'policy'),
		servesCalifornia(answers) ? californiaSection(answers, index) : undefined,
		ukSection(answers),
		changesSection(answers),
		contactSection(answers),
	].filter((section): section is Section => section !== undefined);
	return {
		kind: 'policy',
		title: [`Privacy policy for ${answers.service.name}`],
		intro: [
			{
				type: 'paragraph',
				text: [
					`Effective ${formatDate(answers.document.effectiveDate)}. Last updated ${formatDate(lastUpdated(answers))}. `,
					`This policy explains how ${displayName(answers)} collects and uses personal data${usesConsent(answers) ? ', what you have agreed to,' : ''} and the rights you have.`,
				],
			},
		],
		sections,
		contents: true,
	};
}
