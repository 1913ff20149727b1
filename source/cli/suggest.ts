/** Edit distance with transpositions (`chek` → `check` is 1, `cehck` → `check` is 1). */
export function editDistance(a: string, b: string): number {
	const left = [...a];
	const right = [...b];
	const rows: number[][] = Array.from({length: left.length + 1}, (_, index) => [
		index,
		...Array.from<number>({length: right.length}).fill(0),
	]);
	for (let column = 0; column <= right.length; column++) rows[0]![column] = column;
	for (let row = 1; row <= left.length; row++) {
		for (let column = 1; column <= right.length; column++) {
			const cost = left[row - 1] === right[column - 1] ? 0 : 1;
			let best = Math.min(
				rows[row - 1]![column]! + 1,
				rows[row]![column - 1]! + 1,
				rows[row - 1]![column - 1]! + cost,
			);
			if (
				row > 1 &&
				column > 1 &&
				left[row - 1] === right[column - 2] &&
				left[row - 2] === right[column - 1]
			) {
				best = Math.min(best, rows[row - 2]![column - 2]! + 1);
			}

			rows[row]![column] = best;
		}
	}

	return rows[left.length]![right.length]!;
}

/**
The candidate a mistyped word most likely meant: within a third of its length in edits (at least
one), or one it starts (`proc` → `processors`). Undefined when nothing is close.
*/
export function closest(word: string, candidates: readonly string[]): string | undefined {
	const typed = word.toLowerCase();
	const limit = Math.max(1, Math.floor(typed.length / 3));
	let best: {candidate: string; distance: number} | undefined;
	for (const candidate of candidates) {
		const distance = editDistance(typed, candidate.toLowerCase());
		if (distance <= limit && (best === undefined || distance < best.distance)) {
			best = {candidate, distance};
		}
	}

	if (best) return best.candidate;
	const prefixed = candidates.filter(
		(candidate) => typed.length >= 3 && candidate.toLowerCase().startsWith(typed),
	);
	return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** " Did you mean `check`?" or nothing. */
export function didYouMean(
	word: string,
	candidates: readonly string[],
	show = (name: string) => name,
): string {
	const match = closest(word, candidates);
	return match === undefined ? '' : ` Did you mean \`${show(match)}\`?`;
}
