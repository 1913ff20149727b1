import {
	displayName,
	establishedInEea,
	gdprApplies,
	lastUpdated,
	sellsOrShares,
	servesCalifornia,
	servesEea,
	servesUk,
	usesConsent,
	usesDirectMarketing,
} from '../answers/derive.js';
import type {Answers, RightsChannel} from '../answers/types.js';
import {authorityFor, edpbMembersUrl} from '../jurisdictions/index.js';
import type {Block, Inline} from './markdown.js';
import type {DocumentModel, Section} from './model.js';
import {formatDate, label, legalTexts, phrase} from './text.js';

function channelInline(channel: RightsChannel): Inline[] {
	const name = label(legalTexts.rightsChannels, channel.kind);
	if (channel.kind === 'email') {
		return [{strong: [`${name}:`]}, ' ', {autolink: channel.value}];
	}

	if (channel.kind === 'form' && /^https?:\/\//.test(channel.value)) {
		return [{strong: [`${name}:`]}, ' ', {autolink: channel.value}];
	}

	return [{strong: [`${name}:`]}, ' ', channel.value];
}

function gdprRights(): Section {
	return {
		title: 'Your rights under the GDPR',
		serves: legalTexts.gdprRights.map((right) => right.id),
		blocks: [
			{
				type: 'paragraph',
				text: [
					'If you are in the European Economic Area or the United Kingdom, you have these rights over your personal data:',
				],
			},
			{
				type: 'list',
				items: legalTexts.gdprRights.map((right) => [
					{strong: [`${right.name} (${right.article}):`]},
					' ',
					right.text,
				]),
			},
		],
	};
}

function objectRight(answers: Answers): Section {
	return {
		title: 'Your right to object',
		serves: ['GDPR-R21'],
		blocks: [
			{
				type: 'paragraph',
				text: [
					{strong: ['Direct marketing.']},
					' ',
					...phrase(usesDirectMarketing(answers) ? 'objectMarketing' : 'objectMarketingNone'),
				],
			},
			{type: 'paragraph', text: [{strong: ['Other processing.']}, ' ', ...phrase('objectGeneral')]},
		],
	};
}

function consentRight(): Section {
	return {
		title: 'Withdrawing consent',
		serves: ['GDPR-13.2.c'],
		blocks: [{type: 'paragraph', text: phrase('withdrawConsent')}],
	};
}

function optOutRight(answers: Answers): Inline[] {
	const label: Inline = {strong: ['Right to opt out of sale or sharing:']};
	if (!sellsOrShares(answers)) {
		return [
			label,
			' we do not sell or share personal information, so there is nothing to opt out of today; the right stays yours.',
		];
	}

	const link = answers.california?.optOutLink;
	return [
		label,
		' use ',
		link
			? {link, text: ['Do Not Sell or Share My Personal Information']}
			: 'any of the channels below',
		'. ',
		...phrase(answers.california?.honoursGpc ? 'ccpaGpcYes' : 'ccpaGpcNo'),
	];
}

function californiaRights(answers: Answers): Section {
	const items: Inline[][] = [
		[
			{strong: ['Right to know:']},
			' the categories and specific pieces of personal information we have collected about you, its sources, purposes, and the categories of third parties we disclose it to.',
		],
		[
			{strong: ['Right to delete:']},
			' personal information we collected from you, subject to exceptions in the law.',
		],
		[{strong: ['Right to correct:']}, ' inaccurate personal information.'],
		optOutRight(answers),
		[
			{strong: ['Right to limit the use of sensitive personal information:']},
			...(answers.california?.sensitiveUse === 'beyond-permitted'
				? [
						' to the uses the law permits, at ',
						answers.california.limitLink
							? {
									link: answers.california.limitLink,
									text: ['Limit the Use of My Sensitive Personal Information'],
								}
							: 'any of the channels below',
						'.',
					]
				: [' we use it only for the purposes the law permits, so no further limit is needed.']),
		],
		[{strong: ['Right to non-discrimination:']}, ' ', ...phrase('ccpaNonDiscrimination')],
	];
	return {
		title: 'Your rights under California law',
		serves: ['CCPA-RIGHTS'],
		blocks: [
			{
				type: 'paragraph',
				text: ['If you are a California resident, the CCPA gives you these rights:'],
			},
			{type: 'list', items},
		],
	};
}

