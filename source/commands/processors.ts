import process from 'node:process';
import {terminalSafe} from '../cli/terminal-text.js';
import type {Parsed} from '../cli/args.js';
import {colorEnabled, painter} from '../cli/style.js';
import {catalogServices, searchCatalog, type CatalogService} from '../core/catalog/catalog.js';
import {UsageError} from '../errors.js';
import {stdout} from './shared.js';

const shownLocations = 4;

function locations(service: CatalogService): string {
	const shown = service.locations.slice(0, shownLocations).join(' ');
	const more = service.locations.length - shownLocations;
	return more > 0 ? `${shown} +${more}` : shown;
}

function tools(service: CatalogService): string {
	return service.transferTools.length > 0 ? service.transferTools.join(' ') : '—';
}

type Column = {title: string; value: (service: CatalogService) => string};

const columns: Column[] = [
	{title: 'Name', value: (service) => service.name},
	{title: 'Category', value: (service) => service.category},
	{title: 'HQ', value: (service) => service.headquarters},
	{title: 'Locations', value: locations},
	{title: 'Transfer tools', value: tools},
];

function table(services: CatalogService[], bold: (text: string) => string): string[] {
	const widths = columns.map((column) =>
		Math.max(column.title.length, ...services.map((service) => column.value(service).length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index]!)))
			.join('  ')
			.trimEnd();
	return [
		bold(line(columns.map((column) => column.title))),
		...services.map((service) => line(columns.map((column) => column.value(service)))),
	];
}

/** One service per block, for terminals too narrow for the table. */
function stacked(services: CatalogService[], bold: (text: string) => string): string[] {
	return services.flatMap((service) => [
		`${bold(service.name)} (${service.category})`,
		`  HQ ${service.headquarters}; locations ${locations(service)}`,
		`  transfer tools ${tools(service)}`,
	]);
}

/** `privacy-wizard processors [--json] [--search TEXT]`: the processor catalog. */
export async function processors({values, positionals}: Parsed): Promise<number> {
	if (positionals.length > 0) {
		throw new UsageError(
			`privacy-wizard processors takes no arguments (got "${positionals[0]}"). To search, use --search "${positionals[0]}".`,
		);
	}

	const search = values['search'] as string | undefined;
	if (search !== undefined && search.trim() === '') {
		throw new UsageError('--search needs some text, for example --search analytics.');
	}

	const services = search === undefined ? searchCatalog('') : searchCatalog(search);
	if (values['json'] === true) {
		await stdout(
			`${JSON.stringify({...(search === undefined ? {} : {search}), count: services.length, services}, undefined, 2)}\n`,
		);
		return 0;
	}

	if (services.length === 0) {
		await stdout(
			`No service in the catalog matches "${terminalSafe(search ?? '')}". Add it in the wizard as a custom processor.\n`,
		);
		return 0;
	}

	const paint = painter(colorEnabled(process.stdout));
	const bold = (text: string) => paint('bold', text);
	const rows = table(services, (text) => text);
	const width = Math.max(...rows.map((row) => row.length));
	const columnsAvailable = process.stdout.isTTY ? process.stdout.columns : undefined;
	const lines =
		columnsAvailable !== undefined && columnsAvailable < width
			? stacked(services, bold)
			: table(services, bold);
	const count =
		search === undefined
			? `${services.length} services in the catalog.`
			: `${services.length} of ${catalogServices.length} services match "${terminalSafe(search)}".`;
	await stdout(
		`${lines.join('\n')}\n\n${count} Locations and transfer tools are what each service usually offers: defaults you confirm in the wizard. --json prints every field.\n`,
	);
	return 0;
}
