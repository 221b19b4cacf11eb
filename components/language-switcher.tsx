import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/i18n/actions';
import { locales } from '@/lib/i18n/config';

const names = { en: 'English', da: 'Dansk' } as const;

export async function LanguageSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('layout')]);
  return (
    <nav className="language-switcher" aria-label={t('languageLabel')}>
      <div className="container">
        <ul className="unstyled-list">
          {locales.map((code) => (
            <li key={code}>
              <form action={setLocale}>
                <input type="hidden" name="locale" value={code} />
                <button
                  type="submit"
                  className="language-button"
                  lang={code}
                  aria-current={code === locale ? 'true' : undefined}
                  data-testid={`language-${code}`}
                >
                  {names[code]}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
