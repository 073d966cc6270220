// 绩效目标审核 on the supervisor's side (domain.md §9): the projects of its units with their 审核状态, one opened
// read-only with opinions written on the four questions and on single fields, a result 优/良/中/差 that approves or
// returns it, reopening an approval, and the review package sent back down (shared/review.ts buildReviewPackage).
// Also the unit's import of such a package (planReviewImport): only the reviews are taken, never the targets.
import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { ExchangeDocument } from '../../shared/exchange/exchange';
import type { Id, Project, ReviewGrade, ReviewQuestions, ReviewStatus, ReviewTarget } from '../../shared/model';
import {
  APPROVING_GRADES,
  approveProject,
  buildReviewPackage,
  latestRound,
  latestSubmission,
  planReviewImport,
  reopenReview,
  returnProject,
  reviewStatusOf,
  type ReviewImport,
} from '../../shared/review';
import { compareNames, UnitTree } from '../../shared/unit-tree';
import type { Repository, Revised, StoredUnit } from '../db/repository';
import { MR } from '../messages-review';
import { fileStamp, savePackageThrough, showSave, type FileHost } from './exchange-files';
import { backupBeforeChange } from './exchange-startup';
import type { WorkspaceContext } from './workspace-context';

/** The settings key of the reviewer's name (审核人), filled in for the next review. */
export const REVIEWER_KEY = 'review.reviewer';

export type ReviewFilter = ReviewStatus | 'all';

export const REVIEW_FILTERS: readonly ReviewFilter[] = ['submitted', 'returned', 'approved', 'draft', 'all'];

export const REVIEW_GRADES: readonly ReviewGrade[] = ['优', '良', '中', '差'];

const NO_QUESTIONS: ReviewQuestions = { completeness: '', relevance: '', appropriateness: '', feasibility: '' };

/** An opinion on one field, as the reviewer writes it before the round is saved. */
export interface OpinionDraft {
  key: string;
  target: ReviewTarget;
  text: string;
}

export interface ReviewRow {
  project: Revised<Project>;
  unitName: string;
  status: ReviewStatus;
}

const sameTarget = (a: ReviewTarget, b: ReviewTarget) => a.projectId === b.projectId && (a.indicatorId ?? null) === (b.indicatorId ?? null) && a.field === b.field;

export class ReviewStore {
  filter: ReviewFilter = 'submitted';
  units: StoredUnit[] = [];
  /** the projects of the year of every unit below the supervisor */
  projects: Revised<Project>[] = [];
  openId: Id | null = null;
  // the round being written
  questions: ReviewQuestions = { ...NO_QUESTIONS };
  result: ReviewGrade = '优';
  opinion = '';
  fieldOpinions: OpinionDraft[] = [];
  /** the field whose opinion box is open, and its text */
  editing: { target: ReviewTarget; text: string } | null = null;
  /** 审核人 */
  reviewer = '';
  reopenReason = '';
  busy = false;
  messages: string[] = [];
  outcome: string | null = null;
  private draftCount = 0;

  constructor(
    private readonly repo: Repository,
    private readonly context: WorkspaceContext,
    private readonly host: FileHost,
    private readonly now: () => Date,
    private readonly newId: () => Id = () => crypto.randomUUID(),
  ) {
    makeAutoObservable<ReviewStore, 'repo' | 'context' | 'host' | 'now' | 'newId' | 'draftCount'>(this, {
      repo: false, context: false, host: false, now: false, newId: false, draftCount: false, projects: observable.ref, units: observable.ref,
    });
  }

  get supervisorId(): Id | null {
    return this.context.unitId();
  }

  /** Reads the units below the chosen unit and their projects of the chosen year (again). */
  async load(): Promise<void> {
    const supervisorId = this.supervisorId;
    const year = this.context.year();
    const [units, savedReviewer] = await Promise.all([this.repo.units.list(), this.repo.settings.get(REVIEWER_KEY)]);
    const below = supervisorId ? new UnitTree(units).descendants(supervisorId).map((x) => x.unit) : [];
    const projects = (await Promise.all(below.map((u) => this.repo.projects.listFull(u.id, year)))).flat();
    runInAction(() => {
      this.units = units;
      this.projects = projects;
      if (this.reviewer === '' && typeof savedReviewer === 'string') this.reviewer = savedReviewer;
      if (this.openId !== null && !projects.some((p) => p.id === this.openId)) this.close();
    });
  }

  unitName(id: Id): string {
    return this.units.find((u) => u.id === id)?.name ?? '';
  }

  get counts(): Record<ReviewFilter, number> {
    const counts: Record<ReviewFilter, number> = { draft: 0, submitted: 0, returned: 0, approved: 0, all: this.projects.length };
    for (const p of this.projects) counts[reviewStatusOf(p)] += 1;
    return counts;
  }

