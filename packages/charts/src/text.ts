/**
 * Text width estimate for layout on the server, where no font can be measured: Latin characters
 * average about 0.58 em in the system sans-serif stack, wide (CJK) characters 1 em. Good enough to
 * wrap legends, keep labels inside the box and avoid most label overlaps; never used for exactness.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.58;
  return units * fontSize;
}
