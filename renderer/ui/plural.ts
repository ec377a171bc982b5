/** A count with its noun in the right number: "1 attribute", "0 attributes", "3 test cases". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
