// The parts of oidc-provider the tests use (the package ships no types; it runs only in tests, as a real provider).
declare module 'oidc-provider' {
  type Ctx = {
    oidc: {
      provider: Provider;
      client?: { clientId: string };
      session?: { accountId: string };
    };
  };
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  type GrantInstance = { addOIDCScope(scope: string): void; addOIDCClaims(claims: string[]): void; save(): Promise<string> };

  export default class Provider {
    constructor(issuer: string, configuration: {
      clients?: Record<string, unknown>[];
      findAccount?: (ctx: Ctx, id: string) => Promise<Account | undefined>;
      claims?: Record<string, string[]>;
      scopes?: string[];
      conformIdTokenClaims?: boolean;
      pkce?: { required?: () => boolean };
      features?: Record<string, { enabled: boolean }>;
      cookies?: { keys: string[] };
      ttl?: Record<string, number>;
      loadExistingGrant?: (ctx: Ctx) => Promise<GrantInstance | undefined>;
    });
    Grant: new (init: { clientId: string; accountId: string }) => GrantInstance;
    listen(port: number, callback?: () => void): unknown;
  }
}
