// The commands that need the processor catalog, as one module: the bundle loads the catalog and
// its detection tables only for them (see scripts/build.js).
export {processors} from './processors.js';
export {repoDriftFindings, scan} from './scan.js';
export {catalogCategory} from './catalog-category.js';
