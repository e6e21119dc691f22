import type { HallProblem } from '../../../core/model/hallProblems';
import type { Roster } from '../../../core/model/roster';
import { hallProblemText } from './hallProblemText';
import { useAdminWords } from './useAdminWords';

/** The problems that stop a save, listed where the admin edits (from core hallProblems). */
export function ProblemList({ problems, roster, extra = [] }: { problems: readonly HallProblem[]; roster: Roster; extra?: readonly string[] }) {
  const { t } = useAdminWords();
  if (problems.length === 0 && extra.length === 0) return null;
  return (
    <div className="admin-problems" role="alert">
      <p>{t('hall.problems')}</p>
      <ul>
        {extra.map((text) => (
          <li key={text}>{text}</li>
        ))}
        {problems.map((p, i) => (
          <li key={i}>{hallProblemText(t, p, roster)}</li>
        ))}
      </ul>
    </div>
  );
}
