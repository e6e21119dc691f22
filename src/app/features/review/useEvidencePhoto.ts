import { useEffect, useState } from 'react';
import type { FetchPhotoFailure } from '../../../device/photos/fetchPhoto';
import { useServices } from '../../services/useServices';
import { useOnline } from '../../useOnline';

/** A photo as finding detail shows it: loading, the blob, or why it is not on this device. */
export type EvidencePhotoState = { kind: 'loading' } | { kind: 'shown'; blob: Blob } | { kind: 'missing'; why: FetchPhotoFailure };

/**
 * A finding's photo by hash: from the device's photo store, else downloaded from the server (and kept there). Tried
 * again when the browser comes back online, so a placeholder stays only while offline and not yet fetched.
 */
export function useEvidencePhoto(hash: string, findingId: string): EvidencePhotoState {
  const { device, fetchPhoto } = useServices();
  const online = useOnline();
  const [state, setState] = useState<{ hash: string; shown: EvidencePhotoState }>({ hash, shown: { kind: 'loading' } });
  useEffect(() => {
    let live = true;
    const show = (shown: EvidencePhotoState): void => {
      if (live) setState({ hash, shown });
    };
    void device.photo(hash).then(
      async (stored) => {
        if (stored) return show({ kind: 'shown', blob: stored });
        if (!fetchPhoto) return show({ kind: 'missing', why: 'offline' });
        const got = await fetchPhoto(hash, findingId);
        show('blob' in got ? { kind: 'shown', blob: got.blob } : { kind: 'missing', why: got.failed });
      },
      () => show({ kind: 'missing', why: 'offline' }),
    );
    return () => {
      live = false;
    };
  }, [device, fetchPhoto, hash, findingId, online]);
  return state.hash === hash ? state.shown : { kind: 'loading' };
}
