package dk.kk.gevinstspor.actuals.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an actuals file (API.md, Actuals), by their English names and the Danish names staff use.
 * KPI and milestone columns are {@code kpi:K1} / {@code nøgletal:K1} and {@code milestone:M1} / {@code milepæl:M1}.
 * The template's own informative columns (title, plan figures) are recognised and ignored on import.
 */
public enum Column {
    REFERENCE("reference", true, "reference", "ref", "forslag", "forslagsreference"),
    YEAR("year", true, "year", "år", "aar", "regnskabsår"),
    INVESTMENT("investment", true, "investment", "investering", "implementeringsomkostninger"),
    OPERATION_FUNDING("operationFunding", true, "operationfunding", "driftsfinansiering", "midlertidig driftsfinansiering"),
    OPERATING_COST("operatingCost", true, "operatingcost", "driftsudgifter", "varige driftsudgifter"),
    SERVICE_EFFICIENCY("serviceEfficiency", true, "serviceefficiency", "effektivisering", "effektivisering på service"),
    TRANSFER_EFFECT("transferEffect", true, "transfereffect", "overførsler", "effekt på overførsler"),
    REPAYMENT("repayment", false, "repayment", "afdrag", "tilbagebetaling"),
    EXPLANATION("explanation", false, "explanation", "forklaring"),
    /** Informative columns of the template: read past, never stored. */
    IGNORED("", false, "title", "titel", "administration", "forvaltning", "kind", "type",
            "plan:investment", "plan:operationfunding", "plan:operatingcost", "plan:serviceefficiency",
            "plan:transfereffect", "plan:repayment", "plan investering", "plan driftsfinansiering",
            "plan driftsudgifter", "plan effektivisering", "plan overførsler", "plan afdrag");

    /** The English name, as API.md spells it. */
    public final String apiName;
    /** Must be in every file. */
    public final boolean required;
    private final List<String> names;

    Column(String apiName, boolean required, String... names) {
        this.apiName = apiName;
        this.required = required;
        this.names = List.of(names);
    }

    public static final String KPI_PREFIX = "kpi:";
    public static final String MILESTONE_PREFIX = "milestone:";

    /** A header cell as a column, or empty when unknown; kpi and milestone columns are recognised by {@link #kpiCode}. */
    public static Optional<Column> of(String header) {
        String key = normalise(header);
        for (Column c : values()) {
            if (c.names.contains(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The KPI code of a {@code kpi:K1} / {@code nøgletal:K1} header. */
    public static Optional<String> kpiCode(String header) {
        return prefixed(header, "kpi:", "nøgletal:");
    }

    /** The milestone code of a {@code milestone:M1} / {@code milepæl:M1} header. */
    public static Optional<String> milestoneCode(String header) {
        return prefixed(header, "milestone:", "milepæl:");
    }

    private static Optional<String> prefixed(String header, String... prefixes) {
        String trimmed = Normalizer.normalize(header.strip(), Normalizer.Form.NFC);
        for (String prefix : prefixes) {
            if (trimmed.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                String code = trimmed.substring(prefix.length()).strip();
                return code.isEmpty() ? Optional.empty() : Optional.of(code);
            }
        }
        return Optional.empty();
    }

    static String normalise(String header) {
        return Normalizer.normalize(header.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
