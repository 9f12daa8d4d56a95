package dk.kk.gevinstspor.overview.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.ErrorPages;
import dk.kk.gevinstspor.common.web.TemplateExtensions;
import dk.kk.gevinstspor.common.web.charts.BarChart;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.DecisionService;
import dk.kk.gevinstspor.decision.DecisionJson;
import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.ActualsYears;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.FollowUpFigures;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.domain.YearlyPlan;
import dk.kk.gevinstspor.overview.HistoryService;
import dk.kk.gevinstspor.overview.HistoryJson;
import dk.kk.gevinstspor.portfolio.Stored;
import dk.kk.gevinstspor.proposal.EvaluationService;
import dk.kk.gevinstspor.proposal.PlanVersionEntity;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalMapper;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.proposal.EvaluationJson;
import dk.kk.gevinstspor.proposal.ProposalJson;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A proposal's page ({@code /forslag/{reference}?aar=}) for every signed-in user: plan (baseline and current
 * version) against actuals per year in a table and two charts, the evaluation of the chosen accounts year
 * (status, targets, fully implemented and each condition, loan), the loan schedule against the repayments, the
 * findings, the change decisions with their approvals, and the history. Every figure is the domain's, through
 * {@link EvaluationService}, {@link FollowUpFigures} and the other services; this class only arranges them.
 */
@Path("/forslag")
@Authenticated
public class ProposalPage {

    /** One year of plan against actuals: pool money and gain of the baseline, the current plan and the actuals (null: no figures). */
    public record Year(int year, BigDecimal baselinePoolMoney, BigDecimal plannedPoolMoney, BigDecimal actualPoolMoney,
            BigDecimal baselineGain, BigDecimal plannedGain, BigDecimal actualGain, String explanation) {
    }

    public record Version(int number, Integer effectiveFromYear, boolean current) {
    }

    /** A target with its description and its status in the chosen year. */
    public record Target(String code, String type, String description, String due, String status, int overdueYears) {
    }

    public record Repayment(int year, BigDecimal scheduled, BigDecimal repaid) {
    }

    /** A change decision with the bodies that have not approved it yet. */
    public record Decision(DecisionJson.Response decision, List<String> missingBodies) {
    }

