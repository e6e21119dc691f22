import { createContext } from 'react';
import type { AppServices } from './AppServices';

/** The app instance's services. */
export const ServicesContext = createContext<AppServices | null>(null);
