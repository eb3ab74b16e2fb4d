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
} from './palette.js';

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
} from './network/model.js';
export { betweenness } from './network/betweenness.js';
export { networkEmphasis, type NetworkEmphasis } from './network/highlight.js';
export { default as NetworkGraph } from './network/NetworkGraph.svelte';
export { default as NetworkLegend } from './network/NetworkLegend.svelte';

export {
  trainingModel,
  RATE_COLOR,
  type TrainingRecord,
  type TrainingOptions,
  type TrainingModel,
  type TrainingSeries,
  type TrainingBar,
  type TrainingYear,
  type AxisTick,
  type LegendItem,
} from './training/model.js';
export { default as TrainingChart } from './training/TrainingChart.svelte';

export {
  progressModel,
  PIPELINE_STAGES,
  ASIDE_STATUSES,
  type ProgressRecord,
  type ProgressOptions,
  type ProgressModel,
  type ProgressStage,
  type ProgressAside,
} from './progress/model.js';
export { default as ProgressFunnel } from './progress/ProgressFunnel.svelte';
