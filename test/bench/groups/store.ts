import { figure, medianMs, type Figure } from '../figure'
import { benchStudio } from '../support/benchStudio'

/** Opening a project (with its checks and backup) and reading it, on a project of 200 events × 20 attributes. */
export async function storeBench(): Promise<Figure[]> {
  const { studio, path } = benchStudio(200, 20)
  try {
    const list = await medianMs(() => studio.events.list(), 30)
    studio.session.close()
    const open = await medianMs(
      () => {
        studio.session.open(path)
        studio.session.close()
      },
      10,
      2
    )
    return [figure('store.list_events_200', list, 'ms'), figure('store.open_close_project_200', open, 'ms')]
  } finally {
    studio.session.close()
  }
}
