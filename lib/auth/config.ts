// next-auth (Auth.js v5) for staff: email + password (argon2id), and single sign-on through a generic OIDC provider
// when AUTH_OIDC_* are set. JWT cookies that carry only a database session id (see sessions.ts).
import { and, eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { users } from '@/db/schema';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { clientIp } from '@/lib/http';
import { logger } from '@/lib/log';
import { z } from '@/lib/validation';
import { verifyPassword } from './password';
import { admitSignIn, signInFailed, signInSucceeded } from './sign-in-limits';
import { linkSsoAccount } from './sso';
import { ABSOLUTE_TIMEOUT_SECONDS, createStaffSession, endStaffSession, resolveStaff } from './sessions';

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().min(1).max(512) });

/** A refusal before the password is checked; its code reaches the sign-in form and the redirect URL. */
class LimitedSignIn extends CredentialsSignin {
  constructor(
    readonly code: 'account_locked' | 'rate_limited',
    readonly retryAfterSeconds: number,
  ) {
    super();
  }
}

export { SIGN_IN_LIMITS } from './sign-in-limits';

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = getDb();
        const ip = clientIp(request);
        const admission = await admitSignIn(db, email, ip);
        if (!admission.admitted) throw new LimitedSignIn(admission.reason, admission.retryAfterSeconds);
        const [user] = await db.select().from(users).where(and(eq(users.email, email)));
        const ok = await verifyPassword(user?.passwordHash, password);
        if (!ok || !user || !user.active) {
          await signInFailed(db, email, admission);
          return null;
        }
        await signInSucceeded(db, email, ip);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  const e = env();
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET) {
    list.push({
      id: 'sso',
      name: 'Single sign-on',
      type: 'oidc',
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
      checks: ['pkce', 'state', 'nonce'],
      // The ID token is still verified; the email and name come from the userinfo endpoint, because many
      // providers (oidc-provider among them) put only `sub` in the ID token when an access token is issued.
      idToken: false,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: ABSOLUTE_TIMEOUT_SECONDS },
  pages: { signIn: '/signin', error: '/signin' },
  // Auth.js logs through our logger (JSON, masked), not to the console; refused sign-ins are expected, not errors.
  logger: {
    error: (error) => logger.warn({ event: 'auth_error', name: error.name }, 'staff sign-in error'),
    warn: (code) => logger.warn({ event: 'auth_warning', code }, 'staff sign-in warning'),
    debug: () => {},
  },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== 'sso') return true;
      const userId = await linkSsoAccount(getDb(), {
        subject: account.providerAccountId,
        email: typeof profile?.email === 'string' ? profile.email : null,
        emailVerified: profile?.email_verified === true,
        name: typeof profile?.name === 'string' ? profile.name : null,
      });
      if (!userId) return false;
      user.id = userId;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await createStaffSession(getDb(), user.id);
        return token;
      }
      // The cookie is only a pointer: a session ended (signed out, timed out, account deactivated) is no session,
      // for /api/auth/session as for every page. Returning null makes Auth.js clear the cookie.
      if (!(await resolveStaff(getDb(), token.sid as string | undefined))) return null;
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined, user: { ...session.user, id: token.sub ?? '' } };
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) await endStaffSession(getDb(), sid);
    },
  },
}));
