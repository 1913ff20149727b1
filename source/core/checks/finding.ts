export type Severity = 'error' | 'warning';

export type Finding = {
	/** Checklist id (`GDPR-13.1.f`), or a privacy-wizard id for repo and document checks. */
	id: string;
	severity: Severity;
	citation: string;
	/** What is missing or wrong. */
	message: string;
	/** How to fix it. */
	fix: string;
	/** The regime the finding belongs to, when it belongs to one. */
	regime?: string;
	/** The question that fixes it (its full id), for the wizard's jump key. */
	questionId?: string;
	/** Where in the answers, as people read it (`purposes[1].retention`). */
	path?: string;
};

export function hasErrors(findings: readonly Finding[]): boolean {
	return findings.some((item) => item.severity === 'error');
}

/** Errors first, then warnings; otherwise the order they were found in. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
	return [
		...findings.filter((item) => item.severity === 'error'),
		...findings.filter((item) => item.severity === 'warning'),
	];
}
