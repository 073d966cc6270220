// The project editor: basic information, funding by source with live sums, goals, and the indicator tree. Every box
// is bound to the draft (field-binding.ts): the draft owns the values, the boxes only keep what is being typed.
import { observer } from 'mobx-react-lite';
import { textCodec } from '../../shared/codecs';
import { fiscalTotal, fundingTotal, nonFiscalTotal, type Funding, type Project } from '../../shared/model';
import type { RecordField } from '../../shared/validation';
import { FUNDING_SOURCE_LABELS, M } from '../messages';
import { ME } from '../messages-editing';
import type { ProjectBasics, ProjectDraftStore } from '../stores/project-draft-store';
import type { FieldSpec } from './field-binding';
import { BoundInput, BoundTextArea, RestoredNote } from './fields';
import { IndicatorEditor } from './IndicatorEditor';
import { WAN, wan } from './money';
import { OpinionMark } from './review/OpinionMark';
import { ReviewBar } from './review/ReviewBar';
import { StatusBadge } from './StatusBadge';
import { useStore } from './store-context';

export const ProjectEditor = observer(function ProjectEditor() {
  const root = useStore();
  const project = root.draft.project;
  if (!project) return null;
  return (
    <>
      <ReviewBar />
      <ProjectForm key={project.id} draft={root.draft} project={project} />
    </>
  );
});

type TextField = 'name' | 'overview' | 'basis' | 'annualGoal' | 'periodGoal';

/** A text field of the project: read from and written to the draft's project as it is now. */
function textSpec(draft: ProjectDraftStore, project: Project, field: TextField, label: string): FieldSpec<string> {
  return {
    target: { record: 'project', recordId: project.id, of: 'record', field },
    label,
    codec: textCodec,
    read: () => draft.project?.[field] ?? '',
    write: (v) => draft.updateBasics({ [field]: v } satisfies Partial<ProjectBasics>),
  };
}

const ProjectForm = observer(function ProjectForm({ draft, project }: { draft: ProjectDraftStore; project: Project }) {
  const root = useStore();
  const on = (field: RecordField) => ({ record: 'project', recordId: project.id, of: 'record', field }) as const;
  return (
    // 审核通过 locks the targets for the unit: every box read-only, the reason above (ReviewBar)
    <fieldset className="editor" id="project-editor" disabled={root.review.lockReason !== null}>
      <header className="editor-head">
        <h1>{project.name || M.projectName}</h1>
        <EditorStatus />
        <div className="spacer" />
        <button type="button" id="duplicate-project" onClick={() => void root.duplicateProject(project.id)}>
          {M.duplicate}
        </button>
        <button type="button" id="delete-project" onClick={() => void root.deleteProjects([project.id])}>
          {M.delete}
        </button>
      </header>
      <RestoredNote id="restored-note" count={draft.restoredCount} onDismiss={() => draft.acknowledgeRestored()} />

      <section className="card">
        <h2>{M.basicInfo}</h2>
        <div className="grid-2">
          <label className="field wide">
            <span>
              {M.projectName} <OpinionMark field="name" />
            </span>
            <BoundInput invalid={draft.invalid} spec={textSpec(draft, project, 'name', M.projectName)} />
          </label>
          <label className="field">
            <span>
              {M.competentDepartment} <OpinionMark field="competentDepartment" />
            </span>
            <BoundInput
              invalid={draft.invalid}
              spec={{
                target: on('competentDepartment'),
                label: M.competentDepartment,
                codec: textCodec,
                read: () => draft.project?.competentDepartment ?? '',
                write: (v) => draft.updateBasics({ competentDepartment: v }),
              }}
            />
          </label>
          <div className="field checks">
            <label>
              <input
                type="checkbox"
                checked={project.governmentInvestment}
                onChange={(e) => draft.updateBasics({ governmentInvestment: e.target.checked })}
              />{' '}
              {M.governmentInvestment}
            </label>
            <label>
              <input type="checkbox" checked={project.key} onChange={(e) => draft.updateBasics({ key: e.target.checked })} /> {M.keyProject}
            </label>
          </div>
        </div>
      </section>

      <FundingSection draft={draft} project={project} />

      <section className="card goals">
        <GoalField draft={draft} project={project} name="overview" label={M.overview} hint={M.overviewHint} />
        <GoalField draft={draft} project={project} name="basis" label={M.basis} hint={M.basisHint} />
        <GoalField draft={draft} project={project} name="annualGoal" label={M.annualGoal} hint={M.annualGoalHint} />
        <GoalField draft={draft} project={project} name="periodGoal" label={M.periodGoal} hint={M.periodGoalHint} />
      </section>

      <IndicatorEditor draft={draft} />
    </fieldset>
  );
});

