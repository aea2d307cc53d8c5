package org.onewindow.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;
import org.onewindow.intake.CreditStanding;
import org.onewindow.intake.DecisionLog;
import org.onewindow.intake.DepartmentRole;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.InvalidInputException;
import org.onewindow.intake.MaterialItem;
import org.onewindow.intake.MatterSummary;
import org.onewindow.intake.Outcome;
import org.onewindow.intake.Situation;
import org.onewindow.intake.SituationReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Starting an application (收件): from a kiosk/online reference or from matters/event, for an
 * identified applicant whose credit the registry gives; decided now (with the applicant's shared
 * library) and recorded in the same transaction. A repeated idempotency key of the same member of
 * staff answers the application it first created; keys of different staff never collide.
 */
@ApplicationScoped
public class ApplicationIntake {

    private static final int MAX_NAME = 100;

    @Inject
    ApplicationStore store;

    @Inject
    ApplicationViews views;

    @Inject
    Changes changes;

    @Inject
    IntakeService intake;

    @Inject
    CatalogueRegistry catalogues;

    @Inject
    DeskCalendar calendar;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionManager transactions;

    @Transactional
    public Created create(JsonNode body, String idempotencyKey, Actor actor) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters");
        }
        String requestHash = hash(body);
        if (idempotencyKey != null) {
            Optional<Created> replay = replay(actor, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Catalogue catalogue = catalogues.current();
        String reference = textField(body, "reference", 40);
        String name = textField(body, "applicant.name", MAX_NAME);
        Situation read = new SituationReader(catalogue).read(situationBody(body, reference));
        if (read.applicant().id() == null) {
            throw new InvalidInputException("applicant.id",
                    "an application needs the applicant's identity number or unified social credit code");
        }
        CreditStanding credit = intake.standing(read.applicant(), null);
        Situation situation = intake.credited(read);
        Outcome outcome = intake.decide(catalogue, situation);
        if (!outcome.pendingQuestions().isEmpty()) {
            throw new CaseworkException(422, "questions pending", "answer these questions first: they decide which "
                    + "materials are needed", "answers", Map.of("pendingQuestions", outcome.pendingQuestions()));
        }
        if (outcome.matters().isEmpty()) {
            throw new CaseworkException(422, "nothing to apply for",
                    "with these answers none of the life event's matters applies", "answers", null);
        }
        Outcome recorded = intake.record(situation, outcome);
        Optional<Long> id = store.insert(new ApplicationStore.NewRow(situation.applicant().type(),
                situation.applicant().id(), name, situation.applicant().creditStatus(), views.write(credit),
                recorded.matters().stream().map(MatterSummary::code).toList(), recorded.event(),
                views.write(situation), views.write(recorded), recorded.decisionId(), recorded.ruleSet().version(),
                reference, recorded.window() == null ? null : recorded.window().code(), lead(recorded),
                recorded.matters().stream().mapToInt(MatterSummary::promisedDays).max().orElse(0),
                actor.username(), idempotencyKey, requestHash), calendar.today(), calendar.now());
        if (id.isEmpty()) {
            // another request of the same clerk with the same key won the race: answer with its application,
            // and keep nothing of this one (its decision record goes with the rollback)
            Created first = replay(actor, idempotencyKey, requestHash).orElseThrow();
            try {
                transactions.setRollbackOnly();
            } catch (jakarta.transaction.SystemException e) {
                throw new IllegalStateException(e);
            }
            return first;
        }
        store.insertMaterials(id.get(), checklist(recorded));
        changes.event(id.get(), actor.username(), "created", reference == null
                ? "decision=" + recorded.reference() : "reference=" + reference + " decision=" + recorded.reference(),
                Changes.data("reference", reference, "decision", recorded.reference(), "credit",
                        situation.applicant().creditStatus()));
        return new Created(changes.view(id.get()), false);
    }

    private Optional<Created> replay(Actor actor, String key, String requestHash) {
        Optional<Long> id = store.idForKey(actor.username(), key);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ApplicationStore.Row row = store.find(id.get()).orElseThrow();
        if (!requestHash.equals(row.requestHash())) {
            throw new CaseworkException(422, "idempotency key reused", "this Idempotency-Key was used for a "
                    + "different request (application " + row.number() + ")", "Idempotency-Key", null);
        }
        return Optional.of(new Created(views.full(row), true));
    }

    /** The situation to decide: the body's, or the kiosk decision's with the body's applicant and answers on top. */
    private ObjectNode situationBody(JsonNode body, String reference) {
        ObjectNode copy = body.deepCopy();
        copy.remove("reference");
        if (copy.get("applicant") instanceof ObjectNode applicant) {
            applicant.remove("name");
        }
        if (reference == null) {
            return copy;
        }
        DecisionLog.Recorded kiosk = intake.find(reference).orElseThrow(() -> new InvalidInputException("reference",
                "no kiosk or online decision has the reference '" + reference + "'"));
        if (copy.has("matters") || copy.has("event")) {
            throw new InvalidInputException("reference", "give either a reference or matters/event, not both");
        }
        ObjectNode merged = json.valueToTree(kiosk.situation());
        merged.remove("asOf");
        merged.remove(kiosk.situation().event() == null ? "event" : "matters");
        merged.set("applicant", copy.get("applicant"));
        if (copy.get("answers") instanceof ObjectNode answers) {
            ObjectNode known = merged.get("answers") instanceof ObjectNode o ? o : merged.putObject("answers");
            known.setAll(answers);
        }
        return merged;
    }

    /** The required materials of the decision (not those another matter of the visit produces). */
    private static List<ChecklistLine> checklist(Outcome outcome) {
        Map<String, Integer> deadlines = new HashMap<>();
        outcome.tolerable().forEach(t -> deadlines.put(t.code(), t.deadlineDays()));
        List<ChecklistLine> lines = new ArrayList<>();
        for (MaterialItem m : outcome.materials()) {
            if (!m.required() || m.pending() || m.producedBy() != null) {
                continue;
            }
            lines.add(new ChecklistLine(m.code(), m.title() != null ? m.title() : m.name(), m.key(),
                    deadlines.containsKey(m.code()), deadlines.get(m.code()),
                    m.fromLibrary() ? MaterialState.LIBRARY : MaterialState.PENDING, m.form(), null, null, null));
        }
        return lines;
    }

    private static String lead(Outcome outcome) {
        return outcome.departments().stream().filter(d -> DepartmentRole.LEAD.equals(d.role())).map(DepartmentRole::code)
                .findFirst().orElse(null);
    }

    /** A string field at a dotted path, or null; refuses other types and over-long values. */
    private static String textField(JsonNode body, String path, int max) {
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(path, "must be a string");
        }
        String value = node.asText().strip();
        if (value.length() > max) {
            throw new InvalidInputException(path, "at most " + max + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private String hash(JsonNode body) {
        try {
            String canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(json.treeToValue(body, Object.class));
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
