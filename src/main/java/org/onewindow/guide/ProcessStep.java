package org.onewindow.guide;

/** 办理环节: step name, what happens, and its share of the time limit. */
public record ProcessStep(String step, String description, Integer days) implements java.io.Serializable {
}
