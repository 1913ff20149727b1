/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/** An operation that could not be done (bad file, findings, refused overwrite): exit code 1. */
export class OperationError extends Error {
	override name = 'OperationError';
}

/** The person pressed Ctrl-C: exit code 130, after saving. */
export class Interrupted extends Error {
	override name = 'Interrupted';
}

export const exitCodes = {ok: 0, failed: 1, usage: 2, interrupted: 130} as const;
