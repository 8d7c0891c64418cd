// Reading the matrix: the computed view, and its versions with the names their ids had.
import { getMatrixVersion, listCampaignRecords, listMatrixVersions, listSavedSegments, type KizunaDb, type MatrixSnapshot, type MatrixVersionSummary } from '@kizuna/db';
import { NotFoundError } from '../../errors';
import { computeMatrix } from './compute';
import { toMatrixView, type MatrixView } from './view';

export async function getMatrix(db: KizunaDb): Promise<MatrixView> {
  return toMatrixView(await computeMatrix(db));
}

export function matrixVersions(db: KizunaDb, input: { limit: number }): Promise<MatrixVersionSummary[]> {
  return listMatrixVersions(db, input);
}

export interface MatrixVersionDetail extends MatrixVersionSummary {
  snapshot: MatrixSnapshot;
  /** Names of the campaigns and segments the snapshot mentions (archived and deleted ones included). */
  names: Record<string, string>;
}

export async function matrixVersion(db: KizunaDb, version: number): Promise<MatrixVersionDetail> {
  const v = await getMatrixVersion(db, version);
  if (!v) throw new NotFoundError(`No matrix version ${version}`);
  const names: Record<string, string> = {};
  for (const c of await listCampaignRecords(db, { includeArchived: true })) names[c.id] = c.name;
  for (const s of await listSavedSegments(db, { includeDeleted: true })) names[s.id] = s.name;
  return { ...v, names };
}
