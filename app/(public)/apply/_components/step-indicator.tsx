'use client';
import { useTranslations } from 'next-intl';
import { TOTAL_STEPS, type Step } from '@/lib/applications/schema';
import styles from './apply.module.css';

/** DKFDS step indicator: the whole list on wide screens, "Step 2 of 4" on phones. */
export function StepIndicator({ step }: { step: Step }) {
  const t = useTranslations('apply');
  const steps = Array.from({ length: TOTAL_STEPS }, (_, i) => (i + 1) as Step);
  return (
    <nav aria-label={t('progressLabel')}>
      <p className={`step-subheading ${styles.compactSteps}`} data-testid="step-of">
        {t('stepOf', { step, total: TOTAL_STEPS, title: t(`steps.${step}.short`) })}
      </p>
      <ol className={`step-indicator ${styles.fullSteps}`}>
        {steps.map((s) => (
          <li key={s} className={s === step ? 'current' : undefined}>
            <div className="step" aria-current={s === step ? 'step' : undefined}>
              <span className="step-number">
                <span>{s}</span>
              </span>
              <div>
                <span className="step-title">{t(`steps.${s}.short`)}</span>
                {s < step ? <span className="sr-only"> ({t('stepDone')})</span> : null}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </nav>
  );
}
