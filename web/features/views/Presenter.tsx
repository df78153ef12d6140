import type { Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../app/i18n.ts';
import type { Annotation } from './queries.ts';
import { stepTo } from './saved-views.ts';

/**
 * Presenter mode: steps through a saved view's story. Each step highlights its nodes (the others
 * fade) and moves to its viewport, or fits the highlighted nodes. ←/→ (or the buttons) move; Escape ends.
 */
export function Presenter({
  cy,
  title,
  steps,
  onClose,
}: {
  cy: Core;
  title: string;
  steps: Annotation[];
  onClose: () => void;
}) {
  const [index, setIndex] = useState(0);
  const panel = useRef<HTMLElement>(null);
  const step = steps[index];

  useEffect(() => panel.current?.focus(), []);
  useEffect(() => {
    if (!step) return;
    const on = cy.collection();
    for (const id of step.nodeIds) on.merge(cy.getElementById(id));
    cy.batch(() => {
      cy.elements().removeClass('on-path faded');
      if (on.nonempty()) {
        on.addClass('on-path');
        on.edgesWith(on).addClass('on-path');
        cy.elements().not(on).not(on.edgesWith(on)).addClass('faded');
      }
    });
    if (step.viewport) {
      cy.animate({ zoom: step.viewport.zoom, pan: { x: step.viewport.x, y: step.viewport.y } });
    } else if (on.nonempty()) {
      cy.animate({ fit: { eles: on.closedNeighborhood(), padding: 60 } });
    }
  }, [index, step]);
  useEffect(() => () => void cy.elements().removeClass('on-path faded'), []);

  if (!step) return null;
  const move = (by: number) => setIndex((i) => stepTo(i, by, steps.length));
  return (
    <section
      ref={panel}
      id="presenter"
      class="presenter"
      aria-label={`${t('views.presenter')}: ${title}`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'PageDown') move(1);
        else if (e.key === 'ArrowLeft' || e.key === 'PageUp') move(-1);
        else if (e.key === 'Escape') onClose();
        else return;
        e.preventDefault();
      }}
    >
      <header>
        <strong>{title}</strong>{' '}
        <span class="muted small" id="presenter-step">
          {t('views.stepOf', { i: index + 1, n: steps.length })}
        </span>
      </header>
      <p class="presenter-text" aria-live="polite">
        {step.text}
      </p>
      <div class="row">
        <button type="button" class="button" disabled={index === 0} onClick={() => move(-1)}>
          {t('views.prev')}
        </button>
        <button
          type="button"
          class="button primary"
          id="presenter-next"
          disabled={index === steps.length - 1}
          onClick={() => move(1)}
        >
          {t('views.next')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('views.exitPresenter')}
        </button>
      </div>
    </section>
  );
}
