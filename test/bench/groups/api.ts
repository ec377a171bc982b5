import { join } from 'node:path'
import { createDispatcher } from '../../../main/api/dispatcher'
import { createHandlers } from '../../../main/api/handlers'
import { startWebServer } from '../../../main/api/http'
import { silentLogger } from '../../../main/platform/logger'
import { figure, medianMs, type Figure } from '../figure'
import { benchStudio } from '../support/benchStudio'

/** The contract over HTTP (web mode) against the same dispatcher called directly: what the transport costs. */
export async function apiBench(): Promise<Figure[]> {
  const { studio, folder } = benchStudio(50, 10)
  const dispatch = createDispatcher(createHandlers(studio), silentLogger)
  const server = await startWebServer({
    dispatch,
    bus: studio.bus,
    staticDir: join(folder, 'static'),
    token: 'bench',
    port: 0
  })
  try {
    const direct = await medianMs(() => dispatch('listEvents', {}))
    const overHttp = await medianMs(async () => {
      const response = await fetch(`${server.url}api/listEvents`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer bench' },
        body: '{}'
      })
      await response.json()
    })
    return [
      figure('api.list_events_direct', direct, 'ms'),
      figure('api.list_events_http', overHttp, 'ms'),
      figure('api.http_vs_direct', overHttp / direct, 'x')
    ]
  } finally {
    await server.close()
    studio.session.close()
  }
}
