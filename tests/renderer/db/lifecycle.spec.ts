/**
 * @jest-environment-options {"globalsCleanup": "off"}
 */
// The database's life, on fake-indexeddb: another page opening it at a newer version closes it here for good (saves
// fail, visibly, and nothing reaches the newer schema); an upgrade that throws leaves the window on a failure state
// that offers the newest automatic backup, whose restore replaces the broken database.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createExchangeDocument, serializeExchange } from '../../../shared/exchange/exchange';
import { DB_VERSIONS, PerfDatabase, type VersionSpec } from '../../../renderer/db/database';
import { Repository } from '../../../renderer/db/repository';
import { BrowserBackups } from '../../../renderer/platform/browser-backups';
import { DatabaseLifecycle, type LifecycleDeps } from '../../../renderer/stores/database-lifecycle';
import { RootStore } from '../../../renderer/stores/root-store';
import { addProject, addUnit, FIXED_NOW, makeKit, type Kit } from './db-test-kit';

/** The version after the newest this release declares. */
const NEXT = DB_VERSIONS[DB_VERSIONS.length - 1].version + 1;

/** What a later release might add: one more table, nothing else. */
const NEWER: VersionSpec = { version: NEXT, stores: { notes: 'id' } };

/** The browser's backup database on the kit's IndexedDB, as the real platform keeps it beside the app's database. */
function backupsOf(kit: Kit, now = () => FIXED_NOW): BrowserBackups {
  return new BrowserBackups({ dexie: kit.options, now });
}

function deps(kit: Kit, versions: readonly VersionSpec[] = DB_VERSIONS): LifecycleDeps & { reloads: number } {
  const d = {
    db: kit.db,
    backups: (() => {
      const b = backupsOf(kit);
      return { listBackups: () => b.list(), readBackup: (id: string) => b.read(id) };
    })(),
    fresh: () => {
      const db = new PerfDatabase(kit.options, versions);
      return { db, repo: new Repository(db, { now: () => FIXED_NOW }) };
    },
    reloads: 0,
    reload: () => {
      d.reloads += 1;
    },
  };
  return d;
}

describe('another page opens the database at a newer version', () => {
  test('this page closes it, reports the Chinese reload message, and its saves fail without reaching the newer schema', async () => {
    const kit = makeKit();
    const life = new DatabaseLifecycle(deps(kit));
    let n = 0;
    const root = new RootStore(kit.repo, () => `s-${++n}`, life);
    await root.start();
    expect(life.state).toEqual({ kind: 'open' });
    expect(root.database.message).toBeNull();
    const unitId = await addUnit(kit.repo, '深圳市龙岗区工商业联合会');
    const project = await addProject(kit.repo, unitId, 2025, '会员培训', ['培训人数']);
    await root.selectUnit(unitId);
    await root.openProject(project.id);

    // a newer release in another tab: its open would wait forever (blocked) if this page kept its connection
    const newer = new PerfDatabase(kit.options, [...DB_VERSIONS, NEWER]);
    await newer.open();
    expect(newer.verno).toBe(NEXT);
    expect(kit.db.isOpen()).toBe(false);
    expect(life.state).toEqual({ kind: 'outdated' });
    expect(root.database.message).toBe('数据库已被新版本打开，请重新加载本页');

    // an edit in the old page: its save fails and says so; the newer database never sees it
    root.draft.updateBasics({ annualGoal: '旧页面里的修改' });
    await root.draft.autosaver.flush();
    expect(root.draft.autosaver.state).toBe('error');
    await expect(kit.repo.units.create({ name: '旧页面新建的单位' })).rejects.toThrow();
    const repoOfNewer = new Repository(newer);
    expect((await repoOfNewer.units.list()).map((u) => u.name)).toEqual(['深圳市龙岗区工商业联合会']);
    expect((await repoOfNewer.projects.get(project.id))?.annualGoal).toBe(project.annualGoal);
    newer.close();
  });
});

