import answersSchema from '../../../questionnaires/schemas/answers.schema.json' with {type: 'json'};
import {SchemaValidator, type JsonSchema} from './json-schema.js';

export {answersSchema};

export const answersValidator = new SchemaValidator(answersSchema as JsonSchema);

/** Where editors find the schema of a saved answers file (the package ships it in dist/). */
export const answersSchemaUrl = 'https://unpkg.com/privacy-wizard/dist/answers.schema.json';

/**
The answers as they are written to a user's repo: with a `$schema` editors can follow. A
relative `$schema` (the bundled examples point into this repo) is replaced.
*/
export function withSchemaReference<T extends Record<string, unknown>>(answers: T): T {
	const current = answers['$schema'];
	return typeof current === 'string' && !current.startsWith('.')
		? answers
		: {...answers, $schema: answersSchemaUrl};
}
