import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { render } from 'svelte/server';
import { it, expect } from 'vitest';
import { networkModel, type NetworkData } from './model.js';
import NetworkGraph from './NetworkGraph.svelte';

const read = (t: string) =>
  Papa.parse<Record<string, string>>(readFileSync(`/work/main/data/${t}.csv`, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

function sample(lang: 'en' | 'es' | 'zh'): NetworkData {
  const inst = read('institutions');
  const parts = read('partnerships');
  const train = read('training');
  const trained = new Map<string, number>();
  for (const t of train) trained.set(t.institution!, (trained.get(t.institution!) ?? 0) + Number(t.trainees));
  return {
    nodes: inst.map((r) => ({
      id: r.id!,
      label: r[`name_${lang}`] || r.name!,
      city: r.city!,
      country: r.country!,
      type: r.type!,
      trained: trained.get(r.id!) ?? 0,
    })),
    links: parts.map((p) => ({
      id: p.id!,
      source: p.source!,
      target: p.target!,
      status: p.status!,
      area: p.area!,
      milestones: 1,
    })),
  };
}

it('preview', () => {
  const cfgs = (process.env.PREVIEW ?? 'en:960:560:force').split(',');
  for (const cfg of cfgs) {
    const [lang, w, h, layout, color] = cfg.split(':');
    const model = networkModel(sample(lang as 'en'), {
      width: Number(w),
      height: Number(h),
      layout: layout as 'force',
      colorBy: (color as 'type') ?? 'city',
    });
    const svg = render(NetworkGraph, { props: { model, title: 't' } }).body.replace(/<!--[^>]*-->/g, '');
    writeFileSync(
      `/tmp/net/prev-${cfg.replaceAll(':', '-')}.html`,
      `<html><body style="margin:0;background:#fff">${svg}</body></html>`,
    );
  }
  expect(1).toBe(1);
});
