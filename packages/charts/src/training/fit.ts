/**
 * Fitting text into a width on the server, where no font can be measured (see `estimateTextWidth`): long names
 * are cut with an ellipsis, the full text staying in the chart's tooltips and data table.
 */
import { estimateTextWidth } from '../text.js';

/** `text` if it fits in `maxWidth` at `fontSize`, else its longest prefix that fits followed by "…". */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let width = estimateTextWidth('…', fontSize);
  let end = 0;
  while (end < chars.length) {
    const next = estimateTextWidth(chars[end]!, fontSize);
    if (width + next > maxWidth) break;
    width += next;
    end++;
  }
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}

/** Estimated width of a whole number once formatted with thousands separators (e.g. "12,345"). */
export function numberWidth(value: number, fontSize: number): number {
  const digits = String(Math.round(Math.abs(value))).length;
  const separators = Math.floor((digits - 1) / 3);
  return (digits * 0.58 + separators * 0.3) * fontSize;
}
