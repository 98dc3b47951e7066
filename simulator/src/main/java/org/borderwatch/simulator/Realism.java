package org.borderwatch.simulator;

/**
 * How far the agencies' records fall short of what happened: the rates of the errors real exports carry, so
 * that no field of the landing zone is a copy of the world's hidden state (docs/simulator.md, "What the
 * records get wrong"). Zero everywhere (and no unlisted crossings) gives the clean records of a perfect agency,
 * for experiments only (set every key of simulator.records to 0 and unlisted-crossings to false).
 *
 * @param unlistedCrossings networks also use crossing points no agency lists, some opening during the run
 * @param patrolAbsent share of rostered mobile units that are not where the roster says in a week
 * @param patrolUnrostered chance that a listed informal point without rostered units is patrolled anyway
 * @param victimUnrecorded share of interdicted victims a case file records as witnesses (not as victims)
 * @param victimFalse share of interdicted non-victims a case file records as victims
 * @param personOmitted share of interdicted travellers missing from the case file
 * @param roleSwapped share of case-file persons with the wrong side (a traveller as suspect, crew as witness)
 * @param roleGuessWrong share of wrong role guesses at interdiction (a traveller as driver, crew as migrant)
 * @param legitPlate share of legitimate official crossings driven across with a vehicle plate
 * @param groupCrossing share of legitimate crossings made together with one to five companions in one vehicle
 * @param borderPass share of border residents who cross on a certificate of identity (border pass)
 * @param adMimicry share of deceptive job ads written as an honest employer writes them (a company name, ordinary
 *     pay, legal-sounding terms, at most one warning sign)
 * @param adLure share of honest job ads for well-paid work abroad, with travel arranged and fees from the salary
 * @param screeningUnasked share of screening questions never put when the interview has no interpreter (left
 *     blank on the form)
 * @param moneyStructuring share of networks that split their money just below the reporting threshold; the others
 *     send round sums, let mules hold it for weeks, chain two mules or withdraw part in cash
 */
public record Realism(boolean unlistedCrossings, double patrolAbsent, double patrolUnrostered,
    double victimUnrecorded, double victimFalse, double personOmitted, double roleSwapped, double roleGuessWrong,
    double legitPlate, double groupCrossing, double borderPass, double adMimicry, double adLure,
    double screeningUnasked, double moneyStructuring) {

  /** The rates of conf/local.conf's simulator.records section. */
  public static Realism defaults() {
    return new Realism(true, 0.10, 0.04, 0.35, 0.05, 0.10, 0.04, 0.15, 0.15, 0.04, 0.25, 0.30, 0.25, 0.40, 0.35);
  }
}
