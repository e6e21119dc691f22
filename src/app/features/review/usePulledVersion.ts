import { useSyncExternalStore } from 'react';
import { useServices } from '../../services/useServices';

const none = (): (() => void) => () => undefined;
const zero = (): number => 0;

/** Increases after each sync that stored pulled data. */
export function usePulledVersion(): number {
  const { sync } = useServices();
  return useSyncExternalStore(sync?.pulled.subscribe ?? none, sync?.pulled.get ?? zero);
}
