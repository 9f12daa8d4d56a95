package dk.kk.gevinstspor.common.audit;

import org.hibernate.envers.RevisionListener;

import dk.kk.gevinstspor.common.security.Caller;

/** Stamps each revision with the signed-in user (or {@code system} for work no user asked for). */
public class RevisionUserListener implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        ((Revision) revision).username = Caller.currentUsername();
    }
}
