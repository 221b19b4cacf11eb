import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/http';

const req = (xff?: string) => new Request('http://localhost/', { headers: xff ? { 'x-forwarded-for': xff } : {} });

describe('the client address used for rate limits', () => {
  it('takes the address our own proxy appended, not what the client wrote before it', () => {
    expect(clientIp(req('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(req('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
  });

  it('uses the only entry when there is one, and says unknown when there is none', () => {
    expect(clientIp(req('203.0.113.7'), 2)).toBe('203.0.113.7');
    expect(clientIp(req(), 1)).toBe('unknown');
  });
});
