import type { Studio } from '../services/createStudio'
import { createNotificationsIntegration } from '../services/createNotificationsIntegration'
import type { Handlers } from './handlers'

type CaptureRequest =
  | 'listCaptures'
  | 'getCapture'
  | 'getCaptureView'
  | 'deleteCaptures'
  | 'discardCaptures'
  | 'restoreCaptures'
  | 'replayCapture'
  | 'resendCapture'
  | 'sendTestPayload'
  | 'listPayloadSamples'
  | 'saveCaptureAsSample'
  | 'deletePayloadSample'
  | 'getCaptureShape'
  | 'getCaptureRate'
  | 'getPublicUrl'
  | 'setPublicUrl'
  | 'listCaptureOnlyIntegrations'
  | 'setCaptureOnly'
  | 'createNotificationsIntegration'

export const createCaptureHandlers = (studio: Studio): Pick<Handlers, CaptureRequest> => ({
  listCaptures: (query) => studio.captures.list(query),
  getCapture: ({ id }) => studio.captures.get(id),
  getCaptureView: ({ id }) => studio.captures.view(id),
  deleteCaptures: (selection) => studio.captures.delete(selection),
  discardCaptures: (selection) => studio.captures.discard(selection),
  restoreCaptures: ({ undoId }) => studio.captures.restore(undoId),
  replayCapture: ({ id, body }) => studio.captures.replay(id, body),
  resendCapture: ({ id, mode, body }) => studio.captures.resend(id, mode, body),
  sendTestPayload: (input) => studio.captures.sendTest(input),
  listPayloadSamples: () => studio.captures.samples(),
  saveCaptureAsSample: ({ captureId, name }) => studio.captures.saveSample(captureId, name),
  deletePayloadSample: ({ id }) => studio.captures.deleteSample(id),
  getCaptureShape: ({ integrationId }) => studio.captures.shape(integrationId),
  getCaptureRate: ({ minutes }) => studio.captures.rate(minutes),
  getPublicUrl: () => studio.captures.publicUrl(),
  setPublicUrl: ({ publicUrl }) => studio.captures.setPublicUrl(publicUrl),
  listCaptureOnlyIntegrations: () => studio.captures.captureOnly(),
  setCaptureOnly: ({ integrationId, captureOnly }) => studio.captures.setCaptureOnly(integrationId, captureOnly),
  createNotificationsIntegration: () => createNotificationsIntegration(studio.integrations, studio.captures)
})
