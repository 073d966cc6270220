// A database as the release before indicator lists left it (schema version 4: one IndexedDB record per indicator),
// written with the raw IndexedDB API into the page's origin, for the upgrade test and the upgrade bench.
import type { Page } from 'playwright-core';
import type { Project, Unit } from '../../shared/model';

/** The version-4 schema as Dexie created it (renderer/db/database.ts DB_VERSIONS 1–4): store → [key path, indexes]. */
const V4_STORES: Record<string, [string, string[]]> = {
  units: ['id', ['parentId', 'name']],
  projects: ['id', ['[unitId+year]', 'unitId', 'year', 'updatedAt']],
  indicators: ['id', ['projectId', '[projectId+order]']],
  departmentPlans: ['id', ['[unitId+year]']],
  settings: ['key', []],
  syncBases: ['id', []],
};

export type V4Rows = Record<string, unknown[]>;

/** Units and projects as version 4 stored them: revisions, a project row without its indicators, a row per indicator. */
export function v4Rows(units: readonly Unit[], projects: readonly Project[], settings: { key: string; value: unknown }[] = []): V4Rows {
  return {
    units: units.map((u) => ({ ...u, revision: 1 })),
    projects: projects.map(({ indicators, ...row }) => ({ ...row, indicatorCount: indicators.length, revision: 1 })),
    indicators: projects.flatMap((p) => p.indicators.map((i, order) => ({ ...i, projectId: p.id, order }))),
    settings,
  };
}

const WRITER_PAGE = 'v4-writer.html';
const ROWS_PATH = 'v4-rows.json';

/**
 * Replaces the database of the app served at `appUrl` by a version-4 one (IndexedDB version 40: Dexie's version × 10)
 * holding `rows`, from a page of the same origin that does not open it. Returns the stores it made, sorted.
 */
export async function writeV4Database(page: Page, appUrl: string, rows: V4Rows): Promise<string[]> {
  // on the context: every tab of the origin can open the writer page
  await page.context().route(`**/${WRITER_PAGE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>v4</title>' }));
  await page.context().route(`**/${ROWS_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(rows) }));
  await page.goto(new URL(WRITER_PAGE, appUrl).href);
  return page.evaluate(
    async ({ stores, rowsUrl }) => {
      const rows = (await (await fetch(rowsUrl)).json()) as Record<string, unknown[]>;
      return new Promise<string[]>((done, fail) => {
        const deleting = indexedDB.deleteDatabase('perf-target-desk');
        deleting.onerror = () => fail(deleting.error);
        deleting.onsuccess = () => {
          const opening = indexedDB.open('perf-target-desk', 40);
          opening.onerror = () => fail(opening.error);
          opening.onupgradeneeded = () => {
            for (const [name, [key, indexes]] of Object.entries(stores)) {
              const store = opening.result.createObjectStore(name, { keyPath: key });
              for (const index of indexes) store.createIndex(index, index.startsWith('[') ? index.slice(1, -1).split('+') : index);
            }
          };
          opening.onsuccess = () => {
            const db = opening.result;
            const tx = db.transaction(Object.keys(rows), 'readwrite');
            for (const [name, list] of Object.entries(rows)) for (const row of list) tx.objectStore(name).add(row);
            tx.oncomplete = () => {
              db.close();
              done([...db.objectStoreNames].sort());
            };
            tx.onerror = () => fail(tx.error);
          };
        };
      });
    },
    { stores: V4_STORES, rowsUrl: new URL(ROWS_PATH, appUrl).href },
  );
}
