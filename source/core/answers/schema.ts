import {questionnaire} from '../questionnaire/questionnaire.js';
import {answersSchemaOf} from '../questionnaire/answers-schema.js';
import {SchemaValidator, type JsonSchema} from './json-schema.js';

/** The JSON Schema of an answers file, generated from the questionnaire (core and regimes). */
export const answersSchema: JsonSchema = answersSchemaOf(questionnaire);

export const answersValidator = new SchemaValidator(answersSchema);

/** Where editors find the schema of a saved answers file (the package ships it in dist/). */
export const answersSchemaUrl = 'https://unpkg.com/privacy-wizard/dist/answers.schema.json';

/**
The answers as they are written to a user's repo: with a `$schema` editors can follow. A
relative `$schema` (the bundled examples point into this repo) is replaced.
*/
export function withSchemaReference<T extends object>(answers: T): T {
	const current = (answers as {$schema?: unknown}).$schema;
	return typeof current === 'string' && !current.startsWith('.')
		? answers
		: {...answers, $schema: answersSchemaUrl};
}
