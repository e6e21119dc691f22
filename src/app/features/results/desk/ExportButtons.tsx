import { useState } from 'react';
import type { SubjectKind } from '../../../../core/scheme/schemeSchema';
import type { ResultsClient } from '../../../../device/results/resultsClient';
import { useResultsWords } from './useResultsWords';

/** Download the period's .xlsx (every table, the halls' layouts) or the shown table's CSV, as the server makes them. */
export function ExportButtons({ client, schemeId, period, revision, subject }: { client: ResultsClient; schemeId: string; period: string; revision: number | null; subject: SubjectKind | null }) {
  const { r, language } = useResultsWords();
  const [error, setError] = useState<string | null>(null);
  const save = async (kind: 'xlsx' | 'csv'): Promise<void> => {
    setError(null);
    try {
      const query: Record<string, string> = { scheme: schemeId, period, lang: language === 'en' ? 'en' : 'zh-CN' };
      if (revision !== null) query.revision = String(revision);
      if (kind === 'csv' && subject) query.subject = subject;
      const file = await client.download(kind, query);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span className="exports">
      <button type="button" className="button secondary" onClick={() => void save('xlsx')}>
        {r('export.xlsx')}
      </button>
      <button type="button" className="button secondary" onClick={() => void save('csv')}>
        {r('export.csv')}
      </button>
      {error && <span role="alert">{r('export.failed', { message: error })}</span>}
    </span>
  );
}
