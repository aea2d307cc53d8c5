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

    /**
     * As {@link #lookup}, possibly answered from a brief cache: never a subject as {@code good}
     * once a listing of it is imported (an implementation that caches must be told of every change
     * to its lists before it answers from the cache again). For advice (the evaluate API), not for
     * acceptance. Without a cache it is {@link #lookup}.
     */
    default CreditStanding lookupRecent(String subjectId, LocalDate asOf) {
        return lookup(subjectId, asOf);
    }

    /**
     * What {@link #lookupRecent} would answer, if it can be answered without waiting for the
     * registry (from its cache); empty when only a look-up can tell. For a caller that must not
     * block (the evaluate API on the event loop), which then asks {@link #lookupRecent} elsewhere.
     */
    default java.util.Optional<CreditStanding> recentWithoutWaiting(String subjectId, LocalDate asOf) {
        return java.util.Optional.empty();
    }
}
