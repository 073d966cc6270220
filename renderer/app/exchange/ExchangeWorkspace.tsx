// The export, exchange and backup workspace: a list of sections on the left, the chosen section on the right.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { MX } from '../../messages';
import { MR } from '../../messages-review';
import type { ExchangeSection } from '../../stores/exchange-store';
import { useStore } from '../store-context';
import { BackupPanel } from './BackupPanel';
import { DirectoryPanel } from './DirectoryPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { OverviewPanel } from './OverviewPanel';
import { PackagePanel } from './PackagePanel';
import { ReviewPanel } from './ReviewPanel';

const GROUPS: { label: string; sections: { id: ExchangeSection; label: string }[] }[] = [
  { label: MX.groupForms, sections: [{ id: 'export', label: MX.sectionExport }] },
  {
    label: MX.groupExchange,
    sections: [
      { id: 'package', label: MX.sectionPackage },
      { id: 'import', label: MX.sectionImport },
      { id: 'overview', label: MX.sectionOverview },
      { id: 'review', label: MR.sectionReview },
      { id: 'directory', label: MR.sectionDirectory },
    ],
  },
  { label: MX.groupData, sections: [{ id: 'backup', label: MX.sectionBackup }] },
];

export const ExchangeWorkspace = observer(function ExchangeWorkspace() {
  const root = useStore();
  const x = root.exchange;
  const unitId = root.units.unitId;
  const year = root.units.year;
  const section = x.section;

  useEffect(() => {
    void x.refresh();
  }, [x, unitId, year, section]);

  return (
    <main className="workspace exchange-workspace">
      <nav className="exchange-nav" id="exchange-nav" aria-label={MX.workspace}>
        {GROUPS.map((g) => (
          <div key={g.label} className="exchange-nav-group">
            <h3>{g.label}</h3>
            {g.sections.map((s) => (
              <button
                key={s.id}
                type="button"
                data-section={s.id}
                className={section === s.id ? 'active' : ''}
                aria-current={section === s.id ? 'page' : undefined}
                onClick={() => x.setSection(s.id)}
              >
                {s.label}
              </button>
            ))}
          </div>
        ))}
      </nav>
      <section className="exchange-body">
        {/* an empty database can restore a backup or import the unit directory its supervisor handed down */}
        {section === 'backup' || section === 'import' || root.units.unit ? <SectionPanel section={section} /> : <p className="placeholder">{MX.noUnit}</p>}
      </section>
    </main>
  );
});

function SectionPanel({ section }: { section: ExchangeSection }) {
  switch (section) {
    case 'export':
      return <ExportPanel />;
    case 'package':
      return <PackagePanel />;
    case 'import':
      return <ImportPanel />;
    case 'overview':
      return <OverviewPanel />;
    case 'directory':
      return <DirectoryPanel />;
    case 'review':
      return <ReviewPanel />;
    case 'backup':
      return <BackupPanel />;
  }
}