function exercising(answers: Answers): Section {
	const {rights} = answers;
	const gdpr = gdprApplies(answers);
	const california = servesCalifornia(answers);
	const serves = gdpr ? ['GDPR-12.3'] : [];
	if (california) {
		serves.push('CCPA-METHODS', 'CCPA-VERIFY', 'CCPA-AGENT');
	}

	const blocks: Block[] = [
		{
			type: 'paragraph',
			text: ['To exercise any of these rights, contact us through any of these channels:'],
		},
		{type: 'list', items: rights.channels.map((channel) => channelInline(channel))},
	];
	if (gdpr) {
		blocks.push(
			{type: 'paragraph', text: phrase('free')},
			{type: 'paragraph', text: phrase('deadline', {days: rights.responseDays})},
			{
				type: 'paragraph',
				text: [
					{strong: ['Identity checks.']},
					' ',
					...phrase('identity', {verification: rights.verification}),
				],
			},
		);
	}

	if (california) {
		blocks.push(
			{
				type: 'paragraph',
				text: [{strong: ['California requests.']}, ' ', ...phrase('ccpaDeadline')],
			},
			{
				type: 'paragraph',
				text: [
					{strong: ['Verification.']},
					' ',
					...phrase('ccpaVerification', {verification: rights.verification}),
				],
			},
		);
	}

	blocks.push({
		type: 'paragraph',
		text: [{strong: ['Authorized agents.']}, ' ', rights.authorizedAgents],
	});
	return {title: 'How to exercise your rights', serves, blocks};
}

function complaints(answers: Answers): Section {
	const blocks: Block[] = [];
	if (servesEea(answers) || establishedInEea(answers)) {
		blocks.push({type: 'paragraph', text: phrase('complaintEea')});
		// Only a controller established in the EEA has a lead authority (Article 56).
		const established = establishedInEea(answers);
		const authority =
			answers.rights.authority ??
			(established ? authorityFor(answers.controller.address.country) : undefined);
		if (authority) {
			blocks.push({
				type: 'paragraph',
				text: phrase(established ? 'complaintLead' : 'complaintNamed', {
					authority: [{link: authority.url, text: [authority.name]}],
				}),
			});
		}

		blocks.push({
			type: 'paragraph',
			text: [...phrase('complaintList'), ' ', {autolink: edpbMembersUrl}],
		});
	}

	if (servesUk(answers)) {
		blocks.push(
			{type: 'paragraph', text: phrase('complaintUk')},
			{
				type: 'paragraph',
				text: [
					'Information Commissioner’s Office: ',
					{autolink: 'https://ico.org.uk/make-a-complaint/'},
				],
			},
		);
	}

	return {title: 'Complaints', serves: ['GDPR-13.2.d'], blocks};
}

/** The rights sections: part of the policy, and on their own as the data-rights document. */
export function rightsSections(answers: Answers, kind: 'policy' | 'rights'): Section[] {
	const gdpr = gdprApplies(answers);
	const parts: Section[] = [];
	if (gdpr) {
		parts.push(gdprRights(), objectRight(answers));
		if (usesConsent(answers)) {
			parts.push(consentRight());
		}
	}

	if (servesCalifornia(answers)) {
		parts.push(californiaRights(answers));
	}

	parts.push(exercising(answers));
	if (gdpr) {
		parts.push(complaints(answers));
	}

	if (kind === 'rights') {
		return parts;
	}

	return [
		{
			title: 'Your rights',
			serves: parts.flatMap((part) => part.serves),
			blocks: parts.flatMap((part): Block[] => [
				{type: 'heading', level: 3, text: [part.title]},
				...part.blocks,
			]),
		},
	];
}

export function draftRights(answers: Answers): DocumentModel {
	return {
		kind: 'rights',
		title: [`Your data rights with ${answers.service.name}`],
		intro: [
			{
				type: 'paragraph',
				text: [
					`${displayName(answers)} (${answers.controller.legalName}) is responsible for your personal data in ${answers.service.name}. This section explains your rights and how to use them. Last updated ${formatDate(lastUpdated(answers))}.`,
				],
			},
		],
		sections: rightsSections(answers, 'rights'),
		contents: false,
	};
}
