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
  domainColors,
  DISTINCT_COLORS,
  TOL_MUTED,
  type CategoryColor,
  type ColorMap,
} from './palette.js';

export { networkModel, modelFromScene, scenePositions, moveNode } from './network/model.js';
export {
  networkScene,
  reboxScene,
  sceneData,
  forceInput,
  defaultTicks,
  browserTicks,
  defaultLabelSize,
} from './network/scene.js';
export { linkCurve, curvePath, type LinkCurve } from './network/links.js';
export {
  linkFade,
  statusDash,
  statusStyle,
  PARTNERSHIP_STATUS_ORDER,
  PARTNERSHIP_STATUS_STYLES,
} from './network/style.js';
export type {
  NetworkNode,
  NetworkLink,
  NetworkData,
  NetworkOptions,
  NetworkModel,
  NetworkModelNode,
  NetworkModelLink,
  NetworkHeading,
  NetworkScene,
  NetworkSceneNode,
  NetworkSceneLink,
  NetworkLegendModel,
  NetworkLegendStatus,
  SizeBy,
  ColorBy,
  StatusStyle,
  LabelAnchor,
} from './network/types.js';
export { wrapLabel } from './network/labels.js';
export { betweenness } from './network/betweenness.js';
export { networkEmphasis, type NetworkEmphasis } from './network/highlight.js';
export { default as NetworkGraph } from './network/NetworkGraph.svelte';
export { default as NetworkLegend } from './network/NetworkLegend.svelte';
export { default as NetworkCanvas } from './network/NetworkCanvas.svelte';
export { default as NetworkTable } from './network/NetworkTable.svelte';
export { drawNetwork, type CanvasFrame, type CanvasSurface } from './network/canvas.js';
export { SpatialIndex } from './network/spatial-index.js';
export {
  IDENTITY,
  ZOOM_LIMITS,
  ZOOM_STEP,
  centreOn,
  constrain,
  isZoomed,
  nearestInDirection,
  nodeAt,
  panBy,
  toModel,
  toView,
  wheelFactor,
  zoomAt,
  type Direction,
  type NodeGeometry,
  type Point,
  type Viewport,
} from './network/viewport.js';
export { networkPointer, type PointerOptions } from './network/interaction.js';
export { packScene, unpackScene, type PackedScene } from './network/pack.js';
export {
  startLayout,
  type LayoutJob,
  type LayoutOptions,
  type LayoutUpdate,
} from './network/layout-client.js';

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
  type YearCompletion,
} from './training/model.js';
export { default as TrainingChart } from './training/TrainingChart.svelte';
export {
  cityTrainingModel,
  type CityTrainingRecord,
  type CityTrainingOptions,
  type CityTrainingModel,
  type CityPanel,
  type CityBar,
} from './training/cities.js';
export { default as CityTrainingChart } from './training/CityTrainingChart.svelte';
export {
  completionModel,
  ALL_KEY as COMPLETION_ALL_KEY,
  type CompletionRecord,
  type CompletionOptions,
  type CompletionModel,
  type CompletionSeries,
  type CompletionPoint,
} from './training/completion.js';
export { default as CompletionChart } from './training/CompletionChart.svelte';
export { fitText } from './training/fit.js';
export { estimateTextWidth } from './text.js';

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

export {
  timelineModel,
  markKind,
  MARK_COLORS,
  type TimelineRow,
  type TimelineMilestone,
  type TimelineOptions,
  type TimelineModel,
  type TimelineRowModel,
  type TimelineMark,
  type TimelineTick,
  type LegendKey,
  type MarkKind,
} from './timeline/model.js';
export { default as MilestoneTimeline } from './timeline/MilestoneTimeline.svelte';
export {
  upcomingMilestones,
  type Upcoming,
  type UpcomingOptions,
  type DatedMilestone,
} from './timeline/upcoming.js';
export { isIsoDate, addDays, daysBetween } from './timeline/dates.js';

export {
  figuresModel,
  type KeyFigure,
  type FiguresModel,
  type FiguresOptions,
  type FigureTile,
} from './figures/model.js';
export { default as KeyFigures } from './figures/KeyFigures.svelte';
