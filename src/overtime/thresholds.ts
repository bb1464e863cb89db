/**
 * The numbers that decide when two reports' goal titles are one goal. One table, each with why; the tests in
 * test/overtime/ hold the rewordings they must accept and the different goals they must keep apart.
 */
export const OVER_TIME = {
  /**
   * Two titles are one goal at this word-stem Dice coefficient or above. A reworded goal keeps most of its content
   * words ("Fler invånare ska vara nöjda med kollektivtrafiken" / "Andelen invånare nöjda med kollektivtrafiken ska
   * öka": 0.67), while two goals of one committee usually share only their frame words ("andel", "öka": 0.2-0.4).
   */
  matchThreshold: 0.5,
  /**
   * A word is compared by its first letters only, so inflections match ("invånare" / "invånarna", "förskolan" /
   * "förskolor", "resident" / "residents") without a stemmer per language; five letters keep Swedish compounds
   * apart by their first part ("förskola" / "förvaltning").
   */
  stemLength: 5,
  /** Shorter words ("i", "av", "to") say nothing about which goal it is. */
  minWordLength: 3,
  /** Green for this many reports in a row without resident-facing evidence is "persistently" green. */
  persistentGreenReports: 2,
} as const;
