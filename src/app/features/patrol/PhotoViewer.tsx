import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useObjectUrl } from './useObjectUrl';

/** A photo full size over the screen, at the photo's own resolution where it fits; tap or Escape closes it. */
export function PhotoViewer({ blob, alt, onClose }: { blob: Blob; alt: string; onClose: () => void }) {
  const { t } = useTranslation();
  const url = useObjectUrl(blob);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="photo-viewer" role="dialog" aria-modal="true" aria-label={alt} onClick={onClose}>
      {url && <img src={url} alt={alt} />}
      <button type="button" className="button close" aria-label={t('panel.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
