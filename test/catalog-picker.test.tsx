import test from 'ava';
import {render} from 'ink-testing-library';
import {CatalogPicker} from '../source/ui/catalog-picker.js';
import {KeyRoot} from '../source/ui/key-router.js';
import {catalogServices, type CatalogService} from '../source/core/catalog/catalog.js';

const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
};

/** Poll until the frame satisfies the predicate (never a fixed sleep). */
async function waitFor(
	lastFrame: () => string | undefined,
	predicate: (frame: string) => boolean,
	what: string,
	timeout = 3000,
): Promise<string> {
	const start = Date.now();
	for (;;) {
		const frame = lastFrame() ?? '';
		if (predicate(frame)) {
			return frame;
		}

		if (Date.now() - start > timeout) {
			throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame}`);
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 5);
		});
	}
}

async function waitUntil(check: () => boolean, what: string, timeout = 3000): Promise<void> {
	const start = Date.now();
	while (!check()) {
		if (Date.now() - start > timeout) {
			throw new Error(`Timed out waiting for ${what}`);
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 5);
		});
	}
}

type Calls = {picked: CatalogService[]; custom: number; cancelled: number};

function setup(props: {initialQuery?: string; services?: readonly CatalogService[]} = {}) {
	const calls: Calls = {picked: [], custom: 0, cancelled: 0};
	const view = render(
		<KeyRoot>
			<CatalogPicker
				{...props}
				onPick={(service) => calls.picked.push(service)}
				onCustom={() => {
					calls.custom++;
				}}
				onCancel={() => {
					calls.cancelled++;
				}}
			/>
		</KeyRoot>,
	);
	return {...view, calls};
}

/** The text in the search field. */
const queryOf = (frame: string): string => /services\):(.*)$/m.exec(frame)?.[1]?.trim() ?? '';

/** The highlighted row's text. */
const highlighted = (frame: string): string =>
	frame
		.split('\n')
		.find((line) => line.startsWith('› '))
		?.slice(2)
		.trim() ?? '';

test('shows the field, the first matches, the custom entry and the keys', async (t) => {
	const {lastFrame, unmount} = setup();
	const frame = await waitFor(
		lastFrame,
		(text) => text.includes('Custom processor…'),
		'first frame',
	);
	t.regex(frame, /Search the catalog \(\d+ services\)/);
	t.regex(frame, /↑\/↓ move · Enter choose · Esc cancel/);
	const rows = frame.split('\n').filter((line) => line.startsWith('  ') || line.startsWith('› '));
	// Eight matches and the custom entry.
	t.is(rows.length, 9);
	unmount();
});

test('typing filters the list, Backspace edits the query', async (t) => {
	const {lastFrame, stdin, unmount} = setup();
	await waitFor(lastFrame, (text) => text.includes('Custom processor…'), 'first frame');
	stdin.write('stri');
	let frame = await waitFor(lastFrame, (text) => queryOf(text) === 'stri', 'the query');
	t.is(highlighted(frame).split('  ')[0], 'Stripe');
	t.notRegex(frame, /Amazon Web Services/);

	stdin.write('zzz');
	frame = await waitFor(
		lastFrame,
		(text) => text.includes('No service in the catalog'),
		'no match',
	);
	t.regex(frame, /› Custom processor…/);

	for (const expected of ['strizz', 'striz', 'stri']) {
		stdin.write(keys.backspace);
		await waitFor(lastFrame, (text) => queryOf(text) === expected, `the query "${expected}"`);
	}

	frame = await waitFor(lastFrame, (text) => text.includes('› Stripe'), 'Stripe again');
	t.regex(frame, /\d+ match/);
	unmount();
});

test('arrows move the highlight and Enter picks the service', async (t) => {
	const {lastFrame, stdin, unmount, calls} = setup({initialQuery: 'google'});
	let frame = await waitFor(lastFrame, (text) => text.includes('› '), 'first frame');
	const first = highlighted(frame);
	stdin.write(keys.down);
	frame = await waitFor(lastFrame, (text) => highlighted(text) !== first, 'move down');
	const second = highlighted(frame);
	stdin.write(keys.down);
	frame = await waitFor(lastFrame, (text) => highlighted(text) !== second, 'move down again');
	stdin.write(keys.up);
	frame = await waitFor(lastFrame, (text) => highlighted(text) === second, 'move up');
	stdin.write(keys.enter);
	await waitUntil(() => calls.picked.length === 1, 'onPick');
	t.is(calls.picked[0]!.name, second.split('  ')[0]!);
	t.is(calls.custom, 0);
	t.is(calls.cancelled, 0);
	unmount();
});

test('the list scrolls past the first eight matches', async (t) => {
	const {lastFrame, stdin, unmount, calls} = setup();
	let frame = await waitFor(lastFrame, (text) => text.includes('› '), 'first frame');
	t.regex(frame, /1–8 of \d+ matches/);
	for (let row = 2; row <= 10; row++) {
		const before = highlighted(frame);
		stdin.write(keys.down);
		frame = await waitFor(lastFrame, (text) => highlighted(text) !== before, `row ${row}`);
	}

	t.regex(frame, /3–10 of \d+ matches/);
	const name = highlighted(frame).split('  ')[0]!;
	stdin.write(keys.enter);
	await waitUntil(() => calls.picked.length === 1, 'onPick');
	t.is(calls.picked[0]!.name, name);
	unmount();
});

test('Enter on "Custom processor…" calls onCustom', async (t) => {
	const services = catalogServices.filter((service) => ['stripe', 'paypal'].includes(service.id));
	const {lastFrame, stdin, unmount, calls} = setup({services});
	await waitFor(lastFrame, (text) => text.includes('Custom processor…'), 'first frame');
	stdin.write(keys.down);
	stdin.write(keys.down);
	stdin.write(keys.down);
	await waitFor(lastFrame, (text) => text.includes('› Custom processor…'), 'custom highlighted');
	stdin.write(keys.enter);
	await waitUntil(() => calls.custom === 1, 'onCustom');
	t.deepEqual(calls.picked, []);
	t.is(calls.cancelled, 0);
	unmount();
});

test('Esc cancels', async (t) => {
	const {lastFrame, stdin, unmount, calls} = setup({initialQuery: 'sentry'});
	await waitFor(lastFrame, (text) => text.includes('› Sentry'), 'first frame');
	stdin.write(keys.escape);
	await waitUntil(() => calls.cancelled === 1, 'onCancel');
	t.deepEqual(calls.picked, []);
	t.is(calls.custom, 0);
	unmount();
});
