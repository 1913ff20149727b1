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
