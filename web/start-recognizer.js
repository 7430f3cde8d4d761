// The page's recognizer. index.html loads this small module ahead of app.js, so that the worker
// starts fetching and compiling the WebAssembly and the model while the page's other modules
// are still arriving, not after them.
import { paths, pageUrl } from './config.js';
import { Recognizer } from './lib/inkmath.js';

export const recognizer = new Recognizer({ baseUrl: pageUrl(paths.lib) });
