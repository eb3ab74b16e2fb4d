import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou } from '../../test/fixtures.js';
import { networkModel } from './model.js';
import NetworkGraph from './NetworkGraph.svelte';
import NetworkLegend from './NetworkLegend.svelte';

const model = networkModel(fuenlabradaHangzhou, { width: 640, height: 400, seed: 1 });

function renderGraph(props: Partial<Parameters<typeof NetworkGraph>[1]> = {}) {
  return render(NetworkGraph, {
    props: {
      model,
      title: 'Who works with whom',
      description: 'Fuenlabrada – Hangzhou partnerships',
      ...props,
    },
  }).body;
}

describe('NetworkGraph (server-rendered)', () => {
  it('matches the stored SVG snapshot', async () => {
    await expect(renderGraph()).toMatchFileSnapshot('./__snapshots__/network-graph.svg');
  });

  it('matches the stored SVG snapshot of the bridge layout', async () => {
    const bridge = networkModel(fuenlabradaHangzhou, { width: 640, height: 400, layout: 'bridge' });
    await expect(renderGraph({ model: bridge })).toMatchFileSnapshot(
      './__snapshots__/network-graph-bridge.svg',
    );
  });

  it('marks a label shown untranslated with the language it is in, and only that one', () => {
    const data = {
      ...fuenlabradaHangzhou,
      nodes: fuenlabradaHangzhou.nodes.map((n) =>
        n.id === 'fue-council' ? { ...n, label: 'Ayuntamiento de Fuenlabrada', labelLang: 'es' } : n,
      ),
    };
    const html = renderGraph({ model: networkModel(data, { width: 640, height: 400, seed: 1 }) });
    expect(html).toMatch(/<text data-label="fue-council" lang="es"[^>]*>(<[^>]*>)*Ayuntamiento/u);
    expect(html).toMatch(/<text data-label="fue-cife" x=/u);
  });

  it('is an accessible image with a title and description', () => {
    const html = renderGraph();
    expect(html).toMatch(/<svg[^>]*role="img"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`<title id="${labelledBy}">Who works with whom</title>`);
    expect(html).toContain('Fuenlabrada – Hangzhou partnerships</desc>');
  });

  it('marks every node and link with its id', () => {
    const html = renderGraph();
    for (const node of model.nodes) expect(html).toContain(`data-node="${node.id}"`);
    for (const link of model.links) expect(html).toContain(`data-link="${link.id}"`);
  });

  it('escapes text instead of injecting it as markup', () => {
    const evil = networkModel(
      {
        nodes: [
          {
            id: 'x',
            label: '<script>alert(1)</script>',
            city: 'A',
            country: 'ES',
            type: 'other',
            trained: 1,
          },
        ],
        links: [],
      },
      { width: 200, height: 200 },
    );
    const html = renderGraph({ model: evil, title: '<b>t</b>' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script>');
  });

  it('dims what is not highlighted', () => {
    const html = renderGraph({ highlight: ['fue-smes'] });
    expect(html).toMatch(/data-node="fue-smes"[^>]*opacity="1"/);
    expect(html).toMatch(/data-node="fue-council"[^>]*opacity="0.15"/);
  });

  it('makes nodes keyboard-reachable buttons when onselect is given', () => {
    const html = renderGraph({ onselect: () => {} });
    expect(html).toMatch(/<svg[^>]*role="group"/);
    expect(html).toMatch(/data-node="fue-cife"[^>]*role="button"[^>]*tabindex="0"/);
  });
});

describe('NetworkGraph: what the network page adds', () => {
  it('draws zoom and pan as a transform of the content', () => {
    expect(renderGraph()).not.toContain('scale(');
    expect(renderGraph({ viewport: { x: 10, y: -5, k: 2 } })).toContain(
      'transform="translate(10,-5) scale(2)"',
    );
  });

  it('rings marked nodes and the selection, and tags them', () => {
    const html = renderGraph({ marked: ['fue-cife', 'hz-bureau'], selected: 'hz-academy' });
    expect(html.match(/data-marked=""/g)).toHaveLength(2);
    expect(html).toMatch(/data-node="hz-academy"[^>]*data-selected=""/);
    expect(html.match(/data-ring="mark"/g)).toHaveLength(2);
    expect(html.match(/data-ring="selected"/g)).toHaveLength(1);
  });

  it('draws context institutions hollow', () => {
    const context = networkModel(
      {
        ...fuenlabradaHangzhou,
        nodes: fuenlabradaHangzhou.nodes.map((n) => ({ ...n, matched: n.id !== 'fue-council' })),
      },
      { width: 640, height: 400, seed: 1 },
    );
    const html = renderGraph({ model: context });
    expect(html).toMatch(
      /data-node="fue-council" data-context=""[^>]*>(<!--[^>]*-->)?<circle r="4" fill="#ffffff" stroke="#0072B2"/,
    );
    expect(html.match(/data-context/g)).toHaveLength(1);
  });

  it('has one tab stop when told which (arrow keys move between nodes)', () => {
    const html = renderGraph({ onselect: () => {}, tabbable: 'hz-bureau' });
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/data-node="hz-bureau"[^>]*tabindex="0"/);
    expect(html.match(/tabindex="-1"/g)).toHaveLength(model.nodes.length - 1);
  });

  it('leaves native tooltips out when the page shows its own, keeping accessible names', () => {
    const html = renderGraph({ onselect: () => {}, tooltips: false, describeNode: (n) => `Name ${n.id}` });
    expect(html).not.toMatch(/<title>(?!Who works)/);
    expect(html).toContain('aria-label="Name fue-cife"');
  });

  it('sets labels at the model size, long ones on two lines', () => {
    const wide = networkModel(
      {
        nodes: [
          {
            id: 'drc',
            label: 'Hangzhou Development and Reform Commission',
            city: 'Hangzhou',
            country: 'CN',
            type: 'government',
            trained: 0,
          },
        ],
        links: [],
      },
      { width: 960, height: 560, labelSize: 15 },
    );
    const html = renderGraph({ model: wide });
    expect(html).toContain('font-size="15"');
    expect(html).toMatch(
      /<tspan x="[\d.]+">Hangzhou Development<\/tspan><tspan x="[\d.]+" dy="1.15em">and Reform Commission<\/tspan>/,
    );
  });
});

describe('NetworkLegend (server-rendered)', () => {
  it('lists colours, statuses and sizes as text', () => {
    const html = render(NetworkLegend, { props: { legend: model.legend } }).body;
    expect(html).toContain('aria-label="Legend"');
    expect(html).toContain('Fuenlabrada');
    expect(html).toContain('negotiating');
    expect(html).toMatch(/\d+ enrolments/);
  });

  it('explains hollow context nodes when there are some', () => {
    const legend = { ...model.legend, context: true };
    const html = render(NetworkLegend, {
      props: { legend, labels: { context: 'Socio fuera de los filtros' } },
    }).body;
    expect(html).toContain('data-legend="context"');
    expect(html).toContain('Socio fuera de los filtros');
    expect(render(NetworkLegend, { props: { legend: model.legend } }).body).not.toContain(
      'data-legend="context"',
    );
  });

  it('takes localised headings and entries', () => {
    const html = render(NetworkLegend, {
      props: {
        legend: model.legend,
        title: 'Leyenda',
        labels: {
          color: 'Ciudad',
          statusName: (status: string) => (status === 'active' ? 'activa' : status),
          sizeName: (value: number) => `${value} inscripciones`,
        },
      },
    }).body;
    expect(html).toContain('aria-label="Leyenda"');
    expect(html).toContain('Ciudad');
    expect(html).toContain('activa');
    expect(html).toMatch(/\d+ inscripciones/);
  });

  it("names colours in the reader's language, marking an untranslated name with its own lang", () => {
    const html = render(NetworkLegend, {
      props: {
        legend: model.legend,
        labels: {
          colorName: (key: string) => (key === 'Hangzhou' ? '杭州' : key),
          colorLang: (key: string) => (key === 'Hangzhou' ? undefined : 'es'),
        },
      },
    }).body;
    expect(html).toMatch(/<span data-legend-color="Hangzhou">杭州<\/span>/u);
    expect(html).toMatch(/<span data-legend-color="Fuenlabrada" lang="es">Fuenlabrada<\/span>/u);
  });
});
