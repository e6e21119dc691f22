import { useEffect } from 'react';
import { useLog } from './services/useLog';
import { useServices } from './services/useServices';

/** Keep the provisional scores of the current month in step with the log (computed off the main thread). */
export function useLiveScores(): void {
  const { device, scores } = useServices();
  const log = useLog();
  useEffect(() => {
    const now = device.clock();
    const [year, month] = device.today().split('-').map(Number);
    if (!year || !month) return;
    scores.update(device.log, { kind: 'month', year, index: month }, `${year}-${String(month).padStart(2, '0')}`, now.toISOString());
  }, [log, device, scores]);
}
