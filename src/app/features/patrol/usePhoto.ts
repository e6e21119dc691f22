import { useEffect, useState } from 'react';
import { useServices } from '../../services/useServices';

/** A stored photo's blob by hash (undefined while loading or when this device does not have it). */
export function usePhoto(hash: string): Blob | undefined {
  const { device } = useServices();
  const [blob, setBlob] = useState<Blob>();
  useEffect(() => {
    let live = true;
    device.photo(hash).then((b) => live && setBlob(b), () => undefined);
    return () => {
      live = false;
    };
  }, [device, hash]);
  return blob;
}
