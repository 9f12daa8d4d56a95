package dk.kk.gevinstspor.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dk.kk.gevinstspor.actuals.ActualField;
import dk.kk.gevinstspor.actuals.EntryOverview;
import dk.kk.gevinstspor.actuals.imports.Column;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.ChangeDecisionEntity;
import dk.kk.gevinstspor.decision.DecisionType;
import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.ApprovalOrder;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.Frame;
import dk.kk.gevinstspor.domain.FullyImplementedCondition;
import dk.kk.gevinstspor.domain.GainBasis;
import dk.kk.gevinstspor.domain.PriorityClass;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.RepaymentStatus;
import dk.kk.gevinstspor.domain.ReportKind;
import dk.kk.gevinstspor.domain.TargetStatus;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.domain.rules.FindingCode;
import dk.kk.gevinstspor.domain.rules.Severity;
import dk.kk.gevinstspor.proposal.ProposalEntity;

/**
 * Every code that can reach a page or a file has a Danish label in {@link Labels}: each enum of the service (found in
 * its classes, so a new one fails here until it is labelled or said to be internal) and the string codes of API.md.
 */
class LabelsTest {

    /** Each enum whose constants reach a page or a file, and the label tables that name them. */
    static final Map<Class<? extends Enum<?>>, List<Map<String, String>>> LABELLED = new LinkedHashMap<>();
    static {
        LABELLED.put(FollowUpStatus.class, List.of(Labels.STATUS));
        LABELLED.put(TargetStatus.class, List.of(Labels.TARGET));
        LABELLED.put(RepaymentStatus.class, List.of(Labels.LOAN));
        LABELLED.put(ProposalKind.class, List.of(Labels.KIND, Labels.KIND_PLURAL));
        LABELLED.put(TargetType.class, List.of(Labels.TARGET_TYPE));
        LABELLED.put(FullyImplementedCondition.class, List.of(Labels.CONDITION, Labels.CONDITION_FAILING, Labels.CONDITION_SUBJECT));
        LABELLED.put(DecisionType.class, List.of(Labels.DECISION_TYPE));
        LABELLED.put(ChangeDecisionEntity.Status.class, List.of(Labels.DECISION_STATUS));
        LABELLED.put(ApprovalBody.class, List.of(Labels.BODY));
        LABELLED.put(ApprovalOrder.Body.class, List.of(Labels.BODY));
        LABELLED.put(AdoptionRound.class, List.of(Labels.ROUND));
        LABELLED.put(Frame.class, List.of(Labels.FRAME));
        LABELLED.put(Severity.class, List.of(Labels.SEVERITY));
        LABELLED.put(FindingCode.class, List.of(Labels.FINDING));
        LABELLED.put(ProposalEntity.Status.class, List.of(Labels.PROPOSAL_STATUS));
        LABELLED.put(AssessmentType.class, List.of(Labels.ASSESSMENT_TYPE));
        LABELLED.put(Direction.class, List.of(Labels.DIRECTION));
        LABELLED.put(GainBasis.class, List.of(Labels.GAIN_BASIS));
        LABELLED.put(PriorityClass.class, List.of(Labels.PRIORITY_CLASS));
        LABELLED.put(ReportKind.class, List.of(Labels.REPORT));
        LABELLED.put(EntryOverview.State.class, List.of(Labels.ENTRY_STATE));
    }

    /** Enums of libraries whose constants the pages name: the audit's revision types (the history's Oprettet/Ændret/Slettet). */
    static final Map<Class<? extends Enum<?>>, List<Map<String, String>>> LIBRARY = Map.of(
            org.hibernate.envers.RevisionType.class, List.of(Labels.AUDIT_ACTION));

    /** Enums that never reach a page or a file as their constants, and why. */
    static final Map<String, String> INTERNAL = Map.of(
            ActualField.class.getName(), "the compared fields and their SQL columns; pages name them by Column's headings",
            Column.class.getName(), "an import file's columns; its headings are Labels.FIELD (checked below)",
            "dk.kk.gevinstspor.actuals.imports.ActualsFile$NumberStyle", "how a file's numbers are read",
            "dk.kk.gevinstspor.actuals.imports.TemplateWriter$Kind", "a template column's cell format",
            "dk.kk.gevinstspor.report.Table$Kind", "a report column's cell format",
            "dk.kk.gevinstspor.demo.DemoPortfolio$Flag", "the demo builder's shorthand",
            ApprovalOrder.Reason.class.getName(), "becomes an API error code with its own Danish message",
            "dk.kk.gevinstspor.proposal.ProposalSort", "the list's sort orders; the page's column headings and its Danish "
                    + "sort parameter (sort=titel) name them");

