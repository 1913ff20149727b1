declare module 'js-yaml' {
	/** Parse one YAML document (js-yaml 4: the YAML 1.2 core schema); throws on invalid YAML. */
	export function load(text: string): unknown;
}
