import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { fuenlabradaHangzhou } from '../../test/fixtures.js';
import { networkModel } from './model.js';
import NetworkTable from './NetworkTable.svelte';

const model = networkModel(fuenlabradaHangzhou, { width: 640, height: 400 });

function renderTable(props: Partial<Parameters<typeof NetworkTable>[1]> = {}) {
  return render(NetworkTable, { props: { nodes: model.nodes, links: model.links, ...props } }).body;
}

/** The text of the row of an institution, tags and Svelte's markers left out. */
function rowText(html: string, id: string): string {
  const row = new RegExp(`<tr data-row="${id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
  return row
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('NetworkTable (server-rendered)', () => {
  it('has a row per institution, in the order given', () => {
    const html = renderTable();
    const ids = [...html.matchAll(/<tr data-row="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(model.nodes.map((n) => n.id));
    const reversed = renderTable({ rows: [...model.nodes].reverse().slice(0, 2) });
    expect([...reversed.matchAll(/<tr data-row="([^"]+)"/g)].map((m) => m[1])).toEqual(
      model.nodes
        .map((n) => n.id)
        .reverse()
        .slice(0, 2),
    );
  });

  it('names each partner with the status of the partnership, in the reader’s words', () => {
    const html = renderTable({
      statusName: (s) => (s === 'active' ? 'activa' : s),
      typeName: (t) => `type:${t}`,
      locale: 'es',
    });
    const cife = rowText(html, 'fue-cife');
    expect(cife).toBe(
      'CIFE Fuenlabrada type:agency 420 Fuenlabrada City Council (activa) ; 杭州培训公司 (paused) ; ' +
        'Cross-border E-commerce Academy (activa) ; Cross-border E-commerce Academy (proposed)',
    );
  });

  it('lists partners with the area when asked, and links names where an address is given', () => {
    const html = renderTable({
      areaName: (a) => a.replace('_', ' '),
      href: (n) => (n.id === 'fue-cife' ? null : `/institutions/${n.id}`),
    });
    expect(html).toContain('<li>Cross-border E-commerce Academy: joint training (active)</li>');
    expect(html).toContain('<a href="/institutions/hz-academy">');
    expect(html).not.toContain('href="/institutions/fue-cife"');
  });

  it('adds degree and betweenness, and a details cell, when asked', () => {
    const plain = renderTable();
    expect(plain).not.toContain('Betweenness');
    const show = createRawSnippet((node: () => { id: string }) => ({
      render: () => `<a href="?selected=${node().id}">Show</a>`,
    }));
    const html = renderTable({
      metrics: true,
      details: show,
      caption: 'Institutions',
      labels: { betweennessHelp: 'How often it lies between two others' },
    });
    const hub = model.nodes.find((n) => n.id === 'hz-academy')!;
    expect(rowText(html, 'hz-academy')).toContain(`${hub.degree} ${hub.betweenness.toFixed(2)}`);
    expect(html).toContain('<a href="?selected=hz-academy">Show</a>');
    expect(html).toContain('title="How often it lies between two others"');
    expect(html).toContain('<caption class="visually-hidden');
  });
});
