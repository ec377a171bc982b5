import { TestCaseDraft } from '../../../shared/model/testCase'

type Expected = TestCaseDraft['expected']

/** The expected outputs as the user typed them: a JSON list of Capillary payloads, each with its event_name. */
export function parseExpected(text: string): { ok: true; value: Expected } | { ok: false; error: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `Not JSON: ${(error as Error).message}` }
  }
  const parsed = TestCaseDraft.shape.expected.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? `at ${issue.path.join('.')}: ` : ''
  return {
    ok: false,
    error: `Expected a list of payloads, each with its event_name (${where}${issue?.message ?? 'invalid'}).`
  }
}
