// Preloaded with `node --import` into the action process on the bench's counting runs only (the
// timed runs go without it): appends "METHOD path [range]" of every HTTP request to
// $BENCH_REQUEST_LOG (the Range header tells a ranged GET from a full one). It watches Node's http
// diagnostics channel, so the count does not rely on the code under test.
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { requestLine } from './requests.mjs';

const log = process.env.BENCH_REQUEST_LOG;
if (log) {
  subscribe('http.client.request.start', ({ request }) => appendFileSync(log, `${requestLine(request.method, request.path, request.getHeader('range'))}\n`));
}
