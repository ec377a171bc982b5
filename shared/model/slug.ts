/** Our own rule for integration slugs: they appear in URLs (`/hooks/<slug>`) and bundle files. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const maxSlugLength = 60

/** A slug suggested from a name: "WebEngage (EU)" → "webengage-eu". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlugLength)
    .replace(/-+$/, '')
}

/** Why a slug cannot be used, or undefined when it can. */
export function slugProblem(slug: string, otherSlugs: readonly string[]): string | undefined {
  if (slug === '') return 'Give the integration a slug: it names its listener path /hooks/<slug>.'
  if (slug.length > maxSlugLength) return `A slug has at most ${maxSlugLength} characters.`
  if (!slugPattern.test(slug))
    return 'Use lower-case letters and digits, with single hyphens between words (e.g. webengage-eu).'
  if (otherSlugs.includes(slug)) return `Another integration already uses the slug ${slug}.`
  return undefined
}
