import dagre from '@dagrejs/dagre';
import { svg } from './dom';

export interface GraphTask { name: string; kind: string; target: string; join: string | null; with_items: boolean }
export interface GraphEdge { from: string; to: string; on: string; condition: string | null }
export interface Graph { workflow: string; type: string; tasks: GraphTask[]; edges: GraphEdge[] }

const NodeWidth = 170;
const NodeHeight = 50;

/**
 * Lays the workflow out with dagre (top to bottom) and draws plain SVG. Each node keeps its task name in
 * data-task so `colour` can repaint states later without a new layout.
 */
export function drawGraph(graph: Graph, onSelect: (task: string) => void): SVGSVGElement {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 50, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const names = new Set(graph.tasks.map((t) => t.name));
  for (const task of graph.tasks) g.setNode(task.name, { width: NodeWidth, height: NodeHeight });
  graph.edges.forEach((edge, i) => {
    if (!names.has(edge.to)) {
      names.add(edge.to);
      g.setNode(edge.to, { width: 90, height: 32, pseudo: true });
    }
    g.setEdge(edge.from, edge.to, { on: edge.on }, `e${i}`);
  });
  dagre.layout(g);

  const { width = 200, height = 100 } = g.graph();
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'graph', role: 'img' }) as SVGSVGElement;
  const defs = svg('defs');
  for (const kind of ['on-success', 'on-error', 'on-complete', 'requires']) {
    const marker = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrowhead ${kind}` }));
    defs.append(marker);
  }
  root.append(defs);

  for (const e of g.edges()) {
    const edge = g.edge(e) as any;
    const d = edge.points.map((p: { x: number; y: number }, i: number) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
    const path = svg('path', { d, class: `edge ${edge.on}`, 'marker-end': `url(#arrow-${edge.on})` });
    const title = svg('title');
    title.textContent = `${e.v} → ${e.w} (${edge.on})`;
    path.append(title);
    root.append(path);
  }

  for (const name of g.nodes()) {
    const node = g.node(name) as any;
    const group = svg('g', { class: node.pseudo ? 'node pseudo' : 'node', 'data-task': name, transform: `translate(${node.x - node.width / 2}, ${node.y - node.height / 2})` });
    group.append(svg('rect', { width: node.width, height: node.height, rx: 8, ry: 8 }));
    const label = svg('text', { x: node.width / 2, y: node.pseudo ? 20 : 21, 'text-anchor': 'middle', class: 'label' });
    label.textContent = name.length > 22 ? name.slice(0, 21) + '…' : name;
    group.append(label);
    if (!node.pseudo) {
      const task = graph.tasks.find((t) => t.name === name)!;
      const sub = svg('text', { x: node.width / 2, y: 38, 'text-anchor': 'middle', class: 'sub' });
      const target = task.target.length > 24 ? task.target.slice(0, 23) + '…' : task.target;
      sub.textContent = `${task.kind === 'workflow' ? '⤷ ' : ''}${target}${task.with_items ? ' ×' : ''}`;
      group.append(sub);
      group.addEventListener('click', () => onSelect(name));
    }
    const title = svg('title');
    title.textContent = name;
    group.append(title);
    root.append(group);
  }
  return root;
}

/** Paints each node with the state of its latest task execution. */
export function colour(root: SVGSVGElement, states: Map<string, string>): void {
  root.querySelectorAll<SVGGElement>('g.node:not(.pseudo)').forEach((node) => {
    const state = states.get(node.dataset.task ?? '') ?? 'not-started';
    node.setAttribute('data-state', state);
    node.setAttribute('class', `node state-${state.toLowerCase().replace(/[^a-z]/g, '-')}`);
  });
}
