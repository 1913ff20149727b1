import {examples} from '../core/answers/examples.js';
import type {CommandName} from './args.js';

// Names padded to the longest, so that the summaries line up whatever examples exist.
const nameWidth = Math.max(...Object.keys(examples).map((name) => name.length));
const exampleList = Object.entries(examples)
	.map(([name, example]) => `    ${name.padEnd(nameWidth)}  ${example.summary}`)
	.join('\n');

const common = `Options for every command
  --answers FILE    Use this answers file instead of the saved one
                    (also: PRIVACY_WIZARD_ANSWERS=FILE)
  --example [NAME]  Use bundled example answers (default: eu-saas):
${exampleList}
  -h, --help        Show help
  -v, --version     Show the version`;

const texts: Record<CommandName, string> = {
	wizard: `privacy-wizard — draft a privacy policy from answers kept in your repo

Usage
  $ npx privacy-wizard              Answer the questions (saved after each one),
                                    then write and preview the documents
  $ npx privacy-wizard <command>

Commands
  generate    Write a document (Markdown, HTML, JSON or CSV) to stdout or --out PATH
  check       List what the policy is missing, with citations (exit 1 on errors)
  diff        Changes since a git revision, material or editorial, with redlines
  preview     Render a document in the terminal
  answers     export | import FILE | path | reset the saved answers
  processors  List the processor catalog
  scan        Suggest processors from the repo's dependencies
  init ci     Write a GitHub Actions workflow that runs check and diff

Wizard options
  --plain           Ask line by line (screen readers, dumb terminals)
  --force           Replace documents edited by hand

${common}

Answers are saved to privacy-wizard.json at the git root (commit it).
Exit codes: 0 done, 1 findings or a failed operation, 2 usage error, 130 interrupted.

Examples
  $ npx privacy-wizard generate > PRIVACY.md
  $ npx privacy-wizard generate --document rights >> README.md
  $ npx privacy-wizard generate --out public/privacy.html
  $ npx privacy-wizard generate --document all --out docs/privacy
  $ npx privacy-wizard check --json
  $ npx privacy-wizard diff origin/main
  $ npx privacy-wizard generate --example us-consumer

The documents are drafts to review, not legal advice.`,
	generate: `Usage
  $ privacy-wizard generate [--document KIND] [--format markdown|html|json|csv]
                            [--out PATH]
  $ privacy-wizard generate --document all --out DIR [--format FORMAT]

Writes the document to stdout, or to PATH (never replacing a file edited by hand
unless --force). Dates come from the answers, so the same answers give the same bytes.

Options
  -d, --document    policy (default); rights (the standalone data-rights section);
                    subprocessors (every recipient, with a change log);
                    inventory (every kind of personal data); cookies (the cookie
                    policy, when cookies are used); or a document a law that
                    applies requires: ropa (the Article 30 record of processing,
                    EU or UK GDPR), notice-at-collection (California's CCPA),
                    consumer-health (Washington and Nevada); all: every document
                    the answers call for, each under its default name in --out DIR
  --format          markdown, html (one standalone, accessible page: no script,
                    style inline), json (the document model, described by
                    dist/document.schema.json) or csv (ropa only: one row per
                    purpose). Default: markdown on stdout; with --out, PATH's
                    extension decides: .html or .htm html, .json json, .csv csv,
                    anything else markdown
  -o, --out PATH    Write to PATH (a folder with --document all) instead of stdout
  --force           Replace PATH even if it was edited by hand

${common}`,
	check: `Usage
  $ privacy-wizard check [--json] [--explain] [--no-scan] [--base BASE]

Lists the laws that apply to the answers and why, then checks the answers
against the disclosure checklist of each of those laws, and the documents named
in the answers against what the answers would generate now. Each finding names
its checklist id, citation, what is missing and how to fix it. Exits 1 when any
error-level finding remains.

Options
  --json            Print the laws and findings as JSON
  --explain         Also list the laws that do not apply, and why not
  --no-scan         Do not compare the repo's dependencies with the answered processors
  --base BASE       Say which services the repo uses that were added since BASE
                    (a git branch, tag or commit). In CI, on a pull request, its
                    target branch is the base unless --base is given

${common}`,
	diff: `Usage
  $ privacy-wizard diff [BASE] [--json] [--accept]

Compares the answers with their version at BASE, a git branch, tag or commit
(default: the merge base with the default branch; in CI, with the pull request's
target). Each change is material (a new recipient, a new country for a
recipient, a new purpose or data item, sale or sharing switched on, a legal
basis changed, a law newly applying or no longer applying) or editorial
(wording, descriptions, order), with its path in the answers. Then the redline
of each document and a proposed "What changed" entry for the revision history.
The report is Markdown on stdout (CI can post it as a summary). Exits 1 when a
material change has no revision entry dated on or after the last one at BASE.

Options
  --accept          Add the proposed entry to the answers' revision history
  --json            Print the report as JSON

${common}`,
	preview: `Usage
  $ privacy-wizard preview [--document KIND] [--plain]

Renders the document in the terminal: a scrollable view in a terminal (←/→ show
the other documents the answers call for), plain text when piped.

Options
  -d, --document    policy (default), or any other document
                    (see privacy-wizard generate --help)
  --plain           Print plain text even in a terminal

${common}`,
	answers: `Usage
  $ privacy-wizard answers export          Print the saved answers as JSON
  $ privacy-wizard answers import FILE     Replace the saved answers with FILE (validated)
  $ privacy-wizard answers path            Print where the answers are saved
  $ privacy-wizard answers reset           Delete the saved answers (asks first)

Options
  -y, --yes         Do not ask before replacing or deleting answers

${common}`,
	processors: `Usage
  $ privacy-wizard processors [--search TEXT] [--json]

Lists the processor catalog: services, their legal entities, locations and
transfer tools (defaults you confirm in the wizard).

Options
  --search TEXT     Only services whose name, id or category match TEXT
  --json            Print as JSON

${common}`,
	scan: `Usage
  $ privacy-wizard scan [--json]

Reads the repo's manifests and lockfiles (npm, pnpm, yarn, bun, pip, Poetry, uv,
Pipenv, Bundler, Go, Composer, Maven, Gradle, CocoaPods, SwiftPM, pub), script
tags and snippets in HTML and templates, Content-Security-Policy hosts, and
.env.example key names (never values, never .env), and suggests the services
they reveal, each with its evidence (file:line).

Options
  --json            Print as JSON

${common}`,
	init: `Usage
  $ privacy-wizard init ci [--force]

Writes .github/workflows/privacy.yml at the root of the repository: on every
pull request, GitHub Actions runs privacy-wizard check and posts privacy-wizard
diff as the job summary, with privacy-wizard pinned to its major version. Also
prints the one-line equivalent for other CI systems.

Options
  --force           Replace an existing workflow file

${common}`,
};

export function helpText(command: CommandName): string {
	return `${texts[command]}\n`;
}
