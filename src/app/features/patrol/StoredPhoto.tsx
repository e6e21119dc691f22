import { PhotoThumb } from './PhotoThumb';
import { usePhoto } from './usePhoto';

/** A thumbnail of a stored evidence photo. */
export function StoredPhoto({ hash, alt }: { hash: string; alt: string }) {
  return <PhotoThumb blob={usePhoto(hash)} alt={alt} />;
}
