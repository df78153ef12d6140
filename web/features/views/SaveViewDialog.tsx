import type { Core, NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { messageOf, unwrap } from '../../ui/result.ts';
import type { FanOuts } from '../explorer/fan-outs.ts';
import { type Annotation, saveViewMutation } from './queries.ts';
import { type DrawnElement, type SavedGraph, toSavedGraph } from './saved-views.ts';

/**
 * Saves the explorer's graph as a server-side view: title, notes, and story steps (text + nodes to
 * highlight; the selected nodes are offered first), with its group nodes and what they hold. Escape
 * cancels.
 */
export function SaveViewDialog({
  cy,
  fanOuts,
  style,
  selected,
  onClose,
}: {
  cy: Core;
  fanOuts: FanOuts;
  style: SavedGraph['style'];
  selected: string[];
  onClose: () => void;
}) {
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [steps, setSteps] = useState<Annotation[]>([]);
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => titleInput.current?.focus(), []);
  const nodes = cy
    .nodes()
    .map((n) => ({ id: n.id(), name: String(n.data('label') ?? n.id()) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const setStep = (i: number, patch: Partial<Annotation>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  async function save() {
    setBusy(true);
    // Group nodes (and their ties) are saved as the members they hold and where they were drawn.
    const elements: DrawnElement[] = cy
      .elements()
      .not('.group, .group-tie')
      .map((e) => ({
        group: e.isNode() ? 'nodes' : 'edges',
        data: e.data() as Record<string, unknown>,
        position: e.isNode() ? { ...e.position() } : undefined,
        classes: e.classes(),
      }));
    const held = fanOuts.list().map((f) => ({
      ...f,
      groups: cy
        .nodes('.group')
        .filter((n: NodeSingular) => n.data('hub') === f.hub && n.data('memberType') === f.type)
        .map((n: NodeSingular) => ({ key: String(n.data('key')), ...n.position() })),
    }));
    const graph = toSavedGraph(elements, style, { zoom: cy.zoom(), ...cy.pan() }, held);
    try {
      const saved = unwrap(
        (
          await request(saveViewMutation, {
            input: {
              title: title.trim(),
              notes: notes.trim(),
              graph: JSON.stringify(graph),
              annotations: steps.filter((s) => s.text.trim()),
            },
          })
        ).saveView,
      );
      status.value = `${t('views.saved')}: ${saved.title}`;
      onClose();
    } catch (error) {
      status.value = `${t('views.saveFailed')}: ${messageOf(error)}`;
      setBusy(false);
    }
  }

  return (
    <div class="dialog save-view" role="dialog" aria-modal="true" aria-label={t('views.save')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim() && !busy) void save();
        }}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h3>{t('views.save')}</h3>
        <label class="field-label" for="view-title">
          {t('views.title')}
        </label>
        <input
          id="view-title"
          required
          maxLength={200}
          ref={titleInput}
          value={title}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
        <label class="field-label" for="view-notes">
          {t('views.notes')}
        </label>
        <textarea
          id="view-notes"
          rows={2}
          value={notes}
          onInput={(e) => setNotes((e.target as HTMLTextAreaElement).value)}
        />
        <fieldset class="steps">
          <legend>{t('views.stepsTitle')}</legend>
          {steps.map((step, i) => (
            <div class="step" key={i}>
              <label class="field-label" for={`step-text-${i}`}>
                {t('views.stepText', { n: i + 1 })}
              </label>
              <textarea
                id={`step-text-${i}`}
                rows={2}
                value={step.text}
                onInput={(e) => setStep(i, { text: (e.target as HTMLTextAreaElement).value })}
              />
              <label class="field-label" for={`step-nodes-${i}`}>
                {t('views.stepNodes', { n: i + 1 })}
              </label>
              <select
                id={`step-nodes-${i}`}
                multiple
                size={Math.min(6, nodes.length)}
                onChange={(e) =>
                  setStep(i, {
                    nodeIds: [...(e.target as HTMLSelectElement).selectedOptions].map(
                      (o) => o.value,
                    ),
                  })
                }
              >
                {nodes.map((n) => (
                  <option key={n.id} value={n.id} selected={step.nodeIds.includes(n.id)}>
                    {n.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="link"
                onClick={() => setSteps(steps.filter((_s, j) => j !== i))}
              >
                {t('views.removeStep', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="button small"
            id="add-step"
            onClick={() =>
              setSteps([
                ...steps,
                { text: '', nodeIds: selected.filter((id) => cy.getElementById(id).nonempty()) },
              ])
            }
          >
            {t('views.addStep')}
          </button>
        </fieldset>
        <div class="row">
          <button type="submit" class="button primary" disabled={busy}>
            {t('views.save')}
          </button>
          <button type="button" class="button" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
