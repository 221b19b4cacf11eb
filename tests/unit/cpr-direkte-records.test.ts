import { describe, expect, it } from 'vitest';
import { toRegisterRecords, statusOf } from '@/lib/register/cpr-direkte/mapping';
import {
  answerHeader, CURRENT, logonRecord, parseAnswerHeader, pnrRequestRecord, ProtocolError, searchRequestRecord, splitRecords,
  writeRecord,
} from '@/lib/register/cpr-direkte/records';

const account = { transaction: 'PRIV', customer: '47', user: 'IMUSER', password: 'pw' };
const f = (name: keyof typeof CURRENT, value: string): [number, number, string] => [CURRENT[name][0], CURRENT[name][1], value];
const current = (fields: [number, number, string][]) => ({ type: '001', text: writeRecord('001', fields) });

describe('CPR Direkte records', () => {
  it('writes the 35-character logon record: transaction, comma, customer number, ABON_TYPE 9, DATA_TYPE 0, user, password', () => {
    const text = logonRecord(account).toString('latin1');
    expect(text).toHaveLength(35);
    expect(text).toBe('PRIV,004790IMUSER  pw              ');
  });

  it('writes the 39-character PNR request with the token and the PNR in the last ten positions', () => {
    const text = pnrRequestRecord(account, 'Tok3n123', '0101701234').toString('latin1');
    expect(text).toHaveLength(39);
    expect(text).toBe('PRIV,004706Tok3n123IMUSER  000101701234');
  });

  it('writes the match request with sex, name and the birth date as DDMMYYYY', () => {
    const text = searchRequestRecord({ ...account, transaction: 'ADRM' }, 'Tok3n123', { dateOfBirth: '1970-05-01', name: 'Mette Østergård', sex: 'female' }).toString('latin1');
    expect(text).toHaveLength(209);
    expect(text[44]).toBe('K');
    expect(text.slice(45, 111).trim()).toBe('Mette Østergård');
    expect(text.slice(111, 119)).toBe('01051970');
  });

  it('reads the token and the error number from the answer header', () => {
    expect(parseAnswerHeader(answerHeader('PRIV', 'AbCd1234', 'IMUSER', 7))).toMatchObject({ token: 'AbCd1234', user: 'IMUSER', error: 7 });
    expect(() => parseAnswerHeader('PRIV,0')).toThrow(ProtocolError);
  });

  it('refuses an answer with an unknown record type, a cut-off record or no end record', () => {
    const start = writeRecord('000', []);
    const end = writeRecord('999', []);
    expect(() => splitRecords(`${start}042xxxxx${end}`)).toThrow(/unknown record type/);
    expect(() => splitRecords(`${start}${writeRecord('001', []).slice(0, 100)}`)).toThrow(/cut off/);
    expect(() => splitRecords(start)).toThrow(/start or end/);
  });

  it('takes the birth date from the CPR number by the century rule when the record has none', () => {
    const [born2010, born1910, born1858] = toRegisterRecords([
      current([f('pnr', '0207104003'), f('status', '01'), f('firstNames', 'Freja'), f('lastName', 'Holm')]),
      current([f('pnr', '0207101003'), f('status', '01')]),
      current([f('pnr', '0207585003'), f('status', '90')]),
    ]);
    expect(born2010).toMatchObject({ dateOfBirth: '2010-07-02', sex: 'male', givenNames: 'Freja', familyName: 'Holm' });
    expect(born1910?.dateOfBirth).toBe('1910-07-02');
    expect(born1858).toMatchObject({ dateOfBirth: '1858-07-02', status: 'deceased' });
  });

  it('refuses a status code it does not know rather than guessing', () => {
    expect(() => statusOf('42')).toThrow(ProtocolError);
    expect(() => statusOf('')).toThrow(ProtocolError);
  });
});
