import { describe, expect, it } from 'vitest';
import { normalizeName, searchInstitutions } from './search';

const nodes = [
  { id: 'cife-fuenlabrada', label: 'Centre for Training and Employment Initiatives (CIFE)' },
  { id: 'hangzhou-drc', label: 'Hangzhou Development and Reform Commission' },
  { id: 'alibaba', label: 'Alibaba Group' },
];
const aliases = {
  'cife-fuenlabrada': ['Centro de Iniciativas para la Formación y el Empleo (CIFE)'],
  'hangzhou-drc': ['杭州市发展和改革委员会', 'Comisión de Desarrollo y Reforma de Hangzhou'],
  alibaba: ['阿里巴巴集团', 'Grupo Alibaba'],
};

describe('normalizeName(text)', () => {
  it('ignores case, accents and repeated spaces', () => {
    expect(normalizeName('  Formación   y EMPLEO ')).toBe('formacion y empleo');
    expect(normalizeName('Comisión')).toBe(normalizeName('comision'));
  });
});

describe('searchInstitutions(query, nodes, aliases)', () => {
  it('finds institutions by the label the reader sees', () => {
    expect([...searchInstitutions('cife', nodes, aliases)]).toEqual(['cife-fuenlabrada']);
  });

  it('finds institutions by a name in another language, without accents', () => {
    expect([...searchInstitutions('formacion', nodes, aliases)]).toEqual(['cife-fuenlabrada']);
    expect([...searchInstitutions('阿里巴巴', nodes, aliases)]).toEqual(['alibaba']);
    expect([...searchInstitutions('杭州', nodes, aliases)]).toEqual(['hangzhou-drc']);
  });

  it('finds several, and nothing for a blank query', () => {
    expect(searchInstitutions('hangzhou', nodes, aliases).size).toBe(1);
    expect(searchInstitutions('a', nodes, aliases).size).toBe(3);
    expect(searchInstitutions('   ', nodes, aliases).size).toBe(0);
  });
});
