package dk.kk.gevinstspor.overview;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.envers.RevisionType;

import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.web.Labels;
import dk.kk.gevinstspor.common.web.TemplateExtensions;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.ChangeDecisionEntity;
import dk.kk.gevinstspor.decision.DecisionType;
import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.overview.HistoryService.Change;
import dk.kk.gevinstspor.proposal.ProposalEntity;

/**
 * The history in Danish for the proposal page: the changes grouped into entries (one per thing changed in one
 * save), newest first, each field by its label ({@link Labels#FIELD}) and each value the Danish way — amounts as
 * the entry form shows them ({@link DanishNumbers#kroner}: {@code 1.250.000,50}), other numbers
 * {@link DanishNumbers#format}, codes by their labels, dates {@code dd.mm.åååå}, moments in Copenhagen time,
 * Ja/Nej, a missing or empty value "–". A plan line names its amounts other than 0 ("Effektivisering på service
 * 1.500.000", or "alle beløb 0"). A value stored as JSON (a decision's new plan or schedule) is read and written the
 * same way, whatever its shape: a list as its items separated by "; ", an object as "Label value, …" (led by its
 * year, "2028: …", then without its amounts of 0), never as JSON; text that is no JSON is shown as it is.
 */
final class HistoryText {

    static final String DASH = "–";
    /** Fields (and JSON keys) that are amounts in kroner; a map under one of them holds amounts too. */
    static final Set<String> AMOUNTS = Set.of("investment", "operationFunding", "operatingCost", "serviceEfficiency",
            "transferEffect", "repayment", "principal", "amount", "schedule", "treasuryReturn");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryText() {
    }

    /** The entries of the changes (as {@link HistoryService} reads them, oldest first): newest first. */
    static List<HistoryEntry> entries(List<Change> changes) {
        List<Change> newestFirst = new ArrayList<>(changes);
        newestFirst.sort(Comparator.comparingLong(Change::revision).reversed()); // stable: each save keeps its order
        List<HistoryEntry> entries = new ArrayList<>();
        Change first = null;
        List<HistoryEntry.Field> fields = new ArrayList<>();
        for (Change c : newestFirst) {
            if (first == null || !sameEntry(first, c)) {
                if (first != null) {
                    entries.add(entry(first, fields));
                    fields = new ArrayList<>();
                }
                first = c;
            }
            fields.addAll(fields(c));
        }
        if (first != null) {
            entries.add(entry(first, fields));
        }
        return entries;
    }

    private static boolean sameEntry(Change a, Change b) {
        return a.revision() == b.revision() && a.entity().equals(b.entity()) && a.item().api().equals(b.item().api())
                && action(a).equals(action(b));
    }

    private static HistoryEntry entry(Change c, List<HistoryEntry.Field> fields) {
        String what = Labels.history(c.entity()) + (c.item().danish().isEmpty() ? "" : ": " + c.item().danish());
        return new HistoryEntry(TemplateExtensions.danish(c.at()), c.user() == null ? DASH : c.user(), what, action(c), List.copyOf(fields));
    }

    static String action(Change c) {
        RevisionType type = HistoryService.CREATED.equals(c.field()) ? RevisionType.ADD
                : HistoryService.REMOVED.equals(c.field()) ? RevisionType.DEL : RevisionType.MOD;
        return Labels.AUDIT_ACTION.get(type.name());
    }

    private static List<HistoryEntry.Field> fields(Change c) {
        if (HistoryService.CREATED.equals(c.field()) || HistoryService.REMOVED.equals(c.field())) {
            boolean created = HistoryService.CREATED.equals(c.field());
            Map<?, ?> all = (Map<?, ?>) (created ? c.now() : c.old());
            List<HistoryEntry.Field> fields = new ArrayList<>();
            if (all != null) {
                all.forEach((name, value) -> {
                    if (value != null && !"".equals(value)) {
                        String text = value(name.toString(), value);
                        fields.add(new HistoryEntry.Field(label(name.toString()), created ? null : text, created ? text : null));
                    }
                });
            }
            return fields;
        }
        return List.of(new HistoryEntry.Field(label(c.field()), value(c.field(), c.old()), value(c.field(), c.now())));
    }

    /** A field's label: {@code serviceEfficiency} → Effektivisering på service, {@code plan 2027} → Plan for 2027. */
    static String label(String field) {
        if (field.startsWith(HistoryService.PLAN_LINE)) {
            return "Plan for " + field.substring(HistoryService.PLAN_LINE.length());
        }
        return Labels.field(field);
    }

