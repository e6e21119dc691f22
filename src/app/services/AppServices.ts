import type { AccountSummary } from '../../core/access/account';
import type { PatrolDevice } from '../../device/patrolDevice';
import type { SyncHandle } from '../../device/sync/syncHandle';
import type { PatrolScheme } from '../../device/patrolScheme';
import type { FetchPhotoFailure } from '../../device/photos/fetchPhoto';
import type { PreparedPhoto } from '../../device/photos/preparedPhoto';
import type { ScoreService } from '../../device/scoring/scoreService';
import type { ResultsClient } from '../../device/results/resultsClient';
import type { HallView } from './hallView';
import type { PatrolItem } from '../features/patrol/patrolItems';

/** The storage calls the app makes (navigator.storage in the browser, a fake in tests). */
export type StorageApi = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

/** Everything the screens use beyond the UI store, made once at start (browser) or per test. */
export interface AppServices {
  device: PatrolDevice;
  hall: HallView;
  schemes: readonly PatrolScheme[];
  items: readonly PatrolItem[];
  scores: ScoreService;
  preparePhoto: (file: Blob) => Promise<PreparedPhoto>;
  storage: StorageApi | undefined;
  /** Change the language and remember it on the device. */
  setLanguage: (language: string) => Promise<void>;
  /** Work to do once the patrol is on screen (load the rest of the year for scores and recent items). */
  afterStart?: () => void;
  /** The signed-in account (its id is every event's actorId); absent only in tests of the patrol alone. */
  account?: AccountSummary;
  /** Sync with the server (loaded after the first frame); absent in tests that do not sync. */
  sync?: SyncHandle;
  /** Download another device's photo into the photo store (absent without sync: the photo then stays missing). */
  fetchPhoto?: (hash: string, findingId: string) => Promise<{ blob: Blob } | { failed: FetchPhotoFailure }>;
  /** The server's results, publications and exports for the signed-in account (loaded on first use; absent without sync). */
  openResults?: () => Promise<ResultsClient>;
  /** Back to the sign-in screen (another account). */
  signOut?: () => void;
}
