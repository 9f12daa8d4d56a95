package dk.kk.gevinstspor.admin.web;

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
import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.common.web.Csrf;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.domain.EntryDeadline;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The admins' settings page ({@code /admin/indstillinger}): the deadline for entering figures ("Frist for indberetning",
 * day and month; default 1 March), through {@link SettingsService} as the API's {@code PUT /api/settings/entry-deadline}.
 * Errors are shown in a summary at the top and beside their fields; a deadline changed by someone else since the page
 * was read is refused with 409.
 */
@Path("/admin/indstillinger")
@RolesAllowed(Roles.ADMIN)
public class SettingsPage {

    /** An error in the summary, linking to its field ({@code day} or {@code month}) if it has one. */
    public record FieldError(String field, String message) {
    }

    /** A month of the form's list. */
    public record MonthOption(int number, String name, boolean selected) {
    }

    /** The form as typed, the version read, and the errors (none: a fresh form). */
    public record DeadlineForm(String day, String month, Long version, List<FieldError> summary, List<MonthOption> months) {

        public String error(String field) {
            return summary.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst().orElse(null);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(DeadlineForm form, String current, String example, boolean saved);
    }

    @Inject
    SettingsService settings;
    @Inject
    Csrf csrf;
    @Inject
    Today today;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("gemt") String saved) {
        SettingsJson.EntryDeadline stored = settings.entryDeadlineJson();
        return page(200, form(String.valueOf(stored.day()), String.valueOf(stored.month()), stored.version(), List.of()), saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response save(MultivaluedMap<String, String> input) {
        csrf.verify(input.getFirst(Csrf.FIELD));
        String dayText = FormInput.text(input, "day");
        String monthText = FormInput.text(input, "month");
        Long version = FormInput.number(input.getFirst("version"));
        Long day = FormInput.number(dayText);
        Long month = FormInput.number(monthText);
        List<FieldError> errors = new ArrayList<>();
        if (day == null && !dayText.isEmpty()) {
            errors.add(new FieldError("day", "Dagen skal være et tal fra 1 til 31"));
        }
        if (month == null && !monthText.isEmpty()) {
            errors.add(new FieldError("month", "Måneden skal være et tal fra 1 til 12"));
        }
        if (errors.isEmpty()) {
            try {
                settings.putEntryDeadline(new SettingsJson.EntryDeadline(small(day), small(month), version));
                return Response.seeOther(URI.create("/admin/indstillinger?gemt=1")).build();
            } catch (ApiException e) {
                errors.addAll(errors(e.problem()));
                return page(e.problem().status(), form(dayText, monthText, version, errors), false);
            }
        }
        return page(422, form(dayText, monthText, version, errors), false);
    }

    private static Integer small(Long value) {
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static List<FieldError> errors(Problem problem) {
        if (problem.status() == 409) {
            return List.of(new FieldError(null, "Fristen er ændret af en anden, siden du åbnede siden. Din ændring er ikke gemt."
                    + " Genindlæs siden, og ret fristen igen."));
        }
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return List.of(new FieldError(null, problem.detail()));
        }
        return problem.errors().stream().map(e -> new FieldError(e.field(), e.message())).toList();
    }

    private DeadlineForm form(String day, String month, Long version, List<FieldError> errors) {
        List<MonthOption> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new MonthOption(m, EntryDeadline.monthName(m), String.valueOf(m).equals(month)));
        }
        return new DeadlineForm(day, month, version, errors, months);
    }

    private Response page(int status, DeadlineForm form, boolean saved) {
        EntryDeadline current = settings.entryDeadline();
        int accountsYear = today.lastCompletedYear();
        return FormInput.html(status, Templates.settings(form, current.danish(),
                "Tallene for " + accountsYear + " skal da være indberettet senest " + current.danish(accountsYear) + ".", saved));
    }
}
