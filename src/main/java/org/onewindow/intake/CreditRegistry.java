package org.onewindow.intake;

import java.time.LocalDate;

/**
 * Where an applicant's credit status comes from. Tolerance (容缺) is granted only on the registry's
 * word, never on the caller's: on a dishonest-subject (失信) list → {@code bad}; consulted and not
 * listed → {@code good}; {@code unknown} when no registry could be consulted. The shipped
 * implementation is a list imported into the database ({@code org.onewindow.credit.DatabaseCreditRegistry}); a
 * provincial credit service can implement the same interface later.
 */
public interface CreditRegistry {

    /** The standing of an identified applicant (ID number or unified social credit code) on a day. */
    CreditStanding lookup(String subjectId, LocalDate asOf);
}
