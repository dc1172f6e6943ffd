import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The traffic one simulated chat service sees: requests per second, their latency, the share of 5xx. */
export interface TrafficProfile {
  readonly requestsPerSecond: number;
  readonly latencySeconds: number;
  /** 0..1 */
  readonly errorRatio: number;
}

/** A small Prometheus exporter on loopback whose figures the test controls, one label set per service. */
export interface ChatExporter {
  /** host:port, as Prometheus scrapes it. */
  readonly target: string;
  setProfile(service: string, profile: TrafficProfile): void;
  close(): Promise<void>;
}

const BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const ROUTE = '/v1/chat/attachments/upload';
const TICK_MS = 100;

interface ServiceState {
  profile: TrafficProfile;
  /** Fractional requests (and failing requests) carried to the next tick. */
  carry: number;
  errorCarry: number;
  buckets: number[];
  sum: number;
  ok: number;
  errors: number;
}

export async function startChatExporter(services: Record<string, TrafficProfile>): Promise<ChatExporter> {
  const state = new Map<string, ServiceState>();
  const setProfile = (service: string, profile: TrafficProfile) => {
    const current = state.get(service);
    if (current) current.profile = profile;
    else state.set(service, { profile, carry: 0, errorCarry: 0, buckets: BUCKETS.map(() => 0), sum: 0, ok: 0, errors: 0 });
  };
  Object.entries(services).forEach(([service, profile]) => setProfile(service, profile));

  // Traffic arrives continuously (a tick every 100 ms, counted by the clock so a busy event loop
  // does not lower the rate), so rates are smooth between scrapes.
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const elapsedSeconds = (now - last) / 1000;
    last = now;
    for (const service of state.values()) {
      const requests = service.profile.requestsPerSecond * elapsedSeconds + service.carry;
      const whole = Math.floor(requests);
      service.carry = requests - whole;
      if (whole === 0) continue;
      const failing = whole * service.profile.errorRatio + service.errorCarry;
      const errors = Math.floor(failing);
      service.errorCarry = failing - errors;
      service.errors += errors;
      service.ok += whole - errors;
      service.sum += whole * service.profile.latencySeconds;
      BUCKETS.forEach((le, index) => {
        if (service.profile.latencySeconds <= le) service.buckets[index] = (service.buckets[index] ?? 0) + whole;
      });
    }
  }, TICK_MS);

  const render = () => {
    const lines = ['# HELP chat_http_request_duration_seconds Latency of chat API requests.', '# TYPE chat_http_request_duration_seconds histogram'];
    for (const [service, s] of state) {
      const labels = `service="${service}",route="${ROUTE}"`;
      BUCKETS.forEach((le, index) => lines.push(`chat_http_request_duration_seconds_bucket{${labels},le="${le}"} ${s.buckets[index]}`));
      lines.push(`chat_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.ok + s.errors}`);
      lines.push(`chat_http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      lines.push(`chat_http_request_duration_seconds_count{${labels}} ${s.ok + s.errors}`);
    }
    lines.push('# HELP chat_http_requests_total Chat API requests by status code.', '# TYPE chat_http_requests_total counter');
    for (const [service, s] of state) {
      lines.push(`chat_http_requests_total{service="${service}",route="${ROUTE}",code="200"} ${s.ok}`);
      lines.push(`chat_http_requests_total{service="${service}",route="${ROUTE}",code="500"} ${s.errors}`);
    }
    return `${lines.join('\n')}\n`;
  };

  const server: Server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(render());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    setProfile,
    close: async () => {
      clearInterval(ticker);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The three checks of docs/gates/hot-path.md, for one service of the exporter (rate windows of 3 s at a 1 s scrape). */
export function chatChecks(service: string, options: { minRequestRate?: number } = {}): string {
  const selector = `service="${service}"`;
  const checks = [
    [
      '- name: p95 latency',
      `  query: histogram_quantile(0.95, sum by (le) (rate(chat_http_request_duration_seconds_bucket{${selector}}[3s]))) * 1000`,
      "  comparison: '<'",
      '  threshold: 300',
      '  unit: ms',
    ],
    [
      '- name: 5xx ratio',
      `  query: 100 * sum(rate(chat_http_requests_total{${selector},code=~"5.."}[3s])) / sum(rate(chat_http_requests_total{${selector}}[3s]))`,
      "  comparison: '<'",
      '  threshold: 1',
      "  unit: '%'",
    ],
  ];
  if (options.minRequestRate !== undefined) {
    checks.push([
      '- name: request rate',
      `  query: sum(rate(chat_http_requests_total{${selector}}[3s]))`,
      "  comparison: '>='",
      `  threshold: ${options.minRequestRate}`,
      '  unit: req/s',
    ]);
  }
  return `${checks.map((lines) => lines.join('\n')).join('\n')}\n`;
}
