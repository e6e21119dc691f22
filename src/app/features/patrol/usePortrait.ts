import { useSyncExternalStore } from 'react';

const QUERY = '(orientation: portrait)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/** Whether the tablet is held upright (re-renders when it is turned). */
export function usePortrait(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
