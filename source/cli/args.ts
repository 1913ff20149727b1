import {parseArgs, type ParseArgsConfig} from 'node:util';
import {UsageError} from '../errors.js';
import {didYouMean} from './suggest.js';

export const commands = [
	'generate',
	'check',
	'diff',
	'preview',
	'answers',
	'processors',
	'scan',
	'init',
] as const;
export type CommandName = (typeof commands)[number] | 'wizard';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const globalOptions = {
	answers: {type: 'string'},
	example: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const satisfies Options;

export const commandOptions = {
	wizard: {plain: {type: 'boolean'}, force: {type: 'boolean'}},
	generate: {
		document: {type: 'string', short: 'd'},
		format: {type: 'string'},
		out: {type: 'string', short: 'o'},
		force: {type: 'boolean'},
	},
	check: {
		json: {type: 'boolean'},
		'no-scan': {type: 'boolean'},
		explain: {type: 'boolean'},
		base: {type: 'string'},
	},
	diff: {json: {type: 'boolean'}, accept: {type: 'boolean'}},
	preview: {document: {type: 'string', short: 'd'}, plain: {type: 'boolean'}},
	answers: {yes: {type: 'boolean', short: 'y'}},
	processors: {json: {type: 'boolean'}, search: {type: 'string'}},
	scan: {json: {type: 'boolean'}},
	init: {force: {type: 'boolean'}},
} as const satisfies Record<CommandName, Options>;

export type Parsed = {
	command: CommandName;
	positionals: string[];
	values: Record<string, string | boolean | undefined>;
};

/**
`--example` takes an optional name: `--example` alone means the default example. parseArgs has no
optional values, so a bare `--example` is rewritten to `--example=` before parsing. The next word
is the name unless it is a command or an `answers` action (resolveSource checks the name).
*/
function expandExample(argv: string[]): string[] {
	const out: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		const next = argv[index + 1];
		if (token !== '--example') {
			out.push(token);
		} else if (
			next !== undefined &&
			!next.startsWith('-') &&
			!(commands as readonly string[]).includes(next) &&
			!['export', 'import', 'path', 'reset'].includes(next)
		) {
			out.push(`--example=${next}`);
			index++;
		} else {
			out.push('--example=');
		}
	}

	return out;
}

/** Every option of every command, so values (`--answers new.json`) are told from commands. */
function allOptions(): Options {
	return Object.assign({}, globalOptions, ...Object.values(commandOptions)) as Options;
}

export function parseCommandLine(argv: string[]): Parsed {
	const expanded = expandExample(argv);
	const loose = parseArgs({
		args: expanded,
		options: allOptions(),
		allowPositionals: true,
		strict: false,
	});
	const first = loose.positionals[0];
	if (first !== undefined && !(commands as readonly string[]).includes(first)) {
		throw new UsageError(
			`Unknown command "${first}".${didYouMean(first, commands, (name) => `privacy-wizard ${name}`)} Commands: ${commands.join(', ')}. Run \`privacy-wizard --help\` for usage.`,
		);
	}

	const command: CommandName = first === undefined ? 'wizard' : (first as CommandName);
	const options = {...globalOptions, ...commandOptions[command]};
	let parsed;
	try {
		parsed = parseArgs({args: expanded, options, allowPositionals: true, strict: true});
	} catch (error) {
		throw new UsageError(usageMessage(error as Error, command));
	}

	const positionals = parsed.positionals.filter(
		(token, index) => !(index === 0 && token === command),
	);
	return {command, positionals, values: parsed.values as Parsed['values']};
}

function usageMessage(error: Error, command: CommandName): string {
	const unknown = /Unknown option '([^']+)'/.exec(error.message);
	const where = command === 'wizard' ? 'privacy-wizard' : `privacy-wizard ${command}`;
	if (unknown) {
		const names = Object.keys({...globalOptions, ...commandOptions[command]}).map(
			(name) => `--${name}`,
		);
		const typed = unknown[1]!.replace(/=.*$/, '');
		const elsewhere = Object.entries(commandOptions)
			.filter(([, options]) => Object.hasOwn(options, typed.replace(/^--/, '')))
			.map(([name]) => (name === 'wizard' ? 'privacy-wizard' : `privacy-wizard ${name}`));
		const hint = names.includes(typed)
			? ''
			: elsewhere.length > 0
				? ` ${typed} belongs to ${elsewhere.join(' and ')}.`
				: didYouMean(typed, names);
		return `Unknown option ${unknown[1]} for ${where}.${hint} Run \`${where} --help\` to see the options.`;
	}

	const missing = /Option '([^']+)(?: <value>)?' argument missing/.exec(error.message);
	if (missing) {
		return `${missing[1]} needs a value. Run \`${where} --help\` for usage.`;
	}

	return `${error.message.replace(/\.$/, '')}. Run \`${where} --help\` for usage.`;
}

export function oneOf<T extends string>(
	value: string | boolean | undefined,
	allowed: readonly T[],
	flag: string,
	fallback: T,
): T {
	if (value === undefined) {
		return fallback;
	}

	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw new UsageError(`Unknown ${flag} "${String(value)}": expected ${allowed.join(' or ')}.`);
	}

	return value as T;
}
