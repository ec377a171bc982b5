/**
 * What is wrong with an integration's name: `missing`, `taken` (another integration has it), or `shared` (another
 * has it, but so did this integration's saved name: a clash made before names had to differ, which must not stop
 * the file from opening or this integration from being edited, only ask for a rename).
 */
export interface IntegrationNameProblem {
  kind: 'missing' | 'taken' | 'shared'
  message: string
}

/** How a name reads in a list: runs of spaces show as one, and "Shop" and "shop" are not told apart at a glance. */
const asListed = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Why an integration cannot have this name, or undefined when it can. Names must differ (ignoring case and the
 * spaces around and between words), since the inbox filter, deliveries, send-test and mapping lists show them alone.
 * `savedName` is the integration's name as saved, for an existing integration.
 */
export function integrationNameProblem(
  name: string,
  otherNames: readonly string[],
  savedName?: string
): IntegrationNameProblem | undefined {
  if (name.trim() === '') return { kind: 'missing', message: 'Give the integration a name.' }
  const clash = otherNames.find((other) => asListed(other) === asListed(name))
  if (clash === undefined) return undefined
  const listed = clash.trim().replace(/\s+/g, ' ')
  if (savedName !== undefined && asListed(savedName) === asListed(name)) {
    return {
      kind: 'shared',
      message: `Another integration is also named "${listed}": rename one of them, so the lists can tell them apart.`
    }
  }
  return {
    kind: 'taken',
    message: `Another integration is already named "${listed}": give this one a name of its own, so the inbox, deliveries and mapping lists can tell them apart.`
  }
}
