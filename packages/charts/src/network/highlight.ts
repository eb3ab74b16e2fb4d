/** Which nodes and links stay at full strength when some ids are highlighted; null when none are. */
export interface NetworkEmphasis {
  nodes: Record<string, true>;
  links: Record<string, true>;
}

/**
 * Resolves a highlight (node and/or link ids) to what the chart emphasises: a highlighted node brings
 * its partnerships and partners with it (its ego network); a highlighted link brings both ends.
 * Everything else is dimmed. An empty or missing highlight emphasises everything (returns null).
 */
export function networkEmphasis(
  model: { links: ReadonlyArray<{ id: string; source: string; target: string }> },
  highlight: Iterable<string> | undefined | null,
): NetworkEmphasis | null {
  if (!highlight) return null;
  const ids = new Set(highlight);
  if (ids.size === 0) return null;
  const nodes: Record<string, true> = {};
  const links: Record<string, true> = {};
  for (const link of model.links) {
    if (ids.has(link.id) || ids.has(link.source) || ids.has(link.target)) {
      links[link.id] = true;
      nodes[link.source] = true;
      nodes[link.target] = true;
    }
  }
  for (const id of ids) if (!(id in links)) nodes[id] = true;
  return { nodes, links };
}
