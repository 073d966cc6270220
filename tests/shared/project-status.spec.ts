import { projectStatus, type StatusFacts } from '../../shared/project-status';
import { validateProject } from '../../shared/validation';
import { SCHEME_A } from '../../shared/schemes';
import { EMPTY_FUNDING, type Indicator, type Project } from '../../shared/model';

const base: StatusFacts = { assessmentStatus: 'notStarted', errorCount: 3, indicatorCount: 0, hasAnnualGoal: false };

describe('projectStatus', () => {
  test('草稿 when there are errors and indicators or goal are missing', () => {
    expect(projectStatus(base)).toBe('draft');
    expect(projectStatus({ ...base, indicatorCount: 4 })).toBe('draft');
    expect(projectStatus({ ...base, hasAnnualGoal: true })).toBe('draft');
  });

  test('待完善 when there are errors but indicators and a goal exist', () => {
    expect(projectStatus({ ...base, indicatorCount: 4, hasAnnualGoal: true })).toBe('incomplete');
  });

  test('已完成 when validation has no errors', () => {
    expect(projectStatus({ ...base, errorCount: 0, indicatorCount: 4, hasAnnualGoal: true })).toBe('complete');
  });

  test('已自评 wins over everything else once the self-assessment is done', () => {
    expect(projectStatus({ ...base, assessmentStatus: 'done' })).toBe('assessed');
    expect(projectStatus({ ...base, assessmentStatus: 'inProgress', errorCount: 0 })).toBe('complete');
  });

  test('follows the real validation of a project as it is filled in', () => {
    const ind = (id: string, level1: string, level2: string, name: string): Indicator => ({
      id, level1, level2, name, direction: '≥', target: '95', unit: '%', weight: null, core: false,
    });
    const project: Project = {
      id: 'p', unitId: 'u', year: 2025, name: '会员培训', governmentInvestment: false, key: false,
      funding: { ...EMPTY_FUNDING, generalPublic: 100_000 }, townSubsidy: 0, overview: '', basis: '',
      annualGoal: '', periodGoal: '', indicators: [], updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const facts = (p: Project): StatusFacts => ({
      assessmentStatus: p.selfAssessment?.status ?? 'notStarted',
      errorCount: validateProject(p, SCHEME_A).filter((x) => x.severity === 'error').length,
      indicatorCount: p.indicators.length,
      hasAnnualGoal: p.annualGoal.trim() !== '',
    });
    expect(projectStatus(facts(project))).toBe('draft');
    const withOutput = { ...project, annualGoal: '培训会员', indicators: [ind('a', '1', '11', '培训人数')] };
    expect(projectStatus(facts(withOutput))).toBe('incomplete');
    const full = { ...withOutput, indicators: [...withOutput.indicators, ind('b', '2', '22', '会员满意')] };
    expect(projectStatus(facts(full))).toBe('complete');
  });
});
