// The contract every form template fulfils, and what the export screen and the headless exporter call.
// A template turns domain data into layouts (shared/forms/layout.ts); it knows nothing of Word or Excel.
import type { FormLayout } from '../shared/forms/layout';
import type { DepartmentPlan, Project, Unit } from '../shared/model';

export type FormId = 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10';

export interface FormData {
  units: readonly Unit[];
  projects: readonly Project[];
  departmentPlans: readonly DepartmentPlan[];
}

/** What a form covers: chosen projects, one unit, or a supervisor with every unit under it. */
export type FormScope =
  | { kind: 'projects'; projectIds: readonly string[] }
  | { kind: 'unit'; unitId: string }
  | { kind: 'supervisor'; unitId: string };

export interface FormRequest {
  data: FormData;
  year: number;
  scope: FormScope;
  /** overrides the template's form number ("附件2-3：") */
  formNumber?: string;
  /** 填报日期, printed where the form has one */
  date?: string;
  /**
   * a final (正式版) form: validation errors of the covered projects and plans block the export (domain.md §3); any
   * other export is a draft (草稿版) and carries the 草稿 mark in the title line of every sheet and page (§6)
   */
  final?: boolean;
  /** F9: the monitoring round of this month (1–12); absent: each project's latest round of the year */
  month?: number;
  /** F9: only the one-row-per-project summary (a supervisor's overview), without each project's table */
  summaryOnly?: boolean;
}

export interface FormTemplate {
  id: FormId;
  /** the form's generic title, e.g. 部门预算项目绩效自评情况公开表 */
  title: string;
  /** one table per project (F1, F3) or one table for the whole scope */
  perProject: boolean;
  /** what the form prints: projects (F1, F3–F6) or the department plans (F2, F7, F8), one table per unit's plan */
  subject: 'projects' | 'plans';
  /** the projects of the scope a project form prints, where not all of them (F3 the assessed ones, F6 the key ones) */
  printedProjects?(request: FormRequest): Project[];
  /** the layouts to write, in order (several for per-project forms over many projects) */
  build(request: FormRequest): FormLayout[];
}
