/**
The CI set-up `privacy-wizard init ci` writes: a GitHub Actions workflow that runs `check` on
every pull request and posts `diff` as the job summary, with the package pinned to its major
version, and the same as one line for other CI systems.
*/

export const workflowPath = '.github/workflows/privacy.yml';

/** `npx` of this package at its major version: "0.1.0" → `npx --yes privacy-wizard@0`. */
export function npxCommand(version: string): string {
	const major = /^(\d+)\./.exec(version)?.[1] ?? '0';
	return `npx --yes privacy-wizard@${major}`;
}

/** The workflow file. */
export function githubWorkflow(version: string): string {
	const npx = npxCommand(version);
	return `# Written by \`npx privacy-wizard init ci\`. On every pull request: check the privacy policy
# against the answers and the code (new SDKs included), and post what changed in the answers
# and the documents as the job summary. The diff step fails on a material change that has no
# entry in the revision history (\`privacy-wizard diff --accept\` adds the proposed one).
name: Privacy

on:
  pull_request:

permissions:
  contents: read

jobs:
  privacy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          # check and diff compare with the pull request's base branch: they need its history.
          fetch-depth: 0
      - uses: actions/setup-node@v5
        with:
          node-version: lts/*
      - name: Check the privacy policy
        run: ${npx} check
      - name: Post the privacy diff as the job summary
        if: \${{ !cancelled() }}
        run: ${npx} diff >> "$GITHUB_STEP_SUMMARY"
`;
}

/** The same for any other CI system, as one line. */
export function ciOneLiner(version: string): string {
	const npx = npxCommand(version);
	return `${npx} check && ${npx} diff`;
}
