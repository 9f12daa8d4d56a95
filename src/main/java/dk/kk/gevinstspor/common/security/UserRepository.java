package dk.kk.gevinstspor.common.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class UserRepository implements PanacheRepository<UserEntity> {

    /** The user with its administrations, in one statement (every signed-in request reads it: AdministrationsAugmentor). */
    public Optional<UserEntity> findByUsername(String username) {
        return find("FROM UserEntity u LEFT JOIN FETCH u.administrations WHERE u.username = ?1", username).singleResultOptional();
    }

    /** True when the audit history or a change decision names the user (then it may be disabled, not deleted). */
    public boolean hasHistory(String username) {
        Number traces = (Number) getEntityManager().createNativeQuery("SELECT (SELECT count(*) FROM revision WHERE username = ?1)"
                + " + (SELECT count(*) FROM change_decision WHERE created_by = ?1)").setParameter(1, username).getSingleResult();
        return traces.longValue() > 0;
    }

    /** Ends every session of the user (app_session, V11). */
    public void endSessions(UserEntity user) {
        getEntityManager().createNativeQuery("DELETE FROM app_session WHERE user_id = ?1").setParameter(1, user.id).executeUpdate();
    }
}