    /** A value of the field, the Danish way. */
    static String value(String field, Object value) {
        if (value == null || "".equals(value)) {
            return DASH;
        } else if (value instanceof BigDecimal number) {
            return number(field, number);
        } else if (value instanceof Boolean yes) {
            return yes ? "Ja" : "Nej";
        } else if (value instanceof LocalDate date) {
            return TemplateExtensions.danish(date);
        } else if (value instanceof Instant moment) {
            return TemplateExtensions.danish(moment);
        } else if (value instanceof Enum<?> code) {
            return code(code);
        } else if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "ingen" : map.entrySet().stream().map(e -> e.getKey() + ": " + value(field, e.getValue()))
                    .collect(Collectors.joining(", "));
        } else if (value instanceof HistoryService.PlanLine line) {
            return amounts(line.amounts().entrySet().stream().filter(e -> !isZero(e.getValue()))
                    .map(e -> Labels.field(e.getKey()) + " " + value(e.getKey(), e.getValue())).toList());
        } else if (value instanceof HistoryService.Json json) {
            return json(field, json.text());
        }
        return value.toString(); // text and whole numbers (years, a priority class) as they are
    }

    /** A plan line's amounts other than 0, or that it has none. */
    private static String amounts(List<String> nonZero) {
        return nonZero.isEmpty() ? "alle beløb 0" : String.join(", ", nonZero);
    }

    private static boolean isZero(Object value) {
        return value instanceof BigDecimal number && number.signum() == 0;
    }

    /** An amount as the entry form shows it, a year as it is, another number the Danish way. */
    static String number(String field, BigDecimal number) {
        if (AMOUNTS.contains(field)) {
            return DanishNumbers.kroner(number);
        }
        if (field.equals("year") || field.endsWith("Year")) {
            return number.toPlainString();
        }
        return DanishNumbers.format(number);
    }

    /** A code by its label. */
    static String code(Enum<?> code) {
        if (code instanceof ProposalKind) {
            return Labels.kind(code);
        } else if (code instanceof AdoptionRound) {
            return Labels.round(code);
        } else if (code instanceof ProposalEntity.Status) {
            return Labels.proposalStatus(code);
        } else if (code instanceof TargetType) {
            return Labels.targetType(code);
        } else if (code instanceof Direction) {
            return Labels.direction(code);
        } else if (code instanceof AssessmentType) {
            return Labels.assessmentType(code);
        } else if (code instanceof DecisionType) {
            return Labels.decisionType(code);
        } else if (code instanceof ChangeDecisionEntity.Status) {
            return Labels.decisionStatus(code);
        } else if (code instanceof ApprovalBody) {
            return Labels.body(code);
        }
        return Labels.unlabelled(code);
    }

    /** JSON text read and written the Danish way; text that is no JSON as it is. */
    static String json(String field, String text) {
        try {
            return node(field, JSON.readTree(text));
        } catch (IOException e) {
            return text;
        }
    }

    private static String node(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return DASH;
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(node(field, item)));
            return items.isEmpty() ? "ingen" : String.join("; ", items);
        } else if (node.isObject()) {
            JsonNode year = node.get("year");
            List<String> parts = new ArrayList<>();
            boolean byYear = year != null && year.isIntegralNumber();
            node.fields().forEachRemaining(e -> {
                boolean zeroAmount = AMOUNTS.contains(e.getKey()) && e.getValue().isNumber() && isZero(e.getValue().decimalValue());
                if (!(byYear && e.getKey().equals("year")) && !zeroAmount) {
                    parts.add(label(e.getKey()) + " " + node(e.getKey(), e.getValue()));
                }
            });
            return (byYear ? year.asText() + ": " : "") + (byYear ? amounts(parts) : String.join(", ", parts));
        } else if (node.isNumber()) {
            return number(field, node.decimalValue());
        } else if (node.isBoolean()) {
            return node.booleanValue() ? "Ja" : "Nej";
        }
        return text(node.asText());
    }

    /** Text from JSON: an ISO date or moment the Danish way, anything else as it is. */
    private static String text(String text) {
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return TemplateExtensions.danish(LocalDate.parse(text));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                return TemplateExtensions.danish(Instant.parse(text));
            }
        } catch (DateTimeParseException e) {
            return text;
        }
        return Objects.toString(text, DASH);
    }
}
