// The demo shop's product catalogue: a few hundred items with Japanese names in eight categories, JPY prices
// at familiar price points (¥1,980, ¥3,300…) and stock levels with some low-stock and sold-out items.
import { Rng, hashString } from './prng';

export const categories = ['Cosmetics', 'Skincare', 'Fashion', 'Food', 'Home', 'Outdoor', 'Books', 'Electronics'] as const;
export type Category = (typeof categories)[number];

/** Stock below this counts as low in the demo data (favourites on such items drive low-stock campaigns). */
export const lowStockBelow = 10;

export interface DemoProduct {
  product_id: string;
  name: string;
  category: Category;
  /** JPY (minor units = yen). */
  price: number;
  stock: number;
}

interface Line {
  category: Category;
  count: number;
  brands: readonly string[];
  /** Item name and its price range in yen. */
  items: readonly (readonly [string, number, number])[];
  variants: readonly string[];
}

const lines: readonly Line[] = [
  {
    category: 'Cosmetics',
    count: 64,
    brands: ['花結', 'ルミエール東京', '雪肌堂', 'ミズハ', 'KOHAKU'],
    items: [['リップスティック', 1600, 4400], ['アイシャドウパレット', 2400, 6600], ['マスカラ', 1200, 3800], ['リキッドファンデーション', 2800, 7700], ['パウダーチーク', 1500, 3900], ['アイライナー', 1100, 2800], ['コンシーラー', 1500, 3600], ['ネイルカラー', 800, 2200], ['化粧下地', 1800, 4800], ['フェイスパウダー', 2000, 5500]],
    variants: ['コーラルピンク', 'ローズベージュ', 'テラコッタ', '桜色', 'ボルドー', 'ヌーディブラウン', 'ナチュラル', 'ライトオークル', '限定色'],
  },
  {
    category: 'Skincare',
    count: 64,
    brands: ['雪肌堂', '和草舎', 'ミズハ', 'AOBA', '椿の恵み'],
    items: [['化粧水', 1400, 6600], ['乳液', 1600, 6600], ['美容液', 3300, 13200], ['クレンジングオイル', 1500, 4400], ['洗顔フォーム', 800, 2500], ['日焼け止めジェル SPF50+', 1200, 3800], ['シートマスク 7枚入', 1000, 3300], ['アイクリーム', 2800, 8800], ['オールインワンジェル', 1900, 5500], ['薬用美白クリーム', 2600, 7700]],
    variants: ['しっとり', 'さっぱり', '敏感肌用', '大容量', '詰め替え用', '無香料', 'ゆず', '桜の香り'],
  },
  {
    category: 'Fashion',
    count: 52,
    brands: ['UMIKAZE', '藍染工房', 'Komorebi', 'NORA'],
    items: [['オーガニックコットンTシャツ', 2500, 5500], ['リネンシャツ', 4900, 9900], ['カーディガン', 5900, 12900], ['ワイドパンツ', 4900, 9900], ['ワンピース', 6900, 15900], ['キャンバストートバッグ', 2900, 7900], ['レザースニーカー', 8900, 19800], ['カシミヤストール', 6900, 16500], ['ダウンジャケット', 14900, 32900], ['浴衣セット', 9900, 24200]],
    variants: ['ネイビー', 'オフホワイト', 'ベージュ', 'ブラック', 'グレー', 'カーキ', 'テラコッタ', '藍色'],
  },
  {
    category: 'Food',
    count: 42,
    brands: ['京の茶寮', '北の恵み', '里山キッチン', '海の幸本舗'],
    items: [['宇治抹茶', 1200, 3800], ['有機ほうじ茶ティーバッグ', 800, 1900], ['はちみつ', 1500, 4200], ['国産ドライフルーツ', 900, 2400], ['手焼きせんべい詰め合わせ', 1000, 3300], ['だしパック', 900, 2600], ['柚子ぽん酢', 500, 1400], ['グラノーラ', 700, 1800], ['純米吟醸酒 720ml', 1800, 5500], ['和菓子ギフト', 2000, 5400]],
    variants: ['お試しサイズ', '徳用', 'ギフト箱入', '季節限定', '定番'],
  },
  {
    category: 'Home',
    count: 36,
    brands: ['今治織', '木と暮らす', 'しずく舎', '南部工房'],
    items: [['フェイスタオル', 900, 2400], ['マグカップ', 1500, 3900], ['豆皿セット', 1800, 4800], ['アロマディフューザー', 3300, 9800], ['竹のカトラリーセット', 1200, 3300], ['土鍋', 3900, 9800], ['鉄瓶急須', 6600, 19800], ['珪藻土バスマット', 1900, 4900], ['入浴剤セット', 1000, 3300], ['ルームフレグランス', 1800, 5500]],
    variants: ['白', '生成り', '藍', '若草', 'ヒノキの香り', '2個セット'],
  },
  {
    category: 'Outdoor',
    count: 26,
    brands: ['YAMAKAZE', '森歩き', 'Hoshizora'],
    items: [['折りたたみキャンプチェア', 3900, 12800], ['LEDランタン', 2900, 8800], ['シュラフ', 6900, 24800], ['ドームテント 2人用', 14800, 49800], ['登山リュック 30L', 9800, 22000], ['ステンレスボトル', 2200, 4800], ['トレッキングポール', 3900, 9800], ['レインジャケット', 8800, 22000]],
    variants: ['オリーブ', 'サンド', 'ブラック', 'ライトグレー', '軽量モデル'],
  },
  {
    category: 'Books',
    count: 22,
    brands: ['暮らしの本棚', '四季出版'],
    items: [['季節のおうちごはん', 1400, 1980], ['はじめての北欧インテリア', 1500, 2200], ['週末ソロキャンプ入門', 1500, 1980], ['美肌をつくる毎日の習慣', 1300, 1760], ['京都さんぽ案内', 1200, 1650], ['猫と暮らす本', 1300, 1870], ['マンガで学ぶお金の話', 990, 1430], ['ていねいな朝ごはん', 1400, 1980], ['ゆるヨガ手帖', 1200, 1650], ['旅する台所', 1600, 2200]],
    variants: ['', '改訂版', '特装版'],
  },
  {
    category: 'Electronics',
    count: 24,
    brands: ['KAZE Tech', 'Mirai', 'Sora Audio'],
    items: [['ワイヤレスイヤホン', 4900, 19800], ['モバイルバッテリー 10000mAh', 2900, 5900], ['スマートウォッチ', 9800, 32800], ['美顔器', 12800, 39800], ['ヘアドライヤー', 6900, 29800], ['電動歯ブラシ', 3900, 14800], ['Bluetoothスピーカー', 3900, 12800], ['LEDデスクライト', 2900, 8900]],
    variants: ['ホワイト', 'ブラック', 'ピンクゴールド', 'ネイビー'],
  },
];

