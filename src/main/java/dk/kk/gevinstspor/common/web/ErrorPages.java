package dk.kk.gevinstspor.common.web;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages' error pages, in Danish, with the right status. */
public final class ErrorPages {

    private ErrorPages() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String heading, String message, String back, String backText);
    }

    public static Response forbidden(String message) {
        return page(403, "Ingen adgang", message);
    }

    public static Response notFound(String message) {
        return page(404, "Ikke fundet", message);
    }

    /** The 404 page with a link back to where the user came from ({@code back}, named {@code backText}). */
    public static Response notFound(String message, String back, String backText) {
        return FormInput.html(404, Templates.error(404, "Ikke fundet", message, back, backText));
    }

    public static Response page(int status, String heading, String message) {
        return FormInput.html(status, Templates.error(status, heading, message, "/", "Til forsiden"));
    }
}
