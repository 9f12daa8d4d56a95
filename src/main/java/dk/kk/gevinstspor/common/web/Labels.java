package dk.kk.gevinstspor.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkus.qute.TemplateExtension;

/**
 * The Danish words for the API's codes (statuses, kinds, conditions, bodies), one place for the pages and the
 * report files, and the Danish names of the fields a page or a history line names ({@link #FIELD}: the entry form's
 * labels and the import template's headings are these). Templates write {@code {label:status(row.status)}}.
 * {@code LabelsTest} fails when a code of an enum or of API.md has no label; an unknown code is shown as it is and
 * logged once.
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
    public static final Map<String, String> PROPOSAL_STATUS = Map.of("ADOPTED", "Vedtaget", "CANCELLED", "Annulleret");
    public static final Map<String, String> ASSESSMENT_TYPE = Map.of("HR_KREDS", "HR-kredsen", "PROPERTY", "Ejendomsfaglig vurdering",
            "ANALYSIS_UNIT", "Den tværgående analyseenhed", "KONCERN_IT", "Koncern IT", "OEKONOMIKREDS", "Økonomikredsen");
    public static final Map<String, String> DIRECTION = Map.of("HIGHER_IS_BETTER", "Højere er bedre", "LOWER_IS_BETTER",
            "Lavere er bedre");
    public static final Map<String, String> GAIN_BASIS = Map.of("SERVICE", "Effektivisering på service", "TOTAL",
            "Effektivisering på service og effekt på overførsler");
    /** Priority classes by the domain's names (the API writes them 1–4). */
    public static final Map<String, String> PRIORITY_CLASS = Map.of(
            "EFFICIENCY_TARGET", "1: bidrager til forvaltningens effektiviseringsmål",
            "SERVICE_EFFICIENCY", "2: effektivisering på service",
            "DEMOGRAPHY_AVOIDED_COSTS", "3: undgår fremtidige merudgifter på et demografireguleret område",
            "OTHER_AVOIDED_COSTS", "4: undgår andre fremtidige merudgifter");
    public static final Map<String, String> REPORT = Map.of("MAJBIDRAG", "Majbidrag", "FINANCE_COMMITTEE",
            "Økonomiudvalget og Økonomikredsen", "IT_KREDS", "IT-kredsen", "INNOVATION", "Innovationsforslag og foranalyser");
    /** A finding's code as a short Danish name (its message says the rest). */
    public static final Map<String, String> FINDING = Map.ofEntries(
            Map.entry("PAYBACK_OVER_6", "Tilbagebetalingstid over 6 år"),
            Map.entry("NO_PERMANENT_EFFICIENCY", "Ingen varig effektivisering"),
            Map.entry("NO_FOLLOW_UP_TARGET", "Intet opfølgningsmål"),
            Map.entry("POOL_FUNDS_PERMANENT_OPERATION", "Puljemidler til varig drift"),
            Map.entry("BASE_INVESTMENT_OPERATION_OVER_3", "Basisinvestering med driftsfinansiering i over 3 år"),
            Map.entry("BASE_INVESTMENT_NO_DEPENDENTS", "Basisinvestering uden afhængige forslag"),
            Map.entry("TRANSFERS_NEEDS_ANALYSIS", "Effekt på overførsler uden vurdering fra analyseenheden"),
            Map.entry("INNOVATION_OVER_2M", "Innovationsforslag over 2 mio. kr."),
            Map.entry("PRE_ANALYSIS_OVER_1M", "Foranalyse over 1 mio. kr."),
            Map.entry("PRE_ANALYSIS_FINANCING", "Foranalysens finansiering (lån eller tilskud)"),
            Map.entry("INNOVATION_NO_INVESTMENT_DATE", "Intet år for det forventede investeringsforslag"),
            Map.entry("LOAN_SCHEDULE_SUM", "Afdragene svarer ikke til hovedstolen"),
            Map.entry("LOAN_OVER_6_YEARS", "Afdrag senere end 6 år efter låneåret"),
            Map.entry("ASSESSMENT_MISSING", "Vurdering mangler"),
            Map.entry("FRAME_EXCEEDED", "Rammen er overskredet"));
    /** What an audited change did, by the audit's revision types (Envers' {@code RevisionType}). */
    public static final Map<String, String> AUDIT_ACTION = Map.of("ADD", "Oprettet", "MOD", "Ændret", "DEL", "Slettet");
    /** A proposal's figures for a year on the entry list. */
    public static final Map<String, String> ENTRY_STATE = Map.of("MISSING", "Mangler", "EXPLANATION_NEEDED", "Forklaring mangler",
            "ENTERED", "Indtastet");
    /**
     * The Danish names of fields, by the API's names: the figures (the entry form's labels and the import template's
     * headings are these, {@code actuals.imports.Column}), and every field a history line names.
     */
    public static final Map<String, String> FIELD = fields(
            // a year's figures: the entry form and the template
            "year", "År",
            "investment", "Implementeringsomkostninger (investering)",
            "operationFunding", "Midlertidig driftsfinansiering fra puljen",
            "operatingCost", "Varige driftsudgifter",
            "serviceEfficiency", "Effektivisering på service",
            "transferEffect", "Effekt på overførsler",
            "repayment", "Afdrag på lån",
            "explanation", "Forklaring",
            "kpis", "Nøgletal",
            "milestones", "Milepæle opnået",
            // the proposal
            "reference", "Reference",
            "title", "Titel",
            "kind", "Type",
            "leadAdministration", "Ledende forvaltning",
            "administrations", "Forvaltninger",
            "adoptionRound", "Vedtaget ved",
            "adoptionYear", "Vedtagelsesår",
            "priceLevelYear", "Prisniveau",
            "priorityClass", "Prioritetsklasse",
            "digital", "Digitalt",
            "baseInvestment", "Basisinvestering",
            "dependentProposals", "Afhængige forslag",
            "transfersEffect", "Har effekt på overførsler",
            "employerAreaEffect", "Effekt på arbejdsgiverområdet",
            "premisesChange", "Ændret behov for m²",
            "newItSystem", "Nyt it-system",
            "otherAdministrationsPotential", "Potentiale for andre forvaltninger",
            "expectedInvestmentProposalYear", "Forventet år for investeringsforslaget",
            "status", "Status",
            "cancellationEffectiveYear", "Annulleret med virkning fra",
            // assessments, targets, plan, loan
            "date", "Dato",
            "followUpOnEffects", "Effekterne følges op",
            "type", "Type",
            "description", "Beskrivelse",
            "unit", "Enhed",
            "direction", "Retning",
            "dueYear", "Frist",
            "yearly", "Mål pr. år",
            "target", "Mål",
            "effectiveFromYear", "Gælder fra",
            "principal", "Hovedstol",
            "loanYear", "Låneår",
            "schedule", "Afdragsplan",
            "amount", "Beløb",
            // change decisions and approvals
            "effectiveYear", "Med virkning fra",
            "plan", "Ny plan",
            "createdBy", "Registreret af",
            "approvedAt", "I kraft",
            "caseReference", "Sagsnummer");

    private static Map<String, String> fields(String... nameAndLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndLabel.length; i += 2) {
            if (m.put(nameAndLabel[i], nameAndLabel[i + 1]) != null) {
                throw new IllegalStateException("Two labels for " + nameAndLabel[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Codes shown without a label, each logged once: the tests keep the tables complete, this finds what slipped through. */
    private static final Set<String> UNLABELLED = ConcurrentHashMap.newKeySet();
    private static final Logger LOG = Logger.getLogger(Labels.class);

    /**
     * The label of a code. A code without one is shown as it is (better than nothing) and logged once as a warning:
     * {@code LabelsTest} keeps every table complete for the codes the service knows, so this is only for one it does not.
     */
    static String of(Map<String, String> labels, Object code) {
        if (code == null) {
            return "";
        }
        String key = code.toString();
        String label = labels.get(key);
        if (label == null) {
            if (UNLABELLED.add(key)) {
                LOG.warnf("No Danish label for the code %s: it is shown as it is", key);
            }
            return key;
        }
        return label;
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

    public static String proposalStatus(Object code) {
        return of(PROPOSAL_STATUS, code);
    }

    public static String assessmentType(Object code) {
        return of(ASSESSMENT_TYPE, code);
    }

    public static String direction(Object code) {
        return of(DIRECTION, code);
    }

    public static String report(Object code) {
        return of(REPORT, code);
    }

    public static String finding(Object code) {
        return of(FINDING, code);
    }

    public static String entryState(Object code) {
        return of(ENTRY_STATE, code);
    }

    /** A field's Danish name by the API's name ({@code serviceEfficiency} → Effektivisering på service). */
    public static String field(Object name) {
        return of(FIELD, name);
    }

    /** A code that has no label table: shown as it is, and logged once. */
    public static String unlabelled(Object code) {
        return of(Map.of(), code);
    }
}
