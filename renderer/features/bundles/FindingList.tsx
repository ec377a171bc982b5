import type { BundleFinding } from '../../../shared/api/bundles'

/** Secrets or personal data found in what would leave: where, what kind, and a hint of the value. */
export function FindingList({
  tone,
  title,
  findings
}: {
  tone: 'error' | 'warning'
  title: string
  findings: readonly BundleFinding[]
}) {
  return (
    <section className={`bundle-findings bundle-findings-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h3 className="subtle-heading">{title}</h3>
      <ul>
        {findings.map((finding) => (
          <li key={`${finding.path}:${finding.kind}`}>
            <span className="mono">{finding.path}</span> — {finding.kind}{' '}
            <span className="mono muted">{finding.excerpt}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
