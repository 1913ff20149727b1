/**
`check`: every finding for a set of answers. The core's own (unanswered questions, placeholders,
vague retention, laws it cannot draft), each applicable regime's, and last the coverage check:
the policy drafted from the answers must state every checklist item of every law that applies,
so `check` is never green on missing text.
*/
import type {Answers, DraftAnswers, PartialAnswers} from '../answers/types.js';
import {isComplete} from '../answers/load.js';
import {applicableDocuments, draftContext} from '../drafting/compose.js';
import {draftPolicy} from '../drafting/policy.js';
import {servedIds} from '../drafting/model.js';
import {coreText} from '../drafting/text.js';
import {countryName} from '../jurisdictions/index.js';
import {applicabilityOf, unclaimedRegions} from '../law/applicability.js';
import {regimes, units} from '../law/registry.js';
import type {Applicability, CheckContext} from '../law/types.js';
import undrafted from '../../../questionnaires/law/undrafted.json' with {type: 'json'};
import {evaluate} from '../questionnaire/conditions.js';
import {formatPath, type AnswerPath} from '../questionnaire/paths.js';
import {gaps, pruneHidden} from '../questionnaire/walk.js';
import {checklistItem, checklists, coreChecklist, hasChecklistItem} from './checklist.js';
import {bySeverity, type Finding} from './finding.js';

export {hasErrors, type Finding, type Severity} from './finding.js';

export type CheckOptions = {
	/** Today's date (`YYYY-MM-DD`), for date rules. Passed in: the core reads no clock. */
	today: string;
	/** A catalog service's category, when the edge loaded the catalog. */
	catalogCategory?: (catalogId: string) => string | undefined;
};

/** The ids of the checklists of the units that apply (core included). */
function applicableLists(ctx: CheckContext): Set<string> {
	const ids = new Set(['core']);
	for (const regime of ctx.regimes) {
		ids.add(regime.id);
		if (regime.family) {
			ids.add(regime.family);
		}
	}

	return ids;
}

/** The checklist id a question's gap counts against: the first it serves of a law that applies. */
function gapId(serves: readonly string[] | undefined, lists: Set<string>): string {
	const applicable = (serves ?? []).filter(
		(id) => hasChecklistItem(id) && lists.has(checklistItem(id).regime),
	);
	return applicable[0] ?? 'CORE-ANSWERS';
}

function questionFindings(answers: PartialAnswers, lists: Set<string>): Finding[] {
	return gaps(answers).map((gap) => {
		const path = formatPath(gap.path);
		const where = `${gap.section.title} → ${gap.question.prompt}`;
		const id = gapId(gap.question.serves, lists);
		const item = checklistItem(id);
		return {
			id,
			severity: 'error',
			citation: item.citation,
			message:
				gap.kind === 'missing'
					? `Missing answer: ${where} (${path}).`
					: `${where} (${path}): ${gap.message}`,
			fix: `Run \`privacy-wizard\` and answer "${gap.question.prompt}" in the section "${gap.section.title}", or set ${path} in the answers file.`,
			regime: item.regime,
			questionId: gap.fullId,
			path,
		} satisfies Finding;
	});
}

function regionName(region: string): string {
	const key = `region.${region}`;
	return coreText.has(key) ? coreText.s(key) : region;
}

function lawFindings(
	answers: PartialAnswers,
	applicability: ReadonlyMap<string, Applicability>,
): Finding[] {
	const out: Finding[] = [];
	for (const region of unclaimedRegions(answers)) {
		out.push(
			coreChecklist.finding(
				'LAW-UNDRAFTED',
				'error',
				`You are established in or serve people in ${regionName(region)}, but privacy-wizard has no module for its law yet: the policy would be silent on it.`,
				'Have that part of the notice drafted by a lawyer; privacy-wizard will not call these answers complete while a law that applies is left out.',
				{questionId: 'audience.regions', path: 'audience.regions'},
			),
		);
	}

	const laws: Readonly<Record<string, string>> = undrafted.laws;
	for (const country of answers.audience?.otherCountries ?? []) {
		if (typeof country === 'string' && Object.hasOwn(laws, country)) {
			out.push(
				coreChecklist.finding(
					'LAW-UNDRAFTED',
					'error',
					`You target people in ${countryName(country)}, where ${laws[country]} may apply; privacy-wizard cannot draft it yet.`,
					`Check whether ${laws[country]} applies to you and have its notice drafted by a lawyer, or remove ${countryName(country)} from audience.otherCountries.`,
					{questionId: 'audience.otherCountries', path: 'audience.otherCountries'},
				),
			);
		}
	}

	for (const regime of regimes) {
		const state = applicability.get(regime.id);
		if (state?.status === 'unknown') {
			out.push(
				coreChecklist.finding(
					'LAW-UNDRAFTED',
					'error',
					`privacy-wizard cannot tell yet whether ${regime.name} apply to you: ${(state.missing ?? []).join(', ')} ${(state.missing ?? []).length === 1 ? 'is' : 'are'} not answered.`,
					`Answer ${(state.missing ?? []).join(' and ')} (run \`privacy-wizard\`, or set ${(state.missing ?? []).length === 1 ? 'it' : 'them'} in the answers file).`,
					{questionId: state.missing?.[0], path: state.missing?.[0]},
				),
			);
		}
	}

	return out;
}

