// Auth.js's own sign-in, callback and session endpoints: its handlers check their own CSRF token and cookies, so
// they are exported as they are rather than through route().
import { handlers } from '@/lib/auth';

export const { GET, POST } = handlers;
