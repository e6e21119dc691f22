/** How an item is found by typing: pinyin initials (wsj = 玩手机) and the full toneless pinyin. */
export interface ItemSearchKeys {
  initials: string;
  pinyin: string;
}
