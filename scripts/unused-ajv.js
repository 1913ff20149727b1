// conf imports Ajv at the top of its module but constructs it only when given a `schema`
// option. privacy-wizard validates answers itself and never passes one, so the bundle swaps
// Ajv (and ajv-formats) for this stub instead of shipping ~140 KiB that never runs.
export class Ajv2020 {
	constructor() {
		throw new Error('Ajv is not bundled: conf must not be given a schema.');
	}
}

export default Ajv2020;
