// The segments feature on PostgreSQL: the SQL path (materialization with numbered parameters, the registry
// read with SQL, exports paged by keyset) agrees with the in-memory engine loaded from PostgreSQL.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestDb, generateDemo, readSegmentMemberIds, type KizunaDb } from '@kizuna/db';
import { callerAs } from '../../testing';
import { getSegmentEngine } from './engine';
import { exportSegmentCsv } from './export';
import { sqlRegistry } from './sqlPath';
import { boughtLast90, emailReachable, greaterTokyo, memoryMemberIds, ruleOf, sqlMemberIds, women } from './testing';

describe('segments on PostgreSQL', () => {
  let db: KizunaDb;
  let dir: string;

  beforeAll(async () => {
    db = await createPgTestDb();
    await generateDemo(db, { customers: 300, seed: 9 });
    dir = mkdtempSync(join(tmpdir(), 'kizuna-pg-export-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  it('materializes, previews, references and exports consistently', async () => {
    const { caller } = await callerAs(db, 'marketer');
    const base = await caller.segments.create({ name: 'Women', rule: ruleOf(women, { kind: 'attribute', field: 'custom:skin_type', op: 'is_set' }) });
    const rule = ruleOf({ kind: 'segment', op: 'in', segmentId: base.id }, { kind: 'group', combinator: 'or', children: [boughtLast90, greaterTokyo] }, emailReachable);
    const top = await caller.segments.create({ name: 'Reachable', rule });
    const sql = await sqlMemberIds(db, rule);
    expect(sql.length).toBeGreaterThan(0);
    expect(await readSegmentMemberIds(db, top.id)).toEqual(sql);
    expect(await memoryMemberIds(db, rule)).toEqual(sql);
    expect(top.size).toBe(sql.length);

    const preview = await caller.segments.preview({ rule: ruleOf(women, emailReachable) });
    expect(preview.valid && preview.count).toBe((await sqlMemberIds(db, ruleOf(women, emailReachable))).length);

    const path = join(dir, 'members.csv');
    const exported = await exportSegmentCsv(db, 'reachable', path, null, 'cli');
    expect(exported.rows).toBe(sql.length);
    const ids = readFileSync(path, 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]!);
    // PostgreSQL orders by its collation; the set is what matters.
    expect([...ids].sort()).toEqual(sql);
  });

  it('reads the same field registry with SQL as from the loaded data', async () => {
    const engine = await getSegmentEngine(db);
    const fromSql = await sqlRegistry(db);
    const describe = (r: typeof fromSql) => r.fields.map((f) => [f.id, f.type, f.storage]);
    expect(describe(fromSql)).toEqual(describe(engine.registry));
    expect(fromSql.eventTypes).toEqual(engine.registry.eventTypes);
  });
});
