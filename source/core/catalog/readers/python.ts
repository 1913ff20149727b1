import {
	isRecord,
	numberedLines,
	parseJson,
	forEachTomlEntry,
	tomlString,
	tomlStrings,
	type Sink,
	type Problems,
} from './text.js';

/** requirements*.txt, pyproject.toml (PEP 621, PEP 735, Poetry, uv), Pipfile and the lockfiles. */

/** PEP 503: lower case, runs of "-", "_" and "." as one "-". */
export function normalisePypi(name: string): string {
	return name.toLowerCase().replaceAll(/[-_.]+/g, '-');
}

/** The project name at the start of a PEP 508 requirement ("stripe[async]>=5; python_version>'3'"). */
const requirementName =
	/^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\]\s*)?(?:[<>=!~;@(,]|$)/;

function requirement(text: string): string | undefined {
	return requirementName.exec(text.trim())?.[1];
}

export function readRequirements(text: string, out: Sink, problems: Problems): void {
	let pending = '';
	let pendingLine = 0;
	for (const [raw, number] of numberedLines(text)) {
		// A trailing backslash continues the requirement on the next line.
		const withoutComment = raw.replace(/(^|\s)#.*$/, '');
		if (pending === '') pendingLine = number;
		if (withoutComment.endsWith('\\')) {
			pending += `${withoutComment.slice(0, -1)} `;
			continue;
		}

		const line = (pending + withoutComment).trim();
		pending = '';
		if (line === '') continue;
		if (line.startsWith('-')) {
			// Options (-r, -c, --index-url, --hash…); an editable VCS install names its egg.
			const egg = /#egg=([A-Za-z0-9._-]+)/.exec(line);
			if (egg) out.push({name: normalisePypi(egg[1]!), line: pendingLine, direct: true});
			continue;
		}

		// Paths and URLs of archives name no project.
		if (/^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(line)) continue;
		const name = requirement(line);
		if (name) {
			out.push({name: normalisePypi(name), line: pendingLine, direct: true});
		} else {
			problems.report(`line ${pendingLine} is not a requirement`);
		}
	}
}

const poetryTable = /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/;

export function readPyproject(text: string, out: Sink, problems: Problems): void {
	forEachTomlEntry(text, problems, (entry) => {
		const full = entry.table === '' ? entry.key : `${entry.table}.${entry.key}`;
		// PEP 621 and PEP 735 lists of requirement strings; uv's dev-dependencies.
		if (
			full === 'project.dependencies' ||
			/^project\.optional-dependencies\.[^.]+$/.test(full) ||
			/^dependency-groups\.[^.]+$/.test(full) ||
			full === 'tool.uv.dev-dependencies'
		) {
			for (const item of tomlStrings(entry.value, entry.line)) {
				const name = requirement(item.text);
				if (name) out.push({name: normalisePypi(name), line: item.line, direct: true});
			}

			return;
		}

		// Poetry: one key per dependency (`stripe = "^5"`, `stripe = {version = "^5"}`).
		if (poetryTable.test(entry.table)) {
			const name = entry.key.split('.')[0]!;
			if (name !== 'python') out.push({name: normalisePypi(name), line: entry.line, direct: true});
		}
	});
}

export function readPipfile(text: string, out: Sink, problems: Problems): void {
	forEachTomlEntry(text, problems, (entry) => {
		if (entry.table === 'packages' || entry.table === 'dev-packages') {
			out.push({name: normalisePypi(entry.key.split('.')[0]!), line: entry.line, direct: true});
		}
	});
}

/** poetry.lock and uv.lock: a `[[package]]` table per package, its `name` a string. */
export function readPackageTables(text: string, out: Sink, problems: Problems): number {
	let packages = 0;
	forEachTomlEntry(text, problems, (entry) => {
		if (entry.arrayTable && entry.table === 'package' && entry.key === 'name') {
			const name = tomlString(entry.value);
			if (name === undefined) {
				problems.report(`the package name on line ${entry.line} is not a string`);
				return;
			}

			packages++;
			out.push({name: normalisePypi(name), line: entry.line, direct: false});
		}
	});
	return packages;
}

export function readPipfileLock(text: string, file: string, warnings: string[], out: Sink): void {
	const lock = parseJson(text, file, warnings);
	if (lock === undefined) return;
	if (!isRecord(lock)) {
		warnings.push(`${file} does not hold a JSON object; it was skipped.`);
		return;
	}

	for (const section of ['default', 'develop']) {
		const packages = lock[section];
		if (isRecord(packages)) {
			for (const name of Object.keys(packages))
				out.push({name: normalisePypi(name), line: 0, token: name, after: section, direct: false});
		}
	}
}
