package dk.kk.gevinstspor.actuals.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dk.kk.gevinstspor.actuals.EntryOverview;
import dk.kk.gevinstspor.actuals.imports.Uploads;
import dk.kk.gevinstspor.actuals.imports.ImportResult;
import dk.kk.gevinstspor.admin.ReferenceData;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.FormInput;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The committee staff's pages for the yearly figures: the list of proposals that need figures ("Indberetning")
 * and the upload of a CSV or XLSX file with a dry run before it is stored (the form of one proposal and year is
 * {@link EntryFormPage}). Every check is the API's (the import's); these pages only read Danish input and show
 * Danish errors.
 */
@jakarta.ws.rs.Path("/indberetning")
@RolesAllowed({ Roles.ADMIN, Roles.ENTRY })
public class EntryPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(int year, List<Integer> years, String committee,
                List<CommitteeOption> committees, boolean admin, List<EntryOverview.Line> lines, long missing,
                long explanationNeeded, long entered, String saved);

        static native TemplateInstance upload(int year, ImportResult result, List<Problem.Error> errors,
                String pending, String message, boolean stored);
    }

    public record CommitteeOption(String code, String name, boolean selected) {
    }

    @Inject
    EntryOverview overview;
    @Inject
    ReferenceData referenceData;
    @Inject
    Csrf csrf;
    @Inject
    Today today;
    @Inject
    SecurityIdentity identity;
    @Inject
    Uploads uploads;

    // ---- the list --------------------------------------------------------------------------------------

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("aar") String year, @QueryParam("udvalg") String committee,
            @QueryParam("gemt") String saved) {
        int y = year(year);
        boolean admin = identity.hasRole(Roles.ADMIN);
        String chosen = admin && committee != null && !committee.isBlank() ? committee : null;
        EntryOverview.Summary summary = overview.summary(y, chosen);
        List<Integer> years = new ArrayList<>();
        for (int i = today.year(); i >= today.year() - 8; i--) {
            years.add(i);
        }
        List<CommitteeOption> options = referenceData.committees().stream()
                .map(c -> new CommitteeOption(c.code, c.name, c.code.equals(chosen))).toList();
        return Templates.list(y, years, chosen, options, admin, summary.lines(), summary.missing(), summary.explanationNeeded(),
                summary.entered(), saved);
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
            Uploads.Checked checked = uploads.check(file.uploadedFile(), Caller.currentUsername());
            return uploadPage(200, year, checked.result(), List.of(), checked.token(), null, false);
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
        try {
            Optional<ImportResult> imported = uploads.confirm(pending, Caller.currentUsername());
            if (imported.isEmpty()) {
                return uploadPage(404, year, null, List.of(), null, "Filen er ikke længere her. Vælg den igen.", false);
            }
            return uploadPage(200, year, imported.get(), List.of(), null, null, true);
        } catch (ApiException e) {
            return uploadPage(422, year, null, e.problem().errors() == null ? List.of() : e.problem().errors(), null,
                    e.problem().detail(), false);
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
}
