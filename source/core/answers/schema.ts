import answersSchema from '../../../questionnaires/schemas/answers.schema.json' with {type: 'json'};
import {SchemaValidator, type JsonSchema} from './json-schema.js';

export {answersSchema};

export const answersValidator = new SchemaValidator(answersSchema as JsonSchema);
