/**
 * Spaces in Chinese sentences. The zh messages put a space around a placeholder so that a name in Latin script
 * ("Ayuntamiento de Fuenlabrada 是…") stands apart from the Chinese around it; between two Chinese characters
 * ("杭州市商务局 是…") a space is wrong. These remove it there and only there.
 */

/** Han characters, CJK punctuation and full-width forms: text that takes no space beside itself. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const BETWEEN =
  /([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/** `text` without the spaces that stand between two Chinese characters. */
export function tightenChinese(text: string): string {
  return text.replace(BETWEEN, '$1');
}

/** True when `text` ends (`side` 'end') or starts ('start') with a Chinese character. */
export function chineseAt(text: string, side: 'start' | 'end'): boolean {
  const char = side === 'start' ? [...text][0] : [...text].at(-1);
  return char !== undefined && CHINESE.test(char);
}
