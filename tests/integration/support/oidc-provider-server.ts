// A real OpenID Provider (oidc-provider) on loopback, run as its own process so its clock can be set apart from ours
// (CLOCK_OFFSET_SECONDS) to issue ID tokens that have already expired. Configured by environment variables.
import Provider from 'oidc-provider';

const offset = Number(process.env.CLOCK_OFFSET_SECONDS ?? '0');
if (offset) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + offset * 1000;
}

const port = Number(process.env.PORT);
const accounts = JSON.parse(process.env.ACCOUNTS ?? '{}') as Record<string, Record<string, unknown>>;
const clients = JSON.parse(process.env.CLIENTS ?? '[]') as { client_id: string; client_secret: string; redirect_uris: string[] }[];
const claimNames = [...new Set(Object.values(accounts).flatMap((a) => Object.keys(a)))];

const provider = new Provider(`http://localhost:${port}`, {
  clients: clients.map((c) => ({ ...c, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' })),
  findAccount: async (_ctx, id) => (accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined),
  claims: { openid: ['sub'], profile: claimNames },
  scopes: ['openid', 'profile'],
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['oidc-provider-test-cookie-key'] },
  // The test stands in for the person at the broker; consent is part of the broker's own journey, not ours.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
    grant.addOIDCScope('openid profile');
    grant.addOIDCClaims(claimNames);
    await grant.save();
    return grant;
  },
});

provider.listen(port, () => {
  process.stdout.write(`listening ${port}\n`);
});
