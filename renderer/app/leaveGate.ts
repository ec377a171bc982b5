import { createStore } from 'zustand/vanilla'

interface LeaveGateState {
  /**
   * Asks whether the open project may be left now (saving what can be saved first), answering true to go on. Every
   * way of leaving it calls this: New, Open, Open Recent, Save As, Close, a bundle imported as a new project.
   */
  confirmLeave(): Promise<boolean>
}

/** Where leaving the project asks first: useLeaveGuard answers; before it is mounted, leaving is free. */
export const createLeaveGate = () =>
  createStore<LeaveGateState>()(() => ({
    confirmLeave: () => Promise.resolve(true)
  }))
