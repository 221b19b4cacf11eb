// A local HTTP server standing in for the Resend API as far as delivery depends on it: it records every request and,
// like Resend, sends an email once per idempotency key (a repeat gets the first answer). It can be told to hold
// requests unanswered after accepting them: the sender then dies not knowing the email left.
import http from 'node:http';
import { freePort } from '@/lib/db/embedded';

export type ResendStandIn = {
  url: string;
  /** Emails actually sent, one per idempotency key. */
  delivered: { idempotencyKey: string | undefined; to: string[]; subject: string }[];
  requests: number;
  holdAnswers: boolean;
  close: () => Promise<void>;
};

export async function resendStandIn(): Promise<ResendStandIn> {
  const answered = new Map<string, string>();
  const sockets = new Set<import('node:net').Socket>();
  const state: ResendStandIn = { url: '', delivered: [], requests: 0, holdAnswers: false, close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      state.requests++;
      const key = req.headers['idempotency-key'] as string | undefined;
      let id = key ? answered.get(key) : undefined;
      if (!id) {
        const body = JSON.parse(raw) as { to: string[]; subject: string };
        state.delivered.push({ idempotencyKey: key, to: body.to, subject: body.subject });
        id = `re_${state.delivered.length}`;
        if (key) answered.set(key, id);
      }
      if (state.holdAnswers) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, 'localhost', r));
  state.url = `http://localhost:${port}`;
  state.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return state;
}
