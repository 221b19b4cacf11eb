import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { formatCell } from '@/lib/stats/format';
import type { TableModel } from '@/lib/stats/tables';

type Props = { model: TableModel; locale: Locale; exportQuery?: string };

/** A dashboard table: caption, column headers, the first column as row headers, and its CSV download. */
export async function DataTable({ model, locale, exportQuery }: Props) {
  const t = await getTranslations('supervisor');
  const weekLabel = (week: number, year: number) => t('weekLabel', { week, year });
  const captionId = `table-${model.id}`;
  return (
    <div className="table-block">
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="table table--compact table--zebra" data-table={model.id}>
          <caption id={captionId}>{model.caption}</caption>
          <thead>
            <tr>
              {model.columns.map((c, i) => (
                <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => {
                  const text = formatCell(cell, locale, 'display', weekLabel);
                  return i === 0 ? (
                    <th key={i} scope="row">
                      {text}
                    </th>
                  ) : (
                    <td key={i} className={typeof cell === 'string' ? undefined : 'num'}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {model.rows.length === 0 ? <p>{t('noData')}</p> : null}
      {exportQuery !== undefined ? (
        <p className="table-download">
          <a href={`/supervisor/export/${model.id}?${exportQuery}`} download>
            {t('download', { table: model.caption })}
          </a>
        </p>
      ) : null}
    </div>
  );
}
