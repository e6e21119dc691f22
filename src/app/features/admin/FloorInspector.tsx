import type { HallSetup } from '../../../core/model/hallSetup';
import { boxOf, editWindow, placeBox, removeWindow, removeZone, renameZone } from './floorEdits';
import type { Box, FloorSelection } from './floorEdits';
import { useAdminWords } from './useAdminWords';

const num = (v: string): number => (v.trim() === '' ? NaN : Number(v));

/** The selected window (number, name, unit), area (name) or entrance, with its position and size in metres. */
export function FloorInspector({ setup, selected, onChange, onGone }: { setup: HallSetup; selected: FloorSelection | null; onChange: (next: HallSetup, gesture?: string) => void; onGone: () => void }) {
  const { t } = useAdminWords();
  const box = selected && boxOf(setup, selected);
  if (!selected || !box) return <p className="muted">{t('floor.selectHint')}</p>;
  const window = selected.kind === 'window' ? setup.roster.windows.find((w) => w.id === selected.id) : undefined;
  const zone = selected.kind === 'zone' ? setup.layout.zones.find((z) => z.id === selected.id) : undefined;
  const setBox = (key: keyof Box, value: string): void => {
    const n = num(value);
    if (Number.isFinite(n)) onChange(placeBox(setup, selected, { ...box, [key]: n }), `${key}-${selected.kind === 'entrance' ? 'entrance' : selected.id}`);
  };
  const heading = window ? t('floor.window', { number: window.number }) : zone ? zone.name || t('floor.areaName') : t('floor.entrance');
  return (
    <div className="floor-inspector" aria-label={heading} role="group">
      <h3>{heading}</h3>
      {window && (
        <>
          <label>
            <span>{t('floor.number')}</span>
            <input value={window.number} onChange={(e) => onChange(editWindow(setup, window.id, { number: e.target.value }), `number-${window.id}`)} />
          </label>
          <label>
            <span>{t('floor.windowName')}</span>
            <input value={window.name ?? ''} onChange={(e) => onChange(editWindow(setup, window.id, { name: e.target.value }), `name-${window.id}`)} />
          </label>
          <label>
            <span>{t('floor.unit')}</span>
            <select value={window.unitId} onChange={(e) => onChange(editWindow(setup, window.id, { unitId: e.target.value }))}>
              {setup.roster.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {zone && (
        <label>
          <span>{t('floor.areaName')}</span>
          <input value={zone.name} onChange={(e) => onChange(renameZone(setup, zone.id, e.target.value), `name-${zone.id}`)} />
        </label>
      )}
      <div className="floor-box">
        {(['x', 'y', 'w', 'h'] as const).map((k) => (
          <label key={k}>
            <span>{t(`floor.${k}`)}</span>
            <input type="number" step={0.1} min={0} value={box[k]} onChange={(e) => setBox(k, e.target.value)} />
          </label>
        ))}
      </div>
      {window && (
        <button
          type="button"
          className="button"
          onClick={() => {
            onChange(removeWindow(setup, window.id));
            onGone();
          }}
        >
          {t('floor.removeWindow')}
        </button>
      )}
      {zone && (
        <button
          type="button"
          className="button"
          onClick={() => {
            onChange(removeZone(setup, zone.id));
            onGone();
          }}
        >
          {t('floor.removeArea')}
        </button>
      )}
    </div>
  );
}
