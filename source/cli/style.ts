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
