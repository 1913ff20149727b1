// `node scripts/merge-catalog.js BATCH.json [MORE.json…] [--update] [--dry-run]`: adds batches
// of catalog services (each file a JSON array of service objects) to questionnaires/catalog.json.
// Every service is validated against questionnaires/schemas/catalog.schema.json; a service whose
// id or any signal another service already has is refused, naming both. Nothing is written unless
// every batch is clean. New services go to the end, in batch order; with --update, a service whose
// id is already in the catalog replaces it in place (for a batch that was corrected). The file
// keeps its format: tab-indented JSON, one value per line, a final newline.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {Ajv2020} from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const catalogFile = path.join(root, 'questionnaires/catalog.json');
const schemaFile = path.join(root, 'questionnaires/schemas/catalog.schema.json');

/** Signal kinds that share one namespace: npm names and scopes, env names and prefixes. */
export function signalNamespace(kind) {
	return kind.startsWith('npm') ? 'npm' : kind.startsWith('env') ? 'env' : kind;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
	}
}

/**
Merge `batches` ([{file, services}]) into `catalog`. Returns {catalog, added, replaced, problems};
the catalog is a new object, and only to be written when `problems` is empty.
*/
export function mergeBatches(catalog, schema, batches, {update = false} = {}) {
	const ajv = new Ajv2020({allErrors: true, strict: true});
	addFormats.default(ajv);
	ajv.addSchema(schema);
	const validateService = ajv.getSchema(`${schema.$id}#/$defs/service`);
	const validateCatalog = ajv.getSchema(schema.$id);
	const problems = [];
	const services = [...catalog.services];
	const indexOf = new Map(services.map((service, index) => [service.id, index]));
	const incoming = new Map();
	const added = [];
	const replaced = [];

	for (const {file, services: batch} of batches) {
		if (!Array.isArray(batch)) {
			problems.push(`${file}: expected a JSON array of services.`);
			continue;
		}

		batch.forEach((service, position) => {
			const label = `${file} [${position}]${typeof service?.id === 'string' ? ` ${service.id}` : ''}`;
			if (!validateService(service)) {
				for (const error of validateService.errors ?? []) {
					const detail = error.params?.allowedValues
						? ` (${error.params.allowedValues.join(', ')})`
						: error.params?.additionalProperty
							? ` ("${error.params.additionalProperty}")`
							: '';
					problems.push(`${label}: ${error.instancePath || '/'} ${error.message}${detail}`);
				}

				return;
			}

			if (incoming.has(service.id)) {
				problems.push(`${label}: the id "${service.id}" is also in ${incoming.get(service.id)}.`);
				return;
			}

			incoming.set(service.id, label);
			if (indexOf.has(service.id)) {
				if (!update) {
					problems.push(
						`${label}: the id "${service.id}" is already in the catalog (pass --update to replace that service).`,
					);
					return;
				}

				services[indexOf.get(service.id)] = service;
				replaced.push(service.id);
			} else {
				indexOf.set(service.id, services.length);
				services.push(service);
				added.push(service.id);
			}
		});
	}

	// Every signal identifies one service: look for any held by two.
	const owners = new Map();
	for (const service of services) {
		for (const [kind, values] of Object.entries(service.signals ?? {})) {
			for (const value of values) {
				const key = `${signalNamespace(kind)}:${value}`;
				const owner = owners.get(key);
				if (owner !== undefined && owner.id !== service.id) {
					const who = incoming.get(service.id) ?? service.id;
					const other = incoming.get(owner.id) ?? `${owner.id} (already in the catalog)`;
					problems.push(`${who}: the ${kind} signal "${value}" is also ${other}'s.`);
				} else {
					owners.set(key, service);
				}
			}
		}
	}

	const merged = {...catalog, services};
	if (problems.length === 0 && !validateCatalog(merged)) {
		for (const error of validateCatalog.errors ?? []) {
			problems.push(`catalog${error.instancePath}: ${error.message}`);
		}
	}

	return {catalog: merged, added, replaced, problems};
}

function main(argv) {
	const update = argv.includes('--update');
	const dryRun = argv.includes('--dry-run');
	const files = argv.filter((argument) => !argument.startsWith('--'));
	const unknown = argv.filter(
		(argument) => argument.startsWith('--') && !['--update', '--dry-run'].includes(argument),
	);
	if (files.length === 0 || unknown.length > 0) {
		console.error(
			`${unknown.length > 0 ? `Unknown option ${unknown[0]}.\n` : ''}Usage: node scripts/merge-catalog.js BATCH.json [MORE.json…] [--update] [--dry-run]`,
		);
		return 2;
	}

	let catalog;
	let schema;
	let batches;
	try {
		catalog = readJson(catalogFile);
		schema = readJson(schemaFile);
		batches = files.map((file) => ({file: path.basename(file), services: readJson(file)}));
	} catch (error) {
		console.error(`merge-catalog: ${error.message}`);
		return 1;
	}

	const result = mergeBatches(catalog, schema, batches, {update});
	if (result.problems.length > 0) {
		console.error(
			`merge-catalog: nothing was written; ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}:`,
		);
		for (const problem of result.problems) console.error(`  ${problem}`);
		return 1;
	}

	if (!dryRun) writeFileSync(catalogFile, `${JSON.stringify(result.catalog, undefined, '\t')}\n`);
	console.log(
		`${dryRun ? 'Would merge' : 'Merged'}: ${result.added.length} added, ${result.replaced.length} replaced; ${result.catalog.services.length} services in the catalog.`,
	);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = main(process.argv.slice(2));
}