    public record View(ProposalJson.Response proposal, int year, List<Integer> years, List<Version> versions, boolean changedPlan,
            List<Year> plan, String poolMoneyChart, String gainChart, EvaluationJson evaluation, List<Target> targets,
            List<Repayment> repayments, List<Decision> pending, List<Decision> approved, List<HistoryJson> history,
            boolean mayEnterFigures, boolean formOpen, boolean admin) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposal(View view);
    }

    @Inject
    ProposalService proposals;
    @Inject
    EvaluationService evaluations;
    @Inject
    DecisionService decisions;
    @Inject
    HistoryService history;
    @Inject
    Access access;
    @Inject
    SecurityIdentity identity;
    @Inject
    Today today;
    @Inject
    EvaluationSettings settings;

    @GET
    @Path("/{reference}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@PathParam("reference") String reference, @QueryParam("aar") String yearText) {
        Optional<ProposalEntity> found = proposals.lookup(reference);
        if (found.isEmpty()) {
            return ErrorPages.notFound("Intet forslag har referencen " + reference + ".");
        }
        ProposalEntity entity = found.get();
        int year = yearText != null && yearText.strip().matches("\\d{4}") ? Integer.parseInt(yearText.strip()) : today.lastCompletedYear();
        if (year < 1900 || year > 2999) {
            return ErrorPages.notFound("Ugyldigt år: " + yearText + ".");
        }
        return Response.ok(Templates.proposal(view(entity, year)).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    View view(ProposalEntity entity, int year) {
        String reference = entity.reference;
        Stored read = proposals.stored(reference);
        Proposal proposal = read.proposal();
        YearlyPlan baseline = ProposalMapper.toPlan(entity.baselinePlan());
        Actuals figures = read.actuals();
        List<Year> plan = new ArrayList<>();
        TreeSet<Integer> shownYears = new TreeSet<>();
        proposal.plan().years().forEach(y -> shownYears.add(y.year()));
        baseline.years().forEach(y -> shownYears.add(y.year()));
        figures.byYear().keySet().forEach(shownYears::add);
        for (int y : shownYears) {
            FollowUpFigures current = FollowUpFigures.of(proposal.plan(), figures, proposal.gainBasis(), y);
            FollowUpFigures adopted = FollowUpFigures.of(baseline, figures, proposal.gainBasis(), y);
            boolean hasRow = figures.hasRow(y);
            plan.add(new Year(y, adopted.plannedPoolMoney().value(), current.plannedPoolMoney().value(),
                    hasRow ? current.actualPoolMoney().value() : null, adopted.plannedGain().value(), current.plannedGain().value(),
                    hasRow ? current.actualGain().value() : null, figures.forYear(y).map(YearlyActual::explanation).orElse(null)));
        }
        List<Version> versions = entity.planVersions.stream().sorted(Comparator.comparingInt((PlanVersionEntity v) -> v.number))
                .map(v -> new Version(v.number, v.effectiveFromYear, v == entity.currentPlan())).toList();
        boolean changedPlan = versions.size() > 1;

        EvaluationJson evaluation = evaluations.evaluate(reference, year);
        ProposalJson.Response stored = proposals.get(reference);
        List<Target> targets = new ArrayList<>();
        for (ProposalJson.Target t : stored.targets()) {
            EvaluationJson.TargetJson result = evaluation.targets().stream().filter(r -> r.code().equals(t.code())).findFirst().orElse(null);
            String due = t.dueYear() != null ? "Frist " + t.dueYear()
                    : t.yearly() == null || t.yearly().isEmpty() ? ""
                            : String.join(", ", t.yearly().stream().map(k -> k.year() + ": " + TemplateExtensions.danish(k.target())).toList());
            targets.add(new Target(t.code(), t.type().name(), t.description(), due, result == null ? null : result.status(),
                    result == null ? 0 : result.overdueYears()));
        }
        List<Repayment> repayments = new ArrayList<>();
        if (proposal.loan() != null) {
            TreeSet<Integer> loanYears = new TreeSet<>(proposal.loan().schedule().keySet());
            figures.byYear().forEach((y, a) -> {
                if (a.repayment().value().signum() != 0) {
                    loanYears.add(y);
                }
            });
            for (int y : loanYears) {
                BigDecimal scheduled = Optional.ofNullable(proposal.loan().schedule().get(y)).map(a -> a.value()).orElse(null);
                BigDecimal repaid = figures.forYear(y).map(a -> a.repayment().value()).orElse(null);
                repayments.add(new Repayment(y, scheduled, repaid));
            }
        }
        List<Decision> pending = new ArrayList<>();
        List<Decision> approved = new ArrayList<>();
        for (DecisionJson.Response d : decisions.list(reference)) {
            List<String> missing = new ArrayList<>();
            for (ApprovalBody body : ApprovalBody.values()) {
                if (d.approvals().stream().noneMatch(a -> a.body() == body)) {
                    missing.add(body.name());
                }
            }
            ("APPROVED".equals(d.status()) ? approved : pending).add(new Decision(d, missing));
        }
        List<Integer> years = new ArrayList<>();
        for (int y = Math.max(today.year(), shownYears.last()); y >= shownYears.first(); y--) {
            years.add(y);
        }
        List<String> categories = plan.stream().map(y -> Integer.toString(y.year())).toList();
        String unit = "Beløb i 1.000 kr., " + proposal.priceLevelYear() + "-P/L. Tallene står i tabellen over figuren.";
        String poolChart = chart("puljemidler", "Puljemidler pr. år", "Planlagte og faktiske puljemidler (investering og midlertidig"
                + " driftsfinansiering) pr. år. " + unit, categories, plan, changedPlan, Year::baselinePoolMoney, Year::plannedPoolMoney,
                Year::actualPoolMoney);
        String gainChart = chart("gevinst", "Gevinst pr. år", "Planlagt og faktisk gevinst pr. år. " + unit, categories, plan,
                changedPlan, Year::baselineGain, Year::plannedGain, Year::actualGain);
        boolean mayEnter = access.mayWriteActuals(entity.leadAdministration);
        boolean formOpen = ActualsYears.forForm(proposal, figures, today.year(), settings.tolerance()).contains(year);
        return new View(stored, year, years, versions, changedPlan, plan, poolChart, gainChart, evaluation, targets, repayments,
                pending, approved, history.history(reference), mayEnter, formOpen, identity.hasRole(Roles.ADMIN));
    }

    private static String chart(String id, String title, String description, List<String> categories, List<Year> plan,
            boolean withBaseline, Function<Year, BigDecimal> baseline, Function<Year, BigDecimal> planned,
            Function<Year, BigDecimal> actual) {
        List<BarChart.Series> series = new ArrayList<>();
        if (withBaseline) {
            series.add(new BarChart.Series("Oprindelig plan", plan.stream().map(baseline).toList()));
        }
        series.add(new BarChart.Series(withBaseline ? "Gældende plan" : "Plan", plan.stream().map(planned).toList()));
        series.add(new BarChart.Series("Faktisk", plan.stream().map(actual).toList()));
        return new BarChart(id, title, description, categories, series, TemplateExtensions::thousands).figure();
    }
}
