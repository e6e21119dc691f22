import { useMoreWords } from '../../i18n/useMoreWords';
import { PhotoButton } from '../patrol/PhotoButton';
import { useEvidencePhoto } from './useEvidencePhoto';

/**
 * A photo of a finding (evidence, counter-evidence, the notice's signature): this device's copy or the server's, opening
 * full size; a placeholder that says why when neither.
 */
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
  return <PhotoButton blob={photo.kind === 'shown' ? photo.blob : undefined} alt={alt} />;
}
