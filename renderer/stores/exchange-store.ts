// Form export, data exchange (packages out and in), the supervisor's overview, backup and restore: the store behind
// renderer/app/exchange/. One sub-store per section; files go through the platform adapter (injected for tests).
import { makeAutoObservable } from 'mobx';
import type { Repository } from '../db/repository';
import { platform } from '../platform';
import { ColumnMemory } from './column-memory';
import { BackupStore } from './exchange-backup';
import type { FileHost } from './exchange-files';
import { FormExportStore } from './exchange-form-export';
import { ImportStore } from './exchange-import';
import { FileImportStore } from './file-import-store';
import { OverviewStore } from './exchange-overview';
import { PackageExportStore } from './exchange-package-export';
import { DirectoryExportStore } from './directory-store';
import { ReviewStore } from './review-store';
import { NavigationStore, type ExchangeSection } from './navigation-store';
import type { WorkspaceContext } from './workspace-context';

export { EXCHANGE_SECTIONS, type ExchangeSection } from './navigation-store';

export class ExchangeStore {
  readonly formExport: FormExportStore;
  readonly packageExport: PackageExportStore;
  readonly importer: ImportStore;
  /** Excel and Word tables, read and previewed before they take the package import's path */
  readonly fileImport: FileImportStore;
  readonly overview: OverviewStore;
  readonly backup: BackupStore;
  /** 下发单位目录 */
  readonly directory: DirectoryExportStore;
  /** 绩效目标审核 (the supervisor's) */
  readonly review: ReviewStore;
  private readonly navigation: NavigationStore;

  constructor(
    readonly repo: Repository,
    readonly context: WorkspaceContext,
    host: FileHost = platform,
    now: () => Date = () => new Date(),
  ) {
    this.navigation = context.navigation ?? new NavigationStore(null);
    const afterChange = () => this.afterDataChanged();
    this.formExport = new FormExportStore(repo, context, host);
    this.packageExport = new PackageExportStore(repo, context, host, now);
    this.importer = new ImportStore(repo, host, now, afterChange, { open: (file) => this.fileImport.open(file), reset: () => this.fileImport.reset() });
    this.fileImport = new FileImportStore(repo, context, new ColumnMemory(repo.settings), now, this.importer);
    this.overview = new OverviewStore(repo, context);
    this.backup = new BackupStore(repo, host, now, afterChange);
    this.directory = new DirectoryExportStore(repo, context, host, now);
    this.review = new ReviewStore(repo, context, host, now);
    makeAutoObservable<ExchangeStore, 'navigation'>(this, {
      repo: false, context: false, formExport: false, packageExport: false, importer: false, fileImport: false, overview: false, backup: false, navigation: false,
      directory: false, review: false,
    });
  }

  /** the section shown (the window's route, navigation-store.ts) */
  get section(): ExchangeSection {
    return this.navigation.routeOf('exchange').section;
  }

  /** Shows another section (after saving every draft, as every move does). */
  async setSection(section: ExchangeSection): Promise<void> {
    if (await this.navigation.navigate({ screen: 'exchange', section })) await this.refresh();
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
      case 'directory':
        return this.directory.load();
      case 'review':
        return this.review.load();
      default:
        return;
    }
  }

  /** An import or a restore rewrote the data: the authoring screens and this workspace read it again. */
  private async afterDataChanged(): Promise<void> {
    await this.context.reloadAll();
    await Promise.all([this.formExport.loadProjects(true), this.packageExport.load(), this.overview.load(), this.review.load()]);
  }
}
