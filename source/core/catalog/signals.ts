import type {CatalogService, CatalogSignals} from './catalog.js';

/**
Lookup tables from the catalog's signals to the services they reveal, built once per catalog.
Every lookup costs a few map reads, so detection stays linear in the size of what it reads.
*/

/** The package ecosystems a signal can name (each is a key of CatalogSignals). */
export type Ecosystem =
	'npm' | 'pypi' | 'gems' | 'go' | 'composer' | 'maven' | 'cocoapods' | 'swiftpm' | 'pub';

/** The kinds of signal the catalog has: the keys of CatalogSignals. */
export type SignalKind = keyof CatalogSignals;

/** The lookup tables of a SignalIndex that take one kind of signal each. */
type SignalTable =
	'npmScopes' | 'composerVendors' | 'mavenGroups' | 'env' | 'envPrefixes' | 'hosts';

/**
How the detector reads each kind of signal, and what people call it. The one list of signal
kinds: the index is built from it, and `check`'s warning for a service with no trace in the
repository names what was looked for from it. Typed over every key of CatalogSignals, so a new
kind of signal cannot be left out of either.
*/
export const signalKinds: {
	readonly [Kind in SignalKind]-?: {
		/** Where the index keeps it: an ecosystem's exact names, a table, or the snippet matcher. */
		read: {ecosystem: Ecosystem} | {table: SignalTable} | 'snippets';
		/** What a value is, in a sentence ("PyPI packages"). */
		label: string;
		/** How a value is shown: a prefix as `@sentry/*`. */
		show?: (value: string) => string;
	};
} = {
	npm: {read: {ecosystem: 'npm'}, label: 'npm packages'},
	npmScopes: {read: {table: 'npmScopes'}, label: 'npm packages', show: (scope) => `${scope}/*`},
	pypi: {read: {ecosystem: 'pypi'}, label: 'PyPI packages'},
	gems: {read: {ecosystem: 'gems'}, label: 'gems'},
	go: {read: {ecosystem: 'go'}, label: 'Go modules', show: (module) => `${module}/…`},
	composer: {read: {ecosystem: 'composer'}, label: 'Composer packages'},
	composerVendors: {
		read: {table: 'composerVendors'},
		label: 'Composer packages',
		show: (vendor) => `${vendor}/*`,
	},
	maven: {read: {ecosystem: 'maven'}, label: 'Maven artifacts'},
	mavenGroups: {
		read: {table: 'mavenGroups'},
		label: 'Maven artifacts',
		show: (group) => `${group}:*`,
	},
	cocoapods: {read: {ecosystem: 'cocoapods'}, label: 'CocoaPods'},
	swiftpm: {read: {ecosystem: 'swiftpm'}, label: 'Swift packages'},
	pub: {read: {ecosystem: 'pub'}, label: 'pub packages'},
	env: {read: {table: 'env'}, label: '.env.example keys'},
	envPrefixes: {
		read: {table: 'envPrefixes'},
		label: '.env.example keys',
		show: (prefix) => `${prefix}*`,
	},
	hosts: {read: {table: 'hosts'}, label: 'hosts in templates or headers'},
	snippets: {read: 'snippets', label: 'snippets in templates'},
};

export const signalKindNames = Object.keys(signalKinds) as SignalKind[];

export const ecosystems: readonly Ecosystem[] = signalKindNames.flatMap((kind) => {
	const {read} = signalKinds[kind];
	return typeof read === 'object' && 'ecosystem' in read ? [read.ecosystem] : [];
});

/** Whether the catalog gives any signal that a scan can find for the service. */
export function hasSignals(service: CatalogService): boolean {
	return signalKindNames.some((kind) => (service.signals[kind]?.length ?? 0) > 0);
}

/** A match of a snippet in a text: [start, end) and the snippet's service. */
export type SnippetMatch = {start: number; end: number; snippet: string; service: CatalogService};

/** Aho–Corasick over the snippets: every occurrence of every snippet in one pass. */
class SnippetAutomaton {
	private readonly next: Array<Map<number, number>> = [new Map()];
	private readonly fail: number[] = [0];
	private readonly out: number[][] = [[]];
	private readonly patterns: Array<{text: string; service: CatalogService}> = [];