    /** Every enum in the service's classes. */
    static Set<String> enumsOfTheService() {
        Set<String> names = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.kk.gevinstspor")) {
            if (c.isEnum()) {
                names.add(c.getName());
            }
        }
        return names;
    }

    @Test
    void every_enum_of_the_service_is_labelled_or_said_to_be_internal() {
        Set<String> enums = enumsOfTheService();
        assertThat(enums).as("the scan finds the service's enums").contains(FindingCode.class.getName(), DecisionType.class.getName());
        List<String> unknown = new ArrayList<>();
        for (String name : enums) {
            if (!INTERNAL.containsKey(name) && LABELLED.keySet().stream().noneMatch(c -> c.getName().equals(name))) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("enums without labels: add a table to Labels and a line to LABELLED (or to INTERNAL, with why)").isEmpty();
        assertThat(INTERNAL.keySet()).as("INTERNAL names only enums that exist").allMatch(enums::contains);
    }

    @Test
    void every_constant_of_every_labelled_enum_has_a_danish_label_in_each_of_its_tables() {
        List<String> missing = new ArrayList<>();
        Map<Class<? extends Enum<?>>, List<Map<String, String>>> all = new LinkedHashMap<>(LABELLED);
        all.putAll(LIBRARY);
        all.forEach((type, tables) -> {
            for (Enum<?> constant : type.getEnumConstants()) {
                for (Map<String, String> table : tables) {
                    String label = table.get(constant.name());
                    if (label == null || label.isBlank() || label.equals(constant.name())) {
                        missing.add(type.getSimpleName() + "." + constant.name());
                    }
                }
            }
        });
        assertThat(missing).as("codes without a Danish label").isEmpty();
    }

    @Test
    void the_string_codes_of_the_api_have_labels_too() {
        for (String role : List.of(Roles.ADMIN, Roles.ENTRY, Roles.VIEWER)) {
            assertThat(Labels.role(role)).as(role).isNotEqualTo(role);
        }
        // the history's entities (API.md, HistoryEntry's schema)
        for (String entity : List.of("proposal", "assessment", "target", "plan", "loan", "actuals", "decision", "approval")) {
            assertThat(Labels.history(entity)).as(entity).isNotEqualTo(entity);
        }
        // a proposal's and a year's fields as API.md names them
        for (String field : List.of("title", "kind", "leadAdministration", "administrations", "adoptionRound", "adoptionYear",
                "priceLevelYear", "priorityClass", "digital", "baseInvestment", "dependentProposals", "transfersEffect",
                "employerAreaEffect", "premisesChange", "newItSystem", "otherAdministrationsPotential",
                "expectedInvestmentProposalYear", "year", "investment", "operationFunding", "operatingCost", "serviceEfficiency",
                "transferEffect", "repayment", "kpis", "milestones", "explanation", "principal", "loanYear", "schedule",
                "effectiveYear", "description", "caseReference", "date")) {
            assertThat(Labels.field(field)).as(field).isNotEqualTo(field);
        }
    }

    @Test
    void the_template_headings_and_the_entry_form_labels_are_the_field_labels() {
        for (Column c : Column.values()) {
            String expected = Labels.FIELD.get(c == Column.IGNORED ? "title" : c.apiName);
            assertThat(c.heading).as(c.name()).isNotNull().isEqualTo(expected);
        }
        assertThat(Labels.field("serviceEfficiency")).isEqualTo("Effektivisering på service");
        assertThat(Arrays.stream(Column.values()).map(c -> c.heading)).doesNotHaveDuplicates();
    }

    @Test
    void an_unknown_code_is_shown_as_it_is_and_null_as_nothing() {
        assertThat(Labels.status("GREEN")).isEqualTo("Grøn");
        assertThat(Labels.status("PURPLE")).isEqualTo("PURPLE");
        assertThat(Labels.status(null)).isEmpty();
        assertThat(Labels.body(ApprovalBody.CITY_COUNCIL)).isEqualTo("Borgerrepræsentationen");
    }
}
