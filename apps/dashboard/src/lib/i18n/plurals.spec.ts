import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales.js';
import { catalogues, type MessageKey } from './messages/index.js';
import { translator } from './translator.js';

/**
 * Arguments that carry text (names, dates, years as labels, pre-formatted parts) or identifiers (a row or line
 * number, as a spreadsheet shows it); every other argument is a count.
 */
const TEXT_ARGUMENTS = new Set([
  'area',
  'basis',
  'change',
  'city',
  'code',
  'column',
  'country',
  'date',
  'encoding',
  'facts',
  'file',
  'from',
  'group',
  'hemisphere',
  'keys',
  'latitude',
  'line',
  'longitude',
  'name',
  'names',
  'peakYear',
  'percent',
  'previous',
  'query',
  'rate',
  'ratio',
  'role',
  'row',
  'scale',
  'source',
  'stages',
  'status',
  'table',
  'target',
  'title',
  'to',
  'topic',
  'type',
  'until',
  'url',
  'user',
  'value',
  'version',
  'year',
]);

/** Words that may follow a count in Spanish whatever its number: prepositions, adverbs, symbols. */
const INVARIANT = new Set([
  'de',
  'del',
  'con',
  'según',
  'en',
  'más',
  'ahora',
  'y',
  'o',
  '·',
  '%',
  ')',
  ';',
  ',',
  '.',
  '…',
]);

interface Use {
  name: string;
  /** How the message writes it: as a plain `{n}`, as `{n, number}`, or as a plural (`#` inside). */
  as: 'plain' | 'number' | 'plural';
  /** The literal text right after it, when it is a plain or number argument. */
  next: string;
}

function uses(elements: MessageFormatElement[], out: Use[] = []): Use[] {
  elements.forEach((el, i) => {
    const following = elements[i + 1];
    const next = following?.type === TYPE.literal ? following.value : '';
    if (el.type === TYPE.argument) out.push({ name: el.value, as: 'plain', next });
    else if (el.type === TYPE.number) out.push({ name: el.value, as: 'number', next });
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      if (el.type === TYPE.plural) out.push({ name: el.value, as: 'plural', next });
      for (const option of Object.values(el.options)) uses(option.value, out);
    } else if (el.type === TYPE.tag) uses(el.children, out);
  });
  return out;
}

const keys = Object.keys(catalogues.en) as MessageKey[];
const counts = (key: MessageKey, locale: (typeof LOCALES)[number]) =>
  uses(parse(catalogues[locale][key])).filter((u) => !TEXT_ARGUMENTS.has(u.name));

describe('numbers in messages', () => {
  it('every count is formatted as a number (grouped: 12,500 家机构), never spliced in as it is', () => {
    const plain = LOCALES.flatMap((locale) =>
      keys.flatMap((key) =>
        counts(key, locale)
          .filter((u) => u.as === 'plain')
          .map((u) => `${locale} ${key}: {${u.name}}`),
      ),
    );
    expect(plain).toEqual([]);
  });

  it('in Spanish, a count followed by a word that agrees with it is plural-aware ("1 propuesta", "2 propuestas")', () => {
    const agreeing = keys.flatMap((key) =>
      counts(key, 'es')
        .filter((u) => u.as !== 'plural')
        .filter((u) => {
          const word = (u.next.trim().split(/\s+/)[0] ?? '').replace(/[.,;:)…]+$/, '');
          return word !== '' && !INVARIANT.has(word) && !INVARIANT.has(word[0]!);
        })
        .map((u) => `${key}: {${u.name}}${u.next}`),
    );
    expect(agreeing).toEqual([]);
  });

  it('the Spanish messages named in the issue say 1 and 2 differently', () => {
    const cases: [MessageKey, Record<string, number | string>][] = [
      ['kpi.milestonesDetail', { planned: 1, missed: 1 }],
      ['kpi.proposed', { count: 1 }],
      ['kpi.activeIn', { count: 1, year: '2023' }],
      ['kpi.startedIn', { count: 1, year: '2023' }],
      ['kpi.doneIn', { count: 1, year: '2023' }],
      ['legend.sizeValue', { count: 1 }],
      ['networkPage.trained', { count: 1 }],
      ['institution.network.self', { name: 'CIFE', trained: 1 }],
      ['summary.proposals', { count: 1, total: 1 }],
      [
        'progress.timeline.description',
        { rows: 1, milestones: 1, done: 1, planned: 1, overdue: 1, missed: 1 },
      ],
    ];
    const es = translator('es');
    for (const [key, one] of cases) {
      const many = Object.fromEntries(
        Object.entries(one).map(([k, v]) => [k, typeof v === 'number' ? 2 : v]),
      );
      // With 2 in place of 1, more than the digits must change: the words agree with the number.
      expect([key, es.t(key, one).replaceAll('1', '2')]).not.toEqual([key, es.t(key, many)]);
    }
  });
});
