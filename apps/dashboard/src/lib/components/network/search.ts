/**
 * Finding institutions by name on the network page: by any of their names (the reader's language,
 * the original, the other translations), ignoring case, accents and spacing, so "cife", "CIFE" and
 * "Centro de Iniciativas" all find the same centre, and "杭州" finds every Hangzhou bureau.
 */

/** Lower case, without accents or repeated spaces: the form names are compared in. */
export function normalizeName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export interface Searchable {
  id: string;
  label: string;
}

/**
 * Ids of the institutions whose id, label or other names (`aliases[id]`) contain the query; empty
 * for a blank query.
 */
export function searchInstitutions(
  query: string,
  nodes: readonly Searchable[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): Set<string> {
  const q = normalizeName(query);
  const found = new Set<string>();
  if (q === '') return found;
  for (const node of nodes) {
    const names = [node.label, node.id, ...(aliases[node.id] ?? [])];
    if (names.some((name) => normalizeName(name).includes(q))) found.add(node.id);
  }
  return found;
}
