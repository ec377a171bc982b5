import {
  Handle,
  Position,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeProps
} from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { memo, useId, useMemo } from 'react'
import type { MappingSpec } from '../../../shared/model/mapping'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { useThemeStore } from '../../app/theme'
import type { AttributeView, SourceFieldView } from './designerModel'
import { ruleFieldPath } from './mappingEdits'

const rowHeight = 44
// Wide enough for a transform's label on a line (toNumber), narrow enough that both columns fit the canvas's
// 570 px at 1280 px windows.
const columnGap = 90
const nodeWidth = 220
const nodeHeight = 38
const handleSize = 10
/**
 * Dimensions and handles given, not measured: the nodes are rebuilt on every edit, and React Flow forgets what it
 * measured of a node whose object changed, hiding it and losing its handles until a resize that never comes.
 */
const fixedLayout = {
  width: nodeWidth,
  height: nodeHeight,
  measured: { width: nodeWidth, height: nodeHeight },
  handles: [
    {
      id: 'out',
      type: 'source' as const,
      position: Position.Right,
      x: nodeWidth - handleSize / 2,
      y: (nodeHeight - handleSize) / 2,
      width: handleSize,
      height: handleSize
    },
    {
      id: 'in',
      type: 'target' as const,
      position: Position.Left,
      x: -handleSize / 2,
      y: (nodeHeight - handleSize) / 2,
      width: handleSize,
      height: handleSize
    }
  ]
}
const fieldPrefix = 'field:'
const attributePrefix = 'attribute:'
const otherSources = { constant: 'source:constant', expression: 'source:expression' } as const

type FieldNode = Node<{ field: SourceFieldView; armed: boolean }, 'field'>
type AttributeNode = Node<{ attribute: AttributeView; selected: boolean; armed: boolean }, 'attribute'>
type OtherSourceNode = Node<{ label: string }, 'other'>

/** A source field: drag from its handle to an attribute, or press Enter to pick it and then Enter on an attribute. */
function FieldNodeView({ data }: NodeProps<FieldNode>) {
  const { mapping } = useStudio()
  const { field, armed } = data
  const metaId = useId()
  const meta = field.unseen
    ? 'not in the captures'
    : `${field.types.join(' | ')} · ${Math.round(field.presence * 100)}%`
  return (
    <div
      className={`map-node map-field${armed ? ' map-armed' : ''}${field.unseen ? ' map-unseen' : ''}`}
      role="button"
      tabIndex={0}
      aria-pressed={armed}
      aria-label={`Source field ${field.path}`}
      aria-describedby={metaId}
      data-path={field.path}
      onClick={() => mapping.getState().armField(armed ? null : field.path)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') mapping.getState().armField(null)
        if (event.key !== 'Enter' && event.key !== ' ') return
        event.preventDefault()
        mapping.getState().armField(armed ? null : field.path)
      }}
    >
      <span className="map-node-name mono">{field.path}</span>
      {/* The details are drawn by CSS (data-meta) and read as the description, so the button's visible text stays
          its name (axe: label-content-name-mismatch). */}
      <span className="map-node-meta" aria-hidden data-meta={meta}>
        {field.example && <span className="map-example" data-meta={` ${field.example}`} />}
      </span>
      <span id={metaId} className="map-description">
        {meta}
        {field.example ? ` ${field.example}` : ''}
      </span>
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  )
}

