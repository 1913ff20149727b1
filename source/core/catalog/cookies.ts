import cookieData from '../../../questionnaires/cookies.json' with {type: 'json'};

/**
The cookies a catalog service usually sets (questionnaires/cookies.json, derived from the Open
Cookie Database under Apache-2.0; see questionnaires/cookies.NOTICE): defaults for the cookie
table, each confirmed by the founder.
*/

export type CookieCategory = 'essential' | 'preferences' | 'analytics' | 'marketing';

export type ServiceCookie = {
	/** The name, or with `match: 'prefix'` the start of names that vary ("_ga_"). */
	name: string;
	match?: 'prefix';
	/** Who sets it, as the database names them. */
	provider?: string;
	/** What it is for, in plain words. */
	purpose: string;
	/** "session" or a period ("2 years"); absent when unknown. */
	duration?: string;
	category: CookieCategory;
	/** Set on the site's own domain or the vendor's, where known. */
	party?: 'first' | 'third';
};

type CookieData = {services: Record<string, ServiceCookie[]>};

const byService = new Map(Object.entries((cookieData as unknown as CookieData).services));

const none: readonly ServiceCookie[] = [];

/** The cookies a catalog service sets, by name; empty when the data names none. */
export function cookiesForService(id: string): readonly ServiceCookie[] {
	return byService.get(id) ?? none;
}

/** A cookie the catalog knows for a recipient, offered on the cookie list to add and confirm. */
export type CookieSuggestion = {label: string; detail: string; record: Record<string, unknown>};

/**
The known cookies of every recipient that came from the catalog, as suggestions for the cookie
list: each becomes a record only when the founder picks it, and opens on its summary to be
confirmed (a name that varies is shown with `*`; an unknown duration is left to answer).
*/
export function cookieSuggestions(answers: Record<string, unknown>): CookieSuggestion[] {
	const recipients = Array.isArray(answers['recipients']) ? answers['recipients'] : [];
	const out: CookieSuggestion[] = [];
	const seen = new Set<string>();
	for (const recipient of recipients as Array<Record<string, unknown> | undefined>) {
		const catalogId = recipient?.['catalogId'];
		if (typeof catalogId !== 'string') continue;
		for (const cookie of cookiesForService(catalogId)) {
			const name = cookie.match === 'prefix' ? `${cookie.name}*` : cookie.name;
			if (seen.has(name.toLowerCase())) continue;
			seen.add(name.toLowerCase());
			const provider =
				cookie.provider ??
				(typeof recipient?.['name'] === 'string' ? recipient['name'] : catalogId);
			out.push({
				label: name,
				detail: `${provider}, ${cookie.category}${cookie.duration ? `, ${cookie.duration}` : ''}`,
				record: {
					name,
					provider,
					...(cookie.party ? {firstParty: cookie.party === 'first'} : {}),
					kind: cookie.category,
					purpose: cookie.purpose,
					...(cookie.duration ? {duration: cookie.duration} : {}),
				},
			});
		}
	}

	return out;
}
