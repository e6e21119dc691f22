import { useMoreWords } from '../../i18n/useMoreWords';
import { PhotoThumb } from '../patrol/PhotoThumb';
import { useEvidencePhoto } from './useEvidencePhoto';

/** A finding's photo in finding detail: this device's copy or the server's; a placeholder that says why when neither. */
export function EvidencePhoto({ hash, findingId, alt }: { hash: string; findingId: string; alt: string }) {
  const { t } = useMoreWords();
  const photo = useEvidencePhoto(hash, findingId);
  if (photo.kind === 'missing') {
    const why = t(`review.photoMissing.${photo.why}`);
    return (
      <span className="thumb placeholder missing" role="img" aria-label={`${alt}：${why}`}>
        <small>{why}</small>
      </span>
    );
  }
  return <PhotoThumb blob={photo.kind === 'shown' ? photo.blob : undefined} alt={alt} />;
}
