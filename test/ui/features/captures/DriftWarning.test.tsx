import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { CaptureShape } from '../../../../shared/model/captureInbox'
import { DriftWarning } from '../../../../renderer/features/captures/DriftWarning'

const shape: CaptureShape = {
  integrationId: 'bk',
  captureCount: 2,
  schema: { payloadCount: 2, fields: [] },
  drift: [
    {
      captureId: '5',
      receivedAt: '2026-11-29T20:48:18.000Z',
      changes: [
        { path: 'hotel', type: 'object', kind: 'new_field' },
        { path: 'nights', type: 'number', kind: 'new_field' },
        { path: 'amount', type: 'string', kind: 'new_type' },
        { path: 'booked_at', type: 'string', kind: 'new_field' },
        { path: 'guests', type: 'number', kind: 'new_field' }
      ]
    }
  ]
}

describe('the drift warning, on the capture that brought the drift', () => {
  it('names what it brought and leads to the mapping that must read it, not to itself', () => {
    const checkMapping = vi.fn()
    render(<DriftWarning shape={shape} onCheckMapping={checkMapping} />)
    expect(screen.getByTestId('drift-warning').textContent).toContain(
      'This capture brought what no earlier capture had: hotel (object), nights (number), amount (now also string), ' +
        'booked_at (string) and 1 more. Check the mapping still reads it.'
    )
    expect(screen.queryByRole('button', { name: /Show #/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Check the mapping' }))
    expect(checkMapping).toHaveBeenCalledTimes(1)
  })
})
