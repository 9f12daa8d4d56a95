package dk.kk.gevinstspor.report.rest;

import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.kk.gevinstspor.common.error.Requests;
import dk.kk.gevinstspor.domain.ReportKind;
import dk.kk.gevinstspor.report.PriceIndexMissing;
import dk.kk.gevinstspor.report.ReportHtml;
import dk.kk.gevinstspor.report.ReportJson;
import dk.kk.gevinstspor.report.ReportService;
import dk.kk.gevinstspor.report.ReportTables;
import dk.kk.gevinstspor.report.Table;
import dk.kk.gevinstspor.report.TableFiles;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Reports of API.md: the follow-up reports for a meeting year R (covering accounts year R − 1), the innovation-pool
 * frames and the loan book; JSON by default, CSV or XLSX by {@code ?format=} or {@code Accept}, and the printable report page by
 * {@code ?format=html} (the same page as {@code /rapporter}).
 */
@Path("/api/reports")
@Authenticated
@Tag(name = "Reports")
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    static final String HTML = "text/html";

    @Inject
    ReportService reports;
    @Inject
    ReportHtml html;

    @GET
    @Path("/majbidrag/{meetingYear}")
    @Produces({ "application/json", CSV, XLSX, HTML })
    @Operation(summary = "A committee's majbidrag: its administration-specific proposals (?committee=BUU)")
    public Response majbidrag(@PathParam("meetingYear") String year, @QueryParam("committee") String committee,
            @QueryParam("priceLevelYear") String priceLevelYear, @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return followUp(ReportKind.MAJBIDRAG, year, committee, Optional.empty(), priceLevelYear, format, accept,
                "majbidrag-" + year + "-" + committee);
    }

    @GET
    @Path("/finance-committee/{meetingYear}")
    @Produces({ "application/json", CSV, XLSX, HTML })
    @Operation(summary = "ØU/Økonomikredsen: cross-cutting investment proposals")
    public Response financeCommittee(@PathParam("meetingYear") String year, @QueryParam("priceLevelYear") String priceLevelYear,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return followUp(ReportKind.FINANCE_COMMITTEE, year, null, Optional.empty(), priceLevelYear, format, accept, "oekonomiudvalget-" + year);
    }

    @GET
    @Path("/it-kreds/{meetingYear}")
    @Produces({ "application/json", CSV, XLSX, HTML })
    @Operation(summary = "IT-kredsen: digital innovation proposals and pre-analyses")
    public Response itKreds(@PathParam("meetingYear") String year, @QueryParam("priceLevelYear") String priceLevelYear,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return followUp(ReportKind.IT_KREDS, year, null, Optional.empty(), priceLevelYear, format, accept, "it-kredsen-" + year);
    }

    @GET
    @Path("/innovation/{meetingYear}")
    @Produces({ "application/json", CSV, XLSX, HTML })
    @Operation(summary = "Innovation proposals and pre-analyses (?digital=true|false)")
    public Response innovation(@PathParam("meetingYear") String year, @QueryParam("digital") String digital,
            @QueryParam("priceLevelYear") String priceLevelYear, @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        return followUp(ReportKind.INNOVATION, year, null, Optional.ofNullable(Requests.booleanParam("digital", digital)), priceLevelYear,
                format, accept, "innovation-" + year);
    }

    @GET
    @Path("/innovation-frames/{adoptionYear}")
    @Produces({ "application/json", CSV, XLSX, HTML })
    @Operation(summary = "The innovation pool's frames of an adoption year: limit, allocated, exceeded")
    public Response frames(@PathParam("adoptionYear") String year, @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        ReportJson.Frames frames = reports.frames(year(year));
        return respond(frames, () -> ReportTables.frames(frames), () -> html.frames(frames), format, accept, "rammer-" + year);
    }

    @GET
    @Path("/loans/{year}")
    @Produces({ "application/json", CSV, XLSX, HTML })
    @Operation(summary = "The loan book at the end of a year")
    public Response loans(@PathParam("year") String year, @QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        ReportJson.Loans loans = reports.loans(year(year));
        return respond(loans, () -> ReportTables.loans(loans), () -> html.loans(loans), format, accept, "laan-" + year);
    }

    private Response followUp(ReportKind kind, String year, String committee, Optional<Boolean> digital, String priceLevelYear,
            String format, String accept, String name) {
        Integer level = priceLevelYear == null || priceLevelYear.isBlank() ? null : Requests.intParam("priceLevelYear", priceLevelYear, 0, 1900, 2999);
        ReportJson report;
        try {
            report = reports.followUp(kind, year(year), committee, digital, level);
        } catch (PriceIndexMissing e) {
            if ("html".equals(format)) { // the page with the list of missing years, as /rapporter shows it
                return Response.status(422).type(HTML + "; charset=UTF-8")
                        .entity(html.missingPriceIndex(e, kind, year(year), committee, digital).render()).build();
            }
            throw e;
        }
        return respond(report, () -> ReportTables.followUp(report), () -> html.followUp(report), format, accept, name);
    }

    private static Response respond(Object json, Supplier<Table> table, Supplier<TemplateInstance> page, String format, String accept,
            String name) {
        String chosen = format != null && !format.isBlank() ? format
                : accept != null && accept.contains(XLSX) ? "xlsx" : accept != null && accept.contains(CSV) ? "csv" : "json";
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return switch (chosen) {
            case "json" -> Response.ok(json, "application/json").build();
            case "html" -> Response.ok(page.get().render(), HTML + "; charset=UTF-8").build();
            case "csv" -> Response.ok((StreamingOutput) (OutputStream out) -> TableFiles.csv(table.get(), out), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            case "xlsx" -> Response.ok((StreamingOutput) (OutputStream out) -> TableFiles.xlsx(table.get(), out), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
            default -> throw Requests.badParameter("format", chosen, "json, csv, xlsx or html");
        };
    }

    private static int year(String text) {
        return Requests.intParam("year", text, 0, 1900, 2999);
    }

}
