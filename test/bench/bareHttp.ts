// The floor the client is compared with: one node:http POST that reads the
// whole body into a string and does nothing else.
import * as http from 'node:http';

export interface BareAnswer {
  status: number;
  /** Milliseconds until the status line and headers arrived. */
  headersMs: number;
  /** Milliseconds until the body was complete and decoded as UTF-8. */
  totalMs: number;
  bytes: number;
  text: string;
}

const BARE_TIMEOUT_MS = 120_000;

export function barePost(
  url: string,
  body: unknown,
  token: string,
  agent: http.Agent,
): Promise<BareAnswer> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const started = performance.now();

  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      agent,
      timeout: BARE_TIMEOUT_MS,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(payload.length),
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
      },
    }, (response) => {
      const headersMs = performance.now() - started;
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        bytes += chunk.length;
      });
      response.on('end', () => {
        const text = Buffer.concat(chunks, bytes).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headersMs,
          totalMs: performance.now() - started,
          bytes,
          text,
        });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('bare POST timed out')));
    request.on('error', reject);
    request.end(payload);
  });
}
