package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GB 11643 identity numbers and GB 32100 unified social credit codes. */
class IdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "440524188001010014"})
    void validIdentityNumbersPass(String id) {
        assertNull(IdNumbers.problem(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "11010519491231002", "1101051949123100XX", "110105194913310024",
            "110105299912310029"})
    void wrongCheckDigitLengthOrDateFails(String id) {
        assertNotNull(IdNumbers.problem(id));
    }

    @Test
    void birthDateIsReadFromTheNumber() {
        assertEquals(LocalDate.of(1949, 12, 31), IdNumbers.birthDate("11010519491231002X"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91350100m000100y43"})
    void validCreditCodesPass(String code) {
        assertNull(CreditCodes.problem(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "9135010OM000100Y43", "91350100M000100I43"})
    void invalidCreditCodesFail(String code) {
        assertNotNull(CreditCodes.problem(code));
    }
}
