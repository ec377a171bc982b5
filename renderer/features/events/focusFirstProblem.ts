/**
 * Puts the focus on the field of an event's first problem: the first field marked invalid, else the name of the
 * attribute the problem is at (a new attribute's empty name is marked only once its field has been left).
 */
export function focusFirstProblem(pane: HTMLElement | null, problemPath: string | undefined): void {
  if (!pane) return
  const attribute = /^attributes\/(\d+)\//.exec(problemPath ?? '')?.[1]
  const field =
    pane.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    (attribute === undefined
      ? null
      : pane.querySelector<HTMLElement>(`[aria-label="Attribute ${Number(attribute) + 1} name"]`))
  field?.focus()
}
