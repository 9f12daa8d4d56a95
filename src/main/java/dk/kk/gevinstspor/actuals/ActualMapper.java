package dk.kk.gevinstspor.actuals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.YearlyActual;

/** Translates between stored actuals, their JSON and the domain's {@link YearlyActual}. */
public final class ActualMapper {

    private ActualMapper() {
    }

    public static YearlyActual toDomain(ActualEntity e) {
        Map<String, BigDecimal> kpis = new TreeMap<>();
        e.kpis.forEach((code, value) -> kpis.put(code, Numbers.plain(value)));
        return new YearlyActual(e.year, Amount.of(e.investment), Amount.of(e.operationFunding), Amount.of(e.operatingCost),
                Amount.of(e.serviceEfficiency), Amount.of(e.transferEffect), Amount.of(e.repayment), kpis,
                new TreeMap<>(e.milestones), e.explanation);
    }

    public static Actuals toDomain(List<ActualEntity> rows) {
        return Actuals.of(rows.stream().map(ActualMapper::toDomain).toList());
    }

    /** Writes the domain row's values into the entity (year and proposal stay). */
    public static void apply(YearlyActual a, ActualEntity e) {
        e.investment = a.investment().value();
        e.operationFunding = a.operationFunding().value();
        e.operatingCost = a.operatingCost().value();
        e.serviceEfficiency = a.serviceEfficiency().value();
        e.transferEffect = a.transferEffect().value();
        e.repayment = a.repayment().value();
        e.kpis.clear();
        e.kpis.putAll(a.kpis());
        e.milestones.clear();
        e.milestones.putAll(a.milestones());
        e.explanation = a.explanation();
        e.updatedAt = java.time.Instant.now();
    }

    public static ActualJson toJson(ActualEntity e) {
        YearlyActual a = toDomain(e);
        return new ActualJson(a.year(), a.investment().value(), a.operationFunding().value(), a.operatingCost().value(),
                a.serviceEfficiency().value(), a.transferEffect().value(), a.repayment().value(), a.kpis(),
                a.milestones(), a.explanation(), e.version);
    }
}
