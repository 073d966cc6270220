// The bound boxes every editor uses (field-binding.ts): each its own observer, so a keystroke re-renders the box
// typed in and whatever shows the value, not the form around it.
import { observer } from 'mobx-react-lite';
import type { InputHTMLAttributes, ReactElement, TextareaHTMLAttributes } from 'react';
import type { FieldValue, InvalidTexts } from '../stores/invalid-texts';
import { ME } from '../messages-editing';
import { useField, type FieldSpec } from './field-binding';

type Extra<A> = Omit<A, 'id' | 'value' | 'onChange' | 'onFocus' | 'onBlur' | 'readOnly' | 'aria-invalid'>;

const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' ') || undefined;

type InputProps<T extends FieldValue> = {
  invalid: InvalidTexts;
  spec: FieldSpec<T>;
  showError?: boolean;
  /** the validation's mark of the field's value ('bad' for an error, 'warn'), beside the binding's own */
  mark?: string;
  /** the value has an error (aria-invalid) */
  markInvalid?: true;
} & Extra<InputHTMLAttributes<HTMLInputElement>>;
type TextAreaProps<T extends FieldValue> = { invalid: InvalidTexts; spec: FieldSpec<T> } & Extra<TextareaHTMLAttributes<HTMLTextAreaElement>>;

/** A one-line box. `showError` writes the codec's message under it (roomy forms); in table cells the title says it. */
export const BoundInput = observer(function BoundInput({ invalid, spec, className, showError = false, mark, markInvalid, ...rest }: InputProps<FieldValue>) {
  const f = useField(invalid, spec);
  return (
    <>
      <input
        aria-label={typeof spec.label === 'string' ? spec.label : undefined}
        {...rest}
        {...f.input}
        aria-invalid={f.input['aria-invalid'] ?? markInvalid}
        className={join(className, f.className, f.error === null && mark)}
      />
      {showError && f.error !== null && <em className="field-error">{f.error}</em>}
    </>
  );
}) as <T extends FieldValue>(props: InputProps<T>) => ReactElement;

/** A text area. */
export const BoundTextArea = observer(function BoundTextArea({ invalid, spec, className, ...rest }: TextAreaProps<FieldValue>) {
  const f = useField(invalid, spec);
  return <textarea aria-label={typeof spec.label === 'string' ? spec.label : undefined} {...rest} {...f.input} className={join(className, f.className)} />;
}) as <T extends FieldValue>(props: TextAreaProps<T>) => ReactElement;

/** What a reload brought back that was never stored: said at the top of the editor until the user has seen it. */
export function RestoredNote({ count, onDismiss, id }: { count: number; onDismiss: () => void; id: string }) {
  if (count === 0) return null;
  return (
    <div className="restored-note" id={id} role="status">
      <span>{ME.restored(count)}</span>
      <button type="button" onClick={onDismiss}>
        {ME.restoredDismiss}
      </button>
    </div>
  );
}
