import shipped from '../../../questionnaires/schemas/answers.schema.json' with {type: 'json'};
import {SchemaValidator, type JsonSchema} from './json-schema.js';

/**
The JSON Schema of an answers file: answersSchemaOf(questionnaire), generated from the questions
(core and regimes) by `npm run outputs` and committed; a test keeps it current. Read, not made,
at run time: making it costs every command start-up a few milliseconds.
*/
export const answersSchema = shipped as JsonSchema;

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
