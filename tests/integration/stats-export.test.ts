import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents } from '@/db/schema';
import type { Staff } from '@/lib/auth/sessions';
import { getDb, getSql } from '@/lib/db';
import { translator } from '@/lib/i18n/messages';
import { getDashboard } from '@/lib/stats/dashboard';
import { exportApplications, exportDashboardTable } from '@/lib/stats/export';
import { formatCell } from '@/lib/stats/format';
import { parseRange } from '@/lib/stats/range';
import { buildTables } from '@/lib/stats/tables';
import { insertStatsFixtures, NOW, RANGE, type FixtureStaff } from './support/stats-fixtures';

let ids: FixtureStaff;
let supervisor: Staff;
const range = parseRange(RANGE, NOW).range;
const BOM = '\uFEFF';

const readAll = async (stream: ReadableStream<Uint8Array>) => {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
};
const exportsBy = (actorId: string) =>
  getDb().select().from(applicationEvents).where(and(eq(applicationEvents.type, 'export'), eq(applicationEvents.actorId, actorId)));

beforeAll(async () => {
  ids = await insertStatsFixtures(getDb());
  supervisor = { id: ids.sup, email: 'sofie@example.dk', name: 'Sofie', role: 'supervisor', sessionId: 's' };
});

describe('CSV export of the dashboard tables', () => {
  it('writes the funnel in English with a byte-order mark, commas and decimal points', async () => {
    const file = await exportDashboardTable(getDb(), supervisor, 'funnel', range, 'en', NOW);
    expect(file.filename).toBe('funnel-2025-04-01-2025-04-23.csv');
    expect(file.body.startsWith(BOM)).toBe(true);
    expect(file.body.slice(1).split('\r\n')).toEqual([
      'Stage,This period,Previous period',
      'eID logins,5,2',
      'Automatic matches,2,1',
      'MitID matches,1,0',
      'Manual applications,6,4',
      'Approved,1,1',
      'Rejected,2,1',
      'Expired,1,0',
      'Withdrawn,1,0',
      'Automatic matching decisions,5,2',
      'Automatic match rate,40.0,50.0',
      '',
    ]);
  });

  it('writes Danish with semicolons, decimal commas and Danish letters intact', async () => {
    const file = await exportDashboardTable(getDb(), supervisor, 'caseworkers', range, 'da', NOW);
    const lines = file.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Sagsbehandler;Afgørelser;Afgørelser, foregående periode;Godkendt;Afslået;Anmodninger om oplysninger;Median behandlingstid (timer);Median behandlingstid, foregående periode (timer);Sager tildelt nu',
    );
    expect(lines.slice(1, 4)).toEqual(['Kasper;2;0;0;2;1;0,5;;0', 'Camilla;1;2;1;0;0;1,5;0,5;1', 'Sofie;0;0;0;0;0;;;0']);
  });

  it('holds the same numbers as the page for every table', async () => {
    const t = translator('en', 'supervisor');
    const tables = buildTables(await getDashboard(getDb(), range, NOW), t, 'en');
    const asNumber = (text: string) => (text === '' || text === '–' ? null : Number(text.replace(/[,%]/g, '')));
    for (const model of Object.values(tables)) {
      const file = await exportDashboardTable(getDb(), supervisor, model.id, range, 'en', NOW);
      const csvRows = file.body.slice(1).trimEnd().split('\r\n').slice(1).map((line) => line.split(','));
      expect(csvRows, model.id).toHaveLength(model.rows.length);
      model.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell === 'string' || 'date' in cell) return;
          expect(asNumber(csvRows[r]![c]!), `${model.id} row ${r} column ${c}`).toBe(asNumber(formatCell(cell, 'en', 'display')));
        }),
      );
    }
  });

  it('records every export with who, what and which period', async () => {
    const before = (await exportsBy(ids.sup)).length;
    await exportDashboardTable(getDb(), supervisor, 'countries', range, 'en', NOW);
    const events = await exportsBy(ids.sup);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ actorType: 'staff', applicationId: null, data: { table: 'countries', from: '2025-04-01', to: '2025-04-23', rows: 3, format: 'csv' } });
  });

  it('refuses a caseworker and records nothing', async () => {
    const caseworker: Staff = { id: ids.cw1, email: 'camilla@example.dk', name: 'Camilla', role: 'caseworker', sessionId: 's' };
    await expect(exportDashboardTable(getDb(), caseworker, 'funnel', range, 'en', NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportApplications(getDb(), getSql(), caseworker, range, 'en')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await exportsBy(ids.cw1)).toHaveLength(0);
  });
});

describe('CSV export of the applications of a period', () => {
  it('lists the applications submitted in the period with states and Copenhagen times, and no personal data', async () => {
    const file = await exportApplications(getDb(), getSql(), supervisor, range, 'en');
    expect(file.rows).toBe(6);
    const { bytes, text } = await readAll(file.stream);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Reference,State,Country,Document type,Submitted (Danish time),Decided (Danish time),Business days to decision,Decided by,Rejection reason,Assigned to,Last activity (Danish time)',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 10))).toEqual([
      ['IM-X1', 'Approved', 'DE', 'Passport', '2025-04-03 10:00:00', '2025-04-08 14:00:00', '3', 'Camilla', '', ''],
      ['IM-X5', 'In review', 'DE', 'National ID card', '2025-04-09 10:00:00', '', '', '', '', 'Camilla'],
      ['IM-X8', 'Withdrawn', 'DE', 'Passport', '2025-04-11 10:00:00', '', '', '', '', ''],
      ['IM-X2', 'Rejected', 'SE', 'National ID card', '2025-04-16 09:00:00', '2025-04-22 10:00:00', '1', 'Kasper', 'Document has expired', ''],
      ['IM-X7', 'Waiting for the applicant', 'PL', 'National ID card', '2025-04-16 15:00:00', '', '', '', '', ''],
      ['IM-X6', 'Waiting in the queue', 'SE', 'Passport', '2025-04-22 11:00:00', '', '', '', '', ''],
    ]);
    for (const secret of ['0101801234', '010180', 'X1234567', 'Test', 'Person', '@example.com']) expect(text).not.toContain(secret);
    const [event] = (await exportsBy(ids.sup)).filter((e) => e.data.table === 'applications');
    expect(event!.data).toMatchObject({ table: 'applications', from: '2025-04-01', to: '2025-04-23', rows: 6 });
  });
});
