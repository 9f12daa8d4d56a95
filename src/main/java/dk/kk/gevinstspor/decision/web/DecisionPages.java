package dk.kk.gevinstspor.decision.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.ErrorPages;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.common.web.Labels;
import dk.kk.gevinstspor.common.web.TemplateExtensions;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.DecisionService;
import dk.kk.gevinstspor.decision.DecisionType;
import dk.kk.gevinstspor.decision.DecisionJson;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalMapper;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.proposal.ProposalJson;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The admins' pages for change decisions ({@code /admin/beslutninger}): the decisions that await approval, the
 * form that records a new decision (a new plan and/or loan schedule, or a cancellation), and the approval of
 * one body, posted from the proposal page. Every check is {@link DecisionService}'s (and the domain's); these
 * pages read Danish input and show Danish messages.
 */
@Path("/admin/beslutninger")
@RolesAllowed(Roles.ADMIN)
public class DecisionPages {

    /** How many empty rows the form offers after the current plan's years and the schedule's. */
    static final int EXTRA_ROWS = 2;
    static final List<String> PLAN_FIELDS = List.of("investment", "operationFunding", "operatingCost", "serviceEfficiency",
            "transferEffect");

    public record Option(String value, String name, boolean selected) {
    }

    /** One row of the plan or schedule input: the year and the amounts as typed, and the errors, by field name. */
    public record Row(int index, String year, Map<String, String> amounts, Map<String, String> errors) {

        Row(int index, String year, Map<String, String> amounts) {
            this(index, year, amounts, Map.of());
        }
    }

    /** The form; {@code columns} are the plan's amount fields shown (the transfer effect only with the flag). */
    public record Form(String reference, String title, List<Option> types, String description, String effectiveYear,
            boolean newPlan, List<Option> columns, List<Row> plan, boolean loan, boolean newSchedule, List<Row> schedule,
            Map<String, String> errors, List<String> messages) {
    }

    /** One line of an error summary: the message and the id of the field it links to (null: no field). */
    public record Summary(String field, String message) {
    }

