import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from '../api/fragments.ts';

/**
 * How the graph looks, as plain data: the legend is drawn from the same tables, so the two cannot
 * drift apart. No style functions: only selectors, values and `data(...)` mappings.
 */

/** Chinese first; the canvas needs the font named explicitly (it does not inherit CSS). */
export const fontStack =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'star';

export interface NodeKindStyle {
  type: EntityType;
  label: string;
  english: string;
  color: string;
  shape: NodeShape;
  size: number;
}

export const nodeKinds: readonly NodeKindStyle[] = [
  {
    type: 'Person',
    label: '人物',
    english: 'Person',
    color: '#3f7cac',
    shape: 'ellipse',
    size: 26,
  },
  {
    type: 'Organization',
    label: '机构',
    english: 'Organization',
    color: '#d08a3a',
    shape: 'round-rectangle',
    size: 32,
  },
  {
    type: 'Place',
    label: '地点',
    english: 'Place',
    color: '#4f9a6e',
    shape: 'diamond',
    size: 30,
  },
  {
    type: 'Field',
    label: '领域',
    english: 'Field',
    color: '#8a6bb5',
    shape: 'hexagon',
    size: 30,
  },
  {
    type: 'Project',
    label: '项目',
    english: 'Project',
    color: '#c0505f',
    shape: 'star',
    size: 34,
  },
];

type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface EdgeKindStyle {
  /** A TieKind, or DERIVED_TIE for ties inferred from shared employers, schools … */
  kind: string;
  label: string;
  english: string;
  color: string;
  lineStyle: LineStyle;
  width: number;
}

export const edgeKinds: readonly EdgeKindStyle[] = [
  {
    kind: 'KNOWS',
    label: '认识',
    english: 'knows',
    color: '#3f7cac',
    lineStyle: 'solid',
    width: 2,
  },
  {
    kind: 'DERIVED_TIE',
    label: '推断关系',
    english: 'derived',
    color: '#7d8799',
    lineStyle: 'dashed',
    width: 1.5,
  },
  {
    kind: 'WORKED_AT',
    label: '任职',
    english: 'worked at',
    color: '#d08a3a',
    lineStyle: 'solid',
    width: 1.5,
  },
  {
    kind: 'STUDIED_AT',
    label: '就读',
    english: 'studied at',
    color: '#b89a45',
    lineStyle: 'solid',
    width: 1.5,
  },
  {
    kind: 'MEMBER_OF',
    label: '成员',
    english: 'member of',
    color: '#a67c5b',
    lineStyle: 'dotted',
    width: 1.5,
  },
  {
    kind: 'LEADS',
    label: '负责',
    english: 'leads',
    color: '#c0505f',
    lineStyle: 'solid',
    width: 1.5,
  },
  {
    kind: 'HOSTED_BY',
    label: '依托',
    english: 'hosted by',
    color: '#c0505f',
    lineStyle: 'dotted',
    width: 1.5,
  },
  {
    kind: 'BORN_IN',
    label: '籍贯',
    english: 'born in',
    color: '#4f9a6e',
    lineStyle: 'dotted',
    width: 1.5,
  },
  {
    kind: 'LIVES_IN',
    label: '居住',
    english: 'lives in',
    color: '#4f9a6e',
    lineStyle: 'solid',
    width: 1.2,
  },
  {
    kind: 'LOCATED_IN',
    label: '位于',
    english: 'located in',
    color: '#4f9a6e',
    lineStyle: 'solid',
    width: 1.2,
  },
  {
    kind: 'LANDED_IN',
    label: '落户',
    english: 'landed in',
    color: '#4f9a6e',
    lineStyle: 'dashed',
    width: 1.5,
  },
  {
    kind: 'EXPERT_IN',
    label: '专长',
    english: 'expert in',
    color: '#8a6bb5',
    lineStyle: 'solid',
    width: 1.2,
  },
  {
    kind: 'IN_FIELD',
    label: '所属领域',
    english: 'in field',
    color: '#8a6bb5',
    lineStyle: 'dotted',
    width: 1.2,
  },
];

