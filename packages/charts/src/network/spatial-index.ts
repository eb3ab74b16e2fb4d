/**
 * Where the nodes and links of a laid-out network lie, so the canvas draws only what is in view and
 * the pointer finds the node under it without looking at every node. A uniform grid over the layout:
 * nodes go in the cell of their centre, links in the cells their bounding box covers (links spanning
 * many cells, common in large graphs, go in one list that is checked box by box instead).
 *
 * Rebuilt when the layout moves (positions come in from the layout worker, a node is dragged), not per
 * frame; queries write into arrays the caller owns and allocate nothing.
 */

/** About this many nodes per cell. */
const NODES_PER_CELL = 2;
/** Cells per side at most (the grid stays small whatever the graph). */
const MAX_CELLS_PER_SIDE = 512;
/** A link whose box covers more cells than this is checked by its box on every query instead. */
const MAX_LINK_CELLS = 64;

export class SpatialIndex {
  private x0 = 0;
  private y0 = 0;
  private cellW = 1;
  private cellH = 1;
  private cols = 1;
  private rows = 1;
  private maxRadius = 0;
  private nodeCount = 0;
  private linkCount = 0;
  private positions: ArrayLike<number> = [];
  private radii: ArrayLike<number> = [];
  private boxes: ArrayLike<number> = [];
  /** Nodes by cell: those of cell c are `nodeItems[nodeStart[c]]` up to `nodeItems[nodeStart[c + 1]]`. */
  private nodeStart = new Int32Array(2);
  private nodeItems = new Int32Array(0);
  private linkStart = new Int32Array(2);
  private linkItems = new Int32Array(0);
  private longLinks = new Int32Array(0);
  private longCount = 0;
  /** Per link, the query that last reported it (a link sits in several cells). */
  private seen = new Uint32Array(0);
  private query = 0;
  /** The cell range of the last `cover` (fields, not a returned tuple: queries run every frame). */
  private cx0 = 0;
  private cy0 = 0;
  private cx1 = 0;
  private cy1 = 0;
  private cursorBuffer = new Int32Array(0);

  /** Nodes indexed. */
  get nodes(): number {
    return this.nodeCount;
  }

  /** Links indexed. */
  get links(): number {
    return this.linkCount;
  }

