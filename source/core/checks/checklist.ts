import checklist from '../../../questionnaires/checklist.json' with {type: 'json'};

export type ChecklistJurisdiction = 'eea' | 'uk' | 'california';

export type ChecklistItem = {
	id: string;
	jurisdiction: ChecklistJurisdiction;
	requirement: string;
	citation: string;
	condition?: string;
};

export const checklistItems = checklist.items as ChecklistItem[];

const byId = new Map(checklistItems.map((item) => [item.id, item]));

export function checklistItem(id: string): ChecklistItem {
	const item = byId.get(id);
	if (!item) {
		throw new Error(`Unknown checklist id ${id}`);
	}

	return item;
}
