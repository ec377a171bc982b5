import { Trash2 } from 'lucide-react'
import { useMemo, useRef } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { attributeTypes } from '../../../shared/capillary/attributeTypes'
import type { InferredSchema } from '../../../shared/engine/inferSchema'
import type { MappingRule, RuleSource } from '../../../shared/model/mapping'
import { useStudio } from '../../app/StudioContext'
import { jsonataPath } from '../../editor/jsonataLanguage'
import type { AttributeView } from './designerModel'
import { ExpressionEditor } from './ExpressionEditor'
import type { PreviewResults } from './preview/previewProtocol'
import { TransformList } from './TransformList'

interface RuleEditorProps {
  rule: MappingRule
  attribute: AttributeView | undefined
  schema: InferredSchema
  fanOut: boolean
  readOnly: boolean
  /** The preview's results: what it says about this attribute is listed under the rule. */
  results: StoreApi<PreviewResults>
}

const sourceKinds = [
  { value: 'path', label: 'Source field' },
  { value: 'constant', label: 'Constant value' },
  { value: 'expression', label: 'JSONata expression' }
] as const

/** The selected line's rule: where its value comes from, then its transforms in order. */
export function RuleEditor({ rule, attribute, schema, fanOut, readOnly, results }: RuleEditorProps) {
  const result = useStore(results, (state) => state.result)
  const diagnostics = useMemo(
    () => result?.diagnostics.filter((diagnostic) => diagnostic.attribute === rule.target) ?? [],
    [result, rule.target]
  )
  const { mapping } = useStudio()
  const target = rule.target
  const setSource = (source: RuleSource, touched: string) =>
    mapping.getState().setRule(target, { ...rule, source }, `rule:${target}:${touched}`)
  const paths = useMemo(() => schema.fields.map((field) => field.path), [schema])
  const jsonataPaths = useMemo(
    () => [...new Set(schema.fields.map((field) => jsonataPath(field.segments)).filter((path) => path !== ''))],
    [schema]
  )

  /** What each kind of source held when the user switched away from it, by attribute: switching back brings it. */
  const earlier = useRef(new Map<string, RuleSource>())
  const changeKind = (kind: RuleSource['kind']) => {
    if (kind === rule.source.kind) return
    earlier.current.set(`${target}\u0000${rule.source.kind}`, rule.source)
    const remembered = earlier.current.get(`${target}\u0000${kind}`)
    if (remembered) return setSource(remembered, 'kind')
    const path = rule.source.kind === 'path' ? rule.source.path : ''
    if (kind === 'path') setSource({ kind: 'path', path: path || (paths[0] ?? 'field'), scope: 'item' }, 'kind')
    else if (kind === 'constant') setSource({ kind: 'constant', value: '' }, 'kind')
    else setSource({ kind: 'expression', expression: path ? path.replace(/\[\*\]/g, '') : '$' }, 'kind')
  }

  return (
    <section className="rule-editor" aria-label={`Rule for ${target}`}>
      <header className="rule-editor-header">
        <h3>
          <span className="mono">{target}</span>{' '}
          <span className="muted">
            {attribute ? typeLabel(attribute.type) : ''}
            {attribute?.required ? ', required' : ''}
          </span>
        </h3>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove the rule for ${target}`}
          title="Remove this rule"
          disabled={readOnly}
          onClick={() => mapping.getState().disconnect(target)}
        >
          <Trash2 size={15} />
        </button>
      </header>
      {attribute?.problem && attribute.problemCode === 'type_cannot_fit' && (
        <p className="field-error" data-code="type_cannot_fit">
          {attribute.problem}
        </p>
      )}
      <label className="field">
        <span className="field-label">Value from</span>
        <select
          className="input"
          aria-label="Value from"
          value={rule.source.kind}
          disabled={readOnly}
          onChange={(event) => changeKind(event.target.value as RuleSource['kind'])}
        >
          {sourceKinds.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      {rule.source.kind === 'path' && (
        <div className="rule-source-row">
          <label className="field">
            <span className="field-label">Source path</span>
            <input
              className="input mono"
              aria-label="Source path"
              list="mapping-source-paths"
              value={rule.source.path}
              disabled={readOnly}
              onChange={(event) =>
                setSource(
                  {
                    kind: 'path',
                    path: event.target.value,
                    scope: rule.source.kind === 'path' ? rule.source.scope : 'item'
                  },
                  'path'
                )
              }
            />
            <datalist id="mapping-source-paths">
              {paths.map((path) => (
                <option key={path} value={path} />
              ))}
            </datalist>
          </label>
          {fanOut && (
            <label className="field">
              <span className="field-label">Read from</span>
              <select
                className="input"
                aria-label="Read from"
                value={rule.source.scope}
                disabled={readOnly}
                onChange={(event) =>
                  rule.source.kind === 'path' &&
                  setSource({ ...rule.source, scope: event.target.value as 'item' | 'payload' }, 'scope')
                }
              >
                <option value="item">Each list item</option>
                <option value="payload">The whole payload</option>
              </select>
            </label>
          )}
        </div>
      )}
      {rule.source.kind === 'constant' && (
        <label className="field">
          <span className="field-label">Constant value</span>
          <input
            className="input"
            aria-label="Constant value"
            value={String(rule.source.value)}
            disabled={readOnly}
            onChange={(event) => setSource({ kind: 'constant', value: event.target.value }, 'constant')}
          />
        </label>
      )}
      {rule.source.kind === 'expression' && (
        <ExpressionEditor
          label="JSONata expression"
          value={rule.source.expression}
          paths={jsonataPaths}
          readOnly={readOnly}
          onChange={(expression) =>
            setSource({ kind: 'expression', expression: expression === '' ? ' ' : expression }, 'expression')
          }
        />
      )}
      <h4 className="subtle-heading">Transforms</h4>
      <TransformList
        transforms={rule.transforms}
        disabled={readOnly}
        onChange={(transforms, touched) =>
          mapping.getState().setRule(target, { ...rule, transforms }, `rule:${target}:${touched}`)
        }
      />
      {diagnostics.length > 0 && (
        <ul className="rule-diagnostics" aria-label={`What the preview says about ${target}`}>
          {diagnostics.map((diagnostic, index) => (
            <li key={index} className={`diagnostic diagnostic-${diagnostic.severity}`} data-code={diagnostic.code}>
              {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** A type as Capillary labels it ("Product Brand"), not by its key, which for standard types repeats the name. */
function typeLabel(type: string): string {
  return Object.hasOwn(attributeTypes, type) ? attributeTypes[type as keyof typeof attributeTypes].label : type
}
