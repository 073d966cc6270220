// Lists of Chinese messages shared by the sections: refusals of an export, problems of a file.
import type { ProblemGroup } from '../../../shared/exchange/exchange';
import type { ExchangeDocument } from '../../../shared/exchange/exchange';
import { MX } from '../../messages';
import { shownTime } from '../../stores/exchange-files';

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

/**
 * A rejected file's problems as the validator lists them (the first ones), under the record each is in, then how many
 * more it counted. A file with problems of the package itself only (broken, another version) needs no headings.
 */
export function GroupedProblemList({ id, title, groups, count }: { id: string; title: string; groups: readonly ProblemGroup[]; count: number }) {
  const listed = groups.reduce((n, g) => n + g.problems.length, 0);
  const headed = groups.some((g) => g.path !== '');
  return (
    <div className="x-messages" id={id} role="alert">
      <p className="x-messages-title">{title}</p>
      <ul>
        {groups.flatMap((g) => [
          ...(headed ? [<li key={`record:${g.path}`} className="x-problem-record" data-record={g.path}>{g.label}</li>] : []),
          ...g.problems.map((p, i) => <li key={`${g.path}:${i}`}>{p.message}</li>),
        ])}
      </ul>
      {count > listed && <p className="x-problems-more">{MX.problemsNotListed(count - listed)}</p>}
    </div>
  );
}

export function Outcome({ id, text }: { id: string; text: string | null }) {
  if (!text) return null;
  return (
    <p className="x-outcome" id={id} role="status">
      {text}
    </p>
  );
}

/** The head of a package about to be imported: its title, who exported it and when, and the plan's summary. */
export function PackageHead({ title, doc, summaryId, summary }: { title: string; doc: ExchangeDocument; summaryId: string; summary: string }) {
  return (
    <>
      <div className="card-head">
        <h2>{title}</h2>
        <span className="hint">{MX.importPackageFrom(doc.exportedBy ?? '—', shownTime(doc.exportedAt))}</span>
      </div>
      <p className="x-summary" id={summaryId}>
        {summary}
      </p>
    </>
  );
}
