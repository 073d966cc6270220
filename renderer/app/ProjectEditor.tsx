// The project editor: basic information, funding by source with live sums, goals, and the indicator tree.
import { observer } from 'mobx-react-lite';
import type { UseFormReturn } from 'react-hook-form';
import { fiscalTotal, fundingTotal, nonFiscalTotal, type Funding, type Project } from '../../shared/model';
import { FUNDING_SOURCE_LABELS, M } from '../messages';
import { projectFieldId, type ProjectBasics } from '../stores/project-draft-store';
import { useDraftForm } from './hooks';
import { IndicatorEditor } from './IndicatorEditor';
import { moneyText, moneyValue, validateMoney, wan } from './money';
import { StatusBadge } from './StatusBadge';
import { useStore } from './store-context';

type FundingTexts = Record<keyof Funding, string>;

interface ProjectFormValues extends Required<Omit<ProjectBasics, 'competentDepartment'>> {
  competentDepartment: string;
  funding: FundingTexts;
  townSubsidy: string;
}

function formValues(p: Project): ProjectFormValues {
  return {
    name: p.name,
    competentDepartment: p.competentDepartment ?? '',
    governmentInvestment: p.governmentInvestment,
    key: p.key,
    overview: p.overview,
    basis: p.basis,
    annualGoal: p.annualGoal,
    periodGoal: p.periodGoal,
    funding: {
      generalPublic: moneyText(p.funding.generalPublic),
      governmentFund: moneyText(p.funding.governmentFund),
      stateCapital: moneyText(p.funding.stateCapital),
      specialAccount: moneyText(p.funding.specialAccount),
      other: moneyText(p.funding.other),
    },
    townSubsidy: moneyText(p.townSubsidy),
  };
}

export const ProjectEditor = observer(function ProjectEditor() {
  const root = useStore();
  const { draft } = root;
  const project = draft.project;
  if (!project) return null;
  return <ProjectForm key={`${project.id}:${draft.generation}`} project={project} />;
});

const ProjectForm = observer(function ProjectForm({ project }: { project: Project }) {
  const root = useStore();
  const { draft } = root;
  const form = useDraftForm<ProjectFormValues>(
    () => formValues(project),
    (v) => {
      draft.updateBasics({
        name: v.name,
        competentDepartment: v.competentDepartment,
        governmentInvestment: v.governmentInvestment,
        key: v.key,
        overview: v.overview,
        basis: v.basis,
        annualGoal: v.annualGoal,
        periodGoal: v.periodGoal,
      });
      for (const source of Object.keys(v.funding ?? {}) as (keyof Funding)[]) {
        const fen = moneyValue(v.funding[source] ?? '');
        if (fen !== null) draft.setFunding(source, fen);
      }
      const town = moneyValue(v.townSubsidy ?? '');
      if (town !== null) draft.setTownSubsidy(town);
    },
    draft.generation,
  );
  const { register, formState } = form;

  return (
    <div className="editor" id="project-editor">
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

      <section className="card">
        <h2>{M.basicInfo}</h2>
        <div className="grid-2">
          <label className="field wide">
            <span>{M.projectName}</span>
            <input id={projectFieldId('name')} {...register('name')} />
          </label>
          <label className="field">
            <span>{M.competentDepartment}</span>
            <input id={projectFieldId('competentDepartment')} {...register('competentDepartment')} />
          </label>
          <div className="field checks">
            <label>
              <input type="checkbox" {...register('governmentInvestment')} /> {M.governmentInvestment}
            </label>
            <label>
              <input type="checkbox" {...register('key')} /> {M.keyProject}
            </label>
          </div>
        </div>
      </section>

      <FundingSection form={form} errors={formState.errors} />

      <section className="card goals">
        <GoalField form={form} name="overview" label={M.overview} hint={M.overviewHint} rows={3} />
        <GoalField form={form} name="basis" label={M.basis} hint={M.basisHint} rows={3} />
        <GoalField form={form} name="annualGoal" label={M.annualGoal} hint={M.annualGoalHint} rows={3} />
        <GoalField form={form} name="periodGoal" label={M.periodGoal} hint={M.periodGoalHint} rows={3} />
      </section>

      <IndicatorEditor draft={draft} />
    </div>
  );
});

const EditorStatus = observer(function EditorStatus() {
  const root = useStore();
  const p = root.draft.project;
  const summary = p ? root.list.summaries.find((s) => s.id === p.id) : undefined;
  return summary ? <StatusBadge status={root.list.statusOf(summary)} /> : null;
});

function GoalField({
  form,
  name,
  label,
  hint,
  rows,
}: {
  form: UseFormReturn<ProjectFormValues>;
  name: 'overview' | 'basis' | 'annualGoal' | 'periodGoal';
  label: string;
  hint: string;
  rows: number;
}) {
  return (
    <label className="field">
      <span>
        {label} <small className="hint">{hint}</small>
      </span>
      <textarea id={projectFieldId(name)} rows={rows} {...form.register(name)} />
    </label>
  );
}

const FISCAL_SOURCES: (keyof Funding)[] = ['generalPublic', 'governmentFund', 'stateCapital'];
const OTHER_SOURCES: (keyof Funding)[] = ['specialAccount', 'other'];

function FundingSection({ form, errors }: { form: UseFormReturn<ProjectFormValues>; errors: UseFormReturn<ProjectFormValues>['formState']['errors'] }) {
  const input = (source: keyof Funding) => (
    <label className="field money" key={source}>
      <span>{FUNDING_SOURCE_LABELS[source]}</span>
      <input
        id={projectFieldId(`funding.${source}`)}
        inputMode="decimal"
        aria-invalid={errors.funding?.[source] ? true : undefined}
        {...form.register(`funding.${source}`, { validate: validateMoney })}
      />
      {errors.funding?.[source] && <em className="field-error">{errors.funding[source]?.message}</em>}
    </label>
  );
  return (
    <section className="card">
      <h2>{M.funding}</h2>
      <div className="funding-grid">
        {FISCAL_SOURCES.map(input)}
        <FundingSum kind="fiscal" />
        {OTHER_SOURCES.map(input)}
        <FundingSum kind="nonFiscal" />
        <label className="field money">
          <span>{M.townSubsidy}</span>
          <input id={projectFieldId('townSubsidy')} inputMode="decimal" {...form.register('townSubsidy', { validate: validateMoney })} />
          {errors.townSubsidy && <em className="field-error">{errors.townSubsidy.message}</em>}
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
