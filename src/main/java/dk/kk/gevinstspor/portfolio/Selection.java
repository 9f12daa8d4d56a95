package dk.kk.gevinstspor.portfolio;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dk.kk.gevinstspor.domain.FiguresNeeded;
import dk.kk.gevinstspor.domain.FullyImplemented;
import dk.kk.gevinstspor.domain.InnovationFrames;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.ReportKind;
import dk.kk.gevinstspor.domain.ReportMembership;
import dk.kk.gevinstspor.domain.ReportScope;

/**
 * Which stored proposals a reader wants, said once: each case is a domain rule ({@link #keeps}) and the SQL that
 * pre-filters for it ({@link #where}), side by side, so that a change of the one is seen next to the other. The SQL may
 * let through more than the rule keeps (the domain decides; {@link Portfolio#each} applies both) but never less:
 * {@code SelectionPreFilterTest} checks that for every case on the demo data and on generated portfolios.
 */
public sealed interface Selection {

    /** An SQL condition on {@code proposal p} with its named parameters; the service's own text, never user input. */
    record Where(String condition, Map<String, Object> parameters) {
        public Where {
            Objects.requireNonNull(condition, "condition");
            parameters = Map.copyOf(parameters);
        }

        static Where of(String condition) {
            return new Where(condition, Map.of());
        }
    }

    /**
     * The kinds financed by the innovation pool ({@link ProposalKind#isInnovationPool}) as an SQL condition on the
     * proposal table under the alias: the one spelling of the rule in SQL.
     */
    static String innovationPool(String alias) {
        return Arrays.stream(ProposalKind.values()).filter(ProposalKind::isInnovationPool).map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", ", alias + ".kind IN (", ")"));
    }

    /** The SQL pre-filter: a condition that keeps at least every proposal {@link #keeps} keeps. */
    Where where();

    /** The domain rule: true when the stored proposal (with its actuals) is selected; {@code tolerance} as evaluated. */
    boolean keeps(Stored stored, BigDecimal tolerance);

    /** Every stored proposal (the snapshot rebuild). */
    record Everything() implements Selection {
        @Override
        public Where where() {
            return Where.of("true");
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return true;
        }
    }

    /** The proposals with these references (an import's rows). */
    record Named(Set<String> references) implements Selection {
        public Named {
            references = Set.copyOf(references);
        }

        @Override
        public Where where() {
            return references.isEmpty() ? Where.of("false") : new Where("p.reference IN (:references)", Map.of("references", references));
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return references.contains(stored.proposal().reference());
        }
    }

    /** The members of a follow-up report ({@link ReportMembership#belongs}). */
    record InReport(ReportScope scope) implements Selection {
        public InReport {
            Objects.requireNonNull(scope, "scope");
        }

        /**
         * The report's audience in SQL ({@link ReportMembership#inAudience}); the years are the domain's. A majbidrag
         * names its committee's administrations (from the scope's {@code committeeOf}), not a subquery on the committee:
         * the planner then sees that a small committee's proposals are few and reads them by the lead administration's
         * index instead of scanning the portfolio and every actual (bench/run: a committee of 400 in 100,000).
         */
        @Override
        public Where where() {
            return switch (scope.kind()) {
                case MAJBIDRAG -> committeeAdministrations().isEmpty() ? Where.of("false")
                        : new Where("p.lead_administration IN (:administrations)", Map.of("administrations", committeeAdministrations()));
                case FINANCE_COMMITTEE -> Where.of("p.kind = '" + ProposalKind.INVESTMENT.name() + "'");
                case IT_KREDS -> Where.of("p.digital AND " + innovationPool("p"));
                case INNOVATION -> scope.digital().isEmpty() ? Where.of(innovationPool("p"))
                        : new Where(innovationPool("p") + " AND p.digital = :digital", Map.of("digital", scope.digital().get()));
            };
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return ReportMembership.belongs(scope, stored.proposal(),
                    FullyImplemented.of(stored.proposal(), stored.actuals(), scope.accountsYear(), tolerance).year());
        }

        /** The administrations of the majbidrag's committee, sorted. */
        private List<String> committeeAdministrations() {
            return scope.committeeOf().entrySet().stream().filter(e -> e.getValue().equals(scope.committee())).map(Map.Entry::getKey)
                    .sorted().toList();
        }

        /** The report's kind. */
        public ReportKind kind() {
            return scope.kind();
        }
    }

    /**
     * The proposals that need actual figures for the year from the administrations ({@link FiguresNeeded}): the entry
     * list and the import template.
     *
     * @param administrations the administrations asking, or empty for every administration
     */
    record NeedingFigures(int year, Optional<Set<String>> administrations) implements Selection {
        public NeedingFigures {
            administrations = administrations.map(Set::copyOf);
        }

        @Override
        public Where where() {
            if (administrations.isEmpty()) {
                return Where.of("true");
            }
            if (administrations.get().isEmpty()) {
                return Where.of("false");
            }
            return new Where("p.lead_administration IN (:administrations)", Map.of("administrations", administrations.get()));
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return FiguresNeeded.inYear(stored.proposal(), stored.actuals(), year, tolerance, administrations);
        }
    }

    /** The proposals with a loan (the loan book). */
    record WithLoan() implements Selection {
        @Override
        public Where where() {
            return Where.of("EXISTS (SELECT 1 FROM loan lo WHERE lo.proposal_id = p.id)");
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return stored.proposal().loan() != null;
        }
    }

    /**
     * The proposals that count in the innovation-pool frames ({@link InnovationFrames#framesOf}) of an adoption year,
     * or of every year.
     *
     * @param adoptionYear the year, or empty for every year
     */
    record InFrames(Optional<Integer> adoptionYear) implements Selection {
        public static InFrames of(int adoptionYear) {
            return new InFrames(Optional.of(adoptionYear));
        }

        public static InFrames everyYear() {
            return new InFrames(Optional.empty());
        }

        @Override
        public Where where() {
            return adoptionYear.map(y -> new Where(innovationPool("p") + " AND p.adoption_year = :adoptionYear",
                    Map.<String, Object>of("adoptionYear", y))).orElse(Where.of(innovationPool("p")));
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return !InnovationFrames.framesOf(stored.proposal()).isEmpty()
                    && adoptionYear.map(y -> y == stored.proposal().adoptionYear()).orElse(true);
        }
    }

    /**
     * The proposals whose evaluation snapshots are claimed for recomputing: the ids in the transaction's temporary
     * table {@code snapshot_claim} (the snapshot job fills it from its marks). Stored state, no domain rule.
     */
    record MarkedForSnapshots() implements Selection {
        @Override
        public Where where() {
            return Where.of("p.id IN (SELECT proposal_id FROM snapshot_claim)");
        }

        @Override
        public boolean keeps(Stored stored, BigDecimal tolerance) {
            return true;
        }
    }
}
