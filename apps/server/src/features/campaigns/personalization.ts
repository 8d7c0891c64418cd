// Personalization data for batches of customers: reads only what the content's tokens need (product
// popularity once per personalizer), then shapes it with @kizuna/campaigns' pure functions.
import { recommendProducts, type ContentToken, type PersonalizationData } from '@kizuna/campaigns';
import type { KizunaDb } from '@kizuna/db';
import {
  batches,
  readCategoryAffinity,
  readContacts,
  readFavoriteLowStock,
  readProductPopularity,
  type CustomerContact,
  type ProductPopularity,
} from './personalizationReads';

export interface CustomerPersonalization {
  /** Null for an id the customers table does not have. */
  contact: CustomerContact | null;
  data: PersonalizationData;
}

export interface Personalizer {
  /** Any number of customers; read in batches. */
  load(customerIds: readonly string[]): Promise<Map<string, CustomerPersonalization>>;
}

export async function createPersonalizer(db: KizunaDb, asOfDay: number, tokens: readonly ContentToken[]): Promise<Personalizer> {
  const wantsRecommendations = tokens.includes('recommended_products');
  const wantsFavorites = tokens.includes('favorite_low_stock');
  const popularity: ProductPopularity | null = wantsRecommendations ? await readProductPopularity(db, asOfDay) : null;

  return {
    async load(customerIds) {
      const out = new Map<string, CustomerPersonalization>();
      for (const batch of batches(customerIds)) {
        const contacts = await readContacts(db, batch);
        const affinity = wantsRecommendations ? await readCategoryAffinity(db, batch, asOfDay) : new Map();
        const favorites = wantsFavorites ? await readFavoriteLowStock(db, batch, asOfDay) : new Map();
        for (const id of batch) {
          const contact = contacts.get(id) ?? null;
          out.set(id, {
            contact,
            data: {
              firstName: contact?.firstName ?? null,
              city: contact?.city ?? null,
              birthDate: contact?.birthDate ?? null,
              locale: contact?.locale ?? null,
              recommendedProducts: popularity ? recommendProducts(affinity.get(id) ?? [], popularity.byCategory, popularity.overall) : [],
              favoriteLowStock: favorites.get(id) ?? [],
            },
          });
        }
      }
      return out;
    },
  };
}
