import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { PhotoThumb } from './PhotoThumb';

/**
 * Evidence for the next finding: photos from the camera or the gallery (compressed on the device as soon as they
 * are taken, so saving stays one tap) and a free-text note. Taken first, because the act may not last.
 */
export function EvidenceBar() {
  const { t } = useTranslation();
  const { preparePhoto } = useServices();
  const photos = usePatrol((s) => s.draft.photos);
  const busy = usePatrol((s) => s.draft.photosBusy);
  const note = usePatrol((s) => s.draft.note);
  const setNote = usePatrol((s) => s.setNote);
  const started = usePatrol((s) => s.photoStarted);
  const done = usePatrol((s) => s.photoDone);
  const remove = usePatrol((s) => s.removePhoto);

  const onFiles = (e: ChangeEvent<HTMLInputElement>): void => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    for (const file of files) {
      started();
      preparePhoto(file).then(done, () => done(null));
    }
  };

  return (
    <section className="panel-section evidence" aria-label={t('evidence.heading')}>
      <div className="evidence-row">
        <label className="button secondary">
          {t('evidence.camera')}
          <input type="file" accept="image/*" capture="environment" className="visually-hidden" onChange={onFiles} aria-label={t('evidence.camera')} />
        </label>
        <label className="button secondary">
          {t('evidence.attach')}
          <input type="file" accept="image/*" multiple className="visually-hidden" onChange={onFiles} aria-label={t('evidence.attach')} />
        </label>
        {photos.map((p, i) => (
          <span key={p.hash} className="thumb-wrap">
            <PhotoThumb blob={p.blob} alt={t('evidence.photoN', { n: i + 1 })} />
            <button type="button" className="thumb-remove" aria-label={t('evidence.remove', { n: i + 1 })} onClick={() => remove(p.hash)}>
              ×
            </button>
          </span>
        ))}
        {busy > 0 && (
          <span className="muted" role="status">
            {t('evidence.processing')}
          </span>
        )}
      </div>
      <label className="note">
        <span>{t('evidence.note')}</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('evidence.notePlaceholder')} />
      </label>
    </section>
  );
}
