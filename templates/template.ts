// The contract every form template fulfils, and what the export screen and the headless exporter call.
// A template turns domain data into layouts (shared/forms/layout.ts); it knows nothing of Word or Excel.
import type { FormLayout } from '../shared/forms/layout';
import type { DepartmentPlan, Project, Unit } from '../shared/model';

export type FormId = 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8';

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
}

export interface FormTemplate {
  id: FormId;
  /** the form's generic title, e.g. 部门预算项目绩效自评情况公开表 */
  title: string;
  /** one table per project (F1, F3) or one table for the whole scope */
  perProject: boolean;
  /** the layouts to write, in order (several for per-project forms over many projects) */
  build(request: FormRequest): FormLayout[];
}
