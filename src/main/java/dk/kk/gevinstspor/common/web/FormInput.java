package dk.kk.gevinstspor.common.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.Requests;
import io.quarkus.qute.TemplateInstance;

/** What the pages' forms read (years, dates) and how they answer (an HTML page with a status). */
public final class FormInput {

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private FormInput() {
    }

    /** A year between 1900 and 2999 in four ASCII digits ({@link Requests#asciiDigits}), or null. */
    public static Integer year(String text) {
        long y = text == null ? -1 : Requests.asciiDigits(text.strip());
        return text != null && text.strip().length() == 4 && y >= 1900 && y <= 2999 ? (int) y : null;
    }

    /** A date written {@code 12.05.2026} (or {@code 2026-05-12}), or null. */
    public static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String s = text.strip();
            return s.contains("-") ? LocalDate.parse(s) : LocalDate.parse(s, DANISH_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A whole number, or null. */
    public static Long number(String text) {
        try {
            // ASCII digits only, as every number of a form or a path: Long.parseLong would read full-width digits too
            return text == null || text.isBlank() || !text.strip().matches("-?[0-9]{1,18}") ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The form field's text as posted, or "" when it was not posted. */
    public static String text(MultivaluedMap<String, String> input, String name) {
        String v = input.getFirst(name);
        return v == null ? "" : v;
    }

    /** The Danish messages of a refusal: each error's message, or the detail when it has none. */
    public static List<String> messages(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return List.of(problem.detail());
        }
        return problem.errors().stream().map(Problem.Error::message).toList();
    }

    /** The page as HTML with the given status. */
    public static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
