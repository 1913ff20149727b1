/** Reading and writing nested answers without mutating them. */

export type Segment = string | number;
export type AnswerPath = readonly Segment[];

export function parsePath(path: string): Segment[] {
	return path.split('.').filter((part) => part !== '');
}

export function getAt(root: unknown, path: AnswerPath): unknown {
	let current: unknown = root;
	for (const segment of path) {
		if (current === null || typeof current !== 'object') {
			return undefined;
		}

		current = (current as Record<string, unknown>)[segment as string];
	}

	return current;
}

function isEmptyObject(value: unknown): boolean {
	return (
		value !== null &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.keys(value).length === 0
	);
}

/**
Set (or, with `undefined`, remove) the value at a path, copying only the objects on the way.
Objects left empty by a removal are removed too, so the saved file holds no `{}` litter.
*/
export function setAt<T>(root: T, path: AnswerPath, value: unknown): T {
	if (path.length === 0) {
		return value as T;
	}

	const [head, ...rest] = path as [Segment, ...Segment[]];
	const container: unknown = root ?? (typeof head === 'number' ? [] : {});
	if (Array.isArray(container)) {
		const copy = [...(container as unknown[])];
		const index = Number(head);
		const next = setAt(copy[index], rest, value);
		if (next === undefined && rest.length === 0) {
			copy.splice(index, 1);
		} else {
			copy[index] = next;
		}

		return copy as T;
	}

	const copy = {...(container as Record<string, unknown>)};
	const next = setAt(copy[head as string], rest, value);
	if (next === undefined || (rest.length > 0 && isEmptyObject(next))) {
		delete copy[head as string];
	} else {
		copy[head as string] = next;
	}

	return copy as T;
}

export function samePath(a: AnswerPath, b: AnswerPath): boolean {
	return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** `dataItems[2].name` — for messages and `check` findings. */
export function formatPath(path: AnswerPath): string {
	return path.reduce<string>(
		(out, segment) =>
			typeof segment === 'number'
				? `${out}[${segment}]`
				: out === ''
					? segment
					: `${out}.${segment}`,
		'',
	);
}

/** The inverse of formatPath: `purposes[1].retention` → `['purposes', 1, 'retention']`. */
export function parseDisplayPath(path: string): Segment[] {
	return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
		match[2] === undefined ? match[1]! : Number(match[2]),
	);
}
