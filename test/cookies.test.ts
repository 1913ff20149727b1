import {readFileSync} from 'node:fs';
import test from 'ava';
import {Ajv2020} from 'ajv/dist/2020.js';
import cookies from '../questionnaires/cookies.json' with {type: 'json'};
import schema from '../questionnaires/schemas/cookies.schema.json' with {type: 'json'};
import {catalogService} from '../source/core/catalog/catalog.js';
import {cookiesForService} from '../source/core/catalog/cookies.js';

test('the cookie data validates against its schema', (t) => {
	const ajv = new Ajv2020({allErrors: true, strict: true});
	const validate = ajv.compile(schema);
	t.true(validate(cookies), JSON.stringify(validate.errors?.slice(0, 5), undefined, 2));
});

test('every service in the cookie data is a catalog service, its cookies sorted and unique', (t) => {
	for (const [id, list] of Object.entries(cookies.services)) {
		t.truthy(catalogService(id), `${id} is not in the catalog`);
		const names = list.map((cookie) => cookie.name);
		t.is(new Set(names).size, names.length, id);
		const key = (name: string) => [name.toLowerCase(), name] as const;
		const sorted = [...names].sort((a, b) => {
			const [la, ra] = key(a);
			const [lb, rb] = key(b);
			return la < lb ? -1 : la > lb ? 1 : ra < rb ? -1 : ra > rb ? 1 : 0;
		});
		t.deepEqual(names, sorted, id);
	}
});

test('cookiesForService: Google Analytics sets _ga (analytics) and the _ga_ prefix', (t) => {
	const ga = cookiesForService('google-analytics');
	const plain = ga.find((cookie) => cookie.name === '_ga');
	t.like(plain, {category: 'analytics', duration: '2 years'});
	t.is(plain?.match, undefined);
	t.like(
		ga.find((cookie) => cookie.name === '_ga_'),
		{match: 'prefix', category: 'analytics'},
	);
	t.true(cookiesForService('stripe').some((cookie) => cookie.name === '__stripe_mid'));
	t.true(cookiesForService('hotjar').every((cookie) => cookie.purpose.endsWith('.')));
});

test('cookiesForService: a service the data does not cover has none', (t) => {
	t.deepEqual(cookiesForService('openai'), []);
	t.deepEqual(cookiesForService('no-such-service'), []);
});

test('the derived data keeps its Apache-2.0 notice and licence beside it', (t) => {
	t.is(cookies.source.license, 'Apache-2.0');
	const notice = readFileSync(new URL('../questionnaires/cookies.NOTICE', import.meta.url), 'utf8');
	t.regex(notice, /Open Cookie Database/);
	t.regex(notice, /Changes made/);
	t.true(notice.includes(cookies.source.commit));
	const licence = readFileSync(
		new URL('../questionnaires/cookies.LICENSE', import.meta.url),
		'utf8',
	);
	t.regex(licence, /Apache License\s+Version 2\.0/);
});