const base: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': fontStack,
      'font-size': 11,
      color: '#27303d',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 7,
      'border-width': 1.5,
      'border-color': '#ffffff',
      'overlay-opacity': 0,
    },
  },
  {
    selector: 'edge',
    style: {
      // Straight lines cost far less to lay out than bundled beziers; only edges that share their
      // two ends (class `parallel`, set by the graph view) curve apart.
      'curve-style': 'straight',
      'line-color': '#9aa3b2',
      width: 1.2,
      opacity: 0.7,
      'target-arrow-shape': 'none',
      'font-family': fontStack,
      'font-size': 9,
      color: '#5a6475',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'min-zoomed-font-size': 9,
      'overlay-opacity': 0,
    },
  },
];

const parallel: StylesheetJson = [
  { selector: 'edge.parallel', style: { 'curve-style': 'bezier' } },
];

const perNodeKind: StylesheetJson = nodeKinds.map((k) => ({
  selector: `node[type = "${k.type}"]`,
  style: { 'background-color': k.color, shape: k.shape, width: k.size, height: k.size },
}));

const perEdgeKind: StylesheetJson = edgeKinds.map((k) => ({
  selector: `edge[kind = "${k.kind}"]`,
  style: { 'line-color': k.color, 'line-style': k.lineStyle, width: k.width },
}));

const states: StylesheetJson = [
  {
    // The entity the user chose: larger, ringed, label in bold.
    selector: 'node.focus',
    style: {
      width: 44,
      height: 44,
      'border-width': 4,
      'border-color': '#1f2a37',
      'font-size': 13,
      'font-weight': 'bold',
      'z-index': 10,
    },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 3, 'border-color': '#f2b705', 'z-index': 20 },
  },
  {
    // Edge labels only where they help: around the selected node.
    selector: 'edge.near-selected',
    style: { label: 'data(label)', opacity: 1, width: 2.5, 'z-index': 15 },
  },
  { selector: 'node.faded', style: { opacity: 0.25 } },
  { selector: 'edge.faded', style: { opacity: 0.1 } },
  { selector: '.hidden, .filtered', style: { display: 'none' } },
  {
    // Pinned by the user: a thick dashed ring; the layout leaves it where it is.
    selector: 'node.pinned',
    style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#1f2a37' },
  },
  {
    // Shared by two compared nodes (commonConnections), or on a drawn path.
    selector: 'node.common, node.on-path',
    style: { 'border-width': 4, 'border-color': '#e0457b', 'z-index': 12 },
  },
  {
    selector: 'edge.common, edge.on-path',
    style: { 'line-color': '#e0457b', width: 3, opacity: 1 },
  },
  {
    // Just arrived from an expansion.
    selector: 'node.fresh',
    style: { 'border-color': '#f2b705', 'border-width': 2.5 },
  },
];

export const stylesheet: StylesheetJson = [
  ...base,
  ...parallel,
  ...perNodeKind,
  ...perEdgeKind,
  ...states,
];

/**
 * Added for thousands of elements: straight (haystack) edges need no curve geometry, labels without
 * background or ellipsis are cheap to measure and draw, and they appear only when readable.
 * Edges around the selection stay straight lines with labels.
 */
export const largeGraphStyles: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'text-wrap': 'none',
      'text-background-opacity': 0,
      'min-zoomed-font-size': 10,
    },
  },
  { selector: 'node.focus', style: { 'text-background-opacity': 0.85 } },
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0 } },
  {
    selector: 'edge.near-selected, edge.on-path, edge.common',
    style: { 'curve-style': 'straight' },
  },
];

export function nodeKindOf(type: string): NodeKindStyle | undefined {
  return nodeKinds.find((k) => k.type === type);
}

export function edgeKindOf(kind: string): EdgeKindStyle | undefined {
  return edgeKinds.find((k) => k.kind === kind);
}
