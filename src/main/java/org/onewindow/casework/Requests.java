package org.onewindow.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The typed requests of the clerk desk, bound from JSON (or a page's form) and checked with
 * Hibernate Validator before a service sees them: a violation answers 400 naming the field.
 */
public final class Requests {

    private Requests() {
    }

    /** Any change decided on a version the caller read. */
    public record Versioned(@NotNull(message = "give the version you are changing (from the last read)")
            @PositiveOrZero Integer version) {
    }

    /** Checking one material in; the version is optional (one click is its own change). */
    public record MaterialCheck(@NotNull(message = "must be \"received\", \"missing\" or \"pending\"")
            @Pattern(regexp = "received|missing|pending", message = "must be \"received\", \"missing\" or \"pending\"")
            String state,
            @Pattern(regexp = "original|copy|original-and-copy",
                    message = "must be \"original\", \"copy\" or \"original-and-copy\"") String form,
            @PositiveOrZero Integer version) {
    }

    /** The old-style override on accept/return: a reason, recorded. */
    public record OverrideNote(@NotBlank(message = "an override needs a reason; it is recorded")
            @Size(min = 2, max = 1000) String reason) {
    }

    /** Accept as the rules judge it ({@code override} is refused: overrides go to a supervisor). */
    public record Accept(@NotNull(message = "give the version you are changing (from the last read)")
            @PositiveOrZero Integer version, @Valid OverrideNote override) {
    }

    /** Hand back; the override reason is required when the rules would accept. */
    public record GiveBack(@NotNull(message = "give the version you are changing (from the last read)")
            @PositiveOrZero Integer version, @Valid OverrideNote override) {
    }

    /** A clerk's override proposal: a reason from {@link OverrideReason}, free text and the basis relied on. */
    public record OverrideProposal(@NotNull(message = "give the version you are changing (from the last read)")
            @PositiveOrZero Integer version,
            @NotBlank(message = "choose a reason: " + OverrideReason.CODES)
            @Pattern(regexp = OverrideReason.PATTERN, message = "must be one of " + OverrideReason.CODES) String reason,
            @Size(max = 1000) String note,
            @NotBlank(message = "name the rule, document or instruction the override relies on")
            @Size(min = 2, max = 1000) String basis) {
    }

    /** A supervisor's answer to an override: a comment, required to reject. */
    public record OverrideAnswer(@PositiveOrZero Integer version, @Size(max = 1000) String comment) {
    }

    /** A department's decision. */
    public record Decision(@NotNull(message = "give the version you are changing (from the last read)")
            @PositiveOrZero Integer version,
            @NotNull(message = "must be \"approve\", \"reject\" or \"supplement\"")
            @Pattern(regexp = "approve|reject|supplement", message = "must be \"approve\", \"reject\" or \"supplement\"")
            String decision,
            @Size(max = 1000) String reason) {
    }

    /** A supervisor's acknowledgement of an escalated case, or the closing of a rating follow-up. */
    public record Comment(@NotBlank(message = "write what was done; it is recorded") @Size(min = 2, max = 1000)
            String comment) {
    }

    /** An applicant's rating of the service (好差评). */
    public record Rating(@NotBlank(message = "the application number on the receipt") @Size(max = 40) String number,
            @NotBlank(message = "the last six characters of the applicant's ID number or credit code")
            @Size(min = 6, max = 6, message = "the last six characters of the applicant's ID") String idTail,
            @NotNull(message = "a score from 1 (very dissatisfied) to 5 (very satisfied)") @Min(1) @Max(5) Integer score,
            @Size(max = 500) String comment,
            @Pattern(regexp = "qr|kiosk", message = "must be \"qr\" or \"kiosk\"") String channel) {
    }
}
