// An HTTP proxy in front of a local server (s3rver here) that can hold chosen requests unanswered, so a test knows
// exactly how far a process got when it crashes it: a held PUT means the object was never written.
import http from 'node:http';
import { freePort } from '@/lib/db/embedded';

export type PausingProxy = { url: string; hold: (match: ((req: http.IncomingMessage) => boolean) | null) => void; held: () => number; close: () => Promise<void> };

export async function pausingProxy(target: string): Promise<PausingProxy> {
  const upstream = new URL(target);
  let match: ((req: http.IncomingMessage) => boolean) | null = null;
  let held = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    if (match?.(req)) {
      held++;
      return;
    }
    const headers = { ...req.headers };
    delete headers.expect;
    const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, 'localhost', r));
  return {
    url: `http://localhost:${port}`,
    hold: (m) => (match = m),
    held: () => held,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
