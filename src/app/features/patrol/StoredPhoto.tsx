import { PhotoButton } from './PhotoButton';
import { usePhoto } from './usePhoto';

/** A stored photo's thumbnail, opening it full size. */
export function StoredPhoto({ hash, alt }: { hash: string; alt: string }) {
  return <PhotoButton blob={usePhoto(hash)} alt={alt} />;
}
