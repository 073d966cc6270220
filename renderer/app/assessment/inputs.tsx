// The year-end workspace's boxes: bound to the assessment store like every editor's (field-binding.ts), so an amount
// keeps every 分 it was typed with and text that is not a value is never taken for one.
import { useState } from 'react';
import type { Fen } from '../../../shared/model';
import type { ProblemTarget } from '../../../shared/validation';
import type { InvalidTexts } from '../../stores/invalid-texts';
import { BoundInput } from '../fields';
import { WAN } from '../money';

/** An amount in 万元 of the store's record, shown read-only while it is locked (已完成). */
export function MoneyField({
  invalid,
  target,
  label,
  read,
  write,
  locked = false,
}: {
  invalid: InvalidTexts;
  target: ProblemTarget;
  label: string;
  read: () => Fen;
  write: (fen: Fen) => void;
  locked?: boolean;
}) {
  return <BoundInput invalid={invalid} className="money" inputMode="decimal" spec={{ target, label, codec: WAN, read, write, locked }} />;
}

/**
 * An amount box holding its own text, for the monitoring rounds' form until it binds its fields as the others do: the
 * same codec (exact to the 分), but text that is not a value is only marked here, not listed or journalled.
 */
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
  const [text, setText] = useState(() => WAN.format(value));
  const [shownFor, setShownFor] = useState(resetKey);
  if (shownFor !== resetKey) {
    setShownFor(resetKey);
    setText(WAN.format(value));
  }
  const parsed = WAN.parse(text);
  return (
    <input
      id={id}
      className={'money' + (parsed.ok ? '' : ' bad')}
      inputMode="decimal"
      aria-label={label}
      aria-invalid={!parsed.ok || undefined}
      title={parsed.ok ? undefined : parsed.message}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        const p = WAN.parse(e.target.value);
        if (p.ok) onValue(p.value);
      }}
      onBlur={() => {
        if (parsed.ok) setText(WAN.format(parsed.value));
      }}
    />
  );
}
