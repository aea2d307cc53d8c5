package org.onewindow.guide;

/** An implementing department (实施主体) stationed in, or served through, the centre. */
public record Department(String code, String name, String shortName, String nameEn, String phone) {
}
