import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { PreparedPhoto } from '../../device/photos/preparedPhoto';
import type { Refusal } from '../../core/access/refusal';
import type { HandOverChief } from '../../device/session/handOverStore';
import type { RawInputs } from '../../core/scheme/ruleInputs';

export type View = 'admin' | 'map' | 'log' | 'review' | 'queue' | 'scores' | 'results' | 'settings' | 'desk';

/** Why the last save (or photo) failed, or what a save had to leave out: a code the panel words, or the core's refusal of the act. */
export type SaveProblem = 'storage-full' | 'save-failed' | 'saved-without-photos' | 'photo-failed' | { refused: Refusal };

/** The finding being put together in the panel: who, evidence, and the chosen item with its inputs. */
export interface Draft {
  staffId: string | null;
  itemKey: string | null;
  raw: RawInputs;
  note: string;
  photos: PreparedPhoto[];
  /** Photos being compressed. */
  photosBusy: number;
}

/** The undo bar: the finding just saved, until `until` (ms since epoch). */
export interface Saved {
  findingId: string;
  label: string;
  until: number;
}

export interface ExplainTarget {
  schemeId: string;
  subject: string;
  subjectId: string;
}

/**
 * UI and session state only (what is open, what is being typed); everything persistent lives in Dexie. One store,
 * actions beside the state; made per app instance so tests start from a clean store.
 */
export interface PatrolState {
  view: View;
  windowId: string | null;
  /** The person preselected when the window was opened (the only one on duty there), restored after each save. */
  defaultStaffId: string | null;
  query: string;
  draft: Draft;
  saving: boolean;
  saved: Saved | null;
  error: SaveProblem | null;
  showUnvisited: boolean;
  explain: ExplainTarget | null;
  /** Hand-over: the chief unlocked with their PIN on this tablet; the signed-in session is locked meanwhile. */
  /** The chief acting in hand-over (with the signer of their acts), or null. */
  handOver: HandOverChief | null;
  /** The finding whose review sheet is open, and the notice on screen. */
  reviewing: string | null;
  notice: string | null;
  setHandOver: (chief: HandOverChief | null) => void;
  setReviewing: (findingId: string | null) => void;
  setNotice: (noticeId: string | null) => void;
  setView: (view: View) => void;
  /** Open the panel of a window; `staffId` preselects the person when only one is on duty. */
  openWindow: (windowId: string, staffId?: string | null) => void;
  closePanel: () => void;
  choosePerson: (staffId: string | null) => void;
  chooseItem: (itemKey: string | null) => void;
  setRaw: (name: keyof RawInputs, value: string) => void;
  setQuery: (query: string) => void;
  setNote: (note: string) => void;
  photoStarted: () => void;
  photoDone: (photo: PreparedPhoto | null) => void;
  removePhoto: (hash: string) => void;
  setSaving: (saving: boolean) => void;
  /** A finding was saved: clear the item, inputs, evidence and the person chosen for it, show the undo bar. */
  savedFinding: (saved: Saved) => void;
  dismissSaved: () => void;
  setError: (error: PatrolState['error']) => void;
  toggleUnvisited: () => void;
  setExplain: (target: ExplainTarget | null) => void;
}

// Shared empties, so clearing the draft does not hand subscribers a "new" empty value (and a needless render).
const NO_PHOTOS: PreparedPhoto[] = [];
const NO_INPUTS: RawInputs = {};
const emptyDraft = (): Draft => ({ staffId: null, itemKey: null, raw: NO_INPUTS, note: '', photos: NO_PHOTOS, photosBusy: 0 });

/** A new store for one app instance. */
export function createPatrolStore(): StoreApi<PatrolState> {
  return createStore<PatrolState>()((set) => ({
    view: 'map',
    windowId: null,
    defaultStaffId: null,
    query: '',
    draft: emptyDraft(),
    saving: false,
    saved: null,
    error: null,
    showUnvisited: false,
    explain: null,
    handOver: null,
    reviewing: null,
    notice: null,
    setHandOver: (handOver) => set({ handOver, reviewing: null, notice: null, windowId: null, view: 'review' }),
    setReviewing: (reviewing) => set({ reviewing }),
    setNotice: (notice) => set({ notice }),
    // Another tab: the window panel closes (its draft with it).
    setView: (view) => set({ view, windowId: null, defaultStaffId: null, draft: emptyDraft(), query: '', error: null }),
    openWindow: (windowId, staffId = null) => set({ windowId, defaultStaffId: staffId, draft: { ...emptyDraft(), staffId }, query: '', error: null }),
    closePanel: () => set({ windowId: null, defaultStaffId: null, draft: emptyDraft(), query: '', error: null }),
    choosePerson: (staffId) => set((s) => ({ draft: { ...s.draft, staffId } })),
    chooseItem: (itemKey) => set((s) => ({ draft: { ...s.draft, itemKey, raw: NO_INPUTS }, error: null })),
    setRaw: (name, value) => set((s) => ({ draft: { ...s.draft, raw: { ...s.draft.raw, [name]: value } } })),
    setQuery: (query) => set({ query }),
    setNote: (note) => set((s) => ({ draft: { ...s.draft, note } })),
    photoStarted: () => set((s) => ({ draft: { ...s.draft, photosBusy: s.draft.photosBusy + 1 }, error: null })),
    photoDone: (photo) =>
      set((s) => ({
        draft: {
          ...s.draft,
          photosBusy: Math.max(0, s.draft.photosBusy - 1),
          photos: photo && !s.draft.photos.some((p) => p.hash === photo.hash) ? [...s.draft.photos, photo] : s.draft.photos,
        },
        error: photo ? s.error : 'photo-failed',
      })),
    removePhoto: (hash) => set((s) => ({ draft: { ...s.draft, photos: s.draft.photos.filter((p) => p.hash !== hash) } })),
    setSaving: (saving) => set({ saving }),
    savedFinding: (saved) => set((s) => ({ saved, saving: false, error: null, query: '', draft: { ...emptyDraft(), staffId: s.defaultStaffId } })),
    dismissSaved: () => set({ saved: null }),
    setError: (error) => set({ error, saving: false }),
    toggleUnvisited: () => set((s) => ({ showUnvisited: !s.showUnvisited })),
    setExplain: (explain) => set({ explain }),
  }));
}
