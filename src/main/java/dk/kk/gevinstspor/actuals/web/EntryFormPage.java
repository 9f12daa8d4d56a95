package dk.kk.gevinstspor.actuals.web;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.ErrorPages;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.Proposal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The figures form of one proposal and year ({@code /indberetning/{reference}/{år}}): only for the years the
 * proposal's figures are entered for (others: the Danish 404 page), every error at once in a summary at the top
 * whose entries link to their fields and beside each field, nothing stored until the whole form is valid. Every
 * check is the API's ({@link ActualsService}); this page only reads Danish input and shows Danish errors.
 */
@Path("/indberetning")
@RolesAllowed({ Roles.ADMIN, Roles.ENTRY })
public class EntryFormPage {

    /** One input of the form: its name, label, the plan beside it, what was typed, and its error. */
    public record Field(String name, String label, String planned, String value, String error) {
    }

    /** One entry of the error summary: the message and the id of the field it links to (null: the form as a whole). */
    public record Summary(String field, String message) {
    }

    /** The form of one proposal and year; {@code summary} lists every error, {@code message} a refusal of the whole form. */
    public record Form(String reference, String title, int year, Long version, List<Field> amounts, List<Field> kpis,
            List<Field> milestones, String explanation, String explanationError, List<Summary> summary, String message) {

        /** True when the page shows what was typed but not stored (an error answer): leaving it loses it. */
        public boolean unsaved() {
            return !summary.isEmpty() || message != null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Form form);
    }

    @Inject
    ActualsService service;
    @Inject
    Access access;
    @Inject
    Csrf csrf;
    @Inject
    EntryFormView view;

    @GET
    @Path("/{reference}/{year}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response form(@PathParam("reference") String reference, @PathParam("year") String yearText) {
        return opened(reference, yearText, (data, year) -> FormInput.html(200, Templates.form(view.form(data.proposal(), year,
                data.version(), data.stored().map(EntryFormView::values).orElseGet(LinkedHashMap::new), Map.of(), List.of(), null))));
    }

    @POST
    @Path("/{reference}/{year}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response save(@PathParam("reference") String reference, @PathParam("year") String yearText,
            MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        return opened(reference, yearText, (data, year) -> save(data.proposal(), year, input));
    }

    /**
     * The answer for the proposal's form of the year: the Danish 404 page when there is no such proposal or the form
     * is not open for the year, 403 for a caller who may not write its figures, else {@code then}.
     */
    private Response opened(String reference, String yearText, BiFunction<ActualsService.FormData, Integer, Response> then) {
        Integer year = FormInput.year(yearText);
        ActualsService.FormData data;
        try {
            data = service.form(reference, year == null ? 0 : year);
        } catch (ApiException e) {
            return ErrorPages.notFound("Intet forslag har referencen " + reference + ".", "/indberetning", "Til indberetningen");
        }
        String lead = data.proposal().leadAdministration();
        if (!access.mayWriteActuals(lead)) {
            return ErrorPages.forbidden(Access.actualsRefusal(reference, lead));
        }
        if (year == null || !data.opens(year)) {
            return ErrorPages.notFound("Der indberettes ikke tal for " + reference + " for " + yearText + ". " + years(data.years()),
                    "/indberetning", "Til indberetningen");
        }
        return then.apply(data, year);
    }

    /** "Tallene indberettes for 2026-2029." (or the years one by one when follow-up left gaps), or that there are none yet. */
    static String years(List<Integer> years) {
        if (years.isEmpty()) {
            return "Der indberettes endnu ingen tal for forslaget.";
        }
        boolean consecutive = years.get(years.size() - 1) - years.get(0) == years.size() - 1;
        return "Tallene indberettes for " + (years.size() == 1 ? Integer.toString(years.get(0))
                : consecutive ? years.get(0) + "-" + years.get(years.size() - 1)
                : years.stream().map(String::valueOf).collect(Collectors.joining(", "))) + ".";
    }

