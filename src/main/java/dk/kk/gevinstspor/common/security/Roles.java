package dk.kk.gevinstspor.common.security;

/** The three roles of ARCHITECTURE.md. */
public final class Roles {

    /** Økonomiforvaltningen: everything. */
    public static final String ADMIN = "admin";
    /** Committee staff: read all, write actuals of proposals in which one of their administrations takes part. */
    public static final String ENTRY = "entry";
    /** Reads only (e.g. IT-kredsen). */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
