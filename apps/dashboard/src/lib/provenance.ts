import type { Unreported } from '@puente/data/store';
import type { Translator } from '$lib/i18n/translator';

/**
 * What a figure rests on, for the messages that qualify it: `illustrative` when any of it is illustrative, else
 * `estimated` when any is estimated, else `reported`.
 */
export type Basis = 'illustrative' | 'estimated' | 'reported';

export function basisOf(unreported: Unreported): Basis {
  return unreported.illustrative > 0 ? 'illustrative' : unreported.estimated > 0 ? 'estimated' : 'reported';
}

/** "incl. 1,200 illustrative · incl. 300 estimated" under a key figure, or null when all of it is reported. */
export function unreportedNote(tr: Pick<Translator, 't'>, unreported: Unreported): string | null {
  const parts = [
    unreported.illustrative > 0
      ? tr.t('provenance.inclIllustrative', { count: unreported.illustrative })
      : null,
    unreported.estimated > 0 ? tr.t('provenance.inclEstimated', { count: unreported.estimated }) : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}
