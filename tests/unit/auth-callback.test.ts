import { describe, expect, it } from 'vitest';
import { safeCallback, staffHome } from '@/lib/auth/callback';
import { roleCan } from '@/lib/auth/roles';

describe('where sign-in may send staff', () => {
  it('keeps a path on this site', () => {
    expect(safeCallback('/caseworker/cases/123?tab=history')).toBe('/caseworker/cases/123?tab=history');
  });

  it('never redirects off the site', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', undefined, 42]) {
      expect(safeCallback(bad)).toBeNull();
    }
  });
});

describe('where staff land without a page to return to', () => {
  it('sends each role to a page it can use', () => {
    for (const role of ['caseworker', 'supervisor', 'admin'] as const) {
      const home = staffHome(role);
      const capability = home.startsWith('/admin') ? 'admin' : home.startsWith('/supervisor') ? 'supervisor' : 'caseworker';
      expect(roleCan(role, capability)).toBe(true);
    }
    expect(staffHome('admin')).toBe('/admin/staff');
  });
});

describe('roles', () => {
  it('lets a supervisor work cases but not manage staff, and an admin manage staff but not work cases', () => {
    expect([roleCan('caseworker', 'caseworker'), roleCan('caseworker', 'supervisor'), roleCan('caseworker', 'admin')]).toEqual([true, false, false]);
    expect([roleCan('supervisor', 'caseworker'), roleCan('supervisor', 'supervisor'), roleCan('supervisor', 'admin')]).toEqual([true, true, false]);
    expect([roleCan('admin', 'caseworker'), roleCan('admin', 'supervisor'), roleCan('admin', 'admin')]).toEqual([false, true, true]);
    expect(roleCan(null, 'caseworker')).toBe(false);
  });
});
