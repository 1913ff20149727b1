import type {Answers} from '../answers/types.js';
import {applicabilityOf} from '../law/applicability.js';
import {regimes, units} from '../law/registry.js';
import type {DraftContext, Drafting, Part, RegimeDocument} from '../law/types.js';
import {buildIndex} from './common.js';

/** The context every drafted document shares: the answers and the laws that apply. */
export function draftContext(answers: Answers): DraftContext {
	const applicability = applicabilityOf(answers);
	const applies = (id: string): boolean => applicability.get(id)?.status === 'applies';
	return {
		answers,
		index: buildIndex(answers),
		applicability,
		applies,
		regimes: regimes.filter((regime) => applies(regime.id)),
	};
}

/**
The drafting of every unit that applies, in document order: each regime that applies, and each
family with a member that does.
*/
export function drafters(ctx: DraftContext): Drafting[] {
	return applyingDrafting(ctx.applies);
}

/** The drafting of each regime that applies and of each family with a member that does. */
export function applyingDrafting(applies: (regime: string) => boolean): Drafting[] {
	const ids = new Set(
		regimes
			.filter((regime) => applies(regime.id))
			.flatMap((regime) => [regime.id, ...(regime.family ? [regime.family] : [])]),
	);
	return units.filter((unit) => ids.has(unit.id) && unit.drafting).map((unit) => unit.drafting!);
}

type Slot = {
	[K in keyof Drafting]-?: NonNullable<Drafting[K]> extends (ctx: DraftContext) => unknown
		? K
		: never;
}[keyof Drafting];

type Result<K extends Slot> = NonNullable<ReturnType<NonNullable<Drafting[K]>>>;

/** What every applicable unit contributes to a slot that takes only the context. */
export function contributions<K extends Slot>(ctx: DraftContext, slot: K): Array<Result<K>> {
	const out: Array<Result<K>> = [];
	for (const drafting of drafters(ctx)) {
		const contribute = drafting[slot] as ((ctx: DraftContext) => Result<K> | undefined) | undefined;
		const value = contribute?.(ctx);
		if (value !== undefined) {
			out.push(value);
		}
	}

	return out;
}

/** The parts contributed to a slot, as one part. */
export function contribute(
	ctx: DraftContext,
	slot:
		'contacts' | 'recipients' | 'cookies' | 'automated' | 'children' | 'exercising' | 'complaints',
): Part {
	const parts = contributions(ctx, slot);
	return {
		serves: parts.flatMap((part) => part.serves),
		blocks: parts.flatMap((part) => part.blocks),
	};
}

/** Every document of its own a unit declares, applicable or not (for `--document` and labels). */
export const unitDocuments: readonly RegimeDocument[] = units.flatMap(
	(unit) => unit.drafting?.documents ?? [],
);

/** The documents of their own of the units that apply. */
export function applicableDocuments(ctx: DraftContext): RegimeDocument[] {
	return drafters(ctx).flatMap((drafting) => drafting.documents ?? []);
}
