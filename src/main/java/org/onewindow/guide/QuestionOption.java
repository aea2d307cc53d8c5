package org.onewindow.guide;

/** One allowed answer of a choice question. */
public record QuestionOption(String value, String label, String labelEn) implements java.io.Serializable {
}
