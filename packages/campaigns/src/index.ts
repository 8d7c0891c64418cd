// @kizuna/campaigns: campaign and offer schemas, the template gallery, personalization tokens and the exact
// segment × campaign allocation (consent, de-duplication, weekly frequency cap, holdout). Pure: no I/O.
export * from './messages';
export * from './schema';
export * from './matrixSchema';
export * from './tokens';
export * from './offers';
export * from './personalize';
export * from './templates';
export * from './hash';
export * from './frequencyCap';
export * from './allocation';
export * from './holdout';
export * from './reach';
