/** Bumped when the same mapping could give different outputs: bundles record it, so a difference can be traced. */
export const engineVersion = 1