	add(text: string, service: CatalogService): void {
		let node = 0;
		for (let index = 0; index < text.length; index++) {
			const code = text.charCodeAt(index);
			let child = this.next[node]!.get(code);
			if (child === undefined) {
				child = this.next.length;
				this.next.push(new Map());
				this.fail.push(0);
				this.out.push([]);
				this.next[node]!.set(code, child);
			}

			node = child;
		}

		this.out[node]!.push(this.patterns.length);
		this.patterns.push({text, service});
	}

	/** Failure links, breadth first; each node's outputs include those of its failure chain. */
	build(): void {
		const queue: number[] = [];
		for (const child of this.next[0]!.values()) queue.push(child);
		for (let head = 0; head < queue.length; head++) {
			const node = queue[head]!;
			for (const [code, child] of this.next[node]!) {
				let fallback = this.fail[node]!;
				while (fallback !== 0 && !this.next[fallback]!.has(code)) fallback = this.fail[fallback]!;
				const target = this.next[fallback]!.get(code);
				this.fail[child] = target !== undefined && target !== child ? target : 0;
				this.out[child] = [...this.out[child]!, ...this.out[this.fail[child]!]!];
				queue.push(child);
			}
		}
	}

	get empty(): boolean {
		return this.patterns.length === 0;
	}

	search(text: string): SnippetMatch[] {
		const matches: SnippetMatch[] = [];
		if (this.empty) return matches;
		let node = 0;
		for (let index = 0; index < text.length; index++) {
			const code = text.charCodeAt(index);
			while (node !== 0 && !this.next[node]!.has(code)) node = this.fail[node]!;
			node = this.next[node]!.get(code) ?? 0;
			for (const pattern of this.out[node]!) {
				const {text: snippet, service} = this.patterns[pattern]!;
				matches.push({start: index + 1 - snippet.length, end: index + 1, snippet, service});
			}
		}

		return matches;
	}
}

export type SignalIndex = {
	packages: Record<Ecosystem, Map<string, CatalogService>>;
	npmScopes: Map<string, CatalogService>;
	composerVendors: Map<string, CatalogService>;
	mavenGroups: Map<string, CatalogService>;
	env: Map<string, CatalogService>;
	envPrefixes: Map<string, CatalogService>;
	hosts: Map<string, CatalogService>;
	/** Parent domains of catalog hosts that one service alone has (for `*.example.com`). */
	hostParents: Map<string, CatalogService | null>;
	snippets: SnippetAutomaton;
};

const cache = new WeakMap<readonly CatalogService[], SignalIndex>();

export function signalIndex(services: readonly CatalogService[]): SignalIndex {
	const cached = cache.get(services);
	if (cached) return cached;
	const index: SignalIndex = {
		packages: {
			npm: new Map(),
			pypi: new Map(),
			gems: new Map(),
			go: new Map(),
			composer: new Map(),
			maven: new Map(),
			cocoapods: new Map(),
			swiftpm: new Map(),
			pub: new Map(),
		},
		npmScopes: new Map(),
		composerVendors: new Map(),
		mavenGroups: new Map(),
		env: new Map(),
		envPrefixes: new Map(),
		hosts: new Map(),
		hostParents: new Map(),
		snippets: new SnippetAutomaton(),
	};
	// The first service to claim a signal keeps it (the catalog test keeps signals unique).
	const claim = (
		map: Map<string, CatalogService>,
		keys: string[] | undefined,
		service: CatalogService,
	) => {
		for (const key of keys ?? []) if (!map.has(key)) map.set(key, service);
	};

	for (const service of services) {
		for (const kind of signalKindNames) {
			const {read} = signalKinds[kind];
			const values = service.signals[kind];
			if (read === 'snippets') {
				for (const snippet of values ?? []) index.snippets.add(snippet, service);
			} else if ('ecosystem' in read) {
				claim(index.packages[read.ecosystem], values, service);
			} else {
				claim(index[read.table], values, service);
			}
		}
	}

	for (const [host, service] of index.hosts) {
		for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
			const parent = host.slice(dot + 1);
			if (!parent.includes('.')) break;
			// Null: a parent that several services share ("googleapis.com") names none of them.
			const owner = index.hostParents.get(parent);
			if (owner === undefined) index.hostParents.set(parent, service);
			else if (owner !== service) index.hostParents.set(parent, null);
		}
	}

	index.snippets.build();
	cache.set(services, index);
	return index;
}

