package dk.kk.gevinstspor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.kk.gevinstspor.demo.DemoPagesTest;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.ReportScope;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * For every kind of {@link Selection}: its SQL pre-filter never drops a proposal its domain rule keeps, and
 * {@link Portfolio#each} gives exactly what the rule keeps. On the demo portfolio, and on generated portfolios (seeded)
 * added to it in a transaction that is rolled back.
 */
@QuarkusTest
@TestProfile(DemoPagesTest.DemoSchema.class)
class SelectionPreFilterTest {

    private static final int FIRST_YEAR = 2018;
    private static final int LAST_YEAR = 2030;

    @Inject
    Portfolio portfolio;

    @Inject
    EntityManager em;

    @Inject
    EvaluationSettings settings;

    @Test
    @TestTransaction
    void on_the_demo_portfolio_no_selection_drops_what_the_domain_keeps() {
        int checked = checkEverySelection();
        assertThat(checked).as("selections that keep a proposal").isGreaterThan(50);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 5, 8, 13, 21, 34 })
    @TestTransaction
    void on_generated_portfolios_no_selection_drops_what_the_domain_keeps(long seed) {
        new Generator(em, new Random(seed), "GEN" + seed + "-").proposals(40);
        checkEverySelection();
    }

    @Test
    @TestTransaction
    void the_marked_selection_is_the_claimed_proposals() {
        List<Long> ids = new ArrayList<>();
        portfolio.candidates(new Selection.Everything(), false, s -> ids.add(s.id()));
        Set<Long> claimed = new TreeSet<>(ids.subList(0, Math.min(5, ids.size())));
        em.createNativeQuery("CREATE TEMP TABLE snapshot_claim (proposal_id bigint) ON COMMIT DROP").executeUpdate();
        claimed.forEach(id -> em.createNativeQuery("INSERT INTO snapshot_claim VALUES (:id)").setParameter("id", id).executeUpdate());
        Set<Long> read = new TreeSet<>();
        portfolio.each(new Selection.MarkedForSnapshots(), s -> read.add(s.id()));
        assertThat(read).isEqualTo(claimed).isNotEmpty();
    }

    /** Checks every selection over the stored portfolio; returns how many kept at least one proposal. */
    private int checkEverySelection() {
        List<Stored> all = new ArrayList<>();
        portfolio.candidates(new Selection.Everything(), true, all::add);
        assertThat(all).isNotEmpty();
        int nonEmpty = 0;
        for (Selection selection : selections()) {
            Set<Long> kept = all.stream().filter(s -> selection.keeps(s, settings.tolerance())).map(Stored::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<Long> preFiltered = new TreeSet<>();
            portfolio.candidates(selection, false, s -> preFiltered.add(s.id()));
            assertThat(preFiltered).as("pre-filter of %s", selection).containsAll(kept);
            Set<Long> each = new TreeSet<>();
            portfolio.each(selection, s -> each.add(s.id()));
            assertThat(each).as("each of %s", selection).isEqualTo(kept);
            if (!kept.isEmpty()) {
                nonEmpty++;
            }
        }
        return nonEmpty;
    }

    @SuppressWarnings("unchecked")
    private List<Selection> selections() {
        Map<String, String> committeeOf = new TreeMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT code, committee_code FROM administration").getResultList()) {
            committeeOf.put((String) r[0], (String) r[1]);
        }
        Map<String, Set<String>> byCommittee = new TreeMap<>();
        committeeOf.forEach((a, c) -> byCommittee.computeIfAbsent(c, k -> new TreeSet<>()).add(a));
        List<Selection> selections = new ArrayList<>();
        selections.add(new Selection.Everything());
        selections.add(new Selection.WithLoan());
        selections.add(Selection.InFrames.everyYear());
        List<String> references = new ArrayList<>();
        portfolio.candidates(new Selection.Everything(), false, s -> references.add(s.proposal().reference()));
        selections.add(new Selection.Named(Set.copyOf(references.subList(0, Math.min(3, references.size())))));
        selections.add(new Selection.Named(Set.of("NO-SUCH-REFERENCE")));
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            selections.add(Selection.InFrames.of(year));
            for (String committee : byCommittee.keySet()) {
                selections.add(new Selection.InReport(ReportScope.majbidrag(year, committee, committeeOf)));
            }
            selections.add(new Selection.InReport(ReportScope.financeCommittee(year)));
            selections.add(new Selection.InReport(ReportScope.itKreds(year)));
            for (Optional<Boolean> digital : List.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false))) {
                selections.add(new Selection.InReport(ReportScope.innovation(year, digital)));
            }
            selections.add(new Selection.NeedingFigures(year, Optional.empty()));
            selections.add(new Selection.NeedingFigures(year, Optional.of(Set.of())));
            for (String administration : committeeOf.keySet()) {
                selections.add(new Selection.NeedingFigures(year, Optional.of(Set.of(administration))));
            }
            for (Set<String> administrations : byCommittee.values()) {
                selections.add(new Selection.NeedingFigures(year, Optional.of(administrations)));
            }
            selections.add(new Selection.NeedingFigures(year, Optional.of(Set.of("BUF", "SOF"))));
        }
        return selections;
    }

    /** Random proposals stored with plain SQL: every kind, round, flag, cancellation, loan, and actuals often as planned. */
    static final class Generator {
        private static final List<String> ADMINISTRATIONS = List.of("ØKF", "BUF", "KFF", "SOF", "SUF", "TMF", "BIF");
        private static final List<String> KINDS = List.of("INVESTMENT", "INNOVATION", "PRE_ANALYSIS");

        private final EntityManager em;
        private final Random random;
        private final String prefix;

        Generator(EntityManager em, Random random, String prefix) {
            this.em = em;
            this.random = random;
            this.prefix = prefix;
        }

        void proposals(int count) {
            for (int i = 0; i < count; i++) {
                proposal(prefix + i);
            }
        }

        private void proposal(String reference) {
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            String lead = ADMINISTRATIONS.get(random.nextInt(ADMINISTRATIONS.size()));
            int adoptionYear = 2019 + random.nextInt(8);
            int firstYear = adoptionYear + random.nextInt(3) - (random.nextInt(5) == 0 ? 1 : 0);
            int years = 1 + random.nextInt(5);
            boolean cancelled = random.nextInt(5) == 0;
            Integer cancelledFrom = cancelled ? firstYear + random.nextInt(years + 1) : null;
            long id = ((Number) em.createNativeQuery("INSERT INTO proposal (reference, title, kind, lead_administration, adoption_round,"
                    + " adoption_year, price_level_year, digital, base_investment, transfers_effect, employer_area_effect,"
                    + " premises_change, new_it_system, other_administrations_potential, status, cancellation_effective_year)"
                    + " VALUES (:reference, 'Genereret', :kind, :lead, :round, :year, :year, :digital, false, :transfers, false,"
                    + " false, false, false, :status, CAST(:cancelledFrom AS integer)) RETURNING id")
                    .setParameter("reference", reference).setParameter("kind", kind).setParameter("lead", lead)
                    .setParameter("round", random.nextBoolean() ? "BUDGET" : "TRANSFER_CASE").setParameter("year", adoptionYear)
                    .setParameter("digital", random.nextBoolean()).setParameter("transfers", random.nextBoolean())
                    .setParameter("status", cancelled ? "CANCELLED" : "ADOPTED").setParameter("cancelledFrom", cancelledFrom)
                    .getSingleResult()).longValue();
            Set<String> administrations = new TreeSet<>(Set.of(lead));
            int more = random.nextInt(4);
            for (int i = 0; i < more; i++) {
                administrations.add(ADMINISTRATIONS.get(random.nextInt(ADMINISTRATIONS.size())));
            }
            for (String a : administrations) {
                em.createNativeQuery("INSERT INTO proposal_administration VALUES (:id, :a)").setParameter("id", id).setParameter("a", a)
                        .executeUpdate();
            }
            Map<Integer, BigDecimal[]> plan = new LinkedHashMap<>();
            int versions = random.nextInt(4) == 0 ? 2 : 1;
            for (int number = 1; number <= versions; number++) {
                long version = ((Number) em.createNativeQuery("INSERT INTO plan_version (proposal_id, number) VALUES (:id, :n) RETURNING id")
                        .setParameter("id", id).setParameter("n", number).getSingleResult()).longValue();
                int start = number == 1 ? firstYear : firstYear + random.nextInt(3) - 1; // a decision may move the first year
                plan.clear();
                for (int y = start; y < start + years; y++) {
                    BigDecimal[] line = { money(200_000), money(50_000), money(50_000), money(300_000), money(100_000) };
                    plan.put(y, line);
                    em.createNativeQuery("INSERT INTO plan_line VALUES (:v, :y, :i, :o, :c, :s, :t)").setParameter("v", version)
                            .setParameter("y", y).setParameter("i", line[0]).setParameter("o", line[1]).setParameter("c", line[2])
                            .setParameter("s", line[3]).setParameter("t", line[4]).executeUpdate();
                }
            }
            if (random.nextInt(3) == 0) {
                int due = firstYear + random.nextInt(years + 1);
                em.createNativeQuery("INSERT INTO follow_up_target (proposal_id, code, type, due_year, position)"
                        + " VALUES (:id, 'M1', 'MILESTONE', :due, 0)").setParameter("id", id).setParameter("due", due).executeUpdate();
            }
            if (random.nextInt(4) == 0) {
                BigDecimal principal = money(400_000).add(BigDecimal.ONE);
                int loanYear = firstYear;
                em.createNativeQuery("INSERT INTO loan VALUES (:id, :p, :y)").setParameter("id", id).setParameter("p", principal)
                        .setParameter("y", loanYear).executeUpdate();
                em.createNativeQuery("INSERT INTO loan_repayment VALUES (:id, :y, :a)").setParameter("id", id)
                        .setParameter("y", loanYear + 1).setParameter("a", principal).executeUpdate();
            }
            int last = Math.min(2027, firstYear + years + 2);
            for (int y = firstYear - 1; y <= last; y++) {
                if (random.nextInt(4) == 0) {
                    continue; // a missing year
                }
                BigDecimal[] line = plan.getOrDefault(y, plan.values().stream().reduce((a, b) -> b).orElseThrow());
                boolean asPlanned = random.nextInt(3) > 0;
                long actual = ((Number) em.createNativeQuery("INSERT INTO actual (proposal_id, year, investment, operation_funding,"
                        + " operating_cost, service_efficiency, transfer_effect, repayment, explanation)"
                        + " VALUES (:id, :y, :i, :o, :c, :s, :t, :r, 'forklaring') RETURNING id").setParameter("id", id).setParameter("y", y)
                        .setParameter("i", asPlanned && plan.containsKey(y) ? line[0] : money(100_000))
                        .setParameter("o", asPlanned && plan.containsKey(y) ? line[1] : BigDecimal.ZERO)
                        .setParameter("c", asPlanned ? line[2] : money(50_000)).setParameter("s", asPlanned ? line[3] : money(300_000))
                        .setParameter("t", asPlanned ? line[4] : money(100_000)).setParameter("r", money(300_000))
                        .getSingleResult()).longValue();
                if (random.nextBoolean()) {
                    em.createNativeQuery("INSERT INTO actual_milestone VALUES (:a, 'M1', :y)").setParameter("a", actual).setParameter("y", y)
                            .executeUpdate();
                }
            }
        }

        /** Whole kroner up to the bound, zero a third of the time. */
        private BigDecimal money(int bound) {
            return random.nextInt(3) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(bound)).setScale(2);
        }
    }
}
