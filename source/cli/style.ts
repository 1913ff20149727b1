import process from 'node:process';

/** Colour only for a terminal, and never when NO_COLOR is set (FORCE_COLOR forces it). */
export function colorEnabled(
	stream: NodeJS.WriteStream,
	env: NodeJS.ProcessEnv = process.env,
): boolean {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') {
		return false;
	}

	if (env['FORCE_COLOR'] !== undefined) {
		return env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false';
	}

	return stream.isTTY === true && env['TERM'] !== 'dumb';
}

const codes = {
	red: [31, 39],
	yellow: [33, 39],
	green: [32, 39],
	dim: [2, 22],
	bold: [1, 22],
} as const;

export type Paint = (style: keyof typeof codes, text: string) => string;

export function painter(enabled: boolean): Paint {
	return (style, text) =>
		enabled ? `\u001B[${codes[style][0]}m${text}\u001B[${codes[style][1]}m` : text;
}

// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[([\d;]*)m/g;

/** An SGR sequence without its colours (foreground, background, 256 and true colour). */
function uncoloured(parameters: string): string {
	const kept: string[] = [];
	const list = parameters.split(';');
	for (let index = 0; index < list.length; index++) {
		const code = Number(list[index]);
		if (code === 38 || code === 48) {
			// 38;5;N or 38;2;R;G;B
			index += list[index + 1] === '5' ? 2 : list[index + 1] === '2' ? 4 : 0;
		} else if (!((code >= 30 && code <= 49) || (code >= 90 && code <= 107))) {
			kept.push(list[index]!);
		}
	}

	return kept.join(';');
}

/**
The stream a UI draws on, as NO_COLOR asks: the same text and styles (bold, dim, inverse for a
cursor), no colours. For @inquirer (--plain), which colours by itself and cannot be told not to;
the Ink screens and the preview take their colours from ui/palette.tsx instead.
*/
export function withoutColour<T extends NodeJS.WriteStream>(stream: T): T {
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const text =
			typeof chunk === 'string'
				? chunk.replace(sgr, (sequence, parameters: string) => {
						if (parameters === '') return sequence;
						const kept = uncoloured(parameters);
						return kept === '' ? '' : `\u001B[${kept}m`;
					})
				: chunk;
		return (stream.write as (...parameters: unknown[]) => boolean)(text, ...rest);
	};

	return new Proxy(stream, {
		get: (target, property) => {
			if (property === 'write') return write;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function'
				? (value as (...parameters: unknown[]) => unknown).bind(target)
				: value;
		},
	});
}

/** The UI's stream: without colours under NO_COLOR (see colorEnabled). */
export function uiColour<T extends NodeJS.WriteStream>(
	stream: T,
	env: NodeJS.ProcessEnv = process.env,
): T {
	return env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '' ? withoutColour(stream) : stream;
}
