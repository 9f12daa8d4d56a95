package dk.kk.gevinstspor.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of API.md for tests, as mutable maps so that each test changes what it is about. The
 * proposal is API.md's example (DOMAIN.md's worked example plan) with the Økonomikredsen assessment that a
 * digital investment needs (DOMAIN.md, ASSESSMENT_MISSING), so that it has no findings.
 */
public final class Bodies {

    private Bodies() {
    }

    /** A reference no other test uses, e.g. {@code BUF-T-1a2b3c4d}. */
    public static String reference(String administration) {
        return administration + "-T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A word for titles that no other test uses and no reference contains (eight letters, none a hex digit, the first a
     * capital), so that a search for it finds a test's own proposals only.
     */
    public static String word() {
        String letters = "ghjkmnpqrstvwxyz";
        StringBuilder word = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    public static Map<String, Object> investment(String reference) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reference", reference);
        p.put("title", "Digital pladsanvisning");
        p.put("kind", "INVESTMENT");
        p.put("leadAdministration", reference.substring(0, reference.indexOf('-')));
        p.put("administrations", new ArrayList<>(List.of(reference.substring(0, reference.indexOf('-')))));
        p.put("adoptionRound", "BUDGET");
        p.put("adoptionYear", 2026);
        p.put("priceLevelYear", 2026);
        p.put("priorityClass", 2);
        p.put("digital", true);
        p.put("baseInvestment", false);
        p.put("dependentProposals", new ArrayList<>());
        p.put("transfersEffect", false);
        p.put("employerAreaEffect", false);
        p.put("premisesChange", false);
        p.put("newItSystem", true);
        p.put("otherAdministrationsPotential", false);
        p.put("expectedInvestmentProposalYear", null);
        p.put("assessments", new ArrayList<>(List.of(map("type", "KONCERN_IT", "date", "2025-09-01", "reference", "KIT-2025-114"),
                map("type", "OEKONOMIKREDS", "date", "2025-09-15", "reference", "ØK-2025-07"))));
        p.put("plan", new ArrayList<>(List.of(
                line(2026, 3_000_000, 0, 0, 0, 0),
                line(2027, 1_000_000, 0, 0, 500_000, 0),
                line(2028, 0, 0, 0, 1_500_000, 0),
                line(2029, 0, 0, 0, 2_000_000, 0))));
        p.put("targets", new ArrayList<>(List.of(
                map("code", "EFF", "type", "ECONOMIC"),
                map("code", "M1", "type", "MILESTONE", "description", "Løsningen i drift i alle distrikter", "dueYear", 2027),
                map("code", "K1", "type", "KPI", "description", "Sagsbehandlingstimer sparet", "unit", "timer",
                        "direction", "HIGHER_IS_BETTER", "yearly", List.of(map("year", 2028, "target", 1200))))));
        p.put("loan", null);
        return p;
    }

    /** An administration-specific pre-analysis financed by a loan (DOMAIN.md E5). */
    public static Map<String, Object> preAnalysisWithLoan(String reference) {
        Map<String, Object> p = investment(reference);
        p.put("kind", "PRE_ANALYSIS");
        p.put("title", "Foranalyse af robotter i hjemmeplejen");
        p.put("adoptionRound", "TRANSFER_CASE");
        p.put("adoptionYear", 2021);
        p.put("priceLevelYear", 2021);
        p.put("newItSystem", false);
        p.put("digital", false);
        p.put("assessments", new ArrayList<>());
        p.put("plan", new ArrayList<>(List.of(line(2021, 600_000, 0, 0, 0, 0))));
        p.put("targets", new ArrayList<>(List.of(map("code", "M1", "type", "MILESTONE", "description", "Foranalysen afleveret", "dueYear", 2021))));
        p.put("loan", map("principal", 600_000, "loanYear", 2021,
                "schedule", List.of(map("year", 2022, "amount", 300_000), map("year", 2023, "amount", 300_000))));
        return p;
    }

    public static Map<String, Object> line(int year, long investment, long operationFunding, long operatingCost,
            long serviceEfficiency, long transferEffect) {
        return map("year", year, "investment", investment, "operationFunding", operationFunding, "operatingCost",
                operatingCost, "serviceEfficiency", serviceEfficiency, "transferEffect", transferEffect);
    }

    /** One year's actuals with the five amounts; repayment 0, no KPIs or milestones. */
    public static Map<String, Object> actuals(int year, Object investment, Object operationFunding, Object operatingCost,
            Object serviceEfficiency, Object transferEffect) {
        return map("year", year, "investment", investment, "operationFunding", operationFunding, "operatingCost",
                operatingCost, "serviceEfficiency", serviceEfficiency, "transferEffect", transferEffect);
    }

    /** A mutable map of key/value pairs. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }
}
