import { useMoreWords } from '../../i18n/useMoreWords';
import { formatPoints } from '../../format/formatPoints';
import { noticeProblemWords } from '../../format/noticeProblemWords';
import { usePatrol } from '../../store/usePatrol';
import { EvidencePhoto } from './EvidencePhoto';
import { StateBadge } from './StateBadge';
import { useNotice } from './useNotice';

/** The signed violation notice in the layout of 003 附件2, ready to print (print CSS hides the app around it). */
export function NoticePage({ noticeId }: { noticeId: string }) {
  const { t } = useMoreWords();
  const close = usePatrol((s) => s.setNotice);
  const n = useNotice(noticeId);
  return (
    <div className="notice-backdrop">
      <article className="notice" role="dialog" aria-label={t('notice.title')}>
        <h2 className="notice-title">{t('notice.title')}</h2>
        {!n ? (
          <p>{t('app.loading')}</p>
        ) : (
          <>
            <table className="notice-head">
              <tbody>
                <tr>
                  <th>{t('notice.hall')}</th>
                  <td>{n.hall.name}</td>
                  <th>{t('notice.number')}</th>
                  <td>{n.noticeId}</td>
                </tr>
                <tr>
                  <th>{t('notice.unit')}</th>
                  <td>{n.unit?.name ?? ''}</td>
                  <th>{t('notice.window')}</th>
                  <td>{n.window ? t('log.window', { number: n.window.number }) : ''}</td>
                </tr>
              </tbody>
            </table>
            <table className="notice-lines">
              <thead>
                <tr>
                  <th>{t('notice.staff')}</th>
                  <th>{t('notice.time')}</th>
                  <th>{t('notice.item')}</th>
                  <th>{t('notice.points')}</th>
                  <th>{t('notice.evidence')}</th>
                  <th>{t('notice.inspector')}</th>
                </tr>
              </thead>
              <tbody>
                {n.lines.map((l) => (
                  <tr key={l.findingId}>
                    <td>{l.staff?.name ?? l.window?.name ?? ''}</td>
                    <td>{l.time}</td>
                    <td>
                      <strong>{l.item?.name ?? ''}</strong>
                      <div className="clause">{l.item?.text ?? ''}</div>
                      <small>{l.item?.clause ?? ''}</small> <StateBadge state={l.state} />
                    </td>
                    <td className="num">{l.points?.kind === 'points' ? formatPoints(l.points.points) : t('log.byMonth')}</td>
                    <td>
                      {l.evidence.photos.map((h, i) => (
                        <EvidencePhoto key={h} hash={h} findingId={l.findingId} alt={t('evidence.photoN', { n: i + 1 })} />
                      ))}
                      {l.evidence.note && <div>{l.evidence.note}</div>}
                    </td>
                    <td>{l.inspector.name ?? l.inspector.accountId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="notice-total">{n.totalPoints === null ? '' : t('notice.total', { points: formatPoints(n.totalPoints) })}</p>
            <div className="notice-sign">
              <span>{t('notice.signer', { name: n.signer.name, capacity: n.signer.capacity ? t(`subject.${n.signer.capacity}`) : '' })}</span>
              <EvidencePhoto hash={n.signer.signature} findingId={n.lines[0]?.findingId ?? ''} alt={t('notice.signatureOf', { name: n.signer.name })} />
              <span>{t('notice.date', { date: n.date })}</span>
            </div>
            {n.problems.length > 0 && <p className="warn">{n.problems.map((p) => noticeProblemWords(p, t)).join(t('list.separator'))}</p>}
          </>
        )}
        <div className="sheet-actions no-print">
          <button type="button" className="button secondary" onClick={() => window.print()}>
            {t('notice.print')}
          </button>
          <button type="button" className="button primary" onClick={() => close(null)}>
            {t('panel.close')}
          </button>
        </div>
      </article>
    </div>
  );
}
