import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientIp } from '@/lib/http';

const req = (headers: Record<string, string>) => new Request('http://localhost/', { headers });

describe('the client address used for rate limits', () => {
  it('with no proxy in front, is the socket address and never what the client wrote in X-Forwarded-For', () => {
    expect(clientIp(req({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7', 'x-forwarded-for': '6.6.6.6' }), 0)).toBe('203.0.113.7');
    expect(clientIp(req({ 'x-forwarded-for': '6.6.6.6' }), 0)).toBe('unknown');
  });

  it('behind proxies, takes the address our own proxy appended, not what the client wrote before it', () => {
    expect(clientIp(req({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientIp(req({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' }), 2)).toBe('203.0.113.7');
    expect(clientIp(req({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7', [CLIENT_ADDRESS_HEADER]: '10.0.0.2' }), 1)).toBe('203.0.113.7');
  });

  it('uses the only entry when there is one, and says unknown when there is none', () => {
    expect(clientIp(req({ 'x-forwarded-for': '203.0.113.7' }), 2)).toBe('203.0.113.7');
    expect(clientIp(req({}), 1)).toBe('unknown');
  });
});
