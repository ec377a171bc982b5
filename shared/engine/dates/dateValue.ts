/**
 * A moment read by parseDate, carried through the pipeline until formatDate writes it (or, without formatDate, the
 * engine writes it as `yyyy-MM-dd HH:mm:ss` in UTC). Never part of an output payload.
 */
export class DateValue {
  constructor(
    readonly epochMs: number,
    /** The offset the text carried, or the reading zone's offset for a text without one; none for epoch times. */
    readonly sourceOffsetMinutes: number | undefined
  ) {}
}
