import { startS3Proxy, type ProxiedRequest, type ProxyFaults, type S3Proxy } from './s3-proxy.js';

type Match = (request: ProxiedRequest) => boolean;

/** The S3 proxy, with requests that never get an answer, and a way to wait for a request. */
export interface HangingProxy extends S3Proxy {
  /** From now on, requests that match hang (until the client gives up or the proxy closes). */
  hang(match: Match): void;
  /** Resolves with the first request (already seen, or seen from now on) that matches. */
  waitFor(match: Match): Promise<ProxiedRequest>;
}

/**
 * startS3Proxy with a `before` hook that never settles for the requests `hang` names: a request
 * that hangs until s3-timeout-seconds, or one held while a test sends a signal. Other faults
 * (e.g. rewriteBody) pass through.
 */
export async function startHangingProxy(target: string, faults: Omit<ProxyFaults, 'before'> = {}, initially?: Match): Promise<HangingProxy> {
  let hanging: Match = initially ?? (() => false);
  const waiters: { match: Match; resolve: (request: ProxiedRequest) => void }[] = [];
  const proxy = await startS3Proxy(target, {
    ...faults,
    before: (request) => {
      for (const waiter of waiters.filter((entry) => entry.match(request))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
      return hanging(request) ? new Promise<void>(() => undefined) : undefined;
    },
  });
  return {
    ...proxy,
    hang: (match) => {
      hanging = match;
    },
    waitFor: (match) => {
      const seen = proxy.requests.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

/** S3 requests by shape (path-style addressing). */
export const s3Request = {
  isHeadUnder:
    (prefix: string): Match =>
    (request) =>
      request.method === 'HEAD' && decodeURIComponent(request.path).includes(`/${prefix}`),
  isUploadPart: (request: ProxiedRequest): boolean => request.method === 'PUT' && request.query.has('partNumber'),
  isListUploads: (request: ProxiedRequest): boolean => request.method === 'GET' && request.query.has('uploads'),
  /** CompleteMultipartUpload (POST) or AbortMultipartUpload (DELETE). */
  isCompleteOrAbort: (request: ProxiedRequest): boolean => request.query.has('uploadId') && (request.method === 'POST' || request.method === 'DELETE'),
  isMultiDelete: (request: ProxiedRequest): boolean => request.method === 'POST' && request.query.has('delete'),
};
