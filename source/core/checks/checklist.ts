import core from '../../../questionnaires/checklist.json' with {type: 'json'};
import {units} from '../law/registry.js';
import {regimeChecklist, type RegimeChecklist} from '../law/checklist.js';
import type {Checklist, ChecklistItem} from '../law/types.js';

/** The core's own items (answers, placeholders, retention, laws it cannot draft). */
export const coreChecklist: RegimeChecklist = regimeChecklist(core as Checklist);

/** Every checklist: the core's and each unit's (families and regimes), in document order. */
export const checklists: readonly Checklist[] = [
	core as Checklist,
	...units.flatMap((unit) => (unit.checklist ? [unit.checklist] : [])),
];

export type OwnedItem = ChecklistItem & {regime: string};

export const checklistItems: readonly OwnedItem[] = checklists.flatMap((list) =>
	list.items.map((item) => ({...item, regime: list.regime})),
);

const byId = new Map(checklistItems.map((item) => [item.id, item]));

export function checklistItem(id: string): OwnedItem {
	const item = byId.get(id);
	if (!item) {
		throw new Error(`Unknown checklist id ${id}`);
	}

	return item;
}

export function hasChecklistItem(id: string): boolean {
	return byId.has(id);
}
