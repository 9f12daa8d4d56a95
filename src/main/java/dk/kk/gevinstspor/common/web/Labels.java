package dk.kk.gevinstspor.common.web;

import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/**
 * The Danish words for the API's codes (statuses, kinds, conditions, bodies), one place for the pages and the
 * report files. Templates write {@code {label:status(row.status)}}; an unknown code is shown as it is.
 */
@TemplateExtension(namespace = "label")
public final class Labels {

    private Labels() {
    }

    public static final Map<String, String> STATUS = Map.of("GREEN", "Grøn", "AMBER", "Gul", "RED", "Rød", "MISSING", "Mangler",
            "NOT_STARTED", "Ikke startet");
    public static final Map<String, String> TARGET = Map.of("MET", "opfyldt", "NOT_MET", "ikke opfyldt", "NOT_DUE", "ikke aktuelt",
            "MISSING", "mangler");
    public static final Map<String, String> LOAN = Map.of("ON_SCHEDULE", "Efter plan", "BEHIND", "Bagud", "REPAID", "Tilbagebetalt");
    public static final Map<String, String> KIND = Map.of("INVESTMENT", "Investeringsforslag", "INNOVATION", "Innovationsforslag",
            "PRE_ANALYSIS", "Foranalyse");
    public static final Map<String, String> KIND_PLURAL = Map.of("INVESTMENT", "Investeringsforslag", "INNOVATION",
            "Innovationsforslag", "PRE_ANALYSIS", "Foranalyser");
    public static final Map<String, String> TARGET_TYPE = Map.of("ECONOMIC", "Økonomisk mål", "MILESTONE", "Milepæl", "KPI", "Nøgletal");
    /** A condition of "fully implemented" as the sentence that is true when it holds ... */
    public static final Map<String, String> CONDITION = Map.of(
            "PERMANENT_YEAR_REACHED", "Det varige år (sidste planår) er nået",
            "PERMANENT_GAIN_REACHED", "Den varige gevinst er realiseret",
            "NO_POOL_MONEY", "Der bruges ikke længere puljemidler",
            "MILESTONES_ACHIEVED", "Alle milepæle er nået",
            "NOT_CANCELLED", "Forslaget er ikke annulleret",
            "LOAN_REPAID", "Lånet er tilbagebetalt");
    /** ... and the sentence that is true when it fails (no "ikke annulleret: ikke opfyldt"). */
    public static final Map<String, String> CONDITION_FAILING = Map.of(
            "PERMANENT_YEAR_REACHED", "Det varige år (sidste planår) er ikke nået",
            "PERMANENT_GAIN_REACHED", "Den varige gevinst er ikke realiseret",
            "NO_POOL_MONEY", "Der bruges eller er planlagt puljemidler",
            "MILESTONES_ACHIEVED", "Ikke alle milepæle er nået",
            "NOT_CANCELLED", "Forslaget er annulleret",
            "LOAN_REPAID", "Lånet er ikke tilbagebetalt");
    /** The subject of a condition, for one that is not judged ("Den varige gevinst: ikke relevant"). */
    public static final Map<String, String> CONDITION_SUBJECT = Map.of(
            "PERMANENT_YEAR_REACHED", "Det varige år", "PERMANENT_GAIN_REACHED", "Den varige gevinst",
            "NO_POOL_MONEY", "Puljemidler", "MILESTONES_ACHIEVED", "Milepæle", "NOT_CANCELLED", "Annullering",
            "LOAN_REPAID", "Lånet");
    public static final Map<String, String> DECISION_TYPE = Map.of("AMOUNT_DEVIATION", "Beløbsmæssig afvigelse",
            "ASSUMPTION_CHANGE", "Ændrede forudsætninger", "REALLOCATION", "Omplacering", "CANCELLATION", "Annullering");
    public static final Map<String, String> DECISION_STATUS = Map.of("PENDING", "Afventer godkendelse", "APPROVED", "Godkendt");
    public static final Map<String, String> BODY = Map.of("COMMITTEE", "Fagudvalget", "FINANCE_COMMITTEE", "Økonomiudvalget",
            "CITY_COUNCIL", "Borgerrepræsentationen");
    public static final Map<String, String> ROUND = Map.of("BUDGET", "Budget", "TRANSFER_CASE", "Overførselssagen");
    public static final Map<String, String> FRAME = Map.of("TRANSFER_CASE", "Overførselssagen", "BUDGET", "Budgettet",
            "PRE_ANALYSIS_ADMINISTRATION", "Forvaltningsspecifikke foranalyser", "PRE_ANALYSIS_CROSS_CUTTING",
            "Tværgående foranalyser", "TOTAL", "I alt");
    public static final Map<String, String> SEVERITY = Map.of("ERROR", "Fejl", "WARNING", "Advarsel", "INFO", "Oplysning");
    public static final Map<String, String> HISTORY = Map.of("proposal", "Forslag", "assessment", "Vurdering", "target", "Mål",
            "plan", "Plan", "loan", "Lån", "actuals", "Faktiske tal", "decision", "Ændringsbeslutning", "approval", "Godkendelse");
    public static final Map<String, String> ROLE = Map.of("admin", "Administrator", "entry", "Indberetter", "viewer", "Læser");

    static String of(Map<String, String> labels, Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        return labels.getOrDefault(key, key);
    }

    public static String status(Object code) {
        return of(STATUS, code);
    }

    public static String target(Object code) {
        return of(TARGET, code);
    }

    public static String loan(Object code) {
        return of(LOAN, code);
    }

    public static String kind(Object code) {
        return of(KIND, code);
    }

    public static String targetType(Object code) {
        return of(TARGET_TYPE, code);
    }

    public static String condition(Object code) {
        return of(CONDITION, code);
    }

    public static String conditionFailing(Object code) {
        return of(CONDITION_FAILING, code);
    }

    public static String conditionSubject(Object code) {
        return of(CONDITION_SUBJECT, code);
    }

    public static String decisionType(Object code) {
        return of(DECISION_TYPE, code);
    }

    public static String decisionStatus(Object code) {
        return of(DECISION_STATUS, code);
    }

    public static String body(Object code) {
        return of(BODY, code);
    }

    public static String round(Object code) {
        return of(ROUND, code);
    }

    public static String frame(Object code) {
        return of(FRAME, code);
    }

    public static String severity(Object code) {
        return of(SEVERITY, code);
    }

    /** What a history line is about ({@code actuals} → Faktiske tal). */
    public static String history(Object code) {
        return of(HISTORY, code);
    }

    public static String role(Object code) {
        return of(ROLE, code);
    }
}
