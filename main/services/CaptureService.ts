import type { CaptureDetail, CapturePage, CaptureSelection } from '../../shared/model/capture'
import { StudioError } from '../errors/StudioError'
import { captureDetail } from '../listener/captureDetail'
import type { CaptureFilter } from '../store/CaptureRepository'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'

/** The project's captured requests: listed by keyset, searched, read in full, deleted explicitly. */
export class CaptureService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus
  ) {}

  list(filter: CaptureFilter): CapturePage {
    return this.session.require().captures.list(filter)
  }

  get(id: string): CaptureDetail {
    const stored = this.session.require().captures.get(id)
    if (!stored) throw new StudioError('not_found', 'That capture no longer exists (deleted, or removed by retention).')
    return captureDetail(stored)
  }

  delete(selection: CaptureSelection): { deleted: number } {
    const captures = this.session.require({ forWriting: true }).captures
    const deleted =
      'ids' in selection
        ? captures.delete(selection.ids)
        : captures.deleteAll(
            selection.integrationId === undefined ? undefined : { integrationId: selection.integrationId }
          )
    if (deleted > 0) this.bus.emit('capturesDeleted', { count: deleted })
    return { deleted }
  }
}
