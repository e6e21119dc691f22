import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';

/** 中文 / English. */
export function LanguageSwitch({ onChange }: { onChange: (language: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="chips" role="radiogroup" aria-label={t('settings.language')}>
      {LANGUAGES.map((l) => (
        <button key={l.id} type="button" role="radio" aria-checked={i18n.language === l.id} className="chip" lang={l.id} onClick={() => onChange(l.id)}>
          {l.name}
        </button>
      ))}
    </div>
  );
}
