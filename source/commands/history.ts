// The commands that read earlier revisions through git, as one module: the build makes it one
// bundle (see scripts/build.js), loaded by cli.ts only for these. Each export is an async function.
export {diff} from './diff.js';
export {init} from './init.js';
