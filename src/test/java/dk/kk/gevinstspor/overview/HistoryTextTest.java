package dk.kk.gevinstspor.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.actuals.ActualEntity;
import dk.kk.gevinstspor.common.web.Labels;
import dk.kk.gevinstspor.decision.ChangeDecisionEntity;
import dk.kk.gevinstspor.decision.DecisionApprovalEntity;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.overview.HistoryService.Change;
import dk.kk.gevinstspor.overview.HistoryService.Item;
import dk.kk.gevinstspor.proposal.AssessmentEntity;
import dk.kk.gevinstspor.proposal.LoanEntity;
import dk.kk.gevinstspor.proposal.PlanVersionEntity;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.TargetEntity;

/** The history in Danish, worked examples: what the proposal page shows for what the API gives as plain text. */
class HistoryTextTest {

    static final Instant AT = Instant.parse("2026-11-30T13:05:00Z"); // 14:05 in Copenhagen (winter time)

    @Test
    void amounts_are_kroner_as_the_entry_form_shows_them() {
        assertThat(HistoryText.value("investment", new BigDecimal("1000000"))).isEqualTo("1.000.000");
        assertThat(HistoryText.value("serviceEfficiency", new BigDecimal("1250000.5"))).isEqualTo("1.250.000,50");
        assertThat(HistoryText.value("principal", new BigDecimal("800000.00"))).isEqualTo("800.000");
        assertThat(HistoryText.value("schedule", new TreeMap<>(Map.of(2027, new BigDecimal("400000"), 2028, new BigDecimal("400000.5")))))
                .isEqualTo("2027: 400.000, 2028: 400.000,50");
        assertThat(HistoryText.value("kpis", Map.of("K1", new BigDecimal("1100.5")))).isEqualTo("K1: 1.100,5");
        assertThat(HistoryText.value("milestones", Map.of("M1", 2027))).isEqualTo("M1: 2027");
    }

    @Test
    void codes_dates_moments_and_booleans_the_danish_way() {
        assertThat(HistoryText.value("status", ChangeDecisionEntity.Status.PENDING)).isEqualTo("Afventer godkendelse");
        assertThat(HistoryText.value("status", ChangeDecisionEntity.Status.APPROVED)).isEqualTo("Godkendt");
        assertThat(HistoryText.value("status", ProposalEntity.Status.CANCELLED)).isEqualTo("Annulleret");
        assertThat(HistoryText.value("kind", ProposalKind.PRE_ANALYSIS)).isEqualTo("Foranalyse");
        assertThat(HistoryText.value("date", LocalDate.of(2026, 5, 12))).isEqualTo("12.05.2026");
        assertThat(HistoryText.value("approvedAt", AT)).isEqualTo("30.11.2026 14:05");
        assertThat(HistoryText.value("digital", true)).isEqualTo("Ja");
        assertThat(HistoryText.value("digital", false)).isEqualTo("Nej");
        assertThat(HistoryText.value("adoptionYear", 2026)).isEqualTo("2026");
        assertThat(HistoryText.value("explanation", null)).isEqualTo("–");
    }

    @Test
    void json_of_any_shape_is_read_and_written_danish_never_as_json() {
        String plan = "[{\"year\":2028,\"investment\":0,\"serviceEfficiency\":1200000.5},{\"year\":2029,\"serviceEfficiency\":1800000}]";
        assertThat(HistoryText.json("plan", plan)).as("a year's amounts other than 0")
                .isEqualTo("2028: Effektivisering på service 1.200.000,50; 2029: Effektivisering på service 1.800.000");
        assertThat(HistoryText.json("plan", "[{\"year\":2030,\"investment\":0}]")).isEqualTo("2030: alle beløb 0");
        assertThat(HistoryText.json("schedule", "[{\"year\":2027,\"amount\":400000}]")).isEqualTo("2027: Beløb 400.000");
        assertThat(HistoryText.json("plan", "{\"date\":\"2026-05-12\",\"digital\":true,\"note\":null}"))
                .isEqualTo("Dato 12.05.2026, Digitalt Ja, note –");
        assertThat(HistoryText.json("plan", "[]")).isEqualTo("ingen");
        assertThat(HistoryText.json("plan", "ikke json {")).isEqualTo("ikke json {");
        assertThat(HistoryText.json("plan", "[{\"year\":2028,\"investment\":1}]")).isEqualTo("2028: Implementeringsomkostninger (investering) 1");
    }

