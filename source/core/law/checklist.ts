import type {Finding, Severity} from '../checks/finding.js';
import type {Checklist, ChecklistItem} from './types.js';

export type FindingExtra = Pick<Finding, 'questionId' | 'path'> & {citation?: string};

/** A regime's checklist, with findings that take their citation from it. */
export type RegimeChecklist = {
	items: readonly ChecklistItem[];
	item(id: string): ChecklistItem;
	/**
	A finding on one of the regime's items. An item marked "verify" states unconfirmed law: its
	findings are warnings, never errors.
	*/
	finding(
		id: string,
		severity: Severity,
		message: string,
		fix: string,
		extra?: FindingExtra,
	): Finding;
};

export function regimeChecklist(data: Checklist): RegimeChecklist {
	const byId = new Map(data.items.map((item) => [item.id, item]));
	const item = (id: string): ChecklistItem => {
		const found = byId.get(id);
		if (!found) {
			throw new Error(`Regime ${data.regime} has no checklist item ${id}`);
		}

		return found;
	};

	return {
		items: data.items,
		item,
		finding(id, severity, message, fix, extra = {}) {
			const entry = item(id);
			return {
				id,
				severity: entry.verify ? 'warning' : severity,
				citation: extra.citation ?? entry.citation,
				message,
				fix,
				regime: data.regime,
				...(extra.questionId === undefined ? {} : {questionId: extra.questionId}),
				...(extra.path === undefined ? {} : {path: extra.path}),
			};
		},
	};
}
