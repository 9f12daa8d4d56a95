package dk.kk.gevinstspor.common.error;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dk.kk.gevinstspor.common.Text;
import dk.kk.gevinstspor.common.web.ErrorPages;

/**
 * Paths and query parameters with a character {@link Text} refuses (e.g. {@code %00}) are answered 400 before any
 * resource sees them: problem+json for the API, the Danish error page for pages.
 */
public class InvalidTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuse(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        boolean acceptable = Text.acceptable(uri.getPath())
                && uri.getQueryParameters().values().stream().flatMap(List::stream).allMatch(Text::acceptable);
        if (acceptable) {
            return Optional.empty();
        }
        if (uri.getPath().startsWith("/api")) {
            return Optional.of(ProblemMapper.problem(new Problem("about:blank", "Bad Request", 400,
                    "The path or a query parameter holds a character that cannot be used.",
                    List.of(new Problem.Error(null, null, null, "INVALID_CHARACTER", Text.INVALID_CHARACTER_MESSAGE)))));
        }
        return Optional.of(ErrorPages.pageWithoutMenu(400, "Ugyldig adresse", "Adressen indeholder et tegn, der ikke kan bruges."));
    }
}
