// 导出数据包: a unit sends the chosen projects (with indicators and self-assessment) and department plans of the chosen
// years to its supervisor as an exchange document. The package carries the owning units and all their ancestors, so
// the supervisor's database gets the whole chain up to itself.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import { createExchangeDocument, type ExchangeDocument } from '../../shared/exchange/exchange';
import { libraryRecordsOf } from '../../shared/library/own-library';
import type { DepartmentPlan, Id, Project, Unit } from '../../shared/model';
import { UnitTree, byUnitName, compareNames } from '../../shared/unit-tree';
import type { DataSet, Repository } from '../db/repository';
import { MX } from '../messages-exchange';
import { fileStamp, savePackageThrough, showSave, type FileHost } from './exchange-files';
import type { WorkspaceContext } from './workspace-context';

export class PackageExportStore {
  /** a snapshot of the database, read when the section opens */
  data: DataSet | null = null;
  includeSubordinates = false;
  years: number[] = [];
  /** projects the user unticked */
  excludedIds: Id[] = [];
  busy = false;
  messages: string[] = [];
  outcome: string | null = null;

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
    private readonly host: FileHost,
    private readonly now: () => Date,
  ) {
    makeAutoObservable<PackageExportStore, 'repo' | 'context' | 'host' | 'now'>(this, {
      repo: false, context: false, host: false, now: false, data: observable.ref,
    });
  }

  async load(): Promise<void> {
    const data = await this.repo.exchange.exportAll();
    runInAction(() => {
      this.data = data;
      const available = this.availableYears;
      const kept = this.years.filter((y) => available.includes(y));
      const current = this.context.year();
      this.years = kept.length > 0 ? kept : available.includes(current) ? [current] : available.slice(-1);
      this.messages = [];
    });
  }

  /** The units whose data the package can carry: the chosen unit, and those below it when asked. */
  get scopeUnitIds(): Set<Id> {
    const unitId = this.context.unitId();
    if (!unitId || !this.data) return new Set();
    if (!this.includeSubordinates) return new Set([unitId]);
    return new Set(new UnitTree(this.data.units).descendants(unitId, true).map((x) => x.unit.id));
  }

  get availableYears(): number[] {
    const scope = this.scopeUnitIds;
    const years = new Set<number>();
    for (const p of this.data?.projects ?? []) if (scope.has(p.unitId)) years.add(p.year);
    for (const p of this.data?.departmentPlans ?? []) if (scope.has(p.unitId)) years.add(p.year);
    return [...years].sort((a, b) => a - b);
  }

  /** Projects of the scope in the chosen years, by year, unit name and project name. */
  get candidates(): Project[] {
    const scope = this.scopeUnitIds;
    const unitName = (id: Id) => this.data?.units.find((u) => u.id === id)?.name ?? '';
    return (this.data?.projects ?? [])
      .filter((p) => scope.has(p.unitId) && this.years.includes(p.year))
      .sort((a, b) => a.year - b.year || compareNames(unitName(a.unitId), unitName(b.unitId)) || compareNames(a.name, b.name));
  }

  get chosenProjects(): Project[] {
    return this.candidates.filter((p) => !this.excludedIds.includes(p.id));
  }

  get chosenPlans(): DepartmentPlan[] {
    const scope = this.scopeUnitIds;
    return (this.data?.departmentPlans ?? []).filter((p) => scope.has(p.unitId) && this.years.includes(p.year));
  }

  /** Units the package carries: the chosen unit, the owners of what it carries, and all their ancestors. */
  get packageUnits(): Unit[] {
    const data = this.data;
    const unitId = this.context.unitId();
    if (!data || !unitId) return [];
    const owners = new Set<Id>([unitId, ...this.chosenProjects.map((p) => p.unitId), ...this.chosenPlans.map((p) => p.unitId)]);
    const tree = new UnitTree(data.units);
    const ids = new Set<Id>();
    for (const id of owners) {
      if (!tree.get(id)) continue;
      ids.add(id);
      for (const ancestor of tree.ancestors(id)) ids.add(ancestor.id);
    }
    // parents first, so a reader of the file sees the tree top-down
    const depth = (u: Unit): number => tree.depth(u.id);
    return data.units.filter((u) => ids.has(u.id)).sort((a, b) => depth(a) - depth(b) || byUnitName(a, b));
  }

  setIncludeSubordinates(on: boolean): void {
    this.includeSubordinates = on;
    const available = this.availableYears;
    this.years = this.years.filter((y) => available.includes(y));
    this.outcome = null;
  }

  toggleYear(year: number, on: boolean): void {
    const rest = this.years.filter((y) => y !== year);
    this.years = (on ? [...rest, year] : rest).sort((a, b) => a - b);
    this.outcome = null;
    this.messages = [];
  }

  toggleProject(id: Id, on: boolean): void {
    const rest = this.excludedIds.filter((x) => x !== id);
    this.excludedIds = on ? rest : [...rest, id];
    this.outcome = null;
    this.messages = [];
  }

  isChosen(id: Id): boolean {
    return !this.excludedIds.includes(id);
  }

  buildDocument(): ExchangeDocument | null {
    const projects = this.chosenProjects;
    const plans = this.chosenPlans;
    if (projects.length === 0 && plans.length === 0) return null;
    const unit = this.context.unit();
    return createExchangeDocument(
      {
        units: structuredClone(this.packageUnits),
        projects: structuredClone(projects),
        departmentPlans: structuredClone(plans),
        // the indicators the units of the scope used, all years: their own library, which the reader keeps
        library: libraryRecordsOf(
          (this.data?.projects ?? []).filter((p) => this.scopeUnitIds.has(p.unitId)),
          this.data?.units ?? [],
        ),
      },
      this.now().toISOString(),
      unit?.name,
    );
  }

  async save(): Promise<boolean> {
    if (this.busy) return false;
    this.messages = [];
    this.outcome = null;
    // read again: the snapshot may predate edits made since the section opened
    await this.load();
    const doc = this.buildDocument();
    if (!doc) {
      runInAction(() => (this.messages = [MX.packageEmpty]));
      return false;
    }
    this.busy = true;
    try {
      const unit = this.context.unit();
      const name = MX.packageFileName(unit?.shortName ?? unit?.name ?? '', this.years.join('-'), fileStamp(this.now()));
      const saved = await savePackageThrough(this.host, name, doc);
      return runInAction(() => showSave(this, saved, (file) => MX.packageSaved(file, doc.projects.length, doc.departmentPlans.length)));
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}
