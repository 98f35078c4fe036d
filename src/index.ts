/** The action's entry, bundled to dist/index.js. */
import { run } from './main.ts';

await run();
