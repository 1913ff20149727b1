import {numberedLines, type Sink, type Problems} from './text.js';

/** go.mod: `require` lines and blocks; `// indirect` marks a module the code does not import. */

const modulePath = /^("?)([^\s"]+)\1\s+\S+/;

export function readGoMod(text: string, out: Sink, problems: Problems): void {
	let block = '';
	let sawModule = false;
	for (const [raw, number] of numberedLines(text)) {
		const line = raw.trim();
		if (line === '' || line.startsWith('//')) continue;
		if (block !== '') {
			if (line === ')') {
				block = '';
			} else if (block === 'require') {
				requireLine(line, number, out, problems);
			}

			continue;
		}

		const directive = /^([a-z]+)\b\s*(.*)$/.exec(line);
		if (!directive) {
			problems.report(`line ${number} is not a go.mod directive`);
			continue;
		}

		const [, verb, rest] = directive as unknown as [string, string, string];
		if (verb === 'module') sawModule = true;
		if (rest === '(') {
			block = verb;
		} else if (verb === 'require') {
			requireLine(rest, number, out, problems);
		}
	}

	if (!sawModule && text.trim() !== '') {
		problems.report('it has no module line');
	}
}

function requireLine(line: string, number: number, out: Sink, problems: Problems): void {
	const match = modulePath.exec(line);
	if (!match) {
		problems.report(`line ${number} is not a "module version" requirement`);
		return;
	}

	out.push({name: match[2]!, line: number, direct: !/\/\/\s*indirect\b/.test(line)});
}
