package dk.kk.gevinstspor.actuals.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dk.kk.gevinstspor.actuals.ActualRepository;
import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.actuals.EntryOverview;
import dk.kk.gevinstspor.actuals.imports.ActualsImporter;
import dk.kk.gevinstspor.actuals.imports.ImportResult;
import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.admin.CommitteeRepository;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Access;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.ErrorPages;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.domain.FollowUpTarget;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.YearlyActual;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The committee staff's pages for the yearly figures: the list of proposals that need figures ("Indberetning"),
 * a form per proposal and year, and the upload of a CSV or XLSX file with a dry run before it is stored. Every
 * check is the API's (ActualsService, ActualsImporter); these pages only read Danish input and show Danish errors.
 */
@jakarta.ws.rs.Path("/indberetning")
@RolesAllowed({ Roles.ADMIN, Roles.ENTRY })
public class EntryPages {

    /** One input of the form: its name, label, the plan beside it, what was typed, and its error. */
    public record Field(String name, String label, String planned, String value, String error) {
    }

    /** The form of one proposal and year. */
    public record Form(String reference, String title, int year, Long version, List<Field> amounts, List<Field> kpis,
            List<Field> milestones, String explanation, String explanationError, String message) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(int year, List<Integer> years, String committee,
                List<CommitteeOption> committees, boolean admin, List<EntryOverview.Line> lines, long missing,
                long explanationNeeded, long entered, String saved);

        static native TemplateInstance form(Form form);

