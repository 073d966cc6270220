// Lists of Chinese messages shared by the sections: refusals of an export, problems of a file.
import type { ExchangeProblem } from '../../../shared/exchange/exchange';

export function MessageList({ id, title, messages }: { id: string; title?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="x-messages" id={id} role="alert">
      {title && <p className="x-messages-title">{title}</p>}
      <ul>
        {messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function ProblemList({ id, title, problems }: { id: string; title: string; problems: readonly ExchangeProblem[] }) {
  return MessageList({ id, title, messages: problems.map((p) => p.message) });
}

export function Outcome({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p className="x-outcome" id={id} role="status">
      {text}
    </p>
  );
}
