import type { ProjectStatus } from '../../shared/project-status';
import { M, PROJECT_STATUS_LABELS } from '../messages';

export function StatusBadge({ status }: { status: ProjectStatus | null }) {
  if (status === null) return <span className="badge pending">{M.statusPending}</span>;
  return <span className={`badge ${status}`}>{PROJECT_STATUS_LABELS[status]}</span>;
}
