import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'outputs/**', 'test/fixtures/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	prettier,
	{
		languageOptions: {globals: {...globals.node}},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/consistent-type-imports': 'error',
			'no-console': 'off',
		},
	},
	{
		files: ['source/core/**'],
		rules: {
			// The core is pure: no I/O, no process, no React.
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['node:*', 'fs', 'path', 'child_process', 'process'],
							message: 'source/core is pure: no Node built-ins.',
						},
						{
							group: ['react', 'ink', 'conf', 'execa', 'marked*', '@inquirer/*'],
							message: 'source/core is pure: UI and I/O live at the edges.',
						},
						{
							group: [
								'../../storage/*',
								'../../ui/*',
								'../../repo/*',
								'../../commands/*',
								'../../preview/*',
							],
							message: 'source/core must not import the edges.',
						},
					],
				},
			],
			'no-restricted-globals': ['error', 'process'],
		},
	},
	{
		files: ['source/ui/**'],
		ignores: ['source/ui/palette.tsx', 'source/ui/screens/pager.tsx'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'ink',
							importNames: ['Text'],
							message:
								'Use Text from source/ui/palette.tsx: it makes answers inert for the terminal and honours NO_COLOR.',
						},
					],
				},
			],
		},
	},
	{
		// CommonJS on purpose: the bundle loader runs inside dist/cli.js, which is CommonJS.
		files: ['**/*.cjs'],
		languageOptions: {sourceType: 'commonjs'},
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
);
