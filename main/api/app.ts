import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createAppHandlers = (studio: Studio): Pick<Handlers, 'getAppInfo'> => ({
  getAppInfo: () => studio.appInfo
})
