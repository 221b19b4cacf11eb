// One request and its answer over a fresh TLS connection: CPR Direkte answers once and closes the socket.
// Bounded in time (connect + answer) and in size; every failure is a RegisterError without the request's content.
import net from 'node:net';
import tls from 'node:tls';
import { ENCODING } from './records';

export type RegisterErrorKind = 'network' | 'timeout' | 'credentials' | 'unavailable' | 'protocol' | 'circuit_open';

/** Why the register could not answer. The message never contains a PNR, a token or a password. */
export class RegisterError extends Error {
  constructor(
    readonly kind: RegisterErrorKind,
    message: string,
    readonly registerCode?: number,
  ) {
    super(`CPR Direkte ${kind}: ${message}`);
  }
}

export type Endpoint = { host: string; port: number; ca?: string | Buffer; timeoutMs: number };

const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * Writes `request` and reads until the service closes the connection (or `complete` says the answer is whole).
 * `session` resumes an earlier TLS session, which saves a full handshake per request.
 */
export function exchange(
  endpoint: Endpoint,
  request: Buffer,
  options: { complete?: (answer: string) => boolean; session?: Buffer; onSession?: (session: Buffer) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = tls.connect({
      host: endpoint.host,
      port: endpoint.port,
      servername: net.isIP(endpoint.host) ? undefined : endpoint.host,
      ca: endpoint.ca,
      minVersion: 'TLSv1.2',
      session: options.session,
    });
    const finish = (error: RegisterError | null, answer?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(answer!);
    };
    const timer = setTimeout(() => finish(new RegisterError('timeout', `no answer within ${endpoint.timeoutMs} ms`)), endpoint.timeoutMs);
    socket.once('secureConnect', () => socket.write(request));
    socket.on('session', (s: Buffer) => options.onSession?.(s));
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) return finish(new RegisterError('protocol', 'answer too large'));
      chunks.push(chunk);
      if (options.complete?.(Buffer.concat(chunks).toString(ENCODING))) finish(null, Buffer.concat(chunks).toString(ENCODING));
    });
    socket.on('end', () => {
      if (!size) return finish(new RegisterError('network', 'connection closed before an answer'));
      finish(null, Buffer.concat(chunks).toString(ENCODING));
    });
    socket.on('close', () => {
      if (!size) finish(new RegisterError('network', 'connection closed before an answer'));
      else finish(null, Buffer.concat(chunks).toString(ENCODING));
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A certificate the configured CA does not vouch for is configuration, not a passing network fault.
      const tlsRefusal = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code ?? '');
      finish(new RegisterError(tlsRefusal ? 'credentials' : 'network', e.code ?? 'socket error'));
    });
  });
}
