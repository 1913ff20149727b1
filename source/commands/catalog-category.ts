import {catalogService} from '../core/catalog/catalog.js';

/** A catalog service's category, for checks that know what kind of service a recipient is. */
export function catalogCategory(id: string): string | undefined {
	return catalogService(id)?.category;
}
