import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApi, AdminHall } from '../../../device/admin/adminApi';
import type { HallSetup } from '../../../core/model/hallSetup';
import { enAdmin } from '../../i18n/admin/enAdmin';
import { zhCNAdmin } from '../../i18n/admin/zhCNAdmin';
import { useServices } from '../../services/useServices';
import { AccountsSection } from './AccountsSection';
import { AdminContext } from './AdminContext';
import type { AdminState } from './AdminContext';
import { ActMessage } from './ActMessage';
import { DevicesSection } from './DevicesSection';
import { HallSwitcher } from './centre/HallSwitcher';
import { HallsSection } from './centre/HallsSection';
import { FloorSection } from './FloorSection';
import { HallSection } from './HallSection';
import { ReviewSection } from './ReviewSection';
import { RosterSection } from './RosterSection';
import { SchemesSection } from './SchemesSection';
import { useAdminWords } from './useAdminWords';
import { useCentre } from './useCentre';
import './admin.css';
import './floor.css';

const SECTIONS = {
  halls: HallsSection,
  accounts: AccountsSection,
  devices: DevicesSection,
  hall: HallSection,
  floor: FloorSection,
  roster: RosterSection,
  schemes: SchemesSection,
  review: ReviewSection,
} as const;
type Section = keyof typeof SECTIONS;

/** The admin area (loaded only for admins): its words, its server calls, the hall as the server holds it. */
export function AdminView() {
  const { i18n } = useTranslation();
  // The admin words come with this chunk; both languages, so switching language needs nothing more.
  useState(() => {
    if (!i18n.hasResourceBundle('zh-CN', 'admin')) i18n.addResourceBundle('zh-CN', 'admin', zhCNAdmin);
    if (!i18n.hasResourceBundle('en', 'admin')) i18n.addResourceBundle('en', 'admin', enAdmin);
    return true;
  });
  return <AdminArea />;
}

function AdminArea() {
  const { t, failure } = useAdminWords();
  const { sync, account } = useServices();
  const [own, setOwn] = useState<AdminApi | null>(null);
  const [hall, setHall] = useState<AdminHall | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('accounts');
  useEffect(() => {
    sync?.admin().then(setOwn, (err: unknown) => setError(failure(err)));
  }, [sync, failure]);
  // A centre administrator works on one of their halls at a time: `api` is that hall's.
  const { api, centre } = useCentre(sync, own);
  const load = useCallback(
    () =>
      api?.hall().then(
        (h) => {
          setHall(h);
          setError(null);
        },
        (err: unknown) => setError(failure(err)),
      ),
    [api, failure],
  );
  useEffect(() => void load(), [load]);
  const state: AdminState | null = useMemo(
    () =>
      api && {
        api,
        hall,
        selfId: account?.id ?? '',
        saveHall: async (setup: HallSetup) => {
          await api.saveHall(setup);
          setHall(await api.hall());
        },
        reload: async () => setHall(await api.hall()),
        centre,
      },
    [api, hall, account, centre],
  );
  const Current = SECTIONS[section];
  if (!state) return error ? <ActMessage message={{ ok: false, text: error }} /> : null;
  return (
    <AdminContext value={state}>
      <div className="admin">
        <nav className="admin-nav" aria-label={t('sectionsLabel')}>
          {centre && <HallSwitcher onSwitched={() => setHall(null)} />}
          {(Object.keys(SECTIONS) as Section[])
            .filter((s) => s !== 'halls' || centre)
            .map((s) => (
            <button key={s} type="button" aria-current={s === section ? 'page' : undefined} onClick={() => setSection(s)}>
              {t(`sections.${s}`)}
            </button>
          ))}
        </nav>
        <div className="admin-body">
          {error && (
            <div>
              <ActMessage message={{ ok: false, text: error }} />
              <button type="button" className="button" onClick={() => void load()}>
                {t('common.retry')}
              </button>
            </div>
          )}
          {/* Keyed by hall: a centre administrator's switch starts each section afresh on the other hall. */}
          {hall ? <Current key={centre?.current ?? ''} /> : !error && <p>{t('common.loading')}</p>}
        </div>
      </div>
    </AdminContext>
  );
}
