// The templates' campaign texts in Japanese: what a Japanese team's customers read (names, subject, message, offer
// labels) and the segments' names. Personal tokens carry Japanese fallbacks (`{first_name|お客}様`), and amounts
// are written in the message only where they do not depend on the currency.

export interface TemplateText {
  name: string;
  subject: string;
  body: string;
  /** By offer id: the label, and the gift's description for gift offers. */
  offers: Record<string, { label: string; gift?: string }>;
  /** By segment key. */
  segments: Record<string, { name: string; description: string }>;
}

/** By template id; `minorUnits` formats an amount the way the English descriptions do. */
export function japaneseTemplateTexts(minorUnits: (yen: number) => string): Record<string, TemplateText> {
  const message = { message: { label: 'メッセージのみ' } };
  return {
    product_recommendations: {
      name: 'あなたへのおすすめ',
      subject: '{first_name|お客}様へのおすすめ',
      body: 'ご購入履歴とお好みのカテゴリから、{recommended_products|おすすめの新商品}をお選びしました。',
      offers: message,
      segments: {},
    },
    recent_buyers: {
      name: 'ご注文ありがとうございます',
      subject: 'ご利用ありがとうございます',
      body: '感謝を込めて、次回のご注文が 10% オフになるクーポンコード {coupon_code} をお届けします。',
      offers: { thanks10: { label: '次回のご注文 10% オフ' } },
      segments: { recent_buyers: { name: '過去 30 日以内に購入', description: '過去 30 日以内に 1 回以上注文した顧客。' } },
    },
    win_back_90: {
      name: 'お久しぶりです',
      subject: 'しばらくお会いできていませんね',
      body: 'またのご来店をお待ちしています。クーポンコード {coupon_code} で使える割引をご用意しました。',
      offers: { comeback: { label: '再来店割引' } },
      segments: { lapsed_90: { name: '90 日間購入なし', description: '購入履歴はあるが、過去 90 日間は購入していない顧客。' } },
    },
    first_name_subject: {
      name: '新着アイテムのご案内',
      subject: '{first_name|お客}様、新着アイテムが入荷しました',
      body: '{first_name|お客}様、今シーズンの新着アイテムが入荷しました。売り切れる前にぜひご覧ください。',
      offers: message,
      segments: {},
    },
    content_by_gender: {
      name: '新シーズンコレクション',
      subject: '{first_name|お客}様への新シーズンのおすすめ',
      body: '{first_name|お客}様、クーポンコード {coupon_code} で新シーズンのコレクションが 10% オフになります。おすすめ: {recommended_products|新着アイテム}',
      offers: { women: { label: 'ウィメンズコレクション 10% オフ' }, men: { label: 'メンズコレクション 10% オフ' } },
      segments: { women: { name: '女性', description: '性別が女性の顧客。' }, men: { name: '男性', description: '性別が男性の顧客。' } },
    },
    high_income: {
      name: 'プレミアムコレクションのご招待',
      subject: 'プレミアムコレクションへのご招待',
      body: 'プレミアムコレクションを初めてご購入の方に、レザーカードケースをプレゼントします。',
      offers: { premium_gift: { label: 'プレミアム購入特典', gift: 'レザーカードケース' } },
      segments: { high_income: { name: '高所得層', description: `年収 ${minorUnits(10_000_000)} 以上(最小通貨単位)。` } },
    },
    cart_value: {
      name: '次回のご注文に特典',
      subject: '次回のご注文に特典をご用意しました',
      body: '次回のご注文に特典が付きます。お会計時にコード {coupon_code|(コード不要)} をお使いください。',
      offers: { big_basket: { label: 'ボーナスポイント' }, small_basket: { label: '送料無料' } },
      segments: {
        high_aov: { name: '高い平均注文額', description: '平均注文額 ¥15,000 以上の顧客。' },
        low_aov: { name: '少額の注文', description: '平均注文額 ¥5,000 未満の顧客。' },
      },
    },
    low_stock_favorites: {
      name: 'お気に入り商品が残りわずか',
      subject: '残りわずかです',
      body: 'お急ぎください: お気に入りの{favorite_low_stock|商品}の在庫が残りわずかです。',
      offers: message,
      segments: {},
    },
    loyalty: {
      name: 'いつもありがとうございます',
      subject: '大切なお客様へ感謝を込めて',
      body: 'いつもご愛顧いただきありがとうございます。感謝の気持ちとして、アカウントにポイントを付与しました。',
      offers: { loyal_points: { label: 'ロイヤルティポイント' } },
      segments: { loyal: { name: '優良顧客', description: 'F スコア 4〜5 かつ R スコア 3〜5 の顧客。' } },
    },
    birthday: {
      name: 'お誕生日おめでとうございます',
      subject: '{first_name|お客}様、お誕生日おめでとうございます',
      body: '{birthday|お誕生日}のお祝いに、今月いっぱい使える 15% オフのクーポン {coupon_code} をお贈りします。',
      offers: { birthday15: { label: 'お誕生日クーポン' } },
      segments: {},
    },
    location_based: {
      name: 'お近くのイベントのご案内',
      subject: '{city|お近く}でポップアップストアを開催',
      body: '今週末、{city|お近く}でポップアップストアを開催します。ご来場の方にウェルカムドリンクをプレゼントします。',
      offers: { event_gift: { label: 'イベント特典', gift: 'ウェルカムドリンク' } },
      segments: {
        greater_tokyo: { name: '首都圏', description: '東京都・神奈川県・千葉県・埼玉県に住む顧客(イベントの地域に合わせて編集してください)。' },
      },
    },
  };
}
