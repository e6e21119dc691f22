import { useCallback, useState } from 'react';

interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The gesture the present belongs to (one drag is one undo step). */
  group: string | null;
}

/** A value with undo and redo. Changes with the same `group` (the moves of one drag) make one undo step. */
export function useHistory<T>(initial: T) {
  const [h, setH] = useState<History<T>>({ past: [], present: initial, future: [], group: null });
  const set = useCallback((next: T, group?: string) => {
    setH((s) =>
      group !== undefined && group === s.group
        ? { ...s, present: next }
        : { past: [...s.past, s.present].slice(-200), present: next, future: [], group: group ?? null },
    );
  }, []);
  const undo = useCallback(() => {
    setH((s) => {
      const prev = s.past[s.past.length - 1];
      return prev === undefined ? s : { past: s.past.slice(0, -1), present: prev, future: [s.present, ...s.future], group: null };
    });
  }, []);
  const redo = useCallback(() => {
    setH((s) => {
      const next = s.future[0];
      return next === undefined ? s : { past: [...s.past, s.present], present: next, future: s.future.slice(1), group: null };
    });
  }, []);
  const reset = useCallback((value: T) => setH({ past: [], present: value, future: [], group: null }), []);
  return { value: h.present, set, undo, redo, reset, canUndo: h.past.length > 0, canRedo: h.future.length > 0 };
}
