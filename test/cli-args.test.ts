import test from 'ava';
import {parseCommandLine} from '../source/cli/args.js';
import {closest, editDistance} from '../source/cli/suggest.js';

test('edit distance counts a swapped pair as one edit', (t) => {
	t.is(editDistance('chek', 'check'), 1);
	t.is(editDistance('cehck', 'check'), 1);
	t.is(editDistance('generate', 'generate'), 0);
	t.is(editDistance('', 'scan'), 4);
});

test('closest names the command a typo meant, and nothing for a word far from all', (t) => {
	const commands = ['generate', 'check', 'preview', 'answers', 'processors', 'scan'];
	t.is(closest('chek', commands), 'check');
	t.is(closest('genrate', commands), 'generate');
	t.is(closest('prevew', commands), 'preview');
	t.is(closest('proc', commands), 'processors');
	t.is(closest('publish', commands), undefined);
});

test('a mistyped command is refused with the closest command, even before its options', (t) => {
	for (const argv of [['chek'], ['chek', '--json'], ['--answers', 'a.json', 'chek']]) {
		const error = t.throws(() => parseCommandLine(argv));
		t.regex(error.message, /Unknown command "chek"\. Did you mean `privacy-wizard check`\?/);
	}
});

test('a mistyped option names the closest option of that command', (t) => {
	t.regex(
		t.throws(() => parseCommandLine(['generate', '--exmple'])).message,
		/Unknown option --exmple for privacy-wizard generate\. Did you mean `--example`\?/,
	);
	t.regex(t.throws(() => parseCommandLine(['check', '--jsn'])).message, /Did you mean `--json`\?/);
	// An option of another command says where it belongs.
	t.regex(
		t.throws(() => parseCommandLine(['check', '--out', 'x.md'])).message,
		/--out belongs to privacy-wizard generate/,
	);
});

test('an option value is not taken for a command', (t) => {
	t.is(parseCommandLine(['--answers', 'new.json']).command, 'wizard');
	t.is(parseCommandLine(['--answers', 'new.json', 'check']).command, 'check');
	t.is(parseCommandLine(['generate', '-d', 'rights']).values['document'], 'rights');
});
