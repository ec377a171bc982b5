import { describe, expect, it } from 'vitest'
import { jsonFitsWithin } from '../../../../shared/model/jsonSize'

describe('jsonFitsWithin', () => {
  it('measures the JSON text exactly, the limit itself included', () => {
    const value = { hotel: 'Taj', nights: [1, 2] }
    const length = JSON.stringify(value).length
    expect(jsonFitsWithin(value, length)).toBe(true)
    expect(jsonFitsWithin(value, length - 1)).toBe(false)
    // Written out: "é\"" (an escaped quote takes two characters).
    expect(jsonFitsWithin('é"', 5)).toBe(true)
    expect(jsonFitsWithin('é"', 4)).toBe(false)
  })

  it('refuses what JSON cannot write', () => {
    expect(jsonFitsWithin(undefined, 100)).toBe(false)
  })

  it('refuses, after a bounded walk, an object shared exponentially many times and a cycle', () => {
    let shared: unknown = ['leaf']
    for (let level = 0; level < 60; level += 1) shared = [shared, shared]
    expect(jsonFitsWithin(shared, 5 * 1024 * 1024)).toBe(false)
    const cyclic: Record<string, unknown> = { hotel: 'Taj' }
    cyclic.self = cyclic
    expect(jsonFitsWithin(cyclic, 5 * 1024 * 1024)).toBe(false)
  })

  it('takes a shared object that stays small once written out', () => {
    let shared: unknown = ['leaf']
    for (let level = 0; level < 10; level += 1) shared = [shared, shared]
    expect(jsonFitsWithin(shared, JSON.stringify(shared).length)).toBe(true)
  })

  it('counts a long flat list without running out of room', () => {
    const list = Array.from({ length: 1_000_000 }, () => 0)
    // [0,0,…,0]: a million zeros, one comma fewer, two brackets.
    expect(jsonFitsWithin(list, 2_000_001)).toBe(true)
    expect(jsonFitsWithin(list, 2_000_000)).toBe(false)
  })

  it('counts a typed array as the list of numbers JSON writes of it (IPC keeps typed arrays)', () => {
    const bytes = new Uint8Array(1_000_000)
    // Twenty references to a megabyte each: a bounded count, where writing it out takes seconds.
    expect(
      jsonFitsWithin(
        Array.from({ length: 20 }, () => bytes),
        5 * 1024 * 1024
      )
    ).toBe(false)
    expect(jsonFitsWithin(new Uint8Array(3), 100)).toBe(true)
  })
})
