package dk.kk.gevinstspor.portfolio;

/**
 * A stored proposal the domain refuses to build from its rows (e.g. a plan without years: "En plan skal have mindst
 * ét år"): its id, reference, title and the domain's message. Only readers that ask for them get these; the others
 * fail as before.
 */
public record Unreadable(long id, String reference, String title, String message) {
}
