import { describe, expect, it } from 'vitest';
import { maskCpr } from '@/lib/log';

describe('CPR numbers never reach a log line', () => {
  it('masks every way a CPR number is written', () => {
    for (const text of ['0101901234', '010190-1234', '010190 1234', '01 01 90 1234', 'lookup failed\\n0101901234', 'CPR0101901234', 'cpr=010190–1234']) {
      expect(maskCpr(text), text).not.toMatch(/\d{4}/);
    }
  });

  it('leaves timestamps and other long numbers alone', () => {
    expect(maskCpr('{"time":1795572320387}')).toBe('{"time":1795572320387}');
    expect(maskCpr('port 5432')).toBe('port 5432');
  });

  it('keeps a row id whole even when it holds ten digits in a row, and still masks a CPR number beside it', () => {
    const id = 'b3e1f0aa-1c2d-4e5f-8a9b-a4123456789b';
    expect(maskCpr(`staff ${id} took a case`)).toBe(`staff ${id} took a case`);
    expect(maskCpr(`staff ${id} typed 010190-1234`)).toBe(`staff ${id} typed [cpr]`);
  });
});
