package org.onewindow.online;

import java.util.Map;

import org.onewindow.intake.LibraryAccess;

/**
 * The applicant behind a signed-in browser: their phone, the identity they declared (if any),
 * whether it is verified for that phone, and the answers they gave earlier in this session.
 */
public record SignedIn(String token, String phone, String idNumber, String name, boolean verified,
        Map<String, String> answers) {

    public SignedIn {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    /** Their own library, and only once their identity is verified. */
    public LibraryAccess libraryAccess() {
        return verified ? LibraryAccess.own(idNumber) : LibraryAccess.NONE;
    }

    /** 3201**********123X: what the portal shows of the identity number. */
    public String maskedId() {
        return idNumber == null || idNumber.length() < 8 ? idNumber
                : idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    public String maskedPhone() {
        return PhoneNumbers.masked(phone);
    }

    /** The casework actor for what they do online ({@code online:<phone>}). */
    public String actorName() {
        return "online:" + phone;
    }
}