  /** The projects of the filter, by unit then project name. */
  get rows(): ReviewRow[] {
    return this.projects
      .map((project) => ({ project, unitName: this.unitName(project.unitId), status: reviewStatusOf(project) }))
      .filter((r) => this.filter === 'all' || r.status === this.filter)
      .sort((a, b) => compareNames(a.unitName, b.unitName) || compareNames(a.project.name, b.project.name));
  }

  get open(): Revised<Project> | undefined {
    return this.projects.find((p) => p.id === this.openId);
  }

  get openStatus(): ReviewStatus | null {
    return this.open ? reviewStatusOf(this.open) : null;
  }

  setFilter(filter: ReviewFilter): void {
    this.filter = filter;
  }

  openProject(id: Id): void {
    this.openId = id;
    this.resetRound();
    this.messages = [];
    this.outcome = null;
  }

  close(): void {
    this.openId = null;
    this.resetRound();
  }

  private resetRound(): void {
    this.questions = { ...NO_QUESTIONS };
    this.result = '优';
    this.opinion = '';
    this.fieldOpinions = [];
    this.editing = null;
    this.reopenReason = '';
  }

  setQuestion(question: keyof ReviewQuestions, text: string): void {
    this.questions = { ...this.questions, [question]: text };
  }

  setResult(result: ReviewGrade): void {
    this.result = result;
    this.messages = [];
  }

  setOpinion(text: string): void {
    this.opinion = text;
  }

  setReviewer(name: string): void {
    this.reviewer = name;
    void this.repo.settings.set(REVIEWER_KEY, name.trim());
  }

  setReopenReason(text: string): void {
    this.reopenReason = text;
  }

  /** Opens the opinion box of a field (with the opinion already written on it, to change it). */
  startOpinion(target: ReviewTarget): void {
    this.editing = { target, text: this.fieldOpinions.find((o) => sameTarget(o.target, target))?.text ?? '' };
  }

  setEditingText(text: string): void {
    if (this.editing) this.editing = { ...this.editing, text };
  }

  /** Keeps the open box's opinion with the round being written (one per field; an empty text removes it). */
  commitOpinion(): void {
    const editing = this.editing;
    if (!editing) return;
    const rest = this.fieldOpinions.filter((o) => !sameTarget(o.target, editing.target));
    const text = editing.text.trim();
    this.fieldOpinions = text === '' ? rest : [...rest, { key: `o${++this.draftCount}`, target: editing.target, text }];
    this.editing = null;
  }

  cancelOpinion(): void {
    this.editing = null;
  }

  removeOpinion(key: string): void {
    this.fieldOpinions = this.fieldOpinions.filter((o) => o.key !== key);
  }

  opinionAt(target: ReviewTarget): OpinionDraft | undefined {
    return this.fieldOpinions.find((o) => sameTarget(o.target, target));
  }

  /** 优 and 良 approve the project, 中 and 差 return it to the unit. */
  get approves(): boolean {
    return APPROVING_GRADES.includes(this.result);
  }

  /** Saves the round written here: approves or returns the open project. */
  async saveRound(): Promise<boolean> {
    const project = this.open;
    if (!project || this.busy) return false;
    if (this.editing) this.commitOpinion();
    const { revision, ...stored } = project;
    const input = {
      id: this.newId(),
      reviewer: this.reviewer.trim(),
      ...(this.supervisorId ? { reviewerUnitId: this.supervisorId } : {}),
      reviewedAt: this.now().toISOString(),
      questions: { ...this.questions },
      result: this.result,
      opinion: this.opinion.trim(),
      fieldOpinions: this.fieldOpinions.map((o) => ({ id: this.newId(), target: { ...o.target }, text: o.text })),
    };
    const decided = this.approves ? approveProject(stored, input) : returnProject(stored, input);
    if (!decided.ok) {
      this.messages = [decided.error];
      return false;
    }
    const outcome = this.approves ? MR.approvedOutcome(project.name, this.result) : MR.returnedOutcome(project.name, this.result);
    return this.write(project.id, decided.value, revision, outcome);
  }

  /** 重新打开: takes back an approval with a reason, so the unit can change the targets and submit again. */
  async reopen(): Promise<boolean> {
    const project = this.open;
    if (!project || this.busy) return false;
    const { revision, ...stored } = project;
    const reopened = reopenReview(stored, { id: this.newId(), by: this.reviewer.trim(), at: this.now().toISOString(), reason: this.reopenReason.trim() });
    if (!reopened.ok) {
      this.messages = [reopened.error];
      return false;
    }
    return this.write(project.id, reopened.value, revision, MR.reopenedOutcome(project.name));
  }