    /**
     * An approval refused: the form again with what was typed, the bodies that may approve next (in order), the
     * errors by field ({@code body}, {@code date}, {@code caseReference}) and the summary linking to them.
     */
    public record ApprovalForm(String reference, long id, DecisionJson.Response decision, List<Option> bodies, String date,
            String caseReference, Map<String, String> errors, List<Summary> summary) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DecisionJson.Response> pending, String message);

        static native TemplateInstance form(Form form);

        static native TemplateInstance refused(ApprovalForm form);
    }

    @Inject
    DecisionService decisions;
    @Inject
    ProposalService proposals;
    @Inject
    Csrf csrf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response list(@QueryParam("forslag") String reference) {
        if (reference != null && !reference.isBlank()) {
            if (proposals.lookup(reference.strip()).isEmpty()) {
                return FormInput.html(404, Templates.list(decisions.pending(), "Intet forslag har referencen " + reference.strip() + "."));
            }
            return Response.seeOther(URI.create("/admin/beslutninger/" + TemplateExtensions.urlEncode(reference.strip()) + "/ny")).build();
        }
        return FormInput.html(200, Templates.list(decisions.pending(), null));
    }

    // ---- a new decision --------------------------------------------------------------------------------

    @GET
    @Path("/{reference}/ny")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response newDecision(@PathParam("reference") String reference) {
        Optional<ProposalEntity> found = proposals.lookup(reference);
        if (found.isEmpty()) {
            return ErrorPages.notFound("Intet forslag har referencen " + reference + ".");
        }
        ProposalEntity p = found.get();
        List<Row> plan = new ArrayList<>();
        ProposalMapper.toPlan(p.currentPlan()).years().forEach(y -> {
            Map<String, String> amounts = new LinkedHashMap<>();
            amounts.put("investment", DanishNumbers.kroner(y.investment().value()));
            amounts.put("operationFunding", DanishNumbers.kroner(y.operationFunding().value()));
            amounts.put("operatingCost", DanishNumbers.kroner(y.operatingCost().value()));
            amounts.put("serviceEfficiency", DanishNumbers.kroner(y.serviceEfficiency().value()));
            amounts.put("transferEffect", DanishNumbers.kroner(y.transferEffect().value()));
            plan.add(new Row(plan.size(), Integer.toString(y.year()), amounts));
        });
        List<Row> schedule = new ArrayList<>();
        if (p.loan != null) {
            new java.util.TreeMap<>(p.loan.schedule).forEach((year, amount) -> schedule.add(new Row(schedule.size(), year.toString(),
                    Map.of("amount", DanishNumbers.kroner(amount)))));
        }
        return FormInput.html(200, Templates.form(form(p, null, "", "", false, withEmptyRows(plan), false, withEmptyRows(schedule),
                Map.of(), List.of())));
    }

    @POST
    @Path("/{reference}/ny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response create(@PathParam("reference") String reference, MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        Optional<ProposalEntity> found = proposals.lookup(reference);
        if (found.isEmpty()) {
            return ErrorPages.notFound("Intet forslag har referencen " + reference + ".");
        }
        ProposalEntity p = found.get();
        Map<String, String> errors = new LinkedHashMap<>();
        String typeText = value(input, "type");
        DecisionType type = Arrays.stream(DecisionType.values()).filter(t -> t.name().equals(typeText)).findFirst().orElse(null);
        if (type == null) {
            errors.put("type", "Vælg hvilken slags beslutning det er");
        }
        String description = value(input, "description").strip();
        if (description.isEmpty()) {
            errors.put("description", "Beskriv beslutningen");
        } else if (description.length() > 4000) {
            errors.put("description", "Beskrivelsen må højst have 4.000 tegn");
        }
        String effectiveText = value(input, "effectiveYear");
        Integer effectiveYear = FormInput.year(effectiveText);
        if (effectiveYear == null) {
            errors.put("effectiveYear", "Skriv året, beslutningen virker fra, fx 2027");
        }
        boolean newPlan = input.containsKey("newPlan");
        boolean newSchedule = input.containsKey("newSchedule");
        List<Row> planRows = rows(input, "plan", PLAN_FIELDS);
        List<Row> scheduleRows = rows(input, "schedule", List.of("amount"));
        List<ProposalJson.PlanLine> plan = newPlan ? planLines(planRows, errors) : null;
        List<ProposalJson.Repayment> schedule = newSchedule ? repayments(scheduleRows, errors) : null;
        if (errors.isEmpty()) {
            try {
                DecisionJson.Response created = decisions.create(reference, new DecisionJson.Request(type, description, effectiveYear, plan,
                        schedule));
                return Response.seeOther(URI.create("/forslag/" + TemplateExtensions.urlEncode(reference) + "#beslutning-" + created.id()))
                        .build();
            } catch (ApiException e) {
                if (e.problem().status() == 404) {
                    return ErrorPages.notFound("Intet forslag har referencen " + reference + ".");
                }
                return FormInput.html(e.problem().status(), Templates.form(form(p, type, description, effectiveText, newPlan, planRows,
                        newSchedule, scheduleRows, errors, FormInput.messages(e.problem()))));
            }
        }
        return FormInput.html(422, Templates.form(form(p, type, description, effectiveText, newPlan, planRows, newSchedule,
                scheduleRows, errors, List.of("Beslutningen er ikke gemt. Ret de markerede felter."))));
    }

    private static Form form(ProposalEntity p, DecisionType type, String description, String effectiveYear, boolean newPlan,
            List<Row> plan, boolean newSchedule, List<Row> schedule, Map<String, String> errors, List<String> messages) {
        List<Option> types = Arrays.stream(DecisionType.values())
                .map(t -> new Option(t.name(), Labels.decisionType(t.name()), t == type)).toList();
        List<Option> columns = PLAN_FIELDS.stream().filter(f -> p.transfersEffect || !f.equals("transferEffect"))
                .map(f -> new Option(f, Labels.field(f), false)).toList();
        return new Form(p.reference, p.title, types, description, effectiveYear, newPlan, columns, withErrors(plan, "plan", errors),
                p.loan != null, newSchedule, withErrors(schedule, "schedule", errors), errors, messages);
    }

    /** The rows with their own errors ({@code plan.1.investment} → row 1's {@code investment}). */
    private static List<Row> withErrors(List<Row> rows, String prefix, Map<String, String> errors) {
        return rows.stream().map(r -> {
            Map<String, String> own = new LinkedHashMap<>();
            errors.forEach((key, message) -> {
                if (key.startsWith(prefix + "." + r.index() + ".")) {
                    own.put(key.substring((prefix + "." + r.index() + ".").length()), message);
                }
            });
            return new Row(r.index(), r.year(), r.amounts(), own);
        }).toList();
    }

    private static List<Row> withEmptyRows(List<Row> rows) {
        List<Row> all = new ArrayList<>(rows);
        for (int i = 0; i < EXTRA_ROWS; i++) {
            all.add(new Row(all.size(), "", Map.of()));
        }
        return all;
    }

    /** The rows as typed: prefix.{i}.year and prefix.{i}.{field}, for every index the form sent. */
    private static List<Row> rows(MultivaluedMap<String, String> input, String prefix, List<String> fields) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; input.containsKey(prefix + "." + i + ".year"); i++) {
            Map<String, String> amounts = new LinkedHashMap<>();
            for (String field : fields) {
                amounts.put(field, value(input, prefix + "." + i + "." + field));
            }
            rows.add(new Row(i, value(input, prefix + "." + i + ".year"), amounts));
        }
        return rows;
    }

    /** The plan's lines from the rows with a year; an empty amount is 0. */
    private static List<ProposalJson.PlanLine> planLines(List<Row> rows, Map<String, String> errors) {
        List<ProposalJson.PlanLine> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.year().isBlank() && row.amounts().values().stream().allMatch(String::isBlank)) {
                continue;
            }
            Integer year = FormInput.year(row.year());
            if (year == null) {
                errors.put("plan." + row.index() + ".year", "Skriv et år, fx 2027");
            }
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            for (String field : PLAN_FIELDS) {
                amounts.put(field, amount(row, field, "plan", errors));
            }
            lines.add(new ProposalJson.PlanLine(year, amounts.get("investment"), amounts.get("operationFunding"),
                    amounts.get("operatingCost"), amounts.get("serviceEfficiency"), amounts.get("transferEffect")));
        }
        if (lines.isEmpty()) {
            errors.put("plan", "En ny plan skal have mindst ét år");
        }
        return lines;
    }

    private static List<ProposalJson.Repayment> repayments(List<Row> rows, Map<String, String> errors) {
        List<ProposalJson.Repayment> repayments = new ArrayList<>();
        for (Row row : rows) {
            if (row.year().isBlank() && row.amounts().get("amount").isBlank()) {
                continue;
            }
            Integer year = FormInput.year(row.year());
            if (year == null) {
                errors.put("schedule." + row.index() + ".year", "Skriv et år, fx 2027");
            }
            repayments.add(new ProposalJson.Repayment(year, amount(row, "amount", "schedule", errors)));
        }
        if (repayments.isEmpty()) {
            errors.put("schedule", "En ny tilbagebetalingsplan skal have mindst ét afdrag");
        }
        return repayments;
    }

    private static BigDecimal amount(Row row, String field, String prefix, Map<String, String> errors) {
        String typed = row.amounts().getOrDefault(field, "");
        BigDecimal value = typed.isBlank() ? BigDecimal.ZERO : DanishNumbers.parse(typed);
        if (value == null) {
            errors.put(prefix + "." + row.index() + "." + field, "Skriv et beløb i kroner, fx 1.234.567,50");
        }
        return value;
    }

    // ---- an approval -----------------------------------------------------------------------------------

    @POST
    @Path("/{reference}/{id}/godkendelse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response approve(@PathParam("reference") String reference, @PathParam("id") String idText,
            MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        Long id = FormInput.number(idText);
        if (id == null || proposals.lookup(reference).isEmpty()) {
            return ErrorPages.notFound("Forslaget " + reference + " har ingen beslutning " + idText + ".");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String bodyText = value(input, "body");
        ApprovalBody body = Arrays.stream(ApprovalBody.values()).filter(b -> b.name().equals(bodyText)).findFirst().orElse(null);
        if (body == null) {
            errors.put("body", "Vælg hvem der har godkendt: fagudvalget, Økonomiudvalget eller Borgerrepræsentationen.");
        }
        String dateText = value(input, "date");
        LocalDate date = FormInput.date(dateText);
        if (date == null) {
            errors.put("date", "Skriv datoen for godkendelsen som dd.mm.åååå, fx 12.05.2026.");
        }
        String caseReference = value(input, "caseReference").strip();
        if (caseReference.isEmpty() || caseReference.length() > 100) {
            errors.put("caseReference", "Skriv sagsnummeret (højst 100 tegn), fx BR 2026-123.");
        }
        if (!errors.isEmpty()) {
            return refused(422, reference, id, bodyText, dateText, caseReference, errors, List.of());
        }
        try {
            decisions.approve(reference, id, body, new DecisionJson.ApprovalRequest(date, caseReference));
        } catch (ApiException e) {
            if (e.problem().status() == 404) {
                return ErrorPages.notFound("Forslaget " + reference + " har ingen beslutning " + id + ".");
            }
            // the service's refusal (out of order, a date after today or before the previous approval, …): nothing changed
            List<String> other = new ArrayList<>();
            if (e.problem().errors() == null || e.problem().errors().isEmpty()) {
                other.addAll(FormInput.messages(e.problem()));
            } else {
                for (Problem.Error error : e.problem().errors()) {
                    String field = DecisionService.APPROVAL_OUT_OF_ORDER.equals(error.code()) ? "body"
                            : APPROVAL_FIELDS.contains(error.field()) ? error.field() : null;
                    if (field == null || errors.containsKey(field)) {
                        other.add(error.message());
                    } else {
                        errors.put(field, error.message());
                    }
                }
            }
            return refused(e.problem().status(), reference, id, bodyText, dateText, caseReference, errors, other);
        }
        return Response.seeOther(URI.create("/forslag/" + TemplateExtensions.urlEncode(reference) + "#beslutning-" + id)).build();
    }

    /** The fields of the approval form, in the order of the form (and of its error summary). */
    static final List<String> APPROVAL_FIELDS = List.of("body", "date", "caseReference");

    /** The approval form again, as typed, with an error summary linking to each field in error; nothing was stored. */
    private Response refused(int status, String reference, long id, String bodyText, String date, String caseReference,
            Map<String, String> errors, List<String> other) {
        DecisionJson.Response decision;
        try {
            decision = decisions.get(reference, id);
        } catch (ApiException e) {
            return ErrorPages.notFound("Forslaget " + reference + " har ingen beslutning " + id + ".");
        }
        List<Option> bodies = decision.nextApprovals().stream()
                .map(b -> new Option(b.name(), Labels.body(b.name()), b.name().equals(bodyText))).toList();
        List<Summary> summary = new ArrayList<>();
        APPROVAL_FIELDS.stream().filter(errors::containsKey)
                .forEach(f -> summary.add(new Summary(bodies.isEmpty() ? null : f, errors.get(f)))); // no form: nothing to link to
        other.forEach(m -> summary.add(new Summary(null, m)));
        return FormInput.html(status, Templates.refused(new ApprovalForm(reference, id, decision, bodies, date, caseReference,
                errors, summary)));
    }

    private static String value(MultivaluedMap<String, String> input, String name) {
        String v = input.getFirst(name);
        return v == null ? "" : v;
    }
}
