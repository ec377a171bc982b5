/** How long a delete can be undone (captures and events alike): its rows wait in a trash table until then. */
export const undoWindowMs = 10 * 60_000

/** Deleted before this time (ISO 8601): too late to undo, and purged. */
export const undoCutoff = (now: Date): string => new Date(now.getTime() - undoWindowMs).toISOString()
