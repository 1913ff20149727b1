import type {JsonSchema} from '../answers/json-schema.js';
import {currentSchemaVersion} from '../answers/types.js';
import {parsePath} from './paths.js';
import type {Question, Questionnaire} from './types.js';

/**
The JSON Schema of an answers file, made from the questionnaire: every question is a field, with
the shape its type implies. The schema checks shape only (a text is text, a choice is one of the
options, no unknown field); whether an answer is there and acceptable is the questionnaire's job
(`gaps`), so a file that is still being filled in always loads.

Because regimes add their questions to the questionnaire, they add their fields to the schema
too: the shipped answers.schema.json is this function's output (a test keeps it current).
*/
export function answersSchemaOf(root: Questionnaire): JsonSchema {
	const schema = object();
	schema.properties = {
		$schema: {type: 'string'},
		schemaVersion: {
			const: currentSchemaVersion,
			'x-expected': `the number ${currentSchemaVersion}`,
		},
		questionnaireVersion: {type: 'integer', minimum: 1},
		// Where the wizard was left, so that the next run opens that question.
		resumeAt: {type: 'string'},
	};
	schema.required = ['schemaVersion'];
	for (const section of root.sections) {
		for (const question of section.questions) {
			place(schema, question, '');
		}
	}

	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: 'https://privacy-wizard.dev/schemas/answers.schema.json',
		title: 'privacy-wizard answers',
		description:
			'Everything a founder told privacy-wizard, as one versioned document. Generated from the questionnaire: do not edit by hand.',
		...schema,
	};
}

function object(): JsonSchema & {properties: Record<string, JsonSchema>} {
	return {type: 'object', additionalProperties: false, properties: {}};
}

const idSchema: JsonSchema = {
	type: 'string',
	pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
	'x-expected': 'an id of lower-case letters, digits and hyphens',
};

function stringSchema(question: Question): JsonSchema {
	switch (question.type) {
		case 'country': {
			return {
				type: 'string',
				pattern: '^[A-Z]{2}$',
				'x-expected': 'a two-letter country code such as DE',
			};
		}

		case 'date': {
			return {
				type: 'string',
				pattern: '^\\d{4}-\\d{2}-\\d{2}$',
				format: 'date',
				'x-expected': 'a date as YYYY-MM-DD',
			};
		}

		// Formats are annotations for editors; the questionnaire decides what is acceptable.
		case 'email': {
			return {type: 'string', format: 'email'};
		}

		case 'url': {
			return {type: 'string', format: 'uri'};
		}

		default: {
			return {type: 'string'};
		}
	}
}

function choiceSchema(question: Question): JsonSchema {
	if (question.options) {
		return {enum: question.options.map((option) => option.value)};
	}

	if (question.optionsFrom?.source === 'countries') {
		return stringSchema({...question, type: 'country'});
	}

	if (question.optionsFrom?.source === 'usStates') {
		return {
			type: 'string',
			pattern: '^[A-Z]{2}$',
			'x-expected': 'a two-letter US state code such as CA',
		};
	}

	// Ids of other answers: integrity checks (load.ts) confirm they exist.
	return idSchema;
}

/** The schema of one answer. */
function valueSchema(question: Question, fullId: string): JsonSchema {
	switch (question.type) {
		case 'text':
		case 'email':
		case 'url':
		case 'date':
		case 'country': {
			return stringSchema(question);
		}

		case 'yesno': {
			return {type: 'boolean'};
		}

		case 'number': {
			return {type: 'number'};
		}

		case 'select': {
			return choiceSchema(question);
		}

		case 'multiselect': {
			return {type: 'array', items: choiceSchema(question), uniqueItems: true};
		}

		case 'textlist': {
			return {type: 'array', items: {type: 'string'}};
		}

		case 'list': {
			const record = object();
			if (question.idFrom !== undefined) {
				record.properties['id'] = idSchema;
			}

			// Bookkeeping the tool writes itself: the catalog entry a recipient came from.
			if (fullId === 'recipients') {
				record.properties['catalogId'] = idSchema;
			}

			for (const field of question.fields ?? []) {
				place(record, field, fullId);
			}

			return {type: 'array', items: record};
		}
	}
}

/** Put a question's field into an object schema, creating the objects its dotted id passes. */
function place(target: JsonSchema, question: Question, prefix: string): void {
	const fullId = prefix === '' ? question.id : `${prefix}.${question.id}`;
	const segments = parsePath(question.id).map(String);
	let current = target;
	for (const segment of segments.slice(0, -1)) {
		current.properties ??= {};
		const existing = current.properties[segment];
		if (existing === undefined) {
			current.properties[segment] = object();
		} else if (existing.type !== 'object') {
			throw new Error(`Question ${fullId}: "${segment}" is already an answer of another type`);
		}

		current = current.properties[segment]!;
	}

	const key = segments.at(-1)!;
	current.properties ??= {};
	if (current.properties[key] !== undefined) {
		throw new Error(`Question ${fullId}: another question already answers this field`);
	}

	current.properties[key] = valueSchema(question, fullId);
}
