// Form export, backup/restore and consolidation: the store behind renderer/app/exchange/. To be filled in.
import { makeAutoObservable } from 'mobx';
import type { Repository } from '../db/repository';
import type { WorkspaceContext } from './workspace-context';

export class ExchangeStore {
  constructor(
    readonly repo: Repository,
    readonly context: WorkspaceContext,
  ) {
    makeAutoObservable(this, { repo: false, context: false });
  }
}
