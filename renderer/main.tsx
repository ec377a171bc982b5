import './editor/monaco'
import './ui/styles.css'
import './ui/components.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { chooseTransport } from './api/chooseTransport'
import { createStudioApi } from './api/client'
import { App } from './app/App'
import { ErrorBoundary } from './app/ErrorBoundary'
import { createStudioStores, StudioProvider } from './app/StudioContext'
import { installTheme } from './app/theme'

installTheme()
const stores = createStudioStores(createStudioApi(chooseTransport()))
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <StudioProvider stores={stores}>
        <App />
      </StudioProvider>
    </ErrorBoundary>
  </StrictMode>
)
