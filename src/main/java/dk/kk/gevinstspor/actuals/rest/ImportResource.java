package dk.kk.gevinstspor.actuals.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dk.kk.gevinstspor.actuals.ActualsTemplates;
import dk.kk.gevinstspor.actuals.imports.ActualsImporter;
import dk.kk.gevinstspor.actuals.imports.ImportResult;
import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.portfolio.Stored;

/** Bulk import of yearly actuals (API.md, Actuals): CSV or XLSX, all or nothing, and the template to fill in. */
@Path("/api/imports/actuals")
@RolesAllowed({ Roles.ADMIN, Roles.ENTRY })
@Tag(name = "Import")
public class ImportResource {

    @Inject
    ActualsImporter importer;
    @Inject
    ActualsTemplates templates;
    @Inject
    GevinstsporConfig config;
    @Inject
    Today today;

    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a CSV file of actuals", description = "Danish (`;`, decimal comma) or international (`,`, decimal point). "
            + "All or nothing: any bad row → 422 listing every bad row (row, column, code, message, reference, title). A blank cell"
            + " changes nothing stored. ?dryRun=true only reports, with each field that changes (old → new) and the unchanged rows;"
            + " ?changes=true lists them for a stored import too.")
    public ImportResult csv(InputStream body, @QueryParam("dryRun") String dryRun, @QueryParam("changes") String changes,
            @HeaderParam("Content-Length") Long length) throws IOException {
        refuseTooLarge(length);
        java.nio.file.Path file = Files.createTempFile("gevinstspor-import-", ".csv");
        try {
            try (InputStream limited = new LimitedInputStream(body, config.importConfig().maxBytes())) {
                Files.copy(limited, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return run(file, dryRun, changes);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a CSV or XLSX file of actuals (multipart part `file`)")
    public ImportResult upload(@RestForm("file") FileUpload file, @QueryParam("dryRun") String dryRun,
            @QueryParam("changes") String changes) {
        if (file == null) {
            throw ApiException.unprocessable("The form has no file part named 'file'.",
                    List.of(new Problem.Error("file", null, null, "MISSING_FILE", "Vælg en fil")));
        }
        refuseTooLarge(file.size());
        return run(file.uploadedFile(), dryRun, changes);
    }

    private ImportResult run(java.nio.file.Path file, String dryRun, String changes) {
        boolean dry = Boolean.TRUE.equals(Requests.booleanParam("dryRun", dryRun));
        return importer.importFile(file, dry, dry || Boolean.TRUE.equals(Requests.booleanParam("changes", changes)));
    }

    @GET
    @Path("/template")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @Operation(summary = "The file to fill in: the proposals that need figures for the year with Danish headings, the plan's figures"
            + " beside the amounts (read-only context) and the stored figures filled in",
            description = "year (default: last year), committee (default for entry users: their administrations' proposals), format csv|xlsx.")
    public Response template(@QueryParam("year") String year, @QueryParam("committee") String committee,
            @QueryParam("format") String format) {
        int y = Requests.intParam("year", year, today.lastCompletedYear(), 1900, 2999);
        boolean xlsx = "xlsx".equals(format);
        if (format != null && !xlsx && !"csv".equals(format)) {
            throw Requests.badParameter("format", format, "csv or xlsx");
        }
        List<Stored> proposals = templates.proposalsFor(y, committee == null || committee.isBlank() ? null : committee);
        StreamingOutput body = (OutputStream out) -> {
            if (xlsx) {
                dk.kk.gevinstspor.actuals.imports.TemplateWriter.xlsx(proposals, y, out);
            } else {
                dk.kk.gevinstspor.actuals.imports.TemplateWriter.csv(proposals, y, out);
            }
        };
        String name = "indberetning-" + y + (committee == null ? "" : "-" + committee) + (xlsx ? ".xlsx" : ".csv");
        return Response.ok(body, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"").build();
    }

    private void refuseTooLarge(Long length) {
        if (length != null && length > config.importConfig().maxBytes()) {
            throw tooLarge(config.importConfig().maxBytes());
        }
    }

    static ApiException tooLarge(long max) {
        return new ApiException(Problem.of(413, "Content Too Large", "The file is larger than " + max / (1024 * 1024)
                + " MB (gevinstspor.import.max-bytes). Split it, or import a committee at a time."));
    }

    /** Stops reading with 413 when a body passes the limit, whatever its Content-Length said. */
    static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long max;
        private long read;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b == -1 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
