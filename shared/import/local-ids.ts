// An imported document takes the ids of the records the database already has for the same things, so that the
// import updates them instead of being refused as "the same project under another id" (shared/consolidation.ts): a
// project by its unit, year and name, a department plan by its unit and year. Units are matched when the file is
// read (ImportOptions.knownUnits). Indicator ids follow their project's new id.
import type { ExchangeDocument } from '../exchange/exchange';
import type { DepartmentPlan, Indicator, IndicatorResult, Project } from '../model';

export interface LocalRecords {
  projects: readonly Pick<Project, 'id' | 'unitId' | 'year' | 'name'>[];
  departmentPlans: readonly Pick<DepartmentPlan, 'id' | 'unitId' | 'year'>[];
}

function renumbered(ownerId: string, indicators: readonly Indicator[], results: readonly IndicatorResult[] | undefined) {
  const ids = new Map(indicators.map((ind, i) => [ind.id, `${ownerId}-i${i + 1}`]));
  return {
    indicators: indicators.map((ind) => ({ ...ind, id: ids.get(ind.id)! })),
    results: results?.map((r) => ({ ...r, indicatorId: ids.get(r.indicatorId) ?? r.indicatorId })),
  };
}

/** The document with the local ids of the projects and plans it matches; the rest as they were. */
export function adoptLocalIds(doc: ExchangeDocument, local: LocalRecords): ExchangeDocument {
  const projectKey = (p: { unitId: string; year: number; name: string }) => `${p.unitId}\u0000${p.year}\u0000${p.name.trim()}`;
  const localProjects = new Map(local.projects.map((p) => [projectKey(p), p.id]));
  const localPlans = new Map(local.departmentPlans.map((p) => [`${p.unitId}\u0000${p.year}`, p.id]));
  const projects = doc.projects.map((p): Project => {
    const id = localProjects.get(projectKey(p));
    if (id === undefined || id === p.id) return p;
    const { indicators, results } = renumbered(id, p.indicators, p.selfAssessment?.results);
    return { ...p, id, indicators, ...(p.selfAssessment ? { selfAssessment: { ...p.selfAssessment, results: results ?? [] } } : {}) };
  });
  const departmentPlans = doc.departmentPlans.map((plan): DepartmentPlan => {
    const id = localPlans.get(`${plan.unitId}\u0000${plan.year}`);
    if (id === undefined || id === plan.id) return plan;
    const { indicators, results } = renumbered(id, plan.indicators, plan.results);
    return { ...plan, id, indicators, ...(results ? { results } : {}) };
  });
  return { ...doc, projects, departmentPlans };
}