  /**
   * Indexes nodes (`positions` `[x0, y0, …]`, `radii`) and links (`boxes` `[x0, y0, x1, y1, …]`, one
   * box per link). Keeps references to the arrays: rebuild when they change.
   */
  rebuild(positions: ArrayLike<number>, radii: ArrayLike<number>, boxes: ArrayLike<number>): void {
    const n = radii.length;
    const m = Math.floor(boxes.length / 4);
    this.positions = positions;
    this.radii = radii;
    this.boxes = boxes;
    this.nodeCount = n;
    this.linkCount = m;

    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let maxRadius = 0;
    for (let i = 0; i < n; i++) {
      const x = positions[2 * i]!;
      const y = positions[2 * i + 1]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (radii[i]! > maxRadius) maxRadius = radii[i]!;
    }
    if (!(x1 >= x0)) {
      x0 = y0 = 0;
      x1 = y1 = 1;
    }
    const w = Math.max(x1 - x0, 1e-6);
    const h = Math.max(y1 - y0, 1e-6);
    const side = Math.sqrt((w * h * NODES_PER_CELL) / Math.max(1, n));
    this.cols = Math.min(MAX_CELLS_PER_SIDE, Math.max(1, Math.round(w / side)));
    this.rows = Math.min(MAX_CELLS_PER_SIDE, Math.max(1, Math.round(h / side)));
    this.x0 = x0;
    this.y0 = y0;
    this.cellW = w / this.cols;
    this.cellH = h / this.rows;
    this.maxRadius = maxRadius;
    const cells = this.cols * this.rows;

    // Nodes: count per cell, then fill (a counting sort; cells keep node order).
    const nodeStart = (this.nodeStart = fit(this.nodeStart, cells + 1));
    nodeStart.fill(0, 0, cells + 1);
    for (let i = 0; i < n; i++) nodeStart[this.cellOf(positions[2 * i]!, positions[2 * i + 1]!) + 1]!++;
    for (let c = 0; c < cells; c++) nodeStart[c + 1]! += nodeStart[c]!;
    const nodeItems = (this.nodeItems = fit(this.nodeItems, n));
    const cursor = this.cursor(cells);
    cursor.set(nodeStart.subarray(0, cells));
    for (let i = 0; i < n; i++)
      nodeItems[cursor[this.cellOf(positions[2 * i]!, positions[2 * i + 1]!)]!++] = i;

    // Links: the same over the cells of each box, but the long ones go in a list of their own.
    const linkStart = (this.linkStart = fit(this.linkStart, cells + 1));
    linkStart.fill(0, 0, cells + 1);
    let long = 0;
    for (let j = 0; j < m; j++) {
      this.cover(boxes[4 * j]!, boxes[4 * j + 1]!, boxes[4 * j + 2]!, boxes[4 * j + 3]!);
      const { cx0, cy0, cx1, cy1 } = this;
      if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_LINK_CELLS) {
        long++;
        continue;
      }
      for (let cy = cy0; cy <= cy1; cy++)
        for (let cx = cx0; cx <= cx1; cx++) linkStart[cy * this.cols + cx + 1]!++;
    }
    for (let c = 0; c < cells; c++) linkStart[c + 1]! += linkStart[c]!;
    const linkItems = (this.linkItems = fit(this.linkItems, linkStart[cells]!));
    const longLinks = (this.longLinks = fit(this.longLinks, long));
    this.longCount = 0;
    cursor.set(linkStart.subarray(0, cells));
    for (let j = 0; j < m; j++) {
      this.cover(boxes[4 * j]!, boxes[4 * j + 1]!, boxes[4 * j + 2]!, boxes[4 * j + 3]!);
      const { cx0, cy0, cx1, cy1 } = this;
      if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_LINK_CELLS) {
        longLinks[this.longCount++] = j;
        continue;
      }
      for (let cy = cy0; cy <= cy1; cy++)
        for (let cx = cx0; cx <= cx1; cx++) linkItems[cursor[cy * this.cols + cx]!++] = j;
    }
    if (this.seen.length < m) {
      this.seen = new Uint32Array(m);
      this.query = 0;
    }
  }

  /**
   * Writes into `out` the nodes whose disc meets the box [x0, x1] × [y0, y1] (their bounding square
   * does), in no particular order; returns how many. `out` must hold as many as there are nodes.
   */
  nodesIn(x0: number, y0: number, x1: number, y1: number, out: Int32Array): number {
    const { positions, radii, nodeStart, nodeItems } = this;
    const pad = this.maxRadius;
    this.cover(x0 - pad, y0 - pad, x1 + pad, y1 + pad);
    const { cx0, cy0, cx1, cy1 } = this;
    let count = 0;
    for (let cy = cy0; cy <= cy1; cy++)
      for (let c = cy * this.cols + cx0, end = cy * this.cols + cx1; c <= end; c++)
        for (let k = nodeStart[c]!, stop = nodeStart[c + 1]!; k < stop; k++) {
          const i = nodeItems[k]!;
          const x = positions[2 * i]!;
          const y = positions[2 * i + 1]!;
          const r = radii[i]!;
          if (x + r >= x0 && x - r <= x1 && y + r >= y0 && y - r <= y1) out[count++] = i;
        }
    return count;
  }

  /**
   * Writes into `out` the links whose bounding box meets the box, in no particular order; returns how
   * many. `out` must hold as many as there are links.
   */
  linksIn(x0: number, y0: number, x1: number, y1: number, out: Int32Array): number {
    const { boxes, linkStart, linkItems, longLinks, seen } = this;
    const stamp = this.nextQuery();
    const meets = (j: number) =>
      boxes[4 * j]! <= x1 && boxes[4 * j + 2]! >= x0 && boxes[4 * j + 1]! <= y1 && boxes[4 * j + 3]! >= y0;
    let count = 0;
    this.cover(x0, y0, x1, y1);
    const { cx0, cy0, cx1, cy1 } = this;
    for (let cy = cy0; cy <= cy1; cy++)
      for (let c = cy * this.cols + cx0, end = cy * this.cols + cx1; c <= end; c++)
        for (let k = linkStart[c]!, stop = linkStart[c + 1]!; k < stop; k++) {
          const j = linkItems[k]!;
          if (seen[j] === stamp) continue;
          seen[j] = stamp;
          if (meets(j)) out[count++] = j;
        }
    for (let k = 0; k < this.longCount; k++) {
      const j = longLinks[k]!;
      if (meets(j)) out[count++] = j;
    }
    return count;
  }

  /**
   * The node under a point: the nearest whose disc, widened by `tolerance`, holds it; -1 if none. The
   * same answer as `nodeAt` in viewport.ts (among equals the later node, drawn on top, wins).
   */
  nodeAt(x: number, y: number, tolerance = 0): number {
    const { positions, radii, nodeStart, nodeItems } = this;
    const pad = this.maxRadius + tolerance;
    this.cover(x - pad, y - pad, x + pad, y + pad);
    const { cx0, cy0, cx1, cy1 } = this;
    let best = -1;
    let bestDistance = Infinity;
    for (let cy = cy0; cy <= cy1; cy++)
      for (let c = cy * this.cols + cx0, end = cy * this.cols + cx1; c <= end; c++)
        for (let k = nodeStart[c]!, stop = nodeStart[c + 1]!; k < stop; k++) {
          const i = nodeItems[k]!;
          const dx = positions[2 * i]! - x;
          const dy = positions[2 * i + 1]! - y;
          const r = radii[i]!;
          const d2 = dx * dx + dy * dy;
          if (d2 > (r + tolerance) * (r + tolerance)) continue;
          const distance = d2 - r * r;
          if (distance < bestDistance || (distance === bestDistance && i > best)) {
            best = i;
            bestDistance = distance;
          }
        }
    return best;
  }

  private nextQuery(): number {
    this.query = (this.query + 1) >>> 0;
    if (this.query === 0) {
      this.seen.fill(0);
      this.query = 1;
    }
    return this.query;
  }

  private cellOf(x: number, y: number): number {
    const cx = clampCell(Math.floor((x - this.x0) / this.cellW), this.cols);
    const cy = clampCell(Math.floor((y - this.y0) / this.cellH), this.rows);
    return cy * this.cols + cx;
  }

  /** The cells a box covers (into cx0…cy1), clamped to the grid: what lies outside it is in the edge cells. */
  private cover(x0: number, y0: number, x1: number, y1: number): void {
    this.cx0 = clampCell(Math.floor((x0 - this.x0) / this.cellW), this.cols);
    this.cy0 = clampCell(Math.floor((y0 - this.y0) / this.cellH), this.rows);
    this.cx1 = clampCell(Math.floor((x1 - this.x0) / this.cellW), this.cols);
    this.cy1 = clampCell(Math.floor((y1 - this.y0) / this.cellH), this.rows);
  }

  private cursor(cells: number): Int32Array {
    if (this.cursorBuffer.length < cells) this.cursorBuffer = new Int32Array(cells);
    return this.cursorBuffer;
  }
}

function clampCell(c: number, count: number): number {
  return c < 0 ? 0 : c >= count ? count - 1 : c | 0;
}

/** `buffer` if it holds `length` items, else a new one that does (buffers are reused across rebuilds). */
function fit(buffer: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  return buffer.length >= length ? buffer : new Int32Array(Math.max(length, Math.ceil(buffer.length * 1.5)));
}
