import type {DeepPartial, DraftAnswers, PartialAnswers, Recipient} from '../answers/types.js';
import {catalogService, catalogServices, type CatalogService} from '../catalog/catalog.js';
import type {Detection} from '../catalog/detect.js';
import {hasSignals, signalKindNames, signalKinds} from '../catalog/signals.js';
import {checklistItem} from './checklist.js';
import type {Finding} from './findings.js';

/**
Drift between the repository and the answers: a service the code uses that the policy does not
name is an error (Article 13(1)(e) wants every recipient named); an answered catalog service
with no trace left in the repo is only a warning, since many are used without an SDK (a
dashboard, a script tag, a server-side API call).
*/

export const noEvidenceId = 'SCAN-NO-EVIDENCE';

type PartialRecipient = DeepPartial<Recipient>;

function normalise(text: string): string {
	return text
		.normalize('NFKD')
		.replaceAll(/[\u0300-\u036F]/g, '')
		.toLowerCase()
		.replaceAll(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** Legal entities that more than one catalog service shares ("Google LLC") name no one service. */
const sharedEntities = (() => {
	const counts = new Map<string, number>();
	for (const service of catalogServices) {
		const entity = normalise(service.entity);
		counts.set(entity, (counts.get(entity) ?? 0) + 1);
	}

	return new Set([...counts].filter(([, count]) => count > 1).map(([entity]) => entity));
})();

/**
Whether an answered recipient stands for a catalog service: by its catalogId when it has one,
else by name (the service's name, id or legal entity) or by a legal entity that only this
service has.
*/
export function recipientIsService(recipient: PartialRecipient, service: CatalogService): boolean {
	if (typeof recipient.catalogId === 'string' && recipient.catalogId !== '') {
		return recipient.catalogId === service.id;
	}

	const name = typeof recipient.name === 'string' ? normalise(recipient.name) : '';
	const entity = typeof recipient.entity === 'string' ? normalise(recipient.entity) : '';
	const serviceName = normalise(service.name);
	const serviceEntity = normalise(service.entity);
	if (name !== '' && [serviceName, normalise(service.id), serviceEntity].includes(name)) {
		return true;
	}

	if (entity !== '' && entity === serviceName) {
		return true;
	}

	return entity !== '' && entity === serviceEntity && !sharedEntities.has(serviceEntity);
}

function recipientsOf(answers: DraftAnswers | PartialAnswers): PartialRecipient[] {
	const recipients = (answers as PartialAnswers).recipients;
	return Array.isArray(recipients)
		? recipients.filter(
				(recipient): recipient is PartialRecipient =>
					typeof recipient === 'object' && recipient !== null,
			)
		: [];
}

function listEvidence(evidence: string[]): string {
	const shown = evidence.slice(0, 3);
	const more = evidence.length - shown.length;
	return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** Kinds of signal a warning names at most, and values of each kind. */
const shownKinds = 3;
const shownValues = 1;

/** What a scan looked for, from the detector's own table of signal kinds. */
export function signalSummary(service: CatalogService): string {
	const byLabel = new Map<string, string[]>();
	for (const kind of signalKindNames) {
		const {label, show = (value: string) => value} = signalKinds[kind];
		for (const value of service.signals[kind] ?? []) {
			const list = byLabel.get(label) ?? [];
			list.push(show(value));
			byLabel.set(label, list);
		}
	}

	const parts = [...byLabel]
		.slice(0, shownKinds)
		.map(
			([label, values]) =>
				`${label} ${values.slice(0, shownValues).join(', ')}${values.length > shownValues ? ', …' : ''}`,
		);
	const more = byLabel.size - shownKinds;
	return `${parts.join('; ')}${more > 0 ? `; and ${more} other ${more === 1 ? 'kind' : 'kinds'} of signal` : ''}`;
}

/** The scan of the repository at an earlier revision, for drift in CI ("added since main"). */
export type DriftBase = {
	/** How the revision is named in messages: "origin/main (1a2b3c4)". */
	label: string;
	detections: readonly Detection[];
};

/**
Findings for the differences between the services a repository reveals and the recipients in
the answers: an error for each detected service that no recipient stands for, a warning for
each answered catalog service that has repo signals but none was found. With a base, each says
whether the service was added (or its trace removed) since then.
*/
export function driftFindings(
	answers: DraftAnswers | PartialAnswers,
	detections: readonly Detection[],
	base?: DriftBase,
): Finding[] {
	const atBase = new Set(base?.detections.map((detection) => detection.service.id));
	const recipients = recipientsOf(answers);
	const findings: Finding[] = [];
	const citation = checklistItem('GDPR-13.1.e').citation;
	const index = recipients.length;
	for (const {service, evidence} of detections) {
		if (recipients.some((recipient) => recipientIsService(recipient, service))) {
			continue;
		}

		findings.push({
			id: 'GDPR-13.1.e',
			severity: 'error',
			citation,
			message: `The repo uses ${service.name} (${listEvidence(evidence)})${base && !atBase.has(service.id) ? `, added since ${base.label}` : ''}, but the answers do not list it as a recipient: the policy must name it.`,
			fix: `Run \`npx privacy-wizard\` and add ${service.name} in the section "Processors and other recipients", or add a recipient with "catalogId": "${service.id}" to the answers file. If ${service.name} receives no personal data, remove the dependency or pass --no-scan.`,
			questionId: 'recipients',
			path: `recipients[${index}]`,
		});
	}

	const detected = new Set(detections.map((detection) => detection.service.id));
	recipients.forEach((recipient, position) => {
		const id = recipient.catalogId;
		if (typeof id !== 'string' || detected.has(id)) {
			return;
		}

		const service = catalogService(id);
		if (!service || !hasSignals(service)) {
			return;
		}

		const name = typeof recipient.name === 'string' ? recipient.name : service.name;
		findings.push({
			id: noEvidenceId,
			severity: 'warning',
			citation,
			message: `${name} is in the answers (catalogId "${id}"), but the repo shows no trace of it${atBase.has(id) ? `: what revealed it was removed since ${base!.label}` : ''} (looked for ${signalSummary(service)}). It may be used without an SDK.`,
			fix: `Nothing to do if ${name} still receives personal data (from a dashboard, a script tag or an API call); otherwise remove it from the recipients with \`npx privacy-wizard\`.`,
			questionId: 'recipients',
			path: `recipients[${position}]`,
		});
	});

	return findings;
}
