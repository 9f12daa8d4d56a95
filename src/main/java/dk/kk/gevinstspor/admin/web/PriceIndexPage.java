package dk.kk.gevinstspor.admin.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.admin.SettingsJson;
import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.FormInput;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The admins' price index page ({@code /admin/prisindeks}): the years the portfolio needs, the missing ones, and a
 * form to add or change a year. A save that would leave a needed year missing is not stored at once: the page
 * answers with a warning naming those years and a "Gem alligevel" button that posts the same values confirmed
 * (works without JavaScript). A year changed by someone else since the form was read is refused with 409.
 */
@Path("/admin/prisindeks")
@RolesAllowed(Roles.ADMIN)
public class PriceIndexPage {

    /** The form's field that confirms a save despite the warning. */
    static final String CONFIRMED = "bekraeftet";

    /** The price index form: the year, the index as typed, the version it was read at (null for a new year). */
    public record IndexForm(String year, String index, Long version) {
    }

    /**
     * One year of the price index page: its stored index (or null), what uses it (Danish), and whether a report
     * would be refused for its lack (DOMAIN.md Edges 10).
     */
    public record IndexYear(int year, BigDecimal index, String uses, boolean missing) {
    }

    /** The price index page: every needed or stored year, the missing ones, and whether the table is empty. */
    public record IndexPage(List<IndexYear> years, List<Integer> missing, boolean empty) {
    }

    /** The warning before a save: the needed years that would still be missing after it (empty: no warning). */
    public record Warning(List<Integer> missing) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance priceIndex(IndexPage page, IndexForm form, List<String> messages, String saved, Warning warning);
    }

    @Inject
    SettingsService settings;
    @Inject
    Csrf csrf;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response priceIndex(@QueryParam("aar") String yearText, @QueryParam("gemt") String saved) {
        Integer year = FormInput.year(yearText);
        IndexForm form = new IndexForm("", "", null);
        if (year != null) {
            form = settings.priceIndexYears().stream().filter(y -> y.year().equals(year)).findFirst()
                    .map(y -> new IndexForm(y.year().toString(), DanishNumbers.format(y.index()), y.version()))
                    .orElse(new IndexForm(year.toString(), "", null));
        }
        return page(200, form, List.of(), FormInput.year(saved) == null ? null : saved, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response savePriceIndex(MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        IndexForm form = new IndexForm(FormInput.text(input, "year"), FormInput.text(input, "index"),
                FormInput.number(input.getFirst("version")));
        List<String> messages = new ArrayList<>();
        Integer year = FormInput.year(form.year());
        if (year == null) {
            messages.add("Skriv året med fire cifre, fx 2027.");
        }
        BigDecimal index = DanishNumbers.parse(form.index());
        if (index == null) {
            messages.add("Skriv indekset som et tal, fx 112,4.");
        }
        if (!messages.isEmpty()) {
            return page(422, form, messages, null, null);
        }
        SettingsJson.PriceIndexYear body = new SettingsJson.PriceIndexYear(year, index, form.version());
        try {
            if (!"ja".equals(input.getFirst(CONFIRMED))) {
                settings.checkPriceIndex(year, body);
                List<Integer> missing = settings.priceIndexMissingAfter(year);
                if (!missing.isEmpty()) {
                    return page(200, form, List.of(), null, new Warning(missing));
                }
            }
            settings.putPriceIndex(year, body);
            return Response.seeOther(URI.create("/admin/prisindeks?gemt=" + year)).build();
        } catch (ApiException e) {
            messages.addAll(e.problem().status() == 409
                    ? List.of("Pristallet for " + year + " er ændret af en anden, siden du åbnede siden. Dit tal er ikke gemt."
                            + " Genindlæs siden for at se det gemte tal, og ret det igen.")
                    : FormInput.messages(e.problem()));
            return page(e.problem().status(), form, messages, null, null);
        }
    }

    private Response page(int status, IndexForm form, List<String> messages, String saved, Warning warning) {
        return FormInput.html(status, Templates.priceIndex(indexPage(), form, messages, saved, warning));
    }

    /** The years the portfolio needs (proposals' price levels, the reports' meeting years) and the stored ones. */
    private IndexPage indexPage() {
        List<SettingsService.PriceIndexNeed> needs = settings.priceIndexNeeds();
        List<IndexYear> years = needs.stream().map(n -> new IndexYear(n.year(), n.index(), uses(n), n.missing())).toList();
        List<Integer> missing = needs.stream().filter(SettingsService.PriceIndexNeed::missing).map(SettingsService.PriceIndexNeed::year)
                .toList();
        return new IndexPage(years, missing, needs.stream().allMatch(n -> n.index() == null));
    }

    private static String uses(SettingsService.PriceIndexNeed n) {
        List<String> uses = new ArrayList<>();
        if (n.proposals() > 0) {
            uses.add("prisniveau for " + n.proposals() + " forslag");
        }
        if (n.meetingYear()) {
            uses.add("mødeår for rapporterne");
        }
        if (uses.isEmpty()) {
            return "Bruges ikke";
        }
        String text = String.join(" og ", uses);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
