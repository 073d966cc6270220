// Year-end self-assessment (绩效自评): the store behind renderer/app/assessment/. To be filled in.
import { makeAutoObservable } from 'mobx';
import type { Repository } from '../db/repository';
import type { WorkspaceContext } from './workspace-context';

export class AssessmentStore {
  constructor(
    readonly repo: Repository,
    readonly context: WorkspaceContext,
  ) {
    makeAutoObservable(this, { repo: false, context: false });
  }
}
