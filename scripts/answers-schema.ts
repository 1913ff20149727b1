// Writes questionnaires/schemas/answers.schema.json: the JSON Schema of an answers file, made
// from the questionnaire (core and every regime). `npm run outputs` runs it; a test keeps the
// committed file current, and the build ships it as dist/answers.schema.json.
import {writeFileSync} from 'node:fs';
import {answersSchemaOf} from '../source/core/questionnaire/answers-schema.js';
import {questionnaire} from '../source/core/questionnaire/questionnaire.js';

const file = new URL('../questionnaires/schemas/answers.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(answersSchemaOf(questionnaire), undefined, '\t')}\n`);
console.log('questionnaires/schemas/answers.schema.json');
