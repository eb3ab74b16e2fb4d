/**
 * A chart as PNG: its SVG file (svg.ts) drawn by resvg with the fonts that ship with the app (Noto Sans SC, which
 * covers Latin and Chinese), never the machine's own, so a picture looks the same on every server.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { PNG_RATIOS, type PngRatio } from '$lib/charts/catalogue';
import type { ChartFile } from './svg';

const require = createRequire(import.meta.url);
const FONTS = ['400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`),
);

export interface PngShape {
  /** 1 or 2: pixels per SVG unit (2 for sharp slides). */
  scale: 1 | 2;
  /** Fit the chart, centred on white, into a picture of this shape; its own shape when null. */
  ratio: PngRatio | null;
}

export const pngSize = (file: Pick<ChartFile, 'width' | 'height'>, { scale, ratio }: PngShape) => {
  const [width, height] = ratio ? PNG_RATIOS[ratio] : [file.width, file.height];
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
};

export async function chartPng(file: ChartFile, shape: PngShape): Promise<Buffer> {
  const size = pngSize(file, shape);
  // The file's viewBox is fitted ("meet") into the picture and centred; what is left over is white.
  const svg = file.svg.replace(
    /^(<\?xml[^>]*>\s*<svg\b[^>]*?) width="[\d.]+" height="[\d.]+"/,
    `$1 width="${size.width}" height="${size.height}"`,
  );
  const options: ResvgRenderOptions = {
    background: '#ffffff',
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
  };
  const image = await renderAsync(svg, options);
  return image.asPng();
}
