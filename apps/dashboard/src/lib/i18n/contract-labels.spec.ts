import { describe, expect, it } from 'vitest';
import { CONTRACT_ENUMS, type ContractEnum } from './contract-labels.js';
import { LOCALES } from './locales.js';
import { catalogues } from './messages/index.js';
import { translator } from './translator.js';

const enums = Object.entries(CONTRACT_ENUMS) as [ContractEnum, readonly string[]][];

describe('labels of the CSV contract’s enum values', () => {
  it('every value of every contract enum has a label in en, es and zh', () => {
    for (const locale of LOCALES) {
      const messages: Record<string, string> = catalogues[locale];
      const { labels } = translator(locale);
      for (const [name, values] of enums) {
        for (const value of values) {
          const label = messages[`${name}.${value}`];
          expect([locale, name, value, label?.trim() ? 'labelled' : 'missing']).toEqual([
            locale,
            name,
            value,
            'labelled',
          ]);
          expect(labels[name](value)).toBe(label);
        }
      }
    }
  });

  it('no label is left over for a value the contract does not have', () => {
    for (const [name, values] of enums) {
      const labelled = Object.keys(catalogues.en)
        .filter((key) => key.startsWith(`${name}.`))
        .map((key) => key.slice(name.length + 1));
      expect([name, labelled.sort()]).toEqual([name, [...values].sort()]);
    }
  });

  it('shows a value outside the contract as it is', () => {
    expect(translator('es').labels.type('cooperative')).toBe('cooperative');
    expect(translator('es').labels.status('active')).toBe('Activa');
  });
});
