import { lang, t } from '../app/i18n.ts';
import { edgeKinds, nodeKinds } from './stylesheet.ts';

const shapeClass: Record<string, string> = {
  ellipse: 'shape-circle',
  'round-rectangle': 'shape-round-rect',
  diamond: 'shape-diamond',
  hexagon: 'shape-hexagon',
  star: 'shape-star',
};

/** The legend, drawn from the same tables as the graph's stylesheet. */
export function Legend() {
  const zh = lang.value === 'zh';
  return (
    <section id="legend" class="legend" aria-label={t('legend.title')}>
      <h3>{t('legend.title')}</h3>
      <ul class="legend-nodes">
        {nodeKinds.map((k) => (
          <li key={k.type}>
            <span
              class={`legend-shape ${shapeClass[k.shape] ?? ''}`}
              style={{ background: k.color }}
            />
            {zh ? k.label : k.english}
          </li>
        ))}
        <li>
          <span class="legend-shape shape-circle legend-group" />
          {t('legend.group')}
        </li>
      </ul>
      <ul class="legend-edges">
        {edgeKinds.map((k) => (
          <li key={k.kind} data-kind={k.kind}>
            <span
              class="legend-line"
              style={{ borderTop: `${Math.max(2, k.width)}px ${k.lineStyle} ${k.color}` }}
            />
            {zh ? k.label : k.english}
          </li>
        ))}
      </ul>
    </section>
  );
}
