package dk.kk.gevinstspor.actuals.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.kk.gevinstspor.common.web.Labels;

/**
 * The columns of an actuals file (API.md, Actuals), by their English names, the template's Danish headings
 * ({@link #heading}, the form's labels) and the short Danish names staff use. KPI and milestone columns are
 * {@code kpi:K1} / {@code nøgletal:K1} / {@code KPI K1: Sparede timer (timer)} and {@code milestone:M1} /
 * {@code milepæl:M1} / {@code Milepæl M1: opnået år}. The template's own informative columns (title, the plan's
 * figures: {@code Plan: …}, {@code plan:…}) are recognised and ignored on import.
 */
public enum Column {
    REFERENCE("reference", true, "reference", "ref", "forslag", "forslagsreference"),
    YEAR("year", true, "year", "år", "aar", "regnskabsår"),
    INVESTMENT("investment", true, "investment", "investering", "implementeringsomkostninger"),
    OPERATION_FUNDING("operationFunding", true, "operationfunding", "driftsfinansiering", "midlertidig driftsfinansiering"),
    OPERATING_COST("operatingCost", true, "operatingcost", "driftsudgifter"),
    SERVICE_EFFICIENCY("serviceEfficiency", true, "serviceefficiency", "effektivisering", "serviceeffektivisering"),
    TRANSFER_EFFECT("transferEffect", true, "transfereffect", "overførsler", "overførselseffekt"),
    REPAYMENT("repayment", false, "repayment", "afdrag", "tilbagebetaling"),
    EXPLANATION("explanation", false, "explanation", "forklaring"),
    /** Informative columns of the template: read past, never stored (and every {@code plan…} column); headed "Titel". */
    IGNORED("", false, "title", "titel", "administration", "forvaltning", "kind", "type");

    /** The English name, as API.md spells it. */
    public final String apiName;
    /** The template's Danish heading, the field's label ({@link Labels#FIELD}, as the entry form's); the importer reads it too. */
    public final String heading;
    /** Must be in every file. */
    public final boolean required;
    private final List<String> names;

    Column(String apiName, boolean required, String... names) {
        this.apiName = apiName;
        this.heading = Labels.FIELD.get(apiName.isEmpty() ? "title" : apiName);
        this.required = required;
        this.names = List.of(names);
    }

    public static final String KPI_PREFIX = "kpi:";
    public static final String MILESTONE_PREFIX = "milestone:";
    /** The template's read-only context columns begin so ("Plan: Varige driftsudgifter"); old templates wrote {@code plan:…}. */
    public static final String PLAN_PREFIX = "Plan: ";

    /** The five amounts of the plan, in the template's order. */
    public static final List<Column> PLANNED = List.of(INVESTMENT, OPERATION_FUNDING, OPERATING_COST, SERVICE_EFFICIENCY, TRANSFER_EFFECT);
    /** The six amounts of a year's actuals, in the file's order. */
    public static final List<Column> AMOUNTS = List.of(INVESTMENT, OPERATION_FUNDING, OPERATING_COST, SERVICE_EFFICIENCY,
            TRANSFER_EFFECT, REPAYMENT);

    private static final Pattern KPI_HEADING = Pattern.compile("(?:kpi|nøgletal)\\s+([^:\\s]+)\\s*(?::.*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MILESTONE_HEADING = Pattern.compile("(?:milepæl|milestone)\\s+([^:\\s]+)\\s*(?::.*)?",
            Pattern.CASE_INSENSITIVE);

    /** A header cell as a column, or empty when unknown; kpi and milestone columns are recognised by {@link #kpiCode}. */
    public static Optional<Column> of(String header) {
        String key = normalise(header);
        if (key.startsWith("plan:") || key.startsWith("plan ")) {
            return Optional.of(IGNORED);
        }
        for (Column c : values()) {
            if (c.names.contains(key) || normalise(c.heading).equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The KPI code of a {@code kpi:K1} / {@code nøgletal:K1} / {@code KPI K1: Sparede timer (timer)} header. */
    public static Optional<String> kpiCode(String header) {
        return prefixed(header, KPI_HEADING, "kpi:", "nøgletal:");
    }

    /** The milestone code of a {@code milestone:M1} / {@code milepæl:M1} / {@code Milepæl M1: opnået år} header. */
    public static Optional<String> milestoneCode(String header) {
        return prefixed(header, MILESTONE_HEADING, "milestone:", "milepæl:");
    }

    /** The template's heading of a KPI column: {@code KPI K1: Sparede timer (timer)}, or {@code KPI K1} without a description. */
    public static String kpiHeading(String code, String description) {
        return "KPI " + code + (description == null || description.isBlank() ? "" : ": " + description);
    }

    /** The template's heading of a milestone column: {@code Milepæl M1: opnået år}. */
    public static String milestoneHeading(String code) {
        return "Milepæl " + code + ": opnået år";
    }

    /** The Danish label of a field of the import's answer (an API name, {@code kpi:K1}, {@code milestone:M1}). */
    public static String label(String field) {
        if (field.startsWith(KPI_PREFIX)) {
            return "KPI " + field.substring(KPI_PREFIX.length());
        }
        if (field.startsWith(MILESTONE_PREFIX)) {
            return "Milepæl " + field.substring(MILESTONE_PREFIX.length()) + " opnået";
        }
        for (Column c : values()) {
            if (c.apiName.equals(field)) {
                return c.heading;
            }
        }
        return field;
    }

    private static Optional<String> prefixed(String header, Pattern heading, String... prefixes) {
        String trimmed = Normalizer.normalize(header.strip(), Normalizer.Form.NFC);
        for (String prefix : prefixes) {
            if (trimmed.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                String code = trimmed.substring(prefix.length()).strip();
                return code.isEmpty() ? Optional.empty() : Optional.of(code);
            }
        }
        Matcher m = heading.matcher(trimmed);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String normalise(String header) {
        return Normalizer.normalize(header.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
