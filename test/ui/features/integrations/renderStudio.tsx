import { render } from '@testing-library/react'
import { vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { OpenProject } from '../../../../shared/api/types'
import { EventDefinition } from '../../../../shared/model/event'
import type { Integration } from '../../../../shared/model/integration'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { IntegrationsScreen } from '../../../../renderer/features/integrations/IntegrationsScreen'
import { fakeIntegrationsApi } from './fakeIntegrationsApi'

const now = '2026-11-28T00:00:00.000Z'

/** A project event as main lists it, checked against the model so the fake cannot drift from it. */
export const projectEvent = (id: string, name: string) =>
  EventDefinition.parse({
    id,
    name,
    label: '',
    description: '',
    kind: 'custom',
    actions: ['EIConsumer'],
    attributes: [],
    status: 'draft',
    publications: [],
    createdAt: now,
    updatedAt: now
  })

const project = (readOnly: boolean): OpenProject => ({
  path: '/tmp/Sample.capmap',
  name: 'Sample',
  readOnly,
  schemaVersion: 2,
  lastSavedAt: null
})

/** The Integrations screen inside the studio's real stores, over a transport answered by in-memory fakes. */
export async function renderIntegrationsScreen(
  options: { integrations?: Integration[]; eventNames?: string[]; readOnly?: boolean } = {}
) {
  const api = fakeIntegrationsApi(options.integrations)
  const events = (options.eventNames ?? []).map((name, index) => projectEvent(`e${index}`, name))
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...api,
    getProjectState: async () => ok({ project: project(options.readOnly ?? false) }),
    listRecentProjects: async () => ok([]),
    listEvents: async () => ok(events)
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await Promise.all([
    stores.project.getState().refresh(),
    stores.events.getState().load(),
    stores.integrations.getState().load()
  ])
  const view = render(
    <StudioProvider stores={stores}>
      <IntegrationsScreen />
    </StudioProvider>
  )
  return { api, stores, view }
}
