import { useEffect, useState } from 'react';
import { buildNotice } from '../../../core/events/buildNotice';
import type { Notice } from '../../../core/events/buildNotice';
import { useLog } from '../../services/useLog';
import { useServices } from '../../services/useServices';
import { usePulledHall } from '../../services/usePulledHall';

/** The violation notice built on the device from the events it holds (null while loading or unknown). */
export function useNotice(noticeId: string): Notice | null {
  const { device, hall, schemes } = useServices();
  const { accounts } = usePulledHall();
  const { version } = useLog();
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const events = await device.noticeEvents(noticeId);
      const n = buildNotice(noticeId, events, hall.setup.roster, schemes.map((s) => s.scheme), accounts);
      if (live) setNotice(n);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [device, hall, schemes, accounts, noticeId, version]);
  return notice;
}