    @Test
    void entries_are_newest_first_one_per_thing_saved_with_each_field_by_its_label() {
        Item decision = new Item("#17 AMOUNT_DEVIATION", "Beløbsmæssig afvigelse (nr. 17)");
        Item actuals = new Item("2026", "2026");
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("type", dk.kk.gevinstspor.decision.DecisionType.AMOUNT_DEVIATION);
        created.put("status", ChangeDecisionEntity.Status.PENDING);
        created.put("plan", null);
        List<Change> changes = new ArrayList<>(List.of(
                new Change(AT.minusSeconds(7200), "admin", "decision", decision, HistoryService.CREATED, null, created, 10),
                new Change(AT.minusSeconds(3600), "buf.indberetter", "actuals", actuals, "investment", new BigDecimal("1000000"),
                        new BigDecimal("1250000.5"), 11),
                new Change(AT.minusSeconds(3600), "buf.indberetter", "actuals", actuals, "explanation", null, "Udbuddet blev dyrere", 11),
                new Change(AT, "admin", "decision", decision, "status", ChangeDecisionEntity.Status.PENDING,
                        ChangeDecisionEntity.Status.APPROVED, 12)));

        List<HistoryEntry> entries = HistoryText.entries(changes);

        assertThat(entries).extracting(HistoryEntry::when).containsExactly("30.11.2026 14:05", "30.11.2026 13:05", "30.11.2026 12:05");
        HistoryEntry approved = entries.get(0);
        assertThat(approved.what()).isEqualTo("Ændringsbeslutning: Beløbsmæssig afvigelse (nr. 17)");
        assertThat(approved.action()).isEqualTo("Ændret");
        assertThat(approved.fields()).containsExactly(new HistoryEntry.Field("Status", "Afventer godkendelse", "Godkendt"));
        HistoryEntry figures = entries.get(1);
        assertThat(figures.user()).isEqualTo("buf.indberetter");
        assertThat(figures.what()).isEqualTo("Faktiske tal: 2026");
        assertThat(figures.fields()).containsExactly(
                new HistoryEntry.Field("Implementeringsomkostninger (investering)", "1.000.000", "1.250.000,50"),
                new HistoryEntry.Field("Forklaring", "–", "Udbuddet blev dyrere"));
        HistoryEntry made = entries.get(2);
        assertThat(made.action()).isEqualTo("Oprettet");
        assertThat(made.fields()).as("a creation lists its fields with values, empty ones left out").containsExactly(
                new HistoryEntry.Field("Type", null, "Beløbsmæssig afvigelse"), new HistoryEntry.Field("Status", null, "Afventer godkendelse"));
    }

    @Test
    void the_api_text_stays_as_it_was() {
        assertThat(HistoryService.apiText(new BigDecimal("1250000.50"))).isEqualTo("1250000.5");
        assertThat(HistoryService.apiText(ChangeDecisionEntity.Status.PENDING)).isEqualTo("PENDING");
        assertThat(HistoryService.apiText(LocalDate.of(2026, 5, 12))).isEqualTo("2026-05-12");
        assertThat(HistoryService.apiText(new TreeMap<>(Map.of(2027, new BigDecimal("400000.00"))))).isEqualTo("2027: 400000");
        Map<String, BigDecimal> line = new LinkedHashMap<>();
        line.put("investment", new BigDecimal("3000000"));
        line.put("operationFunding", BigDecimal.ZERO);
        assertThat(HistoryService.apiText(new HistoryService.PlanLine(line))).isEqualTo("investment 3000000, operationFunding 0");
        assertThat(HistoryText.value("plan 2026", new HistoryService.PlanLine(line))).isEqualTo("Implementeringsomkostninger (investering) 3.000.000");
    }

    /** Every field a history line can name has a label: the keys of each entity's description. */
    @Test
    void every_field_of_the_history_has_a_danish_label() {
        ProposalEntity proposal = new ProposalEntity();
        PlanVersionEntity version = new PlanVersionEntity();
        PlanVersionEntity.Line line = new PlanVersionEntity.Line();
        line.year = 2027;
        version.lines.add(line);
        List<Map<String, Object>> described = List.of(HistoryService.describe(proposal), HistoryService.describe(new AssessmentEntity()),
                HistoryService.describe(new TargetEntity()), HistoryService.describe(new PlanVersionEntity(), version),
                HistoryService.describe(new LoanEntity()), HistoryService.describe(new ActualEntity()),
                HistoryService.describe(new ChangeDecisionEntity()), HistoryService.describe(new DecisionApprovalEntity()));
        for (Map<String, Object> fields : described) {
            for (String field : fields.keySet()) {
                String label = HistoryText.label(field);
                assertThat(label).as(field).isNotEqualTo(field).isNotBlank();
                if (!field.startsWith(HistoryService.PLAN_LINE)) {
                    assertThat(Labels.FIELD).as(field).containsKey(field);
                }
            }
        }
        assertThat(HistoryText.label("plan 2027")).isEqualTo("Plan for 2027");
    }
}
