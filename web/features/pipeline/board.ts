import { introductionStages, stageMoveProblem } from '../../../schema/outreach/stages.ts';
import type { IntroductionCard } from '../../api/fragments.ts';
import type { IntroductionStage } from './queries.ts';

/**
 * The introductions board as data: one column per stage (the API's stages, in pipeline order), and
 * what a refused move may offer. The API enforces the rules; this only arranges and explains. Pure.
 */
export interface Column {
  stage: IntroductionStage;
  cards: IntroductionCard[];
}

/** Every stage gets a column, even an empty one; in each, the latest to enter the stage first. */
export function toColumns(cards: readonly IntroductionCard[]): Column[] {
  return introductionStages.map((stage) => ({
    stage,
    cards: cards
      .filter((c) => c.stage === stage)
      .sort((a, b) => b.stageAt.localeCompare(a.stageAt) || a.id.localeCompare(b.id)),
  }));
}

/** The cards with one replaced by its saved version (after a move). */
export function replaceCard(
  cards: readonly IntroductionCard[],
  saved: IntroductionCard,
): IntroductionCard[] {
  return cards.map((c) => (c.id === saved.id ? saved : c));
}

/**
 * True when the API has a recorded override for this refused move: landing an introduction that was
 * never signed, with a note saying why.
 */
export function overrideOffered(from: IntroductionStage, to: IntroductionStage): boolean {
  return (
    to === 'landed' &&
    stageMoveProblem(from, to, false) !== null &&
    !stageMoveProblem(from, to, true)
  );
}

/** The stages a card may be sent to from the keyboard menu: every other stage (the API decides). */
export function otherStages(from: IntroductionStage): IntroductionStage[] {
  return introductionStages.filter((s) => s !== from);
}

/** A card's id from a drag's data, if it is one of ours. */
export function draggedId(data: string | undefined, cards: readonly IntroductionCard[]) {
  return data && cards.some((c) => c.id === data) ? data : null;
}
