import { useObjectUrl } from './useObjectUrl';

/** A photo thumbnail from a blob. */
export function PhotoThumb({ blob, alt }: { blob: Blob | undefined; alt: string }) {
  const url = useObjectUrl(blob);
  return url ? <img className="thumb" src={url} alt={alt} /> : <span className="thumb placeholder" role="img" aria-label={alt} />;
}
