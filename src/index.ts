import { run } from './main.js';

// run() never throws; a failure sets process.exitCode through core.setFailed.
await run();
