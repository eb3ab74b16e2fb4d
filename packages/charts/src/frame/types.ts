/** Shapes the chart frame's parts (axes, legend) draw, shared by every chart model that lays them out. */

export interface AxisTick {
  value: number;
  /** Position along the axis (y for vertical axes, x for horizontal ones). */
  position: number;
}

/** The plotting area inside a chart's box, px. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A bar of enrolments as a model places it, with its illustrative and estimated shares (the contract's `source`). */
export interface ProvenanceBar {
  year: number;
  x: number;
  y: number;
  width: number;
  height: number;
  trainees: number;
  /** Of `trainees`, those estimated and those illustrative: drawn dotted and hatched from the bar's top. */
  estimated: number;
  illustrative: number;
}

/** A legend entry, placed by the model: a swatch at (x, y), its label after it. */
export interface LegendEntry {
  key: string;
  /** The label as drawn (perhaps cut with "…"). */
  label: string;
  /** The full label, a tooltip when it differs from `label`. */
  title?: string;
  /** The `lang` of the label when it is not in the page's language (a name from the data shown untranslated). */
  lang?: string;
  x: number;
  y: number;
}

/** What every static chart is told besides its model: its words, and how to write numbers and dates. */
export interface ChartText {
  /** Accessible name (the SVG's <title>). */
  title: string;
  /** Accessible description; defaults to a summary in English. */
  description?: string;
  /** Visible line under the chart, e.g. source and data version. */
  caption?: string;
  /** Locale of numbers, percentages and dates. Default 'en'. */
  locale?: string;
}
