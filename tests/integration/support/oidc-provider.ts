// Starts the loopback OpenID Provider in a child process and plays the person at its login page
// (oidc-provider's development interactions), following redirects with a cookie jar, until it redirects back to us.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@/lib/db/embedded';

export type TestProvider = { issuer: string; stop: () => Promise<void> };

export async function startProvider(options: {
  accounts: Record<string, Record<string, unknown>>;
  clients: { client_id: string; client_secret: string; redirect_uris: string[] }[];
  clockOffsetSeconds?: number;
}): Promise<TestProvider> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, 'oidc-provider-server.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      ACCOUNTS: JSON.stringify(options.accounts),
      CLIENTS: JSON.stringify(options.clients),
      CLOCK_OFFSET_SECONDS: String(options.clockOffsetSeconds ?? 0),
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (c) => output.push(String(c)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`oidc-provider did not start:\n${output.join('')}`)), 20_000);
    child.stdout?.on('data', (chunk) => {
      if (String(chunk).includes(`listening ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider exited (${code}):\n${output.join('')}`)));
  });
  return {
    issuer: `http://localhost:${port}`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Logs in at the provider as `account` (or aborts the login) and returns the URL the provider redirects back to
 * (our callback with code and state), without calling it.
 */
export async function loginAtProvider(authorizationUrl: URL, redirectUri: string, account: string | { abort: true }): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: cookie() } });
    remember(res);
    init = {};
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    if (typeof account !== 'string') {
      url = new URL(`${url.pathname.replace(/\/$/, '')}/abort`, url);
      continue;
    }
    const prompt = html.includes('name="prompt" value="login"') ? 'login' : 'consent';
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt });
    init = { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider never redirected back');
}
