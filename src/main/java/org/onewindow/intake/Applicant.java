package org.onewindow.intake;

/**
 * Who applies: a person (identity number) or an enterprise (unified social credit code), and the
 * credit status the tolerance rules consult ({@code good}, {@code bad} or {@code unknown}).
 */
public record Applicant(String type, String id, String creditStatus) {

    public static final Applicant ANONYMOUS = new Applicant("person", null, "unknown");
}
