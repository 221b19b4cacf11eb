import { describe, expect, it } from 'vitest';
import { csvCell, csvDialect, csvDocument } from '@/lib/csv';
import { formatCell, isoWeek } from '@/lib/stats/format';

describe('CSV cells', () => {
  const en = csvDialect('en');
  const da = csvDialect('da');

  it('quotes delimiters, quotes and line breaks', () => {
    expect(csvCell('Smith, John', en)).toBe('"Smith, John"');
    expect(csvCell('Smith, John', da)).toBe('Smith, John');
    expect(csvCell('a;b', da)).toBe('"a;b"');
    expect(csvCell('say "hi"', en)).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', en)).toBe('"two\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula, but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")', en)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+45 1234', en)).toBe("'+45 1234");
    expect(csvCell('@SUM(A1)', en)).toBe("'@SUM(A1)");
    expect(csvCell('-3', en)).toBe('-3');
    expect(csvCell('-1,5', da)).toBe('-1,5');
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    expect(csvDocument(['Land', 'Åbne'], [['Ø', '1']], da)).toBe('\uFEFFLand;Åbne\r\nØ;1\r\n');
  });
});

describe('dashboard cell formats', () => {
  it('groups and signs numbers on the page but writes them plainly in CSV', () => {
    expect(formatCell({ n: 12345, kind: 'count' }, 'en', 'display')).toBe('12,345');
    expect(formatCell({ n: 12345, kind: 'count' }, 'da', 'display')).toBe('12.345');
    expect(formatCell({ n: 12345, kind: 'count' }, 'da', 'csv')).toBe('12345');
    expect(formatCell({ n: 40, kind: 'percent' }, 'en', 'display')).toBe('40.0%');
    expect(formatCell({ n: 40, kind: 'percent' }, 'da', 'csv')).toBe('40,0');
    expect(formatCell({ n: null, kind: 'hours' }, 'en', 'csv')).toBe('');
    expect(formatCell({ date: '2025-03-31', kind: 'week' }, 'en', 'csv')).toBe('2025-W14');
    expect(formatCell({ date: '2025-04-01', kind: 'date' }, 'en', 'csv')).toBe('2025-04-01');
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2025-04-21')).toEqual({ year: 2025, week: 17 });
  });
});
