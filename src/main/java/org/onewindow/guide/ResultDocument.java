package org.onewindow.guide;

/**
 * 审批结果: what the applicant receives. {@code material} names the catalogue material the result
 * becomes, so a later matter in the same life event does not ask the applicant for it.
 */
public record ResultDocument(String type, String name, String material, String validity, String nameEn) implements java.io.Serializable {
}
