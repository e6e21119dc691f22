import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoThumb } from './PhotoThumb';
import { PhotoViewer } from './PhotoViewer';

/** A photo's thumbnail that opens the photo full size (evidence, counter-evidence, a signature). */
export function PhotoButton({ blob, alt }: { blob: Blob | undefined; alt: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!blob) return <PhotoThumb blob={undefined} alt={alt} />;
  return (
    <>
      <button type="button" className="thumb-button" aria-label={t('photo.open', { name: alt })} onClick={() => setOpen(true)}>
        <PhotoThumb blob={blob} alt={alt} />
      </button>
      {open && <PhotoViewer blob={blob} alt={alt} onClose={() => setOpen(false)} />}
    </>
  );
}
