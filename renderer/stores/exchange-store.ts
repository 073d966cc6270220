// Form export, data exchange (packages out and in), the supervisor's overview, backup and restore: the store behind
// renderer/app/exchange/. One sub-store per section; files go through the platform adapter (injected for tests).
import { makeAutoObservable } from 'mobx';
import type { Repository } from '../db/repository';
import { platform } from '../platform';
import { BackupStore } from './exchange-backup';
import type { FileHost } from './exchange-files';
import { FormExportStore } from './exchange-form-export';
import { ImportStore } from './exchange-import';
import { OverviewStore } from './exchange-overview';
import { PackageExportStore } from './exchange-package-export';
import type { WorkspaceContext } from './workspace-context';

export type ExchangeSection = 'export' | 'package' | 'import' | 'overview' | 'backup';

export const EXCHANGE_SECTIONS: readonly ExchangeSection[] = ['export', 'package', 'import', 'overview', 'backup'];

export class ExchangeStore {
  section: ExchangeSection = 'export';
  readonly formExport: FormExportStore;
  readonly packageExport: PackageExportStore;
  readonly importer: ImportStore;
  readonly overview: OverviewStore;
  readonly backup: BackupStore;

  constructor(
    readonly repo: Repository,
    readonly context: WorkspaceContext,
    host: FileHost = platform,
    now: () => Date = () => new Date(),
  ) {
    const afterChange = () => this.afterDataChanged();
    this.formExport = new FormExportStore(repo, context, host);
    this.packageExport = new PackageExportStore(repo, context, host, now);
    this.importer = new ImportStore(repo, host, now, afterChange);
    this.overview = new OverviewStore(repo, context);
    this.backup = new BackupStore(repo, host, now, afterChange);
    makeAutoObservable(this, {
      repo: false, context: false, formExport: false, packageExport: false, importer: false, overview: false, backup: false,
    });
  }

  setSection(section: ExchangeSection): void {
    this.section = section;
    void this.refresh();
  }

  /** Reads what the current section shows (again): the unit, the year or the data may have changed. */
  async refresh(): Promise<void> {
    switch (this.section) {
      case 'export':
        return this.formExport.loadProjects(true);
      case 'package':
        return this.packageExport.load();
      case 'overview':
        return this.overview.load();
      default:
        return;
    }
  }

  /** An import or a restore rewrote the data: the authoring screens and this workspace read it again. */
  private async afterDataChanged(): Promise<void> {
    await this.context.reloadAll();
    await Promise.all([this.formExport.loadProjects(true), this.packageExport.load(), this.overview.load()]);
  }
}
