import { describe, expect, it } from 'vitest';
import { decideMatch, parseCpr } from '@/lib/matching';
import { demoPersons } from '@/lib/register/demo-persons';

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
      expect(decideMatch(p.eid, p.register!).decision, `${p.id}: ${p.scenario}`).toBe(p.expected);
    }
  });
});