/** An attribute of the event: the end of the lines; Enter connects the picked field or opens its rule. */
function AttributeNodeView({ data }: NodeProps<AttributeNode>) {
  const { mapping } = useStudio()
  const { attribute, selected, armed } = data
  const metaId = useId()
  // Flagged in place: the problem takes the second line; the whole of it is in the tooltip.
  const meta = attribute.problem ?? `${attribute.type} · ${attribute.mapped ? 'mapped' : 'not mapped'}`
  const activate = () => {
    const state = mapping.getState()
    if (state.armedField) state.connect(state.armedField, attribute.name)
    else if (attribute.mapped) state.selectRule(attribute.name)
  }
  return (
    <div
      className={`map-node map-attribute${selected ? ' map-selected' : ''}${attribute.problem ? ' map-flagged' : ''}${armed ? ' map-drop' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={`Attribute ${attribute.name}`}
      aria-describedby={metaId}
      data-mapped={attribute.mapped}
      onClick={activate}
      onKeyDown={(event) => {
        // Escape lets go of a picked field without connecting it.
        if (event.key === 'Escape') mapping.getState().armField(null)
        if (event.key !== 'Enter' && event.key !== ' ') return
        event.preventDefault()
        activate()
      }}
    >
      <Handle type="target" position={Position.Left} id="in" />
      <span className="map-node-name mono">
        {attribute.name}
        {attribute.required && (
          <span className="map-required" title="Required" aria-hidden>
            *
          </span>
        )}
      </span>
      {attribute.problem ? (
        <span
          className="map-node-meta map-problem"
          aria-hidden
          data-meta={meta}
          data-code={attribute.problemCode}
          title={attribute.problem}
        />
      ) : (
        <span className="map-node-meta" aria-hidden data-meta={meta} />
      )}
      <span id={metaId} className="map-description">
        {meta}
      </span>
    </div>
  )
}

function OtherSourceView({ data }: NodeProps<OtherSourceNode>) {
  return (
    <div className="map-node map-other">
      <span className="map-node-name">{data.label}</span>
      <Handle type="source" position={Position.Right} id="out" isConnectable={false} />
    </div>
  )
}

const nodeTypes = { field: FieldNodeView, attribute: AttributeNodeView, other: OtherSourceView }

interface MappingCanvasProps {
  spec: MappingSpec
  fields: SourceFieldView[]
  attributes: AttributeView[]
}

/**
 * The two columns and one line per rule (@xyflow/react), laid out as fixed rows that scroll with the page. Memoised:
 * a new preview result re-renders the designer, not the lines.
 */
export const MappingCanvas = memo(function MappingCanvas({ spec, fields, attributes }: MappingCanvasProps) {
  const { mapping } = useStudio()
  const selectedTarget = useStudioStore(
    (s) => s.mapping,
    (state) => state.selectedTarget
  )
  const armedField = useStudioStore(
    (s) => s.mapping,
    (state) => state.armedField
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )

  const theme = useThemeStore((state) => state.resolved)

  const { nodes, edges, height } = useMemo(() => {
    const kinds = new Set(spec.rules.map((rule) => rule.source.kind))
    const others = (['constant', 'expression'] as const).filter((kind) => kinds.has(kind))
    const nodes: Node[] = [
      ...others.map((kind, index): OtherSourceNode => ({
        id: otherSources[kind],
        type: 'other',
        position: { x: 0, y: index * rowHeight },
        data: { label: kind === 'constant' ? 'Constant value' : 'JSONata expression' },
        draggable: false,
        selectable: false,
        ...fixedLayout
      })),
      ...fields.map((field, index): FieldNode => ({
        id: fieldPrefix + field.path,
        type: 'field',
        position: { x: 0, y: (others.length + index) * rowHeight },
        data: { field, armed: armedField === field.path },
        draggable: false,
        selectable: false,
        ...fixedLayout
      })),
      ...attributes.map((attribute, index): AttributeNode => ({
        id: attributePrefix + attribute.name,
        type: 'attribute',
        position: { x: nodeWidth + columnGap, y: index * rowHeight },
        data: { attribute, selected: selectedTarget === attribute.name, armed: armedField !== null },
        draggable: false,
        selectable: false,
        ...fixedLayout
      }))
    ]
    const edges: Edge[] = spec.rules.flatMap((rule): Edge[] => {
      const path = ruleFieldPath(rule, spec.fanOut?.path ?? null)
      const source = path !== null ? fieldPrefix + path : otherSources[rule.source.kind as 'constant' | 'expression']
      if (!attributes.some((attribute) => attribute.name === rule.target)) return []
      return [
        {
          id: `rule:${rule.target}`,
          source,
          target: attributePrefix + rule.target,
          sourceHandle: 'out',
          targetHandle: 'in',
          selected: selectedTarget === rule.target,
          label: rule.transforms.length > 0 ? rule.transforms.map((step) => step.kind).join(' → ') : undefined,
          ariaLabel: `Rule for ${rule.target}`,
          className: selectedTarget === rule.target ? 'map-edge-selected' : undefined
        }
      ]
    })
    const rows = Math.max(fields.length + others.length, attributes.length)
    return { nodes, edges, height: rows * rowHeight + 8 }
  }, [spec, fields, attributes, selectedTarget, armedField])

  const onConnect = (connection: Connection) => {
    if (!connection.source.startsWith(fieldPrefix) || !connection.target.startsWith(attributePrefix)) return
    mapping
      .getState()
      .connect(connection.source.slice(fieldPrefix.length), connection.target.slice(attributePrefix.length))
  }

  return (
    <div className="map-canvas" style={{ height }} aria-label="Source fields and attributes" role="group">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onConnect={onConnect}
        isValidConnection={(connection) =>
          connection.source.startsWith(fieldPrefix) && connection.target.startsWith(attributePrefix)
        }
        onEdgeClick={(_event, edge) => mapping.getState().selectRule(edge.id.slice('rule:'.length))}
        onEdgesChange={(changes: EdgeChange[]) => {
          // Edges are focusable: Enter selects one (its rule editor opens), Delete removes its rule.
          for (const change of changes) {
            if (change.type === 'select' && change.selected) mapping.getState().selectRule(change.id.slice(5))
            else if (change.type === 'remove' && !readOnly) mapping.getState().disconnect(change.id.slice(5))
          }
        }}
        nodesConnectable={!readOnly}
        nodesDraggable={false}
        nodesFocusable={false}
        edgesFocusable
        elementsSelectable
        panOnDrag={false}
        // The rows are laid out to scroll with the page: a line dragged near an edge must not pan them away.
        autoPanOnConnect={false}
        autoPanOnNodeFocus={false}
        panOnScroll={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
        defaultViewport={{ x: 8, y: 4, zoom: 1 }}
        connectionRadius={40}
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
        // Nodes handle their own clicks and keys; this keeps them receiving pointer events.
        onNodeClick={() => undefined}
      />
    </div>
  )
})
