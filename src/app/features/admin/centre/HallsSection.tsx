import { formatDateTime } from '../../../format/formatDateTime';
import { useAdmin } from '../AdminContext';
import { useAdminWords } from '../useAdminWords';
import { NewHallForm } from './NewHallForm';

/**
 * A centre administrator's halls side by side (GET /api/centre/halls): each with its time zone, units, windows, staff
 * on duty, accounts, findings and last change, a button to work on it, and the form that opens a new hall.
 */
export function HallsSection() {
  const { t, i18n } = useAdminWords();
  const { centre } = useAdmin();
  if (!centre) return null;
  return (
    <section className="admin-section" aria-labelledby="halls-heading">
      <h2 id="halls-heading">{t('sections.halls')}</h2>
      <p className="muted">{t('centre.intro')}</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('centre.hall')}</th>
            <th>{t('centre.timeZone')}</th>
            <th className="num">{t('centre.units')}</th>
            <th className="num">{t('centre.windows')}</th>
            <th className="num">{t('centre.staff')}</th>
            <th className="num">{t('centre.accounts')}</th>
            <th className="num">{t('centre.findings')}</th>
            <th>{t('centre.lastChange')}</th>
            <th>{t('accounts.columns.acts')}</th>
          </tr>
        </thead>
        <tbody>
          {centre.halls.map((h) => (
            <tr key={h.id}>
              <td>
                {h.name} <small className="muted">{h.id}</small>
              </td>
              <td>{h.timeZone}</td>
              <td className="num">{h.units}</td>
              <td className="num">{h.windows}</td>
              <td className="num">{h.staff}</td>
              <td className="num">{h.accounts}</td>
              <td className="num">{h.findings}</td>
              <td>{h.lastChange ? formatDateTime(h.lastChange, h.timeZone, i18n.language) : '—'}</td>
              <td>
                {h.id === centre.current ? (
                  <span className="muted">{t('centre.current')}</span>
                ) : (
                  <button type="button" className="button" aria-label={t('centre.workOn', { name: h.name })} onClick={() => void centre.switchTo(h.id)}>
                    {t('centre.manage')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewHallForm />
    </section>
  );
}
