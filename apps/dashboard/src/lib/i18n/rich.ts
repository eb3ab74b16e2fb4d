import { chineseAt, tightenChinese } from './spacing.js';
import type { MessageKey, Translator, Values } from './translator.js';

/**
 * A text from the data set inside a sentence (an institution's name), with the `lang` it is in when that is not the
 * page's language (see `textLang`), so screen readers and fonts treat it as its own language.
 */
export interface DataText {
  text: string;
  lang?: string;
}

/** Plain text and data texts in a row, as a sentence shows them: "Ayuntamiento – 杭州市商务局; …". */
export type TextRun = Array<string | DataText>;

// Markers stand in for the data texts while the message is formatted (private-use characters no message holds),
// so a translation may put the names anywhere in its sentence.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/**
 * `tr.t(key, values)` with each of `texts` (placeholder → its run of names) kept apart: the sentence as pieces,
 * plain strings and data texts, to be rendered each in its own element. Never HTML.
 */
export function richMessage(
  tr: Pick<Translator, 't' | 'locale'>,
  key: MessageKey,
  values: Values,
  texts: Record<string, TextRun>,
): TextRun {
  const runs = Object.values(texts);
  const marked = Object.fromEntries(Object.keys(texts).map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  const pieces = tr.t(key, { ...values, ...marked }).split(MARKER);
  // split() with a capturing group alternates text and marker numbers: even indexes are text, odd ones runs.
  const out: TextRun = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) push(out, piece);
    else for (const part of runs[Number(piece)] ?? []) push(out, part);
  });
  return tr.locale === 'zh' ? tightenRun(out) : out;
}

/**
 * A Chinese sentence's run without the spaces between a name and the Chinese beside it when the name itself ends
 * (or starts) in Chinese; a name in Latin script keeps its space. Names keep their own `lang`.
 */
function tightenRun(run: TextRun): TextRun {
  const textOf = (piece: string | DataText | undefined) =>
    typeof piece === 'string' ? piece : (piece?.text ?? '');
  const tight = run.map((piece, i) => {
    if (typeof piece !== 'string') return piece;
    let text = tightenChinese(piece);
    const before = textOf(run[i - 1]);
    const after = textOf(run[i + 1]);
    if (before && chineseAt(before, 'end') && chineseAt(text.trimStart(), 'start')) text = text.trimStart();
    if (after && chineseAt(after, 'start') && chineseAt(text.trimEnd(), 'end')) text = text.trimEnd();
    return text;
  });
  return tight.filter((piece) => piece !== '');
}

/** Appends a piece, joining neighbouring plain strings (a name in the page's language is plain text). */
function push(out: TextRun, piece: string | DataText): void {
  if (typeof piece !== 'string' && piece.lang !== undefined) {
    out.push(piece);
    return;
  }
  const text = typeof piece === 'string' ? piece : piece.text;
  if (text === '') return;
  const last = out.at(-1);
  if (typeof last === 'string') out[out.length - 1] = last + text;
  else out.push(text);
}
