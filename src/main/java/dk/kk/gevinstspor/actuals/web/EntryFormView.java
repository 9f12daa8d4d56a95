package dk.kk.gevinstspor.actuals.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.actuals.imports.Column;
import dk.kk.gevinstspor.actuals.web.EntryFormPage.Field;
import dk.kk.gevinstspor.actuals.web.EntryFormPage.Form;
import dk.kk.gevinstspor.actuals.web.EntryFormPage.Summary;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.PlanYear;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyActual;

/**
 * The figures form of one proposal and year as {@link EntryFormPage} shows it: its amounts (with their Danish labels),
 * targets and milestones, each beside the plan, with what was typed (or stored) and its error, and the summary of
 * every error in the form's order, each naming its field.
 */
@ApplicationScoped
public class EntryFormView {

    /** The amounts' input names (the API's names), in the form's order, and their labels (the template's headings). */
    static final Map<String, String> AMOUNT_LABELS;
    static {
        Map<String, String> labels = new LinkedHashMap<>();
        Column.AMOUNTS.forEach(c -> labels.put(c.apiName, c.heading));
        AMOUNT_LABELS = Collections.unmodifiableMap(labels);
    }

    /** The stored figures as the form's inputs show them (Danish numbers; amounts exactly as stored, {@link DanishNumbers#kroner}). */
    static Map<String, String> values(YearlyActual a) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("investment", DanishNumbers.kroner(a.investment().value()));
        values.put("operationFunding", DanishNumbers.kroner(a.operationFunding().value()));
        values.put("operatingCost", DanishNumbers.kroner(a.operatingCost().value()));
        values.put("serviceEfficiency", DanishNumbers.kroner(a.serviceEfficiency().value()));
        values.put("transferEffect", DanishNumbers.kroner(a.transferEffect().value()));
        values.put("repayment", DanishNumbers.kroner(a.repayment().value()));
        a.kpis().forEach((code, value) -> values.put("kpi." + code, DanishNumbers.format(value)));
        a.milestones().forEach((code, achieved) -> values.put("milestone." + code, Integer.toString(achieved)));
        values.put("explanation", a.explanation() == null ? "" : a.explanation());
        return values;
    }

    /**
     * The form with the given values and errors (by input name), {@code general} the errors that belong to no field,
     * {@code message} a refusal of the whole form (e.g. someone saved in between).
     */
    Form form(Proposal proposal, int year, Long version, Map<String, String> values, Map<String, String> errors,
            List<String> general, String message) {
        PlanYear plan = proposal.plan().forYear(year);
        Map<String, BigDecimal> planned = Map.of("investment", plan.investment().value(), "operationFunding",
                plan.operationFunding().value(), "operatingCost", plan.operatingCost().value(), "serviceEfficiency",
                plan.serviceEfficiency().value(), "transferEffect", plan.transferEffect().value(), "repayment",
                proposal.loanIfAny().map(l -> l.schedule().getOrDefault(year, Amount.ZERO).value())
                        .orElse(BigDecimal.ZERO));
        List<Field> amounts = new ArrayList<>();
        AMOUNT_LABELS.forEach((name, label) -> {
            if ("transferEffect".equals(name) && !proposal.transfersEffect()) {
                return;
            }
            if ("repayment".equals(name) && proposal.loan() == null) {
                return;
            }
            amounts.add(new Field(name, label, DanishNumbers.kroner(planned.get(name)), values.getOrDefault(name, ""), errors.get(name)));
        });
        List<Field> kpis = new ArrayList<>();
        List<Field> milestones = new ArrayList<>();
        for (FollowUpTarget t : proposal.targets()) {
            if (t instanceof FollowUpTarget.Kpi k) {
                BigDecimal target = k.yearly().get(year);
                kpis.add(new Field("kpi." + k.code(), k.code() + (k.description() == null ? "" : ": " + k.description())
                        + (k.unit() == null ? "" : " (" + k.unit() + ")"), target == null ? "" : DanishNumbers.format(target),
                        values.getOrDefault("kpi." + k.code(), ""), errors.get("kpi." + k.code())));
            } else if (t instanceof FollowUpTarget.Milestone m) {
                milestones.add(new Field("milestone." + m.code(), m.code() + (m.description() == null ? "" : ": " + m.description()),
                        Integer.toString(m.dueYear()), values.getOrDefault("milestone." + m.code(), ""), errors.get("milestone." + m.code())));
            }
        }
        List<Summary> summary = new ArrayList<>();
        for (List<Field> fields : List.of(amounts, kpis, milestones)) {
            fields.stream().filter(f -> f.error() != null).forEach(f -> summary.add(new Summary(f.name(), f.label() + ": " + f.error())));
        }
        if (errors.containsKey("explanation")) {
            summary.add(new Summary("explanation", "Forklaring: " + errors.get("explanation")));
        }
        general.forEach(g -> summary.add(new Summary(null, g)));
        return new Form(proposal.reference(), proposal.title(), year, version, amounts, kpis, milestones,
                values.getOrDefault("explanation", ""), errors.get("explanation"), summary, message);
    }
}