/** Rounds to a price a Japanese shop would print: ¥1,980, ¥2,200, ¥12,800. */
function pricePoint(rng: Rng, raw: number): number {
  const step = raw >= 10000 ? 1000 : 100;
  const rounded = Math.max(step, Math.round(raw / step) * step);
  return rng.chance(0.6) ? rounded - (step === 1000 ? 200 : 20) : rounded;
}

function stockLevel(rng: Rng): number {
  const u = rng.next();
  if (u < 0.02) return 0;
  if (u < 0.11) return rng.int(1, lowStockBelow - 1);
  return Math.min(2000, Math.round(10 + rng.logNormal(4.6, 0.8)));
}

/** The whole catalogue for a seed, ids P0001… in category order. */
export function generateProducts(seed: number): DemoProduct[] {
  const rng = new Rng(seed, hashString('products'));
  const products: DemoProduct[] = [];
  for (const line of lines) {
    const names = new Set<string>();
    // Every brand × item × variant is a distinct name; draw until the line has its count.
    const capacity = line.brands.length * line.items.length * line.variants.length;
    const target = Math.min(line.count, capacity);
    while (names.size < target) {
      const brand = rng.pick(line.brands);
      const [item, low, high] = rng.pick(line.items);
      const variant = rng.pick(line.variants);
      const name = [brand, item, variant].filter((s) => s !== '').join(' ');
      if (names.has(name)) continue;
      names.add(name);
      products.push({
        product_id: `P${String(products.length + 1).padStart(4, '0')}`,
        name,
        category: line.category,
        price: pricePoint(rng, low + (high - low) * rng.next()),
        stock: stockLevel(rng),
      });
    }
  }
  return products;
}