/** The longest prefix of `name` ending at a `separator` that `map` knows, or the whole name. */
function byPrefix(
	map: Map<string, CatalogService>,
	name: string,
	separator: string,
): CatalogService | undefined {
	let best = map.get(name);
	if (best) return best;
	for (let at = name.lastIndexOf(separator); at > 0; at = name.lastIndexOf(separator, at - 1)) {
		best = map.get(name.slice(0, at));
		if (best) return best;
	}

	return undefined;
}

/**
The most specific service for a package: its exact name first, then (only for a dependency the
project declares) a prefix the vendor owns alone: an npm scope, a Packagist vendor, a Maven
groupId. Transitive packages of a vendor's namespace are often its build tools (`@vercel/nft`)
or the shared parts of another SDK (`@aws-sdk/client-ses` brings `@aws-sdk/core`, which is SES,
not all of AWS). Go module paths match by prefix (`…/stripe-go/v76`).
*/
export function matchPackage(
	index: SignalIndex,
	ecosystem: Ecosystem,
	name: string,
	direct: boolean,
): CatalogService | undefined {
	const exact = index.packages[ecosystem];
	switch (ecosystem) {
		case 'go': {
			return byPrefix(exact, name, '/');
		}

		case 'npm': {
			const found = exact.get(name);
			const slash = name.indexOf('/');
			return (
				found ??
				(direct && name.startsWith('@') && slash > 1
					? index.npmScopes.get(name.slice(0, slash))
					: undefined)
			);
		}

		case 'composer': {
			const found = exact.get(name);
			const slash = name.indexOf('/');
			return (
				found ?? (direct && slash > 0 ? index.composerVendors.get(name.slice(0, slash)) : undefined)
			);
		}

		case 'maven': {
			const found = exact.get(name);
			const colon = name.indexOf(':');
			return (
				found ??
				(direct && colon > 0 ? byPrefix(index.mavenGroups, name.slice(0, colon), '.') : undefined)
			);
		}

		default: {
			return exact.get(name);
		}
	}
}

/** A host or one of its parent domains: "static.hotjar.com" is Hotjar's "static.hotjar.com". */
export function matchHost(
	index: SignalIndex,
	host: string,
	wildcard = false,
): CatalogService | undefined {
	const found = byDomain(index.hosts, host);
	if (found || !wildcard) return found;
	// "*.hotjar.com" allows every Hotjar host.
	return index.hostParents.get(host) ?? undefined;
}

/** The host itself or its nearest parent domain (of two labels or more) that `map` knows. */
function byDomain(map: Map<string, CatalogService>, host: string): CatalogService | undefined {
	for (let from = 0; from !== -1;) {
		const candidate = host.slice(from);
		if (!candidate.includes('.')) return undefined;
		const found = map.get(candidate);
		if (found) return found;
		const dot = host.indexOf('.', from);
		from = dot === -1 ? -1 : dot + 1;
	}

	return undefined;
}

// Environment variable names ---------------------------------------------------------------

/** Prefixes that frameworks add to expose a variable to the browser. */
const frameworkPrefixes = [
	'NEXT_PUBLIC_',
	'NUXT_PUBLIC_',
	'NUXT_',
	'VITE_',
	'REACT_APP_',
	'EXPO_PUBLIC_',
	'GATSBY_',
	'PUBLIC_',
	'VUE_APP_',
];

function matchEnvName(key: string, index: SignalIndex): CatalogService | undefined {
	const exact = index.env.get(key);
	if (exact) return exact;
	// The longest prefix wins: AZURE_OPENAI_API_KEY is Azure OpenAI, not Azure.
	let best: CatalogService | undefined;
	for (let at = key.indexOf('_'); at !== -1; at = key.indexOf('_', at + 1)) {
		const service = index.envPrefixes.get(key.slice(0, at + 1));
		if (service) best = service;
	}

	return best;
}

export function matchEnv(index: SignalIndex, key: string): CatalogService | undefined {
	const upper = key.toUpperCase();
	const direct = matchEnvName(upper, index);
	if (direct) return direct;
	for (const prefix of frameworkPrefixes) {
		if (upper.startsWith(prefix) && upper.length > prefix.length) {
			return matchEnvName(upper.slice(prefix.length), index);
		}
	}

	return undefined;
}
