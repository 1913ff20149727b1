import path from 'node:path';
import Conf from 'conf';
import {serializeAnswers} from '../core/answers/canonical.js';

/**
Write answers through conf: an atomic write of the canonical bytes (stable key order, two-space
indent, final newline). The file is read by our own loader, which reports line and column;
conf's reading is made lenient so that replacing a broken file on purpose (import) works, and
`clearInvalidConfig` stays off so conf never discards a file by itself.
*/
export async function writeAnswersFile(
	file: string,
	answers: Record<string, unknown>,
): Promise<void> {
	const extension = path.extname(file);
	const store = new Conf<Record<string, unknown>>({
		cwd: path.dirname(file),
		configName: path.basename(file, extension),
		fileExtension: extension.replace(/^\./, ''),
		projectSuffix: '',
		clearInvalidConfig: false,
		accessPropertiesByDotNotation: false,
		serialize: (value) => serializeAnswers(value),
		deserialize: (text) => {
			try {
				return JSON.parse(text) as Record<string, unknown>;
			} catch {
				return {};
			}
		},
	});
	store.store = answers;
}
