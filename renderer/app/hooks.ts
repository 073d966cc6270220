// Derived values for observer components: each re-renders only when its own value changes.
import { comparer, computed } from 'mobx';
import { useMemo } from 'react';

/** A derived value an observer re-renders on only when the value itself changes. */
export function useComputed<T>(fn: () => T, deps: readonly unknown[]): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const box = useMemo(() => computed(fn), deps);
  return box.get();
}

/** The same, compared by structure: a new object equal to the last one is no change. */
export function useComputedStruct<T>(fn: () => T, deps: readonly unknown[]): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const box = useMemo(() => computed(fn, { equals: comparer.structural }), deps);
  return box.get();
}