    private Response save(Proposal proposal, int year, MultivaluedMap<String, String> input) {
        String reference = proposal.reference();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Typed typed = new Typed(input, values, errors);
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String name : EntryFormView.AMOUNT_LABELS.keySet()) {
            BigDecimal amount = typed.read(name, DanishNumbers::parse, "Skriv et beløb i kroner, fx 1.234.567,50");
            amounts.put(name, amount == null && !errors.containsKey(name) ? BigDecimal.ZERO : amount);
        }
        Map<String, BigDecimal> kpis = new LinkedHashMap<>();
        Map<String, Integer> milestones = new LinkedHashMap<>();
        for (FollowUpTarget t : proposal.targets()) {
            if (t instanceof FollowUpTarget.Kpi) {
                BigDecimal value = typed.read("kpi." + t.code(), DanishNumbers::parse, "Skriv et tal, fx 1.200 eller 12,5");
                if (value != null) {
                    kpis.put(t.code(), value);
                }
            } else if (t instanceof FollowUpTarget.Milestone) {
                Integer achieved = typed.read("milestone." + t.code(), FormInput::year, "Skriv det år, milepælen blev nået, fx " + year);
                if (achieved != null) {
                    milestones.put(t.code(), achieved);
                }
            }
        }
        String explanation = FormInput.text(input, "explanation");
        values.put("explanation", explanation);
        Long version = FormInput.number(input.getFirst("version"));
        ActualJson body = new ActualJson(year, amounts.get("investment"), amounts.get("operationFunding"), amounts.get("operatingCost"),
                amounts.get("serviceEfficiency"), amounts.get("transferEffect"), amounts.get("repayment"), kpis, milestones,
                explanation, version);
        if (!errors.isEmpty()) {
            Set<String> unread = new LinkedHashSet<>(errors.keySet());
            return refused(proposal, year, version, values, errors, service.check(reference, year, body, unread));
        }
        try {
            service.put(reference, year, body);
        } catch (ApiException e) {
            Problem problem = e.problem();
            if (problem.status() == 409) {
                return page(409, proposal, year, version, values, Map.of(), List.of(), "Nogen har gemt tal for " + reference + " "
                        + year + ", siden du åbnede formularen. Dine tal er ikke gemt. Genindlæs siden for at se de gemte tal.");
            }
            if (problem.status() == 403) {
                return ErrorPages.forbidden(problem.detail());
            }
            return refused(proposal, year, version, values, errors, problem.errors() == null ? List.of() : problem.errors());
        }
        return Response.seeOther(URI.create("/indberetning?aar=" + year + "&gemt=" + URLEncoder.encode(reference, StandardCharsets.UTF_8)))
                .build();
    }

    /** The form again with what was typed, the errors of the format ({@code errors}) and the service's, all at once. */
    private Response refused(Proposal proposal, int year, Long version, Map<String, String> values, Map<String, String> errors,
            List<Problem.Error> problems) {
        List<String> general = new ArrayList<>();
        for (Problem.Error error : problems) {
            String field = error.field() == null ? "" : error.field().replace("kpis.", "kpi.").replace("milestones.", "milestone.");
            if (ActualsService.EXPLANATION_REQUIRED.equals(error.code())) {
                errors.putIfAbsent("explanation", "Skriv en forklaring: tallene afviger mere end 5 % fra planen.");
            }
            if (values.containsKey(field)) {
                errors.merge(field, error.message(), (a, b) -> a.contains(b) ? a : a + " " + b);
            } else {
                general.add(error.message());
            }
        }
        return page(422, proposal, year, version, values, errors, general, null);
    }

    private Response page(int status, Proposal proposal, int year, Long version, Map<String, String> values,
            Map<String, String> errors, List<String> general, String message) {
        return FormInput.html(status, Templates.form(view.form(proposal, year, version, values, errors, general, message)));
    }

    /** The form's inputs as typed: each read is kept in {@code values} to show again, and its error in {@code errors}. */
    private record Typed(MultivaluedMap<String, String> input, Map<String, String> values, Map<String, String> errors) {

        /** The input read with {@code parse}; null when left blank, or when it does not parse (then with the error). */
        <T> T read(String name, Function<String, T> parse, String error) {
            String text = FormInput.text(input, name);
            values.put(name, text);
            if (text.isBlank()) {
                return null;
            }
            T read = parse.apply(text);
            if (read == null) {
                errors.put(name, error);
            }
            return read;
        }
    }
}
