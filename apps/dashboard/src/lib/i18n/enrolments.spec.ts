import { describe, expect, it } from 'vitest';
import { catalogues } from './messages/index.js';

/**
 * `trainees` and `completed` count enrolments (a person in two programmes, or one programme over two years, counts
 * twice), so a sum of them is never named as a number of people (a share of trainees, a rate, may still be).
 */
const PEOPLE = {
  en: /people trained|persons trained|trained people|^trainees$/iu,
  es: /personas formadas|cuántas personas|^participantes$/iu,
  zh: /培训人数|结业人数|受训人数|培训人员数/u,
};
/** How each language names enrolments. */
const ENROLMENTS = { en: /enrolment/iu, es: /inscripci/iu, zh: /人次/u };

describe('training counts are named as enrolments (培训人次), never as people', () => {
  for (const locale of ['en', 'es', 'zh'] as const) {
    const messages = Object.entries(catalogues[locale]);

    it(`${locale}: no message names a count of enrolments as people`, () => {
      // The words shown, without argument names such as {trainees}.
      const words = (text: string) => text.replace(/\{\s*\w+/gu, '{');
      expect(messages.filter(([, text]) => PEOPLE[locale].test(words(text))).map(([key]) => key)).toEqual([]);
    });

    it(`${locale}: every message that states a training count in a sentence says enrolments`, () => {
      const counting = messages.filter(([, text]) => /\{(trainees|trained)\b/u.test(text));
      expect(counting.length).toBeGreaterThan(3);
      expect(counting.filter(([, text]) => !ENROLMENTS[locale].test(text)).map(([key]) => key)).toEqual([]);
    });
  }

  it('the enrolment wording test can fail: it catches the words it forbids', () => {
    expect(PEOPLE.en.test('1,200 people trained')).toBe(true);
    expect(PEOPLE.es.test('1.200 personas formadas')).toBe(true);
    expect(PEOPLE.en.test('Trainees')).toBe(true);
    expect(PEOPLE.zh.test('培训人数 1200')).toBe(true);
  });
});
