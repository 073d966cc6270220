// The bench city (city-data.ts) as its units send it: one exchange package per unit, each carrying the unit and its
// 主管部门 (the city), the unit's projects and the indicators they used as the unit's library, as a unit's 导出数据包
// writes it (renderer/stores/exchange-package-export.ts).
import { createExchangeDocument, serializeExchange, type ExchangeDocument } from '../shared/exchange/exchange';
import { libraryRecordsOf } from '../shared/library/own-library';
import { cityData } from './city-data';

export interface UnitPackage {
  fileName: string;
  text: string;
}

/** The city's packages, one per unit, in the units' order. */
export function cityUnitPackages(unitCount = 100, projectsPerUnit = 20, indicatorsPerProject = 15): UnitPackage[] {
  const city: ExchangeDocument = cityData(unitCount, projectsPerUnit, indicatorsPerProject);
  const supervisor = city.units.find((u) => u.parentId === null)!;
  return city.units
    .filter((u) => u.parentId !== null)
    .map((unit) => {
      const projects = city.projects.filter((p) => p.unitId === unit.id);
      const units = [supervisor, unit];
      const doc = createExchangeDocument({ units, projects, departmentPlans: [], library: libraryRecordsOf(projects, units) }, city.exportedAt, unit.name);
      return { fileName: `数据包-${unit.shortName ?? unit.name}-2025.json`, text: serializeExchange(doc) };
    });
}
