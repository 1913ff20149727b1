import test from 'ava';
import {repoSuggestions, websiteFrom} from '../source/core/questionnaire/suggestions.js';

// The wizard's flow, through the reducer and the core helpers the screens draw.

test('a code host is never offered as the website; a real homepage is', (t) => {
	const offered = (homepage: unknown, gitRemote?: string) =>
		repoSuggestions({manifest: {name: 'acme-app', homepage}, gitRemote}).find(
			(suggestion) => suggestion.key === 'homepage',
		)?.value;
	t.is(offered(undefined, 'https://github.com/acme/acme-app.git'), undefined);
	t.is(offered('https://github.com/acme/acme-app#readme'), undefined);
	t.is(offered('https://gitlab.com/acme/app'), undefined);
	t.is(offered('https://www.npmjs.com/package/acme-app'), undefined);
	t.is(offered('git+ssh://git@github.com/acme/app.git'), undefined);
	t.is(offered('https://acme.example'), 'https://acme.example');
	t.is(offered('https://acme.github.io/app'), 'https://acme.github.io/app');
	t.is(websiteFrom(42), undefined);
});

test('the welcome screen asks only about suggestions some question uses', (t) => {
	const keys = repoSuggestions({
		manifest: {name: 'acme-app', description: 'Plans weeks.', homepage: 'https://acme.example'},
		gitEmail: 'founder@acme.example',
		gitRemote: 'https://github.com/acme/acme-app.git',
	}).map((suggestion) => suggestion.key);
	t.deepEqual(keys, ['packageName', 'packageDescription', 'homepage', 'gitEmail']);
});
