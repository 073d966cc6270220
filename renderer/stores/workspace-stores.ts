// The stores of the year-end and exchange workspaces, in a module of their own: the root store imports it only when one
// of those workspaces is first opened, so the authoring screen starts without their code.
import type { Repository } from '../db/repository';
import { AssessmentStore } from './assessment-store';
import { ExchangeStore } from './exchange-store';
import type { WorkspaceContext } from './workspace-context';

export interface WorkspaceStores {
  assessment: AssessmentStore;
  exchange: ExchangeStore;
}

export function createWorkspaceStores(repo: Repository, context: WorkspaceContext): WorkspaceStores {
  return { assessment: new AssessmentStore(repo, context), exchange: new ExchangeStore(repo, context) };
}
