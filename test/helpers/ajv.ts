import {Ajv2020} from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import {readJson} from './answers.js';

// ajv-formats is CommonJS: its default export is the plugin itself at run time.
const addFormats = formats as unknown as typeof formats.default;

/** Ajv, the reference implementation, compiled once per schema file under questionnaires/schemas. */
export function referenceValidator(schemaFile: string): (value: unknown) => {
	valid: boolean;
	errors: string[];
} {
	const ajv = new Ajv2020({strict: false, allErrors: true});
	addFormats(ajv);
	const validate = ajv.compile(readJson(`questionnaires/schemas/${schemaFile}`) as object);
	return (value) => {
		const valid = validate(value);
		return {
			valid,
			errors: (validate.errors ?? []).map(
				(error) => `${error.instancePath || '/'} ${error.message ?? ''}`,
			),
		};
	};
}
