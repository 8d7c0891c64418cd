// Deterministic demo data: a Japanese membership shop's customers, products, orders and events over three
// years, generated from a seed (generator.ts) and written in batches (write.ts).
export { generateDemo, maxDemoCustomers } from './write';
export type { DemoPhase, DemoProgress, GenerateDemoOptions, GenerateDemoResult } from './write';
export { DemoGenerator, defaultDemoEndDate, defaultDemoSeed } from './generator';
export type { DemoCustomer, DemoCustomerRecord, DemoGeneratorOptions } from './generator';
export type { DemoProduct, Category as DemoCategory } from './catalog';
export { categories as demoCategories, lowStockBelow as demoLowStockBelow } from './catalog';
export type { DemoOrder } from './orders';
export { writeDemoCsv, demoCsvHeaders } from './csv';
export type { DemoCsvFile, DemoCsvResult } from './csv';
export type { DemoEvent, DemoEventType } from './events';
export { prefectures as japanesePrefectures } from './geography';
export type { Prefecture, City } from './geography';
