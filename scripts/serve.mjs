// The web process that `npm start` runs: Next's request handler behind a plain Node HTTP server, so that the client's
// address comes from the TCP socket. A client can write any X-Forwarded-For; only the socket cannot be forged.
// Plain JavaScript on purpose: no loader sits between Node and Next on the request path.
import { createServer } from 'node:http';
import next from 'next';

/** Must equal CLIENT_ADDRESS_HEADER in lib/http: the only place the app reads the socket address from. */
const CLIENT_ADDRESS_HEADER = 'x-im-client-address';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);

const app = next({ dev, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Whatever the client sent under our header is replaced; with no proxy in front (hops 0) its X-Forwarded-For is
  // dropped too, so nothing downstream can read a client-written address (Next refills it from the socket).
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
  if (hops === 0) delete req.headers['x-forwarded-for'];
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