        static native TemplateInstance upload(int year, ImportResult result, List<Problem.Error> errors,
                String pending, String message, boolean stored);
    }

    public record CommitteeOption(String code, String name, boolean selected) {
    }

    private final EntryOverview overview;
    private final ProposalRepository proposals;
    private final ActualRepository actuals;
    private final Portfolio portfolio;
    private final ActualsService service;
    private final ActualsImporter importer;
    private final CommitteeRepository committees;
    private final Access access;
    private final Csrf csrf;
    private final Today today;
    private final SecurityIdentity identity;
    private final PendingUploads uploads;
    private final EntryFormView formView;

    public EntryPages(EntryOverview overview, ProposalRepository proposals, ActualRepository actuals, Portfolio portfolio, ActualsService service,
            ActualsImporter importer, CommitteeRepository committees, Access access, Csrf csrf, Today today,
            SecurityIdentity identity, PendingUploads uploads, EntryFormView formView) {
        this.uploads = uploads;
        this.formView = formView;
        this.overview = overview;
        this.proposals = proposals;
        this.actuals = actuals;
        this.portfolio = portfolio;
        this.service = service;
        this.importer = importer;
        this.committees = committees;
        this.access = access;
        this.csrf = csrf;
        this.today = today;
        this.identity = identity;
    }

    // ---- the list --------------------------------------------------------------------------------------

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("aar") String year, @QueryParam("udvalg") String committee,
            @QueryParam("gemt") String saved) {
        int y = year(year);
        boolean admin = identity.hasRole(Roles.ADMIN);
        String chosen = admin && committee != null && !committee.isBlank() ? committee : null;
        List<EntryOverview.Line> lines = overview.lines(y, chosen);
        List<Integer> years = new ArrayList<>();
        for (int i = today.year(); i >= today.year() - 8; i--) {
            years.add(i);
        }
        List<CommitteeOption> options = committees.listInOrder().stream()
                .map(c -> new CommitteeOption(c.code, c.name, c.code.equals(chosen))).toList();
        return Templates.list(y, years, chosen, options, admin, lines,
                count(lines, EntryOverview.State.MISSING), count(lines, EntryOverview.State.EXPLANATION_NEEDED),
                count(lines, EntryOverview.State.ENTERED), saved);
    }

    private static long count(List<EntryOverview.Line> lines, EntryOverview.State state) {
        return lines.stream().filter(l -> l.state() == state).count();
    }

    // ---- the form --------------------------------------------------------------------------------------

    @GET
    @jakarta.ws.rs.Path("/{reference}/{year}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response form(@PathParam("reference") String reference, @PathParam("year") String yearText) {
        Optional<ProposalEntity> found = proposals.findByReference(reference);
        if (found.isEmpty()) {
            return ErrorPages.notFound("Intet forslag har referencen " + reference + ".");
        }
        ProposalEntity entity = found.get();
        if (!access.mayWriteActuals(entity.leadAdministration)) {
            return ErrorPages.forbidden(Access.actualsRefusal(reference, entity.leadAdministration));
        }
        Integer year = FormInput.year(yearText);
        if (year == null) {
            return ErrorPages.notFound("Ugyldigt år: " + yearText + ".");
        }
        Optional<YearlyActual> stored = actuals.findFor(entity.id, year).map(dk.kk.gevinstspor.actuals.ActualMapper::toDomain);
        Long version = actuals.findFor(entity.id, year).map(a -> a.version).orElse(null);
        Map<String, String> values = stored.map(EntryFormView::values).orElseGet(LinkedHashMap::new);
        return Response.ok(Templates.form(formView.form(entity, year, version, values, Map.of(), null))).build();
    }

    @POST
    @jakarta.ws.rs.Path("/{reference}/{year}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response save(@PathParam("reference") String reference, @PathParam("year") String yearText,
            MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        Optional<ProposalEntity> found = proposals.findByReference(reference);
        Integer year = FormInput.year(yearText);
        if (found.isEmpty() || year == null) {
            return ErrorPages.notFound("Intet forslag har referencen " + reference + ", eller året er ugyldigt.");
        }
        ProposalEntity entity = found.get();
        if (!access.mayWriteActuals(entity.leadAdministration)) {
            return ErrorPages.forbidden(Access.actualsRefusal(reference, entity.leadAdministration));
        }
        Proposal proposal = portfolio.one(entity.reference).orElseThrow().proposal();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Typed typed = new Typed(input, values, errors);
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String name : EntryFormView.AMOUNT_LABELS.keySet()) {
            BigDecimal amount = typed.read(name, DanishNumbers::parse, "Skriv et beløb i kroner, fx 1.234.567,50");
            amounts.put(name, amount == null ? BigDecimal.ZERO : amount);
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
        String explanation = value(input, "explanation");
        values.put("explanation", explanation);
        Long version = FormInput.number(input.getFirst("version"));
        if (!errors.isEmpty()) {
            return page(422, entity, year, version, values, errors, "Formularen har fejl; intet er gemt. Ret de markerede felter.");
        }
        ActualJson body = new ActualJson(year, amounts.get("investment"), amounts.get("operationFunding"), amounts.get("operatingCost"),
                amounts.get("serviceEfficiency"), amounts.get("transferEffect"), amounts.get("repayment"), kpis, milestones,
                explanation, version);
        try {
            service.put(reference, year, body);
        } catch (ApiException e) {
            Problem problem = e.problem();
            if (problem.status() == 409) {
                return page(409, entity, year, version, values, Map.of(), "Nogen har gemt tal for " + reference + " " + year
                        + ", siden du åbnede formularen. Dine tal er ikke gemt. Genindlæs siden for at se de gemte tal.");
            }
            if (problem.status() == 403) {
                return ErrorPages.forbidden(problem.detail());
            }
            List<String> general = new ArrayList<>();
            for (Problem.Error error : problem.errors() == null ? List.<Problem.Error>of() : problem.errors()) {
                String field = error.field() == null ? "" : error.field().replace("kpis.", "kpi.").replace("milestones.", "milestone.");
                if (ActualsService.EXPLANATION_REQUIRED.equals(error.code())) {
                    errors.putIfAbsent("explanation", "Skriv en forklaring: tallene afviger mere end 5 % fra planen.");
                }
                if (values.containsKey(field)) {
                    errors.merge(field, error.message(), (a, b) -> a + " " + b);
                } else {
                    general.add(error.message());
                }
            }
            return page(422, entity, year, version, values, errors, "Formularen har fejl; intet er gemt. "
                    + String.join(" ", general));
        }
        return Response.seeOther(URI.create("/indberetning?aar=" + year + "&gemt=" + URLEncoder.encode(reference, StandardCharsets.UTF_8)))
                .build();
    }

    private Response page(int status, ProposalEntity entity, int year, Long version, Map<String, String> values,
            Map<String, String> errors, String message) {
        return FormInput.html(status, Templates.form(formView.form(entity, year, version, values, errors, message)));
    }

    // ---- the upload ------------------------------------------------------------------------------------

    @GET
    @jakarta.ws.rs.Path("/upload")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance uploadForm() {
        return Templates.upload(today.lastCompletedYear(), null, List.of(), null, null, false);
    }

    /** Checks the chosen file (a dry run) and keeps it for the confirmation. */
    @POST
    @jakarta.ws.rs.Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response upload(@RestForm("file") FileUpload file, @RestForm(Csrf.FIELD) String token) {
        csrf.verify(token);
        int year = today.lastCompletedYear();
        if (file == null || file.size() == 0) {
            return uploadPage(422, year, null, List.of(), null, "Vælg en CSV- eller Excel-fil.", false);
        }
        try {
            ImportResult result = importer.importFile(file.uploadedFile(), true);
            return uploadPage(200, year, result, List.of(), uploads.keep(file.uploadedFile(), Caller.currentUsername()), null, false);
        } catch (ApiException e) {
            return uploadPage(422, year, null, e.problem().errors() == null ? List.of() : e.problem().errors(), null,
                    e.problem().detail(), false);
        }
    }

    /** Stores the file that the dry run showed. */
    @POST
    @jakarta.ws.rs.Path("/upload/bekraeft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response confirm(@RestForm("fil") String pending, @RestForm(Csrf.FIELD) String token) throws IOException {
        csrf.verify(token);
        int year = today.lastCompletedYear();
        Optional<Path> taken = uploads.take(pending, Caller.currentUsername());
        if (taken.isEmpty()) {
            return uploadPage(404, year, null, List.of(), null, "Filen er ikke længere her. Vælg den igen.", false);
        }
        Path kept = taken.get();
        try {
            ImportResult result = importer.importFile(kept, false, true);
            return uploadPage(200, year, result, List.of(), null, null, true);
        } catch (ApiException e) {
            return uploadPage(422, year, null, e.problem().errors() == null ? List.of() : e.problem().errors(), null,
                    e.problem().detail(), false);
        } finally {
            Files.deleteIfExists(kept);
        }
    }

    private Response uploadPage(int status, int year, ImportResult result, List<Problem.Error> errors, String pending, String message,
            boolean stored) {
        return FormInput.html(status, Templates.upload(year, result, errors, pending, message, stored));
    }

    // ---- small helpers ---------------------------------------------------------------------------------

    private int year(String text) {
        Integer y = FormInput.year(text);
        return y == null ? today.lastCompletedYear() : y;
    }

    private static String value(MultivaluedMap<String, String> input, String name) {
        String v = input.getFirst(name);
        return v == null ? "" : v;
    }

    /** The form's inputs as typed: each read is kept in {@code values} to show again, and its error in {@code errors}. */
    private record Typed(MultivaluedMap<String, String> input, Map<String, String> values, Map<String, String> errors) {

        /** The input read with {@code parse}; null when left blank, or when it does not parse (then with the error). */
        <T> T read(String name, Function<String, T> parse, String error) {
            String text = value(input, name);
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