const placeholder = /\b(TODO|TBD|FIXME|XXX|lorem ipsum)\b|\[[^\]\n]{0,40}\]|\{\{|<insert|\bN\/A\b/i;
/** Every string the founder wrote, with its path (iteratively: nesting depth is unbounded). */
function userStrings(value: unknown): Array<{path: AnswerPath; text: string}> {
	const out: Array<{path: AnswerPath; text: string}> = [];
	const stack: Array<{value: unknown; path: AnswerPath}> = [{value, path: []}];
	while (stack.length > 0) {
		const {value: current, path} = stack.pop()!;
		if (typeof current === 'string') {
			out.push({path, text: current});
		} else if (Array.isArray(current)) {
			for (let index = current.length - 1; index >= 0; index--) {
				stack.push({value: current[index], path: [...path, index]});
			}
		} else if (current !== null && typeof current === 'object') {
			const entries = Object.entries(current).reverse();
			for (const [key, item] of entries) {
				if (key !== '$schema') {
					stack.push({value: item, path: [...path, key]});
				}
			}
		}
	}

	return out;
}

function coreFindings(answers: PartialAnswers): Finding[] {
	const out: Finding[] = [];
	for (const {path, text} of userStrings(answers)) {
		const where = formatPath(path);
		if (placeholder.test(text)) {
			out.push(
				coreChecklist.finding(
					'CORE-PLACEHOLDER',
					'error',
					`${where} holds a placeholder: "${text.slice(0, 60)}".`,
					'Replace it with the real answer; a published policy must not contain placeholders.',
					{path: where},
				),
			);
		}

		if (/privacy\s+shield/i.test(text)) {
			out.push(
				coreChecklist.finding(
					'CORE-PRIVACY-SHIELD',
					'error',
					`${where} mentions Privacy Shield, which the CJEU invalidated in 2020 (Schrems II).`,
					'Name the EU-US Data Privacy Framework (only for certified importers) or the standard contractual clauses instead.',
					{path: where},
				),
			);
		}
	}

	const used = new Set((answers.purposes ?? []).flatMap((purpose) => purpose?.dataItems ?? []));
	for (const [index, item] of (answers.dataItems ?? []).entries()) {
		if (typeof item?.id === 'string' && (answers.purposes?.length ?? 0) > 0 && !used.has(item.id)) {
			out.push(
				coreChecklist.finding(
					'CORE-MINIMISATION',
					'warning',
					`dataItems[${index}] ("${item.name ?? ''}") is collected but no purpose uses it.`,
					'Add it to the purposes that use it, or stop collecting it and remove it (data minimisation).',
					{questionId: 'purposes.dataItems', path: `dataItems[${index}]`},
				),
			);
		}
	}

	return out;
}

/**
The drafted policy, with the documents of their own the laws that apply require, must serve every
checklist item that applies: an item of a law that applies, whose condition holds, that the text
has to state. What it misses is an error (a warning for items marked "verify").
*/
function coverageFindings(answers: Answers, ctx: CheckContext, lists: Set<string>): Finding[] {
	const served = servedIds(draftPolicy(answers));
	const drafting = draftContext(answers);
	for (const document of applicableDocuments(drafting)) {
		for (const id of servedIds(document.draft(drafting))) {
			served.add(id);
		}
	}

	const out: Finding[] = [];
	for (const list of checklists) {
		if (!lists.has(list.regime)) {
			continue;
		}

		for (const item of list.items) {
			if ((item.kind ?? 'notice') !== 'notice' || served.has(item.id)) {
				continue;
			}

			if (item.condition && !evaluate(item.condition, ctx.answers)) {
				continue;
			}

			out.push({
				id: item.id,
				severity: item.verify ? 'warning' : 'error',
				citation: item.citation,
				message: `The policy does not state: ${item.requirement}.`,
				fix: 'Answer the questions this item needs (run `privacy-wizard`); if every answer is given, report it: the drafter should state it.',
				regime: list.regime,
			});
		}
	}

	return out;
}

/** Every finding for a set of answers, errors first, in a stable order. */
export function checkAnswers(answers: DraftAnswers, options: CheckOptions): Finding[] {
	const visible = pruneHidden(answers as PartialAnswers);
	const applicability = applicabilityOf(visible);
	const applies = (id: string): boolean => applicability.get(id)?.status === 'applies';
	const ctx: CheckContext = {
		answers: visible,
		applicability,
		applies,
		regimes: regimes.filter((regime) => applies(regime.id)),
		today: options.today,
		...(options.catalogCategory ? {catalogCategory: options.catalogCategory} : {}),
	};
	const lists = applicableLists(ctx);
	const questions = questionFindings(visible, lists);
	const all = [
		...lawFindings(visible, applicability),
		...questions,
		...coreFindings(visible),
		...units.flatMap((unit) => (lists.has(unit.id) ? (unit.checks?.(ctx) ?? []) : [])),
	];
	if (questions.length === 0 && isComplete(visible as DraftAnswers)) {
		all.push(...coverageFindings(visible as unknown as Answers, ctx, lists));
	}

	return bySeverity(all);
}

/** Which laws apply and why, for `check`, its `--explain` and the wizard's review. */
export type LawReport = {
	id: string;
	name: string;
	title: string;
	status: Applicability['status'];
	reasons: string[];
	missing?: string[];
};

export function lawReport(answers: DraftAnswers): LawReport[] {
	const visible = pruneHidden(answers as PartialAnswers);
	const applicability = applicabilityOf(visible);
	return regimes.map((regime) => {
		const state = applicability.get(regime.id)!;
		return {
			id: regime.id,
			name: regime.name,
			title: regime.title,
			status: state.status,
			reasons: state.reasons,
			...(state.missing ? {missing: state.missing} : {}),
		};
	});
}
