package dk.kk.gevinstspor.common.web;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages' error pages, in Danish, with the right status, in the layout with the signed-in role's menu and a way
 * forward (docs/pages.md, Navigation). An answer given before the caller is known (a request refused before any
 * resource, {@link #withoutMenu}) has the layout without the menu.
 */
public final class ErrorPages {

    private ErrorPages() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String heading, String message, String back, String backText, boolean menu);
    }

    public static Response forbidden(String message) {
        return page(403, "Ingen adgang", message);
    }

    public static Response notFound(String message) {
        return page(404, "Ikke fundet", message);
    }

    /** The 404 page with a link back to where the user came from ({@code back}, named {@code backText}). */
    public static Response notFound(String message, String back, String backText) {
        return FormInput.html(404, Templates.error(404, "Ikke fundet", message, back, backText, true));
    }

    public static Response page(int status, String heading, String message) {
        return FormInput.html(status, Templates.error(status, heading, message, "/", "Til forsiden", true));
    }

    /**
     * The error page without the menu, for answers given before the caller is resolved (a filter before any resource,
     * a refused sign-in): the menu would have to ask who is signed in, which must not block there.
     */
    public static String withoutMenu(int status, String heading, String message) {
        return Templates.error(status, heading, message, "/", "Til forsiden", false).render();
    }

    /** {@link #withoutMenu} as a response. */
    public static Response pageWithoutMenu(int status, String heading, String message) {
        return Response.status(status).type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(withoutMenu(status, heading, message)).build();
    }
}
