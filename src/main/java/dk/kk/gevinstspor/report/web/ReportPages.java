package dk.kk.gevinstspor.report.web;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.domain.ReportKind;
import dk.kk.gevinstspor.report.PriceIndexMissing;
import dk.kk.gevinstspor.report.ReportHtml;
import dk.kk.gevinstspor.report.ReportHtml.Page;
import dk.kk.gevinstspor.report.ReportService;
import io.quarkus.security.Authenticated;

/**
 * The report pages ({@code /rapporter}): every report of the API as a printable page, chosen with a picker of
 * report, year, committee and digital. The page itself is {@link ReportHtml}'s, which the API's {@code ?format=html}
 * renders too.
 */
@Path("/rapporter")
@Authenticated
public class ReportPages {

    @Inject
    ReportService reports;
    @Inject
    ReportHtml html;
    @Inject
    Today today;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("rapport") String report, @QueryParam("aar") String yearText,
            @QueryParam("udvalg") String committee, @QueryParam("digital") String digitalText) {
        Integer parsed = FormInput.year(yearText);
        String chosen = report == null || report.isBlank() ? null : report;
        Optional<Boolean> digital = "ja".equals(digitalText) ? Optional.of(true) : "nej".equals(digitalText) ? Optional.of(false)
                : Optional.empty();
        String wantedCommittee = committee == null || committee.isBlank() ? null : committee;
        if (chosen == null || !ReportHtml.offers(chosen)) {
            return respond(200, html.empty(chosen == null ? null : "Vælg en af rapporterne.", "majbidrag", today.year(), wantedCommittee,
                    digital));
        }
        if (yearText != null && !yearText.isBlank() && parsed == null) {
            return respond(422, html.empty("Ugyldigt år: " + yearText + ".", chosen, today.year(), wantedCommittee, digital));
        }
        try {
            return switch (chosen) {
                case "majbidrag" -> {
                    if (wantedCommittee == null) {
                        yield respond(422, html.empty("Vælg et udvalg: et majbidrag er for ét fagudvalg.", chosen, meetingYear(parsed),
                                null, digital));
                    }
                    yield FormInput.html(200, html.followUp(reports.followUp(ReportKind.MAJBIDRAG, meetingYear(parsed), wantedCommittee,
                            Optional.empty(), null)));
                }
                case "oekonomiudvalget" -> FormInput.html(200, html.followUp(reports.followUp(ReportKind.FINANCE_COMMITTEE,
                        meetingYear(parsed), null, Optional.empty(), null)));
                case "it-kredsen" -> FormInput.html(200, html.followUp(reports.followUp(ReportKind.IT_KREDS, meetingYear(parsed), null,
                        Optional.empty(), null)));
                case "innovation" -> FormInput.html(200, html.followUp(reports.followUp(ReportKind.INNOVATION, meetingYear(parsed), null,
                        digital, null)));
                case "rammer" -> FormInput.html(200, html.frames(reports.frames(parsed == null ? today.year() : parsed)));
                default -> FormInput.html(200, html.loans(reports.loans(parsed == null ? today.lastCompletedYear() : parsed)));
            };
        } catch (PriceIndexMissing e) {
            return respond(422, html.missing(e, chosen, meetingYear(parsed), wantedCommittee, digital));
        } catch (ApiException e) {
            Problem p = e.problem();
            String message = String.join(". ", FormInput.messages(p)) + ".";
            if (p.status() == 404 && "majbidrag".equals(chosen)) {
                message = "Intet udvalg har koden " + wantedCommittee + ".";
            }
            return respond(p.status(), html.empty(message, chosen, meetingYear(parsed), wantedCommittee, digital));
        }
    }

    private int meetingYear(Integer parsed) {
        return parsed == null ? today.year() : parsed;
    }

    private Response respond(int status, Page page) {
        return FormInput.html(status, html.page(page));
    }
}
