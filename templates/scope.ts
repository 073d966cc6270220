// Resolving a form's scope to units and projects, and naming the exported file.
import type { DepartmentPlan, Project, Unit } from '../shared/model';
import { UnitTree } from '../shared/unit-tree';
import type { FormRequest, FormTemplate } from './template';
import { templateMessages as m } from './template-messages';

export class ScopeError extends Error {}

function unitById(request: FormRequest, id: string): Unit {
  const unit = request.data.units.find((u) => u.id === id);
  if (!unit) throw new ScopeError(m.unknownUnit(id));
  return unit;
}

/** The units the form covers, in print order. */
export function scopeUnits(request: FormRequest): Unit[] {
  const { scope, data } = request;
  if (scope.kind === 'unit') return [unitById(request, scope.unitId)];
  if (scope.kind === 'supervisor') {
    unitById(request, scope.unitId);
    return new UnitTree(data.units).descendants(scope.unitId, true).map((x) => x.unit);
  }
  const ids = new Set(scopeProjects(request).map((p) => p.unitId));
  return data.units.filter((u) => ids.has(u.id));
}

/** The unit whose name heads the form: the chosen unit or supervisor, or the owner of the chosen projects. */
export function headUnit(request: FormRequest): Unit {
  const { scope } = request;
  if (scope.kind !== 'projects') return unitById(request, scope.unitId);
  const units = scopeUnits(request);
  if (units.length === 0) throw new ScopeError(m.noProjects(request.year));
  // projects of several units: head the form with their common supervisor when there is one
  const parents = new Set(units.map((u) => u.parentId));
  if (units.length > 1 && parents.size === 1) {
    const parent = request.data.units.find((u) => u.id === [...parents][0]);
    if (parent) return parent;
  }
  return units[0];
}

/** The projects of the year the form covers, grouped by unit in print order, each unit's in data order. */
export function scopeProjects(request: FormRequest): Project[] {
  const { scope, data, year } = request;
  if (scope.kind === 'projects') {
    const ids = new Set(scope.projectIds);
    const chosen = data.projects.filter((p) => ids.has(p.id));
    if (chosen.length !== ids.size) throw new ScopeError(m.unknownProject);
    return chosen;
  }
  // the year's projects grouped by unit in one pass, then taken in the units' order
  const byUnit = new Map<string, Project[]>();
  for (const p of data.projects) {
    if (p.year !== year) continue;
    const own = byUnit.get(p.unitId);
    if (own) own.push(p);
    else byUnit.set(p.unitId, [p]);
  }
  return scopeUnits(request).flatMap((u) => byUnit.get(u.id) ?? []);
}

/** The projects of the scope, or a Chinese error when there are none: a form without rows is not worth a file. */
export function requireProjects(request: FormRequest): Project[] {
  const projects = scopeProjects(request);
  if (projects.length === 0) throw new ScopeError(m.noProjects(request.year));
  return projects;
}

export function scopePlans(request: FormRequest): DepartmentPlan[] {
  return plansOf(request, scopeUnits(request)).map((p) => p.plan);
}

/** The plans of the scope, each with its unit, or a Chinese error when there are none. */
export function requirePlans(request: FormRequest): { plan: DepartmentPlan; unit: Unit }[] {
  const units = scopeUnits(request);
  const plans = plansOf(request, units);
  if (plans.length === 0) throw new ScopeError(m.noPlan(request.year, units[0]?.name ?? ''));
  return plans;
}

/** The year's plans of the given units, in the units' order. */
function plansOf(request: FormRequest, units: readonly Unit[]): { plan: DepartmentPlan; unit: Unit }[] {
  return units.flatMap((unit) =>
    request.data.departmentPlans.filter((p) => p.unitId === unit.id && p.year === request.year).map((plan) => ({ plan, unit })),
  );
}

/**
 * 主管部门 as every form that prints one prints it: the project's 业务主管部门 where it is set (yubei 表17 names it per
 * project), else the unit's parent (the national self-assessment form's 主管部门), else, for a unit with none above it
 * in the data, the unit itself (a department is its own 主管部门).
 */
export function competentDepartmentOf(project: Pick<Project, 'unitId' | 'competentDepartment'>, units: readonly Unit[]): string {
  const own = project.competentDepartment?.trim() ?? '';
  if (own !== '') return own;
  const unit = units.find((u) => u.id === project.unitId);
  const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  return parent?.name ?? unit?.name ?? '';
}

/** "2019年度部门预算项目绩效自评情况公开表-深圳市龙岗区工商业联合会" (without extension). */
export function exportFileName(template: FormTemplate, request: FormRequest): string {
  const unit = headUnit(request);
  const single = request.scope.kind === 'projects' && request.scope.projectIds.length === 1 ? request.data.projects.find((p) => p.id === (request.scope as { projectIds: readonly string[] }).projectIds[0]) : undefined;
  const name = `${request.year}年度${template.title}-${unit.name}${single ? `-${single.name}` : ''}`;
  // characters Windows forbids in file names
  return name.replace(/[\\/:*?"<>|]/g, '_');
}
