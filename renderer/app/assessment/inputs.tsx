// Inputs that keep the text being typed while the store holds the parsed value: money in 万元 (stored in 分) and
// a score. The text is read again from the store only when the record is reloaded (resetKey).
import { useEffect, useState } from 'react';
import type { Fen } from '../../../shared/model';
import { MA } from '../../messages';
import { moneyText, moneyValue } from '../money';

export function MoneyInput({
  id,
  value,
  onValue,
  disabled,
  resetKey,
  label,
}: {
  id: string;
  value: Fen;
  onValue: (fen: Fen) => void;
  disabled?: boolean;
  resetKey: unknown;
  label: string;
}) {
  const [text, setText] = useState(() => moneyText(value));
  const [shownFor, setShownFor] = useState(resetKey);
  if (shownFor !== resetKey) {
    setShownFor(resetKey);
    setText(moneyText(value));
  }
  const bad = moneyValue(text) === null;
  return (
    <input
      id={id}
      className={'money' + (bad ? ' bad' : '')}
      inputMode="decimal"
      aria-label={label}
      aria-invalid={bad}
      title={bad ? MA.moneyInvalid : undefined}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        const fen = moneyValue(e.target.value);
        if (fen !== null) onValue(fen);
      }}
      onBlur={() => {
        const fen = moneyValue(text);
        if (fen !== null) setText(moneyText(fen));
      }}
    />
  );
}

/** A text box bound straight to a store string (no parsing, so no local copy is needed). */
export function TextBox({
  id,
  value,
  onValue,
  disabled,
  rows = 3,
  className,
  placeholder,
  label,
}: {
  id?: string;
  value: string;
  onValue: (text: string) => void;
  disabled?: boolean;
  rows?: number;
  className?: string;
  placeholder?: string;
  label?: string;
}) {
  return (
    <textarea
      id={id}
      className={className}
      rows={rows}
      value={value}
      disabled={disabled}
      placeholder={placeholder}
      aria-label={label}
      onChange={(e) => onValue(e.target.value)}
    />
  );
}

/** Text of a score input: '' or a number; the store hears only numbers. */
export function useScoreText(value: number | undefined, resetKey: unknown): [string, (t: string) => void] {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText(value === undefined ? '' : String(value));
    // only a reload or another indicator resets the text; the value itself follows the text
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);
  return [text, setText];
}
