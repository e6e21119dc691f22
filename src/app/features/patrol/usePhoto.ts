import { useEffect, useState } from 'react';
import { useServices } from '../../services/useServices';

/** A stored evidence photo's blob by hash (undefined while loading or when missing). */
export function usePhoto(hash: string): Blob | undefined {
  const { device } = useServices();
  const [blob, setBlob] = useState<Blob>();
  useEffect(() => {
    let live = true;
    device.db.photos.get(hash).then((row) => live && setBlob(row?.blob), () => undefined);
    return () => {
      live = false;
    };
  }, [device, hash]);
  return blob;
}
