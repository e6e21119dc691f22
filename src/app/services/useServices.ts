import { useContext } from 'react';
import type { AppServices } from './AppServices';
import { ServicesContext } from './ServicesContext';

/** The app's services (device, hall, schemes, scores). */
export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside <ServicesContext>');
  return s;
}
