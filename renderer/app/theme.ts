import { create } from 'zustand'

export type ThemePreference = 'system' | 'light' | 'dark'
type ResolvedTheme = 'light' | 'dark'

const storageKey = 'capmap.theme'
const darkQuery = '(prefers-color-scheme: dark)'

interface ThemeState {
  preference: ThemePreference
  resolved: ResolvedTheme
  setPreference(preference: ThemePreference): void
  toggle(): void
}

const systemTheme = (): ResolvedTheme => (window.matchMedia?.(darkQuery).matches ? 'dark' : 'light')
const resolve = (preference: ThemePreference): ResolvedTheme => (preference === 'system' ? systemTheme() : preference)

function readPreference(): ThemePreference {
  const stored = window.localStorage.getItem(storageKey)
  return stored === 'light' || stored === 'dark' || stored === 'system' ? stored : 'system'
}

/** The theme follows the OS unless the user picks one; CSS variables under `[data-theme]` do the rest. */
export const useThemeStore = create<ThemeState>()((set, get) => ({
  preference: readPreference(),
  resolved: resolve(readPreference()),
  setPreference(preference) {
    window.localStorage.setItem(storageKey, preference)
    set({ preference, resolved: resolve(preference) })
  },
  toggle() {
    get().setPreference(get().resolved === 'dark' ? 'light' : 'dark')
  }
}))

/** Applies the theme to the document and keeps following the OS while the preference is "system". */
export function installTheme(): void {
  const apply = () => {
    document.documentElement.dataset.theme = useThemeStore.getState().resolved
  }
  apply()
  useThemeStore.subscribe(apply)
  window.matchMedia?.(darkQuery).addEventListener('change', () => {
    const { preference } = useThemeStore.getState()
    if (preference === 'system') useThemeStore.setState({ resolved: systemTheme() })
  })
}
