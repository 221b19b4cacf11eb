// The hostile input both fuzz tests generate (the route handlers in-process, the server actions over HTTP): strings
// that break careless handling and values of the wrong type. Each test adds the strings only its own layer reads
// specially.
import fc from 'fast-check';

/**
 * Strings that break careless handling: empty, NUL, bidirectional and invisible marks, a family emoji with a flag,
 * lone surrogates, stacked combining marks, full-width digits, a CPR number, markup, SQL and 10,000-character strings.
 */
export const hostileStrings: readonly string[] = [
  '',
  '\u0000',
  'Erika\u0000Mustermann',
  '\u202EnnamretsuM\u202C',
  '\u200F\u200E\u061C',
  '👩‍👩‍👧‍👦🇩🇰',
  '\uD800',
  'a\uDFFFb',
  '\uFEFF',
  'Ǆ̸̡̛̟̙͂͊',
  '０１０１９０１２３４',
  '010190-1234',
  '<script>alert(1)</script>',
  "'; drop table applications; --",
  'x'.repeat(10_000),
  'Ü'.repeat(10_000),
  '🙂'.repeat(10_000),
];

/** One of `strings`, or up to 40 random code units (lone surrogates among them) or graphemes. */
export function hostileString(strings: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...strings), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
}

/** A value of the wrong type for a field: a number, a boolean, null, a few `string`s as an array or object, a `string`, or one of `more`. */
export function wrongTypeOf(string: fc.Arbitrary<string>, ...more: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(string, { maxLength: 3 }),
    fc.dictionary(string, string, { maxKeys: 3 }),
    string,
    ...more,
  );
}
