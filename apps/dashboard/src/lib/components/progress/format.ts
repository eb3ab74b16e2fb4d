/** Dates of the /progress page, `yyyy-mm-dd` shown in the reader's language; in UTC, so server and browser agree. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** A partnership's name: its title, else its two ends. */
export function partnershipName(p: { title: string | null; sourceName: string; targetName: string }): string {
  return p.title && p.title.trim() ? p.title : `${p.sourceName} – ${p.targetName}`;
}

/** Milestones by partnership id, in their order. */
export function groupByPartnership<M extends { partnership: string }>(
  milestones: readonly M[],
): Map<string, M[]> {
  const map = new Map<string, M[]>();
  for (const m of milestones) map.set(m.partnership, [...(map.get(m.partnership) ?? []), m]);
  return map;
}

/** Items grouped by their date, dates in order of first appearance (give them sorted by date). */
export function groupByDate<M extends { date: string }>(
  items: readonly M[],
): Array<{ date: string; items: M[] }> {
  const groups: Array<{ date: string; items: M[] }> = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.date === item.date) last.items.push(item);
    else groups.push({ date: item.date, items: [item] });
  }
  return groups;
}