  private async write(id: Id, project: Project, revision: number, outcome: string): Promise<boolean> {
    this.busy = true;
    try {
      const saved = await this.repo.projects.saveReview(id, project.review!, { expectedRevision: revision });
      if (!saved.ok) {
        runInAction(() => (this.messages = [saved.error]));
        return false;
      }
      await this.load();
      runInAction(() => {
        this.resetRound();
        this.messages = [];
        this.outcome = outcome;
      });
      return true;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  /** 下发审核意见: the reviewed projects of the year of one unit (or of every unit below) in a package. */
  async exportPackage(unitId: Id | null): Promise<boolean> {
    const supervisorId = this.supervisorId;
    if (!supervisorId || this.busy) return false;
    this.messages = [];
    this.outcome = null;
    await this.load();
    const supervisor = this.units.find((u) => u.id === supervisorId);
    const built = buildReviewPackage(
      // packages carry content only: the local revisions stay here
      { units: this.units.map(({ revision: _u, ...u }) => u), projects: this.projects.map(({ revision: _r, ...p }) => p) },
      supervisorId,
      this.now().toISOString(),
      { year: this.context.year(), exportedBy: supervisor?.name, ...(unitId ? { unitIds: [unitId] } : {}) },
    );
    if (!built.ok) {
      this.messages = built.errors;
      return false;
    }
    this.busy = true;
    try {
      const who = unitId ? this.units.find((u) => u.id === unitId) : supervisor;
      const name = MR.reviewFileName(who?.shortName ?? who?.name ?? '', this.context.year(), fileStamp(this.now()));
      const saved = await savePackageThrough(this.host, name, built.document);
      return runInAction(() => showSave(this, saved, (file) => MR.reviewPackageSaved(file, built.document.projects.length)));
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  /** When the unit last submitted the project, for the list. */
  submittedAt(project: Project): string | null {
    return latestSubmission(project)?.at ?? null;
  }

  latestResult(project: Project): ReviewGrade | null {
    return latestRound(project)?.result ?? null;
  }
}

/** One reviewed project of a review package, as the unit's import lists it. */
export interface ReviewImportRow {
  id: Id;
  name: string;
  year: number;
  status: ReviewStatus;
  result: ReviewGrade | null;
  /** opinions of the latest round not answered yet */
  open: number;
}

/** 导入审核意见 (the unit): the reviews of a supervisor's package merged into the local projects, all or nothing. */
export class ReviewImportStore {
  fileName = '';
  document: ExchangeDocument | null = null;
  plan: ReviewImport | null = null;
  busy = false;
  errors: string[] = [];

  constructor(
    private readonly repo: Repository,
    private readonly host: object,
    private readonly now: () => Date,
    private readonly afterImport: () => Promise<void>,
  ) {
    makeAutoObservable<ReviewImportStore, 'repo' | 'host' | 'now' | 'afterImport'>(this, {
      repo: false, host: false, now: false, afterImport: false, document: observable.ref, plan: observable.ref,
    });
  }

  async load(fileName: string, doc: ExchangeDocument): Promise<void> {
    this.reset();
    this.fileName = fileName;
    this.busy = true;
    try {
      const local = await this.repo.exchange.exportAll();
      runInAction(() => {
        this.document = doc;
        this.plan = planReviewImport(local, doc);
      });
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  reset(): void {
    this.fileName = '';
    this.document = null;
    this.plan = null;
    this.errors = [];
  }

  get rows(): ReviewImportRow[] {
    return (this.plan?.updates ?? []).map((p) => {
      const round = latestRound(p);
      return {
        id: p.id,
        name: p.name,
        year: p.year,
        status: reviewStatusOf(p),
        result: round?.result ?? null,
        open: round?.fieldOpinions.filter((o) => !o.answered).length ?? 0,
      };
    });
  }

  get summary(): string {
    const p = this.plan;
    return p ? MR.reviewImportSummary(p.updates.length, p.unchanged, p.missing.length) : '';
  }

  /** Writes the merged reviews (after the automatic backup); returns a line for the import history, or null. */
  async apply(): Promise<string | null> {
    const plan = this.plan;
    if (!plan || this.busy) return null;
    if (plan.updates.length === 0) {
      this.errors = [MR.reviewImportNothing];
      return null;
    }
    this.busy = true;
    try {
      const backed = await backupBeforeChange(this.repo, 'import', this.host, this.now);
      if (!backed.ok) {
        runInAction(() => (this.errors = [backed.message]));
        return null;
      }
      const result = await this.repo.projects.saveReviews(plan.updates);
      if (!result.ok) {
        runInAction(() => (this.errors = [result.error]));
        return null;
      }
      await this.afterImport();
      const summary = this.summary;
      runInAction(() => this.reset());
      return summary;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }
}
