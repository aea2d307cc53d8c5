package org.onewindow.guide;

/**
 * An enum whose YAML/JSON spelling is the official Chinese (or standard) label rather than the Java
 * constant name, e.g. {@code 行政许可}. The knowledge-base loader maps labels to constants.
 */
public interface Labelled {
    String label();
}
