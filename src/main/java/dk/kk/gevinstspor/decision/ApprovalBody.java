package dk.kk.gevinstspor.decision;

/**
 * The three bodies that approve a change decision (seed section 6): the committee (fagudvalget), the Finance
 * Committee (Økonomiudvalget, ØU) and the City Council (Borgerrepræsentationen, BR). For ØKF's own proposals
 * the committee is ØU itself; the approval is still recorded twice, as COMMITTEE and FINANCE_COMMITTEE.
 */
public enum ApprovalBody {
    COMMITTEE, FINANCE_COMMITTEE, CITY_COUNCIL
}
