// Public API of @puente/charts: chart models (pure functions → plain data) and the Svelte components
// that draw them. Everything renders on the server.

export {
  OKABE_ITO,
  OTHER_COLOR,
  INSTITUTION_TYPE_COLORS,
  INSTITUTION_TYPE_ORDER,
  FONT_FAMILY,
  INK,
  categoryColors,
  type CategoryColor,
} from './palette.ts';

export {
  networkModel,
  defaultTicks,
  statusDash,
  statusStyle,
  PARTNERSHIP_STATUS_ORDER,
  PARTNERSHIP_STATUS_STYLES,
  type NetworkNode,
  type NetworkLink,
  type NetworkData,
  type NetworkOptions,
  type NetworkModel,
  type NetworkModelNode,
  type NetworkModelLink,
  type NetworkLegendModel,
  type NetworkLegendStatus,
  type StatusStyle,
  type LabelAnchor,
} from './network/model.ts';
export { betweenness } from './network/betweenness.ts';
export { networkEmphasis, type NetworkEmphasis } from './network/highlight.ts';
export { default as NetworkGraph } from './network/NetworkGraph.svelte';
export { default as NetworkLegend } from './network/NetworkLegend.svelte';