describe('an upgrade that throws', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  /** A release whose version 3 upgrade fails on the data it finds. */
  const BROKEN: VersionSpec = {
    version: NEXT,
    stores: { notes: 'id' },
    upgrade: async (tx) => {
      await tx.table('units').toCollection().first();
      throw new Error('升级脚本出错：测试');
    },
  };

  /** A database of this release with data and automatic backups of it, then opened by the broken release. */
  async function brokenStart() {
    const kit = makeKit();
    const unitId = await addUnit(kit.repo, '深圳市龙岗区工商业联合会');
    await addProject(kit.repo, unitId, 2025, '会员培训', ['培训人数']);
    const saved = await kit.repo.exchange.exportAll();
    const bytes = new TextEncoder().encode(serializeExchange(createExchangeDocument(saved, FIXED_NOW.toISOString())));
    await backupsOf(kit, () => new Date(2025, 0, 15, 8)).write(bytes, 'startup');
    await backupsOf(kit, () => new Date(2025, 0, 15, 9)).write(bytes, 'import');
    kit.db.close();

    const broken: Kit = { ...kit, db: new PerfDatabase(kit.options, [...DB_VERSIONS, BROKEN]) };
    broken.repo = new Repository(broken.db, { now: () => FIXED_NOW });
    const d = deps(broken, [...DB_VERSIONS, BROKEN]);
    const life = new DatabaseLifecycle(d);
    const root = new RootStore(broken.repo, undefined, life);
    return { kit: broken, d, life, root, saved };
  }

  test('leaves the window on the failure state, with the error and the newest backup offered', async () => {
    const { life, root } = await brokenStart();
    await root.start();
    expect(root.ready).toBe(false);
    expect(life.state.kind).toBe('failed');
    expect(life.state.kind === 'failed' && life.state.details).toContain('升级脚本出错：测试');
    expect(life.message).toBe('无法打开本机数据库');
    expect(life.newestBackup).toMatchObject({ kind: 'import', takenAt: new Date(2025, 0, 15, 9).toISOString() });
  });

  test('the restore replaces the broken database with the backup, then reloads', async () => {
    const { kit, d, life, root, saved } = await brokenStart();
    await root.start();
    life.askRestore();
    expect(life.confirming).toBe(true);
    expect(await life.restoreNewest()).toBe(true);
    expect(life.restoreError).toBeNull();
    expect(d.reloads).toBe(1);

    // the page after the reload: the same release opens the restored database, at its own version, with the data
    const after = new PerfDatabase(kit.options, [...DB_VERSIONS, BROKEN]);
    await after.open();
    expect(after.verno).toBe(NEXT);
    expect(await new Repository(after).exchange.exportAll()).toEqual(saved);
    after.close();
  });

  test('a backup that cannot be read leaves the database as it was and says why', async () => {
    const { kit, d, life, root } = await brokenStart();
    await root.start();
    d.backups.readBackup = async () => new TextEncoder().encode('{"format":"something else"}');
    expect(await life.restoreNewest()).toBe(false);
    expect(life.restoreError).toMatch(/^恢复失败：这份备份不能用于恢复：/);
    expect(d.reloads).toBe(0);
    // the old database is still there, at this release's version, with its data
    const old = new PerfDatabase(kit.options);
    expect((await new Repository(old).units.list()).map((u) => u.name)).toEqual(['深圳市龙岗区工商业联合会']);
    old.close();
  });

  test('with no backup at all, nothing is offered', async () => {
    const factory = new IDBFactory();
    const options = { indexedDB: factory, IDBKeyRange };
    const first = new PerfDatabase(options);
    await first.units.put({ id: 'u', name: '单位', parentId: null, schemeId: 'A-2015', updatedAt: '', revision: 1 });
    first.close();
    const db = new PerfDatabase(options, [...DB_VERSIONS, BROKEN]);
    const none = new BrowserBackups({ dexie: options });
    const life = new DatabaseLifecycle({
      db,
      backups: { listBackups: () => none.list(), readBackup: (id) => none.read(id) },
      fresh: () => {
        throw new Error('not reached');
      },
      reload: () => undefined,
    });
    expect(await life.open()).toBe(false);
    expect(life.newestBackup).toBeNull();
    expect(await life.restoreNewest()).toBe(false);
  });
});
