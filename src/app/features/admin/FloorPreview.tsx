import { useMemo, useState } from 'react';
import type { HallSetup } from '../../../core/model/hallSetup';
import { FloorMap } from '../patrol/FloorMap';
import { hallView } from '../../services/hallView';
import { ServicesContext } from '../../services/ServicesContext';
import { useServices } from '../../services/useServices';
import type { Today } from '../../services/useToday';
import { createPatrolStore } from '../../store/patrolStore';
import { StoreContext } from '../../store/StoreContext';
import { useAdminWords } from './useAdminWords';

const NOTHING_YET: Today = { day: '', findings: [], countByWindow: new Map(), visits: [] };
const NONE_VISITED: ReadonlySet<string> = new Set();

/**
 * What the inspector's tablet will show: the patrol's own floor map component, drawn from the setup being edited, in
 * a frame of the tablet's proportions (landscape 1280×800 or portrait 800×1280, where a wide hall is turned).
 */
export function FloorPreview({ setup }: { setup: HallSetup }) {
  const { t } = useAdminWords();
  const services = useServices();
  const [portrait, setPortrait] = useState(false);
  const previewServices = useMemo(() => ({ ...services, hall: hallView(setup) }), [services, setup]);
  const store = useMemo(() => createPatrolStore(), []);
  return (
    <figure className="floor-preview">
      <figcaption>
        <span>{t('floor.preview')}</span>
        <span className="chips">
          <button type="button" className="chip small" aria-pressed={!portrait} onClick={() => setPortrait(false)}>
            {t('floor.landscape')}
          </button>
          <button type="button" className="chip small" aria-pressed={portrait} onClick={() => setPortrait(true)}>
            {t('floor.portrait')}
          </button>
        </span>
      </figcaption>
      <div className={`tablet-frame ${portrait ? 'portrait' : 'landscape'}`}>
        <ServicesContext value={previewServices}>
          <StoreContext value={store}>
            <FloorMap today={NOTHING_YET} visited={NONE_VISITED} portrait={portrait} />
          </StoreContext>
        </ServicesContext>
      </div>
    </figure>
  );
}
