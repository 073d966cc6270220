// Change notifications (issue #14): every committed write of a unit, project or plan is told, with its revision, to
// this window's listeners and, through the channel, to another window's; a refused or rolled-back write tells nothing.
import type { ChangeBatch } from '../../../renderer/db/repository';
import { changeChannelName } from '../../../renderer/db/changes';
import { PerfDatabase } from '../../../renderer/db/database';
import { Repository } from '../../../renderer/db/repository';
import { channelPair } from './channel-pair';
import { addProject, addUnit, makeKit, unwrap, type Kit } from './db-test-kit';

function recorder(repo: Repository): ChangeBatch[] {
  const seen: ChangeBatch[] = [];
  repo.changes.subscribe((b) => seen.push(b));
  return seen;
}

const settle = () => new Promise((ok) => setTimeout(ok, 5));

let kit: Kit;
beforeEach(() => {
  kit = makeKit();
});
afterEach(() => kit.db.close());

test('the channel is named after the database', () => {
  expect(changeChannelName('perf-target-desk')).toBe('perf-target-desk:changes');
});

test('each committed write is told once, after the commit, with the revision it stored', async () => {
  const unitId = await addUnit(kit.repo, '区工商联');
  await settle();
  const seen = recorder(kit.repo);
  const project = unwrap(await kit.repo.projects.create({ unitId, year: 2025, name: '商会培训' }));
  // told after the writer's own continuation, never inside it
  expect(seen).toEqual([]);
  await settle();
  expect(seen).toEqual([{ changes: [{ kind: 'project', id: project.id, revision: 1 }], cleared: [], fromHere: true }]);

  unwrap(await kit.repo.projects.saveTargets({ ...project, basis: '《条例》' }, { expectedRevision: 1 }));
  unwrap(await kit.repo.units.rename(unitId, '深圳市龙岗区工商业联合会'));
  await kit.repo.projects.delete(project.id);
  await settle();
  expect(seen.slice(1).map((b) => b.changes)).toEqual([
    [{ kind: 'project', id: project.id, revision: 2 }],
    [{ kind: 'unit', id: unitId, revision: 2 }],
    [{ kind: 'project', id: project.id, revision: null }],
  ]);
});

test('a refused save and a read tell nothing; settings are not records', async () => {
  const unitId = await addUnit(kit.repo, '区工商联');
  const project = await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
  unwrap(await kit.repo.projects.saveTargets({ ...project, basis: '他们的' }, { expectedRevision: project.revision }));
  await settle();
  const seen = recorder(kit.repo);
  const refused = await kit.repo.projects.saveTargets({ ...project, basis: '我的' }, { expectedRevision: project.revision });
  expect(refused.ok).toBe(false);
  await kit.repo.projects.get(project.id);
  await kit.repo.settings.set('ui.year', 2025);
  await settle();
  expect(seen).toEqual([]);
});

test('a restore that clears the tables says so', async () => {
  const unitId = await addUnit(kit.repo, '区工商联');
  await addProject(kit.repo, unitId, 2025, '商会培训', ['培训人次']);
  const backup = await kit.repo.exchange.exportAll();
  await settle();
  const seen = recorder(kit.repo);
  unwrap(await kit.repo.exchange.replaceAll(backup));
  await settle();
  expect(seen).toHaveLength(1);
  expect(seen[0].cleared).toEqual(expect.arrayContaining(['unit', 'project', 'plan']));
  expect(seen[0].changes).toEqual(expect.arrayContaining([{ kind: 'unit', id: unitId, revision: 2 }]));
});

test('another window on the same database hears the batch, marked as not its own; junk on the channel is ignored', async () => {
  const [here, there] = channelPair();
  kit.repo.changes.connect(here);
  const otherDb = new PerfDatabase(kit.options);
  const other = new Repository(otherDb);
  other.changes.connect(there);
  const heard = recorder(other);
  try {
    const unitId = await addUnit(kit.repo, '区工商联');
    await settle();
    expect(heard).toEqual([{ changes: [{ kind: 'unit', id: unitId, revision: 1 }], cleared: [], fromHere: false }]);
    here.postMessage({ changes: [{ kind: 'table', id: 1 }], cleared: [] });
    here.postMessage('hello');
    await settle();
    expect(heard).toHaveLength(1);
  } finally {
    other.changes.disconnect();
    kit.repo.changes.disconnect();
    otherDb.close();
  }
});
