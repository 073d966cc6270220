// One binding between a box on screen and a value of a MobX draft, which is the value's only owner. The box shows the
// draft's value through a codec (shared/codecs.ts); while the user types it keeps their text ("12.3" stays "12.3",
// not "12.30"), and writes every text that parses into the draft at once. Text that does not parse ("300万") is
// kept on screen and in the draft's registry of invalid texts, never in the draft: the field's value goes back to
// what it was when the box took the focus, so no prefix of the text is ever counted or saved. Whenever the draft's
// value changes from elsewhere (an undo, a library pick, the record read again), the box shows that value instead.
import { untracked } from 'mobx';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Codec } from '../../shared/codecs';
import type { ProblemTarget } from '../../shared/validation';
import type { FieldValue, InvalidTexts } from '../stores/invalid-texts';
import { ME } from '../messages-editing';
import { fieldDomId } from './focus';

export interface FieldSpec<T extends FieldValue> {
  target: ProblemTarget;
  /** what the field is, for the check panel (and screen readers, when a string); a function is asked only when needed,
   * so a row's boxes need not re-render as the row's name is typed */
  label: string | (() => string);
  codec: Codec<T>;
  /** the draft's value (read inside an observer, so the box follows it) */
  read(): T;
  /** an action of the draft */
  write(value: T): void;
  /** locked (已完成): shown read-only, grey, without a caret */
  locked?: boolean;
  /** after the box lost the focus, with the text it showed */
  onBlur?(text: string): void;
}

export interface BoundField {
  /** the props of the <input> or <textarea> */
  input: {
    id: string;
    value: string;
    readOnly: boolean;
    'aria-invalid': true | undefined;
    title: string | undefined;
    onChange(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
    onFocus(): void;
    onBlur(): void;
  };
  /** the codec's message about the text on screen, or null when it is a value */
  error: string | null;
  /** 'bad' while the text is not a value, 'locked' when read-only; add the validation's own marks beside */
  className: string;
}

export function useField<T extends FieldValue>(invalid: InvalidTexts, spec: FieldSpec<T>): BoundField {
  const value = spec.read();
  const entry = invalid.get(spec.target);
  // the text typed last, with the draft's value it gave: shown while the draft still holds that value
  const [local, setLocal] = useState<{ text: string; echo: T } | null>(null);
  // the value before the text being typed: where the draft goes back to while the text is not a value
  const before = useRef<{ value: T } | null>(null);
  // the last value this box wrote since it took the focus: only that is taken back, never a change from elsewhere
  const wrote = useRef<{ value: T } | null>(null);
  const stale = entry !== undefined && !Object.is(entry.base, value);
  const { target } = spec;
  useEffect(() => {
    if (stale) invalid.clear(target);
  }, [stale, invalid, target]);

  const shown = entry && !stale ? entry.text : local && Object.is(local.echo, value) ? local.text : spec.codec.format(value);
  const error = entry && !stale ? entry.message : null;
  const locked = spec.locked === true;

  return {
    input: {
      id: fieldDomId(target),
      value: shown,
      readOnly: locked,
      'aria-invalid': error !== null ? true : undefined,
      title: error ?? (locked ? ME.locked : undefined),
      onChange(e) {
        const text = e.currentTarget.value;
        const parsed = spec.codec.parse(text);
        if (parsed.ok) {
          spec.write(parsed.value);
          invalid.clear(target);
          const echo = untracked(() => spec.read());
          wrote.current = { value: echo };
          setLocal({ text, echo });
          return;
        }
        if (before.current && wrote.current && Object.is(untracked(() => spec.read()), wrote.current.value)) spec.write(before.current.value);
        wrote.current = null;
        invalid.set({ target, label: typeof spec.label === 'string' ? spec.label : spec.label(), text, message: parsed.message, base: untracked(() => spec.read()) });
        setLocal(null);
      },
      onFocus() {
        before.current = { value: untracked(() => spec.read()) };
        wrote.current = null;
      },
      onBlur() {
        before.current = null;
        wrote.current = null;
        // a value is shown as the codec writes it ("１２３" becomes "123.00"); a text that is not one stays
        setLocal(null);
        spec.onBlur?.(shown);
      },
    },
    error,
    className: (error !== null ? 'bad' : '') + (locked ? ' locked' : ''),
  };
}
