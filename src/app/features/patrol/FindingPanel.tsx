import { useTranslation } from 'react-i18next';
import { saveError } from './saveError';
import { useItemsByKey } from '../../services/useItemsByKey';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { ScoreButton } from '../results/ScoreButton';
import { EvidenceBar } from './EvidenceBar';
import { ItemForm } from './ItemForm';
import { ItemList } from './ItemList';
import { ItemSearch } from './ItemSearch';
import { PersonPicker } from './PersonPicker';
import { SaveError } from './SaveError';

/** Recording at one window: who is on duty, evidence, the items; opens when a window is tapped. */
export function FindingPanel() {
  const { t } = useTranslation();
  const { hall, device } = useServices();
  const itemsByKey = useItemsByKey();
  const windowId = usePatrol((s) => s.windowId);
  const itemKey = usePatrol((s) => s.draft.itemKey);
  const close = usePatrol((s) => s.closePanel);
  const setError = usePatrol((s) => s.setError);
  const window = windowId ? hall.index.window(windowId) : undefined;
  if (!window) return null;
  const unit = hall.index.unit(window.unitId);
  const chief = hall.index.chief(window.unitId);
  const chosen = itemKey ? itemsByKey.get(itemKey) : undefined;
  return (
    <aside className="panel" role="dialog" aria-labelledby="panel-title">
      <header className="panel-header">
        <div>
          <h2 id="panel-title">{t('panel.title', { number: window.number, unit: unit?.name ?? '' })}</h2>
          <div className="panel-scores">
            <span>{t('subject.window')}</span>
            <ScoreButton kind="window" id={window.id} name={window.name ?? window.number} />
            <span>{t('subject.unit')}</span>
            <ScoreButton kind="unit" id={window.unitId} name={unit?.name ?? ''} />
            {chief && (
              <>
                <span>{t('subject.chief')} {chief.name}</span>
                <ScoreButton kind="chief" id={chief.id} name={chief.name} />
              </>
            )}
          </div>
        </div>
        <button type="button" className="button ghost close" onClick={close} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <div className="panel-body">
        <SaveError />
        <PersonPicker windowId={window.id} unitId={window.unitId} />
        <EvidenceBar />
        <div className="panel-row">
          <ItemSearch />
          <button type="button" className="button secondary" onClick={() => device.markVisited(window.id).catch((err: unknown) => setError(saveError(err)))}>
            {t('panel.allNormal')}
          </button>
        </div>
        <ItemList />
      </div>
      {chosen && <ItemForm key={chosen.key} pi={chosen} windowId={window.id} />}
    </aside>
  );
}
