import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorSummary } from '@/components/form/error-summary';
import { TextField } from '@/components/form/text-field';
import type { DashboardRange } from '@/lib/stats/range';

const PRESET_LINKS = ['7d', '30d', 'quarter'] as const;

type Props = {
  basePath: string;
  range: DashboardRange;
  /** The raw query values, so a rejected custom date is shown back as typed. */
  input: { from?: string; to?: string };
  errors: Record<string, string[]> | null;
};

/** Presets as links, custom dates as a plain GET form: both work without JavaScript and give shareable URLs. */
export async function RangeControls({ basePath, range, input, errors }: Props) {
  const [t, te] = await Promise.all([getTranslations('supervisor.range'), getTranslations('errors')]);
  const fieldError = (field: 'from' | 'to') => (errors?.[field]?.[0] ? te(errors[field]![0]!) : undefined);
  const summary = (['from', 'to', 'range'] as const).flatMap((f) =>
    errors?.[f]?.[0] ? [{ field: f === 'range' ? 'from' : f, message: `${t(f === 'range' ? 'legend' : f)}: ${te(errors[f]![0]!)}` }] : [],
  );
  const showCustom = range.preset === 'custom' || Boolean(errors);
  return (
    <div className="range-controls">
      <h2 className="h4" id="period-heading">
        {t('legend')}
      </h2>
      <nav aria-labelledby="period-heading">
        <ul className="range-presets nobullet-list">
          {PRESET_LINKS.map((p) => (
            <li key={p}>
              <Link href={`${basePath}?range=${p}`} aria-current={!errors && range.preset === p ? 'true' : undefined}>
                {t(`preset.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={basePath} noValidate>
        <ErrorSummary errors={summary} />
        <input type="hidden" name="range" value="custom" />
        <fieldset>
          <legend className="form-label">{t('preset.custom')}</legend>
          <div className="range-dates">
            <TextField
              id="from"
              name="from"
              type="date"
              label={t('from')}
              defaultValue={input.from ?? (showCustom ? range.current.from : '')}
              error={fieldError('from')}
              max={range.today}
            />
            <TextField
              id="to"
              name="to"
              type="date"
              label={t('to')}
              defaultValue={input.to ?? (showCustom ? range.current.to : '')}
              error={fieldError('to')}
              max={range.today}
            />
            <button type="submit" className="button button-secondary">
              {t('submit')}
            </button>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
