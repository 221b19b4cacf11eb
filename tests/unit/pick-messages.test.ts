// Which texts a segment hands to the browser: the shared namespaces plus the ones it names, dotted paths included.
import { describe, expect, it } from 'vitest';
import { pickMessages } from '@/lib/i18n/pick-messages';
import en from '@/messages/en.json';

describe('pickMessages', () => {
  it('keeps the shared namespaces and the named ones, and nothing else', () => {
    const picked = pickMessages(en, ['journey']);
    expect(Object.keys(picked).sort()).toEqual(['errorPage', 'errors', 'form', 'journey', 'meta']);
    expect(picked.journey).toEqual(en.journey);
  });

  it('takes a dotted path without the rest of its namespace', () => {
    const picked = pickMessages(en, ['admin.setPassword', 'apply.fields']) as { admin: Record<string, unknown>; apply: Record<string, unknown> };
    expect(Object.keys(picked.admin)).toEqual(['setPassword']);
    expect(picked.admin.setPassword).toEqual(en.admin.setPassword);
    expect(Object.keys(picked.apply)).toEqual(['fields']);
  });

  it('refuses a namespace the catalogue does not have, so a typo fails at once', () => {
    expect(() => pickMessages(en, ['apply.nothingHere'])).toThrow('No messages under apply.nothingHere');
  });
});
