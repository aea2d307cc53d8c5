package org.onewindow.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.guide.AnswerType;
import org.onewindow.guide.Catalogue;
import org.onewindow.guide.Question;
import org.onewindow.intake.IdNumbers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Answers the online channel knows without asking ({@code knowledge-base/prefill.yaml}): from the
 * applicant's identity number (age, sex, birth date), from who signed in (applying for oneself or
 * for somebody else) and from the applicant's own shared material library (a certificate held
 * answers "do you hold …?"). Data, not code: which question each fact answers is policy staff's
 * to say. Pure: no database, no CDI — the interview benchmark uses it as the page does.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrefillRules(List<Rule> identity, List<Rule> signedIn, List<LibraryRule> library) {

    public static final String FILE = "prefill.yaml";
    /** Facts read from an identity number (GB 11643). */
    public static final Set<String> IDENTITY_FACTS = Set.of("age", "sex", "birthDate");
    /** Facts from who signed in. */
    public static final Set<String> SIGNED_IN_FACTS = Set.of("notSelf", "self");

    public static final PrefillRules NONE = new PrefillRules(List.of(), List.of(), List.of());

    /** A question answered by a fact; {@code values} maps a fact's value to the question's option where needed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rule(String question, String from, Map<String, String> values) {
    }

    /** A question answered {@code answer} when the library holds {@code material} for the applicant. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LibraryRule(String question, String material, String answer) {
    }

    public PrefillRules {
        identity = identity == null ? List.of() : List.copyOf(identity);
        signedIn = signedIn == null ? List.of() : List.copyOf(signedIn);
        library = library == null ? List.of() : List.copyOf(library);
    }

    /** The rules of a knowledge-base folder; none when it has no prefill.yaml. */
    public static PrefillRules load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            PrefillRules rules = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), PrefillRules.class);
            return rules == null ? NONE : rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** What in the rules does not fit the knowledge base: unknown questions, materials or facts. */
    public List<String> problems(Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        for (Rule r : identity) {
            question(catalogue, r.question(), "identity", problems);
            if (!IDENTITY_FACTS.contains(r.from())) {
                problems.add("identity: unknown fact '" + r.from() + "' (one of " + IDENTITY_FACTS + ")");
            }
        }
        for (Rule r : signedIn) {
            question(catalogue, r.question(), "signedIn", problems);
            if (!SIGNED_IN_FACTS.contains(r.from())) {
                problems.add("signedIn: unknown fact '" + r.from() + "' (one of " + SIGNED_IN_FACTS + ")");
            }
        }
        for (LibraryRule r : library) {
            question(catalogue, r.question(), "library", problems);
            if (catalogue.material(r.material()).isEmpty()) {
                problems.add("library: unknown material '" + r.material() + "'");
            }
        }
        return problems;
    }

    private static void question(Catalogue catalogue, String id, String where, List<String> problems) {
        if (catalogue.question(id).isEmpty()) {
            problems.add(where + ": unknown question '" + id + "'");
        }
    }

    /**
     * The answers known for an applicant: {@code applicantId} is the identity number of the person
     * applied for (null for an enterprise), {@code self} whether that is the person signed in,
     * {@code holdings} the material codes of the applicant's own library (empty unless the person
     * signed in may see it). Values are as a form sends them ("true", "34", "married").
     */
    public Map<String, String> answers(Catalogue catalogue, String applicantId, boolean self, Set<String> holdings,
            LocalDate asOf) {
        Map<String, String> answers = new LinkedHashMap<>();
        boolean person = applicantId != null && IdNumbers.problem(applicantId) == null;
        // for an enterprise the person signed in may be its legal representative or an agent: asked, not assumed
        for (Rule r : person ? signedIn : List.<Rule>of()) {
            boolean notSelf = !self;
            put(catalogue, answers, r, String.valueOf("notSelf".equals(r.from()) ? notSelf : !notSelf));
        }
        if (person) {
            LocalDate birth = IdNumbers.birthDate(applicantId);
            for (Rule r : identity) {
                String fact = switch (r.from()) {
                    case "age" -> String.valueOf(Math.max(0, Period.between(birth, asOf).getYears()));
                    case "sex" -> (applicantId.charAt(16) - '0') % 2 == 1 ? "male" : "female";
                    default -> birth.toString();
                };
                put(catalogue, answers, r, fact);
            }
        }
        for (LibraryRule r : library) {
            if (holdings.contains(r.material()) && catalogue.question(r.question()).isPresent()) {
                answers.putIfAbsent(r.question(), r.answer());
            }
        }
        return answers;
    }

    private static void put(Catalogue catalogue, Map<String, String> answers, Rule r, String fact) {
        Question q = catalogue.question(r.question()).orElse(null);
        if (q == null) {
            return;
        }
        String value = r.values() != null && r.values().containsKey(fact) ? r.values().get(fact) : fact;
        if (q.type() == AnswerType.CHOICE && q.options().stream().noneMatch(o -> o.value().equals(value))) {
            return; // the fact does not answer this question's options: ask it
        }
        answers.putIfAbsent(r.question(), value);
    }
}
