// Glue between react-hook-form (the forms) and MobX (the draft): the form starts from the draft's values, reports every
// change back to the draft, and reloads from the draft when the draft changes from elsewhere (resetKey).
import { computed, untracked } from 'mobx';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';

export function useDraftForm<T extends FieldValues>(initial: () => T, onValues: (values: T) => void, resetKey: unknown): UseFormReturn<T> {
  // read from the draft once: useForm keeps only the first render's defaults, and later renders would build them anew
  const [defaults] = useState(() => untracked(initial) as DefaultValues<T>);
  const form = useForm<T>({ defaultValues: defaults, mode: 'onChange' });
  const report = useRef(onValues);
  report.current = onValues;
  const load = useRef(initial);
  load.current = initial;

  useEffect(() => {
    const subscription = form.watch((values) => report.current(values as T));
    return () => subscription.unsubscribe();
  }, [form]);

  const firstKey = useRef(resetKey);
  useEffect(() => {
    if (firstKey.current === resetKey) return;
    firstKey.current = resetKey;
    form.reset(untracked(load.current));
  }, [form, resetKey]);

  return form;
}

/** A derived value an observer re-renders on only when the value itself changes. */
export function useComputed<T>(fn: () => T, deps: readonly unknown[]): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const box = useMemo(() => computed(fn), deps);
  return box.get();
}
