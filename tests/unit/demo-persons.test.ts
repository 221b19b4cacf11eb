import { describe, expect, it } from 'vitest';
import { decideMatch, parseCpr } from '@/lib/matching';
import { demoBornOn, demoPersons, findDemoPerson } from '@/lib/register/demo-persons';

describe('the demo population', () => {
  it('has at least 40 register persons covering every register status and name-and-address protection', () => {
    const inRegister = demoPersons.filter((p) => p.register);
    expect(inRegister.length).toBeGreaterThanOrEqual(40);
    const statuses = new Set(inRegister.map((p) => p.register!.status));
    expect([...statuses].sort()).toEqual(['active', 'annulled', 'changed', 'deceased', 'disappeared', 'emigrated', 'inactive']);
    expect(inRegister.some((p) => p.register!.nameAddressProtected)).toBe(true);
    expect(demoPersons.some((p) => !p.register)).toBe(true);
  });

  it('gives every person a valid, unique CPR number that agrees with their birth date and sex', () => {
    const cprs = new Set<string>();
    for (const p of demoPersons.filter((x) => x.register)) {
      const parsed = parseCpr(p.register!.cpr);
      expect(parsed, p.id).toMatchObject({ ok: true, dateOfBirth: p.register!.dateOfBirth, sex: p.register!.sex });
      cprs.add(p.register!.cpr);
    }
    expect(cprs.size).toBe(demoPersons.filter((x) => x.register).length);
  });

  it('behaves in the simulator as its scenario says', () => {
    for (const p of demoPersons.filter((x) => x.register)) {
      expect(decideMatch(p.eid, p.register!, demoBornOn(p.eid.dateOfBirth)).decision, `${p.id}: ${p.scenario}`).toBe(p.expected);
    }
  });

  it('has a pair of look-alikes: same names, same 1 January birth date, each a match alone but ambiguous together', () => {
    const [a, b] = [findDemoPerson('x11')!, findDemoPerson('x12')!];
    expect(a.register!.dateOfBirth).toBe(b.register!.dateOfBirth);
    expect(a.register!.dateOfBirth.endsWith('-01-01')).toBe(true);
    expect(a.register!.cpr).not.toBe(b.register!.cpr);
    for (const p of [a, b]) {
      expect(p.scenario).toBe('look-alike in the register');
      expect(decideMatch(p.eid, p.register!).decision).toBe('match');
      expect(decideMatch(p.eid, p.register!, demoBornOn(p.eid.dateOfBirth))).toMatchObject({ decision: 'manual', reasons: expect.arrayContaining(['register_ambiguous']) });
    }
  });

  it('has no other look-alikes, so every other scenario shows its own rule', () => {
    for (const p of demoPersons.filter((x) => x.register && !['x11', 'x12'].includes(x.id))) {
      expect(decideMatch(p.eid, p.register!, demoBornOn(p.eid.dateOfBirth)).reasons, p.id).not.toContain('register_ambiguous');
    }
  });
});
