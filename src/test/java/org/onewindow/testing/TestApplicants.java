package org.onewindow.testing;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.onewindow.intake.CreditCodes;
import org.onewindow.intake.IdNumbers;

/**
 * Fresh, valid identity numbers (GB 11643) and unified social credit codes (GB 32100) for tests,
 * a different one per call, so that one test's shared-library entries never leak into another's.
 */
public final class TestApplicants {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestApplicants() {
    }

    public static String person() {
        int n = NEXT.getAndIncrement();
        String base = "110105" + LocalDate.of(1970, 1, 1).plusDays(n).toString().replace("-", "") + "123";
        for (char check : "0123456789X".toCharArray()) {
            if (IdNumbers.problem(base + check) == null) {
                return base + check;
            }
        }
        throw new IllegalStateException("no check digit for " + base);
    }

    public static String enterprise() {
        int n = NEXT.getAndIncrement();
        String base = String.format("91350100MA%07d", n);
        for (char check : CODE_CHARS.toCharArray()) {
            if (CreditCodes.problem(base + check) == null) {
                return base + check;
            }
        }
        throw new IllegalStateException("no check character for " + base);
    }
}
