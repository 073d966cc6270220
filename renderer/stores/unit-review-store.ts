// 绩效目标审核 on the unit's side (domain.md §9), for the project open in the editor: its status and lock, the opinions
// of the latest round at their fields, 提交审核, and the unit's answer to each opinion. Every change goes through
// shared/review.ts and is saved on its own (ProjectRepository.saveReview), after the editor's pending edits.
import { makeAutoObservable, runInAction } from 'mobx';
import type { FieldOpinion, Id, IndicatorReviewField, Project, ProjectReviewField, ReviewRound, ReviewStatus } from '../../shared/model';
import { answerOpinion, changedSinceSubmission, latestRound, openOpinions, reviewStatusOf, submitForReview, unitEditScope, type OpinionInRound, type UnitEditScope } from '../../shared/review';
import type { Repository } from '../db/repository';
import { MR } from '../messages-review';

/** The settings key of the name the unit signs its submissions and answers with (经办人). */
export const REVIEW_BY_KEY = 'review.by';

/** What the store needs of the editor: the open project, its autosave, and reading it again after a review save. */
export interface UnitReviewEnv {
  project(): Project | null;
  /** saves the editor's pending edits; resolves to the save's refusal, or null */
  flush(): Promise<string | null>;
  /** reads the project again into the editor and the list (its revision and review changed) */
  reload(id: Id): Promise<void>;
  now(): Date;
  newId(): Id;
}

export type ReviewNotice = { kind: 'error' | 'info'; text: string } | null;

/** A notice with what it was about: it goes once another project is open or the status has moved on. */
type HeldNotice = { notice: Exclude<ReviewNotice, null>; projectId: Id; status: ReviewStatus } | null;

export class UnitReviewStore {
  /** 经办人 */
  by = '';
  busy = false;
  private held: HeldNotice = null;
  /** the answer being typed, by opinion id */
  answers = new Map<Id, string>();
  private byLoaded = false;

  constructor(
    private readonly repo: Repository,
    private readonly env: UnitReviewEnv,
  ) {
    makeAutoObservable<UnitReviewStore, 'repo' | 'env' | 'byLoaded'>(this, { repo: false, env: false, byLoaded: false });
  }

  /** The project in the editor, without its local revision (no part of the targets a submission's digest covers). */
  get project(): Project | null {
    const open = this.env.project();
    if (!open) return null;
    const { revision: _revision, ...project } = open as Project & { revision?: number };
    return project;
  }

  get status(): ReviewStatus {
    return this.project ? reviewStatusOf(this.project) : 'draft';
  }

  get scope(): UnitEditScope {
    return this.project ? unitEditScope(this.project) : { kind: 'all' };
  }

  /** 审核通过 with nothing left to change: the editor shows every field read-only, with this reason. */
  get lockReason(): string | null {
    return this.scope.kind === 'none' ? MR.lockedReason : null;
  }

  get latestRound(): ReviewRound | undefined {
    return this.project ? latestRound(this.project) : undefined;
  }

  /** The latest round's opinions the unit has not answered yet. */
  get openOpinions(): OpinionInRound[] {
    return this.project ? openOpinions(this.project) : [];
  }

  /** The latest round's opinions, answered or not: what the markers at the fields show. */
  get latestOpinions(): FieldOpinion[] {
    return this.latestRound?.fieldOpinions ?? [];
  }

  /** The latest round's opinions on one field of the project, or (with indicatorId) of one of its indicators. */
  opinionsAt(field: ProjectReviewField | IndicatorReviewField, indicatorId?: Id): FieldOpinion[] {
    // read from the latest round (a cached computed): every box of the editor asks
    const round = this.latestRound;
    if (!round) return [];
    return round.fieldOpinions.filter((o) => o.target.field === field && (o.target.indicatorId ?? null) === (indicatorId ?? null));
  }

  /** 提交审核 is offered from 待提交 and 已退回, and again while 已提交 once the targets changed since. */
  get canSubmit(): boolean {
    const p = this.project;
    if (!p || this.busy) return false;
    const status = reviewStatusOf(p);
    return status === 'draft' || status === 'returned' || (status === 'submitted' && changedSinceSubmission(p));
  }

  async loadBy(): Promise<void> {
    if (this.byLoaded) return;
    this.byLoaded = true;
    const saved = await this.repo.settings.get(REVIEW_BY_KEY);
    runInAction(() => {
      if (typeof saved === 'string' && this.by === '') this.by = saved;
    });
  }

  setBy(name: string): void {
    this.by = name;
    void this.repo.settings.set(REVIEW_BY_KEY, name.trim());
  }

  setAnswer(opinionId: Id, text: string): void {
    this.answers.set(opinionId, text);
  }

  /** What the last action said, while the same project is open in the same status. */
  get notice(): ReviewNotice {
    const held = this.held;
    return held && held.projectId === this.project?.id && held.status === this.status ? held.notice : null;
  }

  private tell(kind: 'error' | 'info', text: string): void {
    const id = this.project?.id;
    this.held = id ? { notice: { kind, text }, projectId: id, status: this.status } : null;
  }

  /** 提交审核: the targets as saved go to the supervisor with the unit's next package. */
  async submit(): Promise<boolean> {
    return this.change((project, at) => submitForReview(project, { id: this.env.newId(), by: this.by, at }), MR.submitted);
  }

  /** 答复: the unit's answer to one opinion of the latest round, written once. */
  async answer(roundId: Id, opinionId: Id): Promise<boolean> {
    const note = this.answers.get(opinionId) ?? '';
    const done = await this.change((project, at) => answerOpinion(project, { roundId, opinionId, by: this.by, at, note }), MR.answered);
    if (done) runInAction(() => this.answers.delete(opinionId));
    return done;
  }

  /**
   * Saves the editor first, then applies the transition to the project as stored (its revision aside: the digest of
   * the targets must not depend on it) and saves the review against that revision.
   */
  private async change(transition: (project: Project, at: string) => { ok: true; value: Project } | { ok: false; error: string }, done: string): Promise<boolean> {
    const id = this.project?.id;
    if (!id || this.busy) return false;
    this.busy = true;
    this.held = null;
    try {
      const unsaved = await this.env.flush();
      if (unsaved !== null) return this.fail(MR.saveFirst(unsaved));
      const stored = await this.repo.projects.get(id);
      if (!stored) return this.fail(MR.projectGone);
      const { revision, ...project } = stored;
      const result = transition(project, this.env.now().toISOString());
      if (!result.ok) return this.fail(result.error);
      const saved = await this.repo.projects.saveReview(id, result.value.review!, { expectedRevision: revision });
      if (!saved.ok) return this.fail(saved.error);
      await this.env.reload(id);
      runInAction(() => this.tell('info', done));
      return true;
    } finally {
      runInAction(() => (this.busy = false));
    }
  }

  private fail(text: string): false {
    runInAction(() => this.tell('error', text));
    return false;
  }
}
