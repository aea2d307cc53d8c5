package org.onewindow.intake;

/** A caller sent something the intake cannot accept; {@code field} says exactly where. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
