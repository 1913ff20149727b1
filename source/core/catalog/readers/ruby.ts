import {numberedLines, type Sink, type Problems} from './text.js';

/** Gemfile and Gemfile.lock. */

const gemLine = /^\s*gem\s*\(?\s*(["'])([A-Za-z0-9._-]+)\1/;

export function readGemfile(text: string, out: Sink): void {
	for (const [line, number] of numberedLines(text)) {
		const match = gemLine.exec(line);
		if (match) out.push({name: match[2]!, line: number, direct: true});
	}
}

const sectionsWithSpecs = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
const spec = /^ {4}([A-Za-z0-9._-]+) \(/;
const dependency = /^ {2}([A-Za-z0-9._-]+)(?:!| \(|$)/;

/**
Gemfile.lock: the `specs:` of the GEM, GIT and PATH sections list every gem (four spaces in;
their own dependencies are six in); DEPENDENCIES lists what the Gemfile declares.
*/
export function readGemfileLock(text: string, out: Sink, problems: Problems): void {
	let section = '';
	let sections = 0;
	for (const [line, number] of numberedLines(text)) {
		if (line === '') continue;
		if (!line.startsWith(' ')) {
			section = line.trim();
			sections++;
			continue;
		}

		if (sectionsWithSpecs.has(section)) {
			const match = spec.exec(line);
			if (match) out.push({name: match[1]!, line: number, direct: false});
		} else if (section === 'DEPENDENCIES') {
			const match = dependency.exec(line);
			if (match) {
				out.push({name: match[1]!, line: number, direct: true});
			} else {
				problems.report(`line ${number} is not a "name (requirement)" dependency`);
			}
		}
	}

	if (sections === 0 && text.trim() !== '') {
		problems.report('it has no sections (GEM, DEPENDENCIES…)');
	}
}
