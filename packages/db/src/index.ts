// @kizuna/db: schema, migrations, the client factory, repositories, CSV import and demo data.
export * from './client';
export * from './migrate';
export * from './tables';
export * from './days';
export * from './settings';
export * from './bulk';
export * from './import';
export * from './features';
export * from './stats';
export * from './demo';
export * from './users';
export * from './sessions';
export * from './audit';
export * from './testing';
