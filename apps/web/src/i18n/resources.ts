// The translation resources: the shell's en.json/ja.json plus each feature's own features/<name>/locales/*.json,
// merged under the feature's name (features/kpis/locales/en.json → t('kpis.…')), so features never share a file.
import en from './en.json';
import ja from './ja.json';
import dataEn from '../features/data/locales/en.json';
import dataJa from '../features/data/locales/ja.json';
import segmentsEn from '../features/segments/locales/en.json';
import segmentsJa from '../features/segments/locales/ja.json';
import overlapsEn from '../features/overlaps/locales/en.json';
import overlapsJa from '../features/overlaps/locales/ja.json';
import campaignsEn from '../features/campaigns/locales/en.json';
import campaignsJa from '../features/campaigns/locales/ja.json';
import matrixEn from '../features/matrix/locales/en.json';
import matrixJa from '../features/matrix/locales/ja.json';
import kpisEn from '../features/kpis/locales/en.json';
import kpisJa from '../features/kpis/locales/ja.json';
import { validationMessages } from '@kizuna/campaigns';
import validationEn from './validation/en.json';
import validationJa from './validation/ja.json';

export const enResources = {
  ...en,
  // The shell words the Data page; its import problems live with the feature.
  data: { ...en.data, ...dataEn },
  segments: segmentsEn,
  overlaps: overlapsEn,
  campaigns: campaignsEn,
  matrix: matrixEn,
  kpis: kpisEn,
  // The shared schemas' own English, plus plainer words for zod's defaults (see validation.ts).
  validation: { ...validationMessages, ...validationEn },
};

// Not typed as enResources: Japanese has no plural `_one` forms. resources.test.ts checks the keys match.
export const jaResources = {
  ...ja,
  data: { ...ja.data, ...dataJa },
  segments: segmentsJa,
  overlaps: overlapsJa,
  campaigns: campaignsJa,
  matrix: matrixJa,
  kpis: kpisJa,
  validation: validationJa,
};
