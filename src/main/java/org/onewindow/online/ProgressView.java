package org.onewindow.online;

import java.time.LocalDate;
import java.util.List;

/**
 * An application's progress as its applicant may see it: the steps in plain words (Chinese and
 * English), what is awaited from them and by when, and when the result is due. Nothing about the
 * staff, the credit record or the library.
 */
public record ProgressView(String number, String status, List<MatterName> matters, List<Step> steps,
        List<Waiting> waitingFor, LocalDate dueOn, String result, boolean rateable) {

    public record MatterName(String code, String name, String nameEn) {
    }

    /** One step: when (district time, minutes), what happened, in both languages. */
    public record Step(String at, String what, String whatEn) {
    }

    /** A material awaited from the applicant: a tolerated one by its date, or what a department asked for. */
    public record Waiting(String material, String name, String nameEn, LocalDate by, String reason) {
    }
}
