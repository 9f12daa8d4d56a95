package dk.kk.gevinstspor.architecture;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The calls that hand a SQL or JPQL string to the database: an entity manager's queries, JDBC statements, Panache queries. */
final class SqlCalls {

    private static final Set<String> ENTITY_MANAGER = Set.of("createNativeQuery", "createQuery");
    private static final Set<String> JDBC = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery", "executeUpdate",
            "addBatch", "executeLargeUpdate");
    private static final Set<String> PANACHE = Set.of("find", "list", "stream", "count", "delete", "update");

    private SqlCalls() {
    }

    /** Satisfied by each such call (for {@code noClasses().should(…)}, which turns each into a violation). */
    static ArchCondition<JavaClass> issueSql() {
        return new ArchCondition<>("issue SQL or JPQL strings") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    if (isSql(call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    /** The type or one of its supertypes has this name (read by name: the JDK's and libraries' types are not imported). */
    private static boolean is(JavaClass type, String name) {
        return type.getName().equals(name) || type.getAllRawInterfaces().stream().anyMatch(i -> i.getName().equals(name))
                || type.getAllRawSuperclasses().stream().anyMatch(c -> c.getName().equals(name));
    }

    private static boolean isSql(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        boolean takesText = call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.getName().equals("java.lang.String"));
        if (!takesText) {
            return false;
        }
        if (is(owner, "jakarta.persistence.EntityManager")) {
            return ENTITY_MANAGER.contains(name);
        }
        if (is(owner, "java.sql.Connection") || is(owner, "java.sql.Statement")) {
            return JDBC.contains(name);
        }
        return is(owner, "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase") && PANACHE.contains(name);
    }
}