const EditorStatus = observer(function EditorStatus() {
  const root = useStore();
  const p = root.draft.project;
  const summary = p ? root.list.summaries.find((s) => s.id === p.id) : undefined;
  return summary ? <StatusBadge status={root.list.statusOf(summary)} /> : null;
});

function GoalField({
  draft,
  project,
  name,
  label,
  hint,
}: {
  draft: ProjectDraftStore;
  project: Project;
  name: 'overview' | 'basis' | 'annualGoal' | 'periodGoal';
  label: string;
  hint: string;
}) {
  return (
    <label className="field">
      <span>
        {label} <small className="hint">{hint}</small> <OpinionMark field={name} />
      </span>
      <BoundTextArea invalid={draft.invalid} spec={textSpec(draft, project, name, label)} rows={3} />
    </label>
  );
}

const FISCAL_SOURCES: (keyof Funding)[] = ['generalPublic', 'governmentFund', 'stateCapital'];
const OTHER_SOURCES: (keyof Funding)[] = ['specialAccount', 'other'];

function FundingSection({ draft, project }: { draft: ProjectDraftStore; project: Project }) {
  const input = (source: keyof Funding) => (
    <label className="field money" key={source}>
      <span>{FUNDING_SOURCE_LABELS[source]}</span>
      <BoundInput
        invalid={draft.invalid}
        inputMode="decimal"
        showError
        spec={{
          target: { record: 'project', recordId: project.id, of: 'record', field: `funding.${source}` },
          label: ME.fundingLabel(FUNDING_SOURCE_LABELS[source]),
          codec: WAN,
          read: () => draft.project?.funding[source] ?? 0,
          write: (fen) => draft.setFunding(source, fen),
        }}
      />
    </label>
  );
  return (
    <section className="card">
      <h2>
        {M.funding} <OpinionMark field="funding" />
      </h2>
      <div className="funding-grid">
        {FISCAL_SOURCES.map(input)}
        <FundingSum kind="fiscal" />
        {OTHER_SOURCES.map(input)}
        <FundingSum kind="nonFiscal" />
        <label className="field money">
          <span>
            {M.townSubsidy} <OpinionMark field="townSubsidy" />
          </span>
          <BoundInput
            invalid={draft.invalid}
            inputMode="decimal"
            showError
            spec={{
              target: { record: 'project', recordId: project.id, of: 'record', field: 'townSubsidy' },
              label: ME.townSubsidyLabel,
              codec: WAN,
              read: () => draft.project?.townSubsidy ?? 0,
              write: (fen) => draft.setTownSubsidy(fen),
            }}
          />
        </label>
        <FundingSum kind="total" />
      </div>
    </section>
  );
}

const FundingSum = observer(function FundingSum({ kind }: { kind: 'fiscal' | 'nonFiscal' | 'total' }) {
  const p = useStore().draft.project;
  if (!p) return null;
  const label = kind === 'fiscal' ? M.fiscalTotal : kind === 'nonFiscal' ? M.nonFiscalTotal : M.fundingTotal;
  const fen = kind === 'fiscal' ? fiscalTotal(p.funding) : kind === 'nonFiscal' ? nonFiscalTotal(p.funding) : fundingTotal(p.funding);
  return (
    <div className={'field sum' + (kind === 'total' ? ' total' : '')}>
      <span>{label}</span>
      <output id={`sum-${kind}`}>{wan(fen)}</output>
    </div>
  );
});
