/**
 * Key figures as a chart: tiles in a grid, each a label, a figure and a line of detail, laid out for SVG so the
 * figures can be exported and embedded like the other charts.
 */
import { estimateTextWidth } from '../text.js';
import { fitText } from '../training/fit.js';

export interface KeyFigure {
  key: string;
  label: string;
  /** The figure as written (already formatted in the reader's language). */
  value: string;
  detail?: string | null;
  /** The figure includes estimated or illustrative values (drawn with a ◇). */
  marked?: boolean;
}

export interface FiguresOptions {
  width?: number;
  /** Tiles per row at most. */
  columns?: number;
}

export interface FigureTile extends KeyFigure {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The detail as drawn: cut with "…" to the tile's width (the full text is the tile's tooltip). */
  detailShown: string | null;
  valueSize: number;
}

export interface FiguresModel {
  width: number;
  height: number;
  tiles: FigureTile[];
}

const GAP = 12;
const TILE_HEIGHT = 96;
const PAD = 14;

export function figuresModel(figures: readonly KeyFigure[], options: FiguresOptions = {}): FiguresModel {
  const width = options.width ?? 960;
  const columns = Math.max(1, Math.min(options.columns ?? 3, figures.length || 1));
  const tileWidth = (width - GAP * (columns - 1)) / columns;
  const inner = tileWidth - 2 * PAD;
  const tiles = figures.map((figure, i) => {
    // A long figure is drawn smaller rather than cut: a number is never shortened.
    const valueSize = Math.max(
      14,
      Math.min(30, (30 * inner) / Math.max(1, estimateTextWidth(figure.value, 30))),
    );
    return {
      ...figure,
      x: (i % columns) * (tileWidth + GAP),
      y: Math.floor(i / columns) * (TILE_HEIGHT + GAP),
      width: tileWidth,
      height: TILE_HEIGHT,
      detailShown: figure.detail ? fitText(figure.detail, inner, 11) : null,
      valueSize,
    };
  });
  const rows = Math.ceil(figures.length / columns);
  return { width, height: Math.max(TILE_HEIGHT, rows * TILE_HEIGHT + (rows - 1) * GAP), tiles };
}

export const FIGURE_PADDING = PAD;
