import { useEffect, useMemo, useState } from 'react';
import { ulid } from 'ulid';
import { hallProblems } from '../../../core/model/hallProblems';
import type { HallSetup } from '../../../core/model/hallSetup';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { FloorEditor } from './FloorEditor';
import { addWindow, addZone, placeBox, resizeFloor } from './floorEdits';
import type { FloorSelection } from './floorEdits';
import { FloorInspector } from './FloorInspector';
import { FloorPreview } from './FloorPreview';
import { ProblemList } from './ProblemList';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';
import { useHistory } from './useHistory';

/** Ids of the windows a problem names, to outline them on the editor. */
function flaggedWindows(problems: ReturnType<typeof hallProblems>): Set<string> {
  const out = new Set<string>();
  for (const p of problems) {
    if ('windowIds' in p) p.windowIds.forEach((id) => out.add(id));
    if ('windowId' in p) out.add(p.windowId);
  }
  return out;
}

/**
 * The floor map editor: place, drag, number and remove windows, name areas, assign windows to units, undo and redo;
 * the problems of the setup (core hallProblems) listed as they arise; the inspector's map beside it.
 */
export function FloorSection() {
  const { t } = useAdminWords();
  const { hall, saveHall } = useAdmin();
  const act = useAct();
  const history = useHistory<HallSetup | null>(hall?.setup ?? null);
  const [selected, setSelected] = useState<FloorSelection | null>(null);
  const { reset } = history;
  useEffect(() => reset(hall?.setup ?? null), [hall, reset]);
  const setup = history.value;
  const problems = useMemo(() => (setup ? hallProblems(setup) : []), [setup]);
  const flagged = useMemo(() => flaggedWindows(problems), [problems]);
  if (!setup) return <p>{t('common.loading')}</p>;
  const change = (next: HallSetup, gesture?: string): void => history.set(next, gesture);
  const firstUnit = setup.roster.units[0];
  const changed = hall !== null && JSON.stringify(hall.setup) !== JSON.stringify(setup);
  const save = (): void => {
    void act.run(async () => {
      await saveHall(setup);
      return `${t('common.saved')}。${t('floor.saveNote')}`;
    });
  };
  return (
    <section className="admin-section floor-section" aria-labelledby="floor-heading">
      <h2 id="floor-heading">{t('floor.heading')}</h2>
      <p className="muted">{t('floor.intro')}</p>
      <div className="floor-toolbar">
        <button type="button" className="button" disabled={!history.canUndo} onClick={history.undo}>
          {t('floor.undo')}
        </button>
        <button type="button" className="button" disabled={!history.canRedo} onClick={history.redo}>
          {t('floor.redo')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={!firstUnit}
          onClick={() => {
            if (!firstUnit) return;
            const id = `w-${ulid().toLowerCase()}`;
            change(addWindow(setup, id, firstUnit.id));
            setSelected({ kind: 'window', id });
          }}
        >
          {t('floor.addWindow')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            const id = `z-${ulid().toLowerCase()}`;
            change(addZone(setup, id, t('floor.newArea')));
            setSelected({ kind: 'zone', id });
          }}
        >
          {t('floor.addArea')}
        </button>
        <span className="floor-size">
          {t('floor.size')}
          <label>
            <span>{t('floor.width')}</span>
            <input type="number" min={1} step={0.5} value={setup.layout.width} onChange={(e) => Number(e.target.value) > 0 && change(resizeFloor(setup, Number(e.target.value), setup.layout.height), 'size')} />
          </label>
          <label>
            <span>{t('floor.height')}</span>
            <input type="number" min={1} step={0.5} value={setup.layout.height} onChange={(e) => Number(e.target.value) > 0 && change(resizeFloor(setup, setup.layout.width, Number(e.target.value)), 'size')} />
          </label>
        </span>
      </div>
      {!firstUnit && <p className="field-error">{t('floor.noUnits')}</p>}
      <div className="floor-layout">
        <div className="floor-canvas">
          <FloorEditor setup={setup} selected={selected} flagged={flagged} onSelect={setSelected} onMove={(sel, box, gesture) => change(placeBox(setup, sel, box), gesture)} />
        </div>
        <div className="floor-side">
          <FloorInspector setup={setup} selected={selected} onChange={change} onGone={() => setSelected(null)} />
          <FloorPreview setup={setup} />
        </div>
      </div>
      <ProblemList problems={problems} roster={setup.roster} />
      <ActMessage message={act.message} />
      <div className="floor-toolbar">
        <button type="button" className="button primary" disabled={act.busy || problems.length > 0 || !changed} onClick={save}>
          {act.busy ? t('common.saving') : t('common.save')}
        </button>
        {!changed && <span className="muted">{t('common.unchanged')}</span>}
      </div>
    </section>
  );
}
