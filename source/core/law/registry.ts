import type {Recipient} from '../answers/types.js';
import {br} from './br/index.js';
import {ca} from './ca/index.js';
import {ch} from './ch/index.js';
import {ePrivacy} from './eprivacy/index.js';
import {euGdpr} from './eu-gdpr/index.js';
import {gdprFamily} from './gdpr/index.js';
import {questionGroups} from './groups.js';
import type {Computed, Fact, Family, Regime, Unit} from './types.js';
import {uk} from './uk/index.js';
import {usCa} from './us-ca/index.js';
import {usStates} from './us-states/index.js';
import {usCoppa} from './us-coppa/index.js';
import {usHealth} from './us-health/index.js';

/**
Every regime privacy-wizard drafts, in the order their text appears. Adding a regime is a module
under source/core/law/ and questionnaires/law/, and one line here.
*/
export const regimes: readonly Regime[] = [
	euGdpr,
	uk,
	ePrivacy,
	ch,
	br,
	ca,
	usCa,
	usStates,
	usHealth,
	usCoppa,
];

/** Text shared by a family of regimes, drafted once before its members' own. */
export const families: readonly Family[] = [gdprFamily];

/** Everything that drafts or checks, in document order. */
export const units: readonly Unit[] = [...families, ...regimes];

export {questionGroups};

const regimeIds = new Map(regimes.map((regime) => [regime.id, regime]));

export function regimeById(id: string): Regime | undefined {
	return regimeIds.get(id);
}

/**
Per regime with a transfer rule: whether a recipient (the record) has a location outside the
territory that no adequacy finding covers, while the regime applies.
*/
function needsSafeguard(regime: Regime): Fact {
	const rule = regime.transfer!;
	return (_answers, record, env) =>
		env.applies(regime.id) &&
		(Array.isArray(record['locations']) ? (record['locations'] as unknown[]) : []).some(
			(country) =>
				typeof country === 'string' &&
				!rule.inside(country) &&
				!rule.adequate(country, record as Partial<Recipient>),
		);
}

const facts = new Map<string, Fact>();
const computed = new Map<string, Computed>();
for (const unit of units) {
	for (const [name, fact] of Object.entries(unit.facts ?? {})) {
		facts.set(`${unit.id}.${name}`, fact);
	}

	for (const [name, compute] of Object.entries(unit.computed ?? {})) {
		computed.set(`${unit.id}.${name}`, compute);
	}
}

for (const regime of regimes) {
	if (regime.transfer) {
		facts.set(`${regime.id}.recipientNeedsSafeguard`, needsSafeguard(regime));
	}
}

// Whether any recipient needs a transfer safeguard under any regime that applies.
facts.set('law.anySafeguardedTransfer', (answers, _record, env) =>
	[...facts.entries()]
		.filter(([name]) => name.endsWith('.recipientNeedsSafeguard'))
		.some(([, fact]) =>
			(answers.recipients ?? []).some((recipient) =>
				fact(answers, (recipient ?? {}) as Record<string, unknown>, env),
			),
		),
);

/** A fact by its full name (`uk.needsRepresentative`), for the questionnaire's conditions. */
export function factByName(name: string): Fact | undefined {
	return facts.get(name);
}

export function factNames(): string[] {
	return [...facts.keys()];
}

/** A computed default by its full name (`eu-gdpr.authorityName`). */
export function computedByName(name: string): Computed | undefined {
	return computed.get(name);
}

export function computedNames(): string[] {
	return [...computed.keys()];
}
