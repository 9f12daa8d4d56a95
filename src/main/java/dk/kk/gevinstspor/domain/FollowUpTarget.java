package dk.kk.gevinstspor.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A measurable follow-up target (opfølgningsmål): economic, implementation milestone or KPI. */
public sealed interface FollowUpTarget {

    /** Stable code of the target within its proposal, e.g. {@code "M1"}. */
    String code();

    TargetType type();

    private static String requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Et opfølgningsmål skal have en kode");
        }
        return code;
    }

    /** The plan's spend and gain profiles as a target. */
    record Economic(String code) implements FollowUpTarget {
        public Economic {
            requireCode(code);
        }

        @Override
        public TargetType type() {
            return TargetType.ECONOMIC;
        }
    }

    /** An implementation milestone due in a year. */
    record Milestone(String code, String description, int dueYear) implements FollowUpTarget {
        public Milestone {
            requireCode(code);
            FiscalYear.check(dueYear);
        }

        @Override
        public TargetType type() {
            return TargetType.MILESTONE;
        }
    }

    /** A key figure with a unit, a direction and targets per year. */
    record Kpi(String code, String description, String unit, Direction direction, Map<Integer, BigDecimal> yearly)
            implements FollowUpTarget {
        public Kpi {
            requireCode(code);
            Objects.requireNonNull(direction, "direction");
            yearly.keySet().forEach(FiscalYear::check);
            yearly = Decimals.plain(yearly); // one scale, whichever store the targets come from
        }

        @Override
        public TargetType type() {
            return TargetType.KPI;
        }
    }
}
