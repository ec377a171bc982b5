import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderSettings } from './renderSettings'

const notice = /^Rehearse offline: Settings › Connection profiles can start a local Capillary sandbox/

describe('the first-start notice of a local sandbox', () => {
  it('tells once where the offer is, when main offers it', async () => {
    const { stores } = renderSettings({ offer: true })
    expect(await screen.findByText(notice)).toBeTruthy()
    await stores.profiles.getState().load()
    await waitFor(() =>
      expect(stores.notifications.getState().items.filter((item) => notice.test(item.message))).toHaveLength(1)
    )
  })

  it('says nothing when there is nothing to offer', async () => {
    const { stores } = renderSettings({ offer: false })
    await screen.findByText(/No connection profiles yet/)
    expect(stores.notifications.getState().items).toEqual([])
  })
})
