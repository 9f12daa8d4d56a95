package dk.kk.gevinstspor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The rules of ARCHITECTURE.md that a compiler does not check. */
@AnalyzeClasses(packages = "dk.kk.gevinstspor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The import's write steps: its set-based SQL on the transaction's connection (COPY into a staging table, the merge,
     * the audit rows, the stored rows a check needs, the changes a dry run lists), split by step (docs/imports.md).
     */
    private static final String IMPORT_STEPS = "dk\\.kk\\.gevinstspor\\.actuals\\.imports\\.(StagingTable|ImportMerge|ImportAudit|StoredRows|ImportChanges)(\\$.*)?";

    /** Every number a committee reads is decided in plain Java, free of frameworks. */
    @ArchTest
    static final ArchRule domain_depends_only_on_java = classes()
            .that().resideInAPackage("dk.kk.gevinstspor.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dk.kk.gevinstspor.domain..", "java..");

    /**
     * Features do not call the snapshots: they fire {@code common.events.ProposalChanged} in the transaction of their
     * write, and {@code snapshot} observes it (docs/reporting.md, Marks).
     */
    @ArchTest
    static final ArchRule only_snapshot_depends_on_snapshot = noClasses()
            .that().resideOutsideOfPackage("dk.kk.gevinstspor.snapshot..")
            .should().dependOnClassesThat().resideInAPackage("dk.kk.gevinstspor.snapshot..");

    /**
     * The feature packages (and common, domain, portfolio) depend on each other in one direction only: a newcomer can
     * change one without going round in circles (docs/architecture.md has the map).
     */
    @ArchTest
    static final ArchRule packages_are_free_of_cycles = SlicesRuleDefinition.slices()
            .matching("dk.kk.gevinstspor.(*)..").should().beFreeOfCycles();

    /** An endpoint says who may call it; none is open because someone forgot (docs/security.md). */
    @ArchTest
    static final ArchRule every_resource_declares_who_may_call_it = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAnnotatedWith(io.quarkus.security.Authenticated.class)
            .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
            .orShould().beAnnotatedWith(jakarta.annotation.security.PermitAll.class);

    /**
     * The portfolio is the one way from storage to the domain: the features read through it, it reads none of them
     * (only settings for the frame limits), so it can never close a cycle through a feature.
     */
    @ArchTest
    static final ArchRule the_portfolio_depends_on_no_feature = noClasses()
            .that().resideInAPackage("dk.kk.gevinstspor.portfolio..")
            .should().dependOnClassesThat().resideInAnyPackage("dk.kk.gevinstspor.proposal..", "dk.kk.gevinstspor.actuals..",
                    "dk.kk.gevinstspor.report..", "dk.kk.gevinstspor.snapshot..", "dk.kk.gevinstspor.decision..",
                    "dk.kk.gevinstspor.demo..");

    /**
     * Services return domain objects or their own records; {@code rest} and {@code web} map them, and neither knows the
     * other: a page never renders an API class, an endpoint never a page class (the report page both show is
     * {@code report.ReportHtml}).
     */
    @ArchTest
    static final ArchRule pages_do_not_depend_on_the_api = noClasses()
            .that().resideInAPackage("dk.kk.gevinstspor..web..")
            .should().dependOnClassesThat().resideInAPackage("dk.kk.gevinstspor..rest..");

    /** See {@link #pages_do_not_depend_on_the_api}. */
    @ArchTest
    static final ArchRule the_api_does_not_depend_on_pages = noClasses()
            .that().resideInAPackage("dk.kk.gevinstspor..rest..")
            .should().dependOnClassesThat().resideInAPackage("dk.kk.gevinstspor..web..");

    /**
     * Pages and endpoints call services only: they never reach storage themselves (no repository, entity manager, data
     * source or JDBC), so each check of access and each rule runs once, in the service.
     */
    @ArchTest
    static final ArchRule pages_and_endpoints_call_services_only = noClasses()
            .that().resideInAnyPackage("dk.kk.gevinstspor..web..", "dk.kk.gevinstspor..rest..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..", "io.agroal..");

    /**
     * SQL (and JPQL) strings live in the portfolio, in repositories (classes named {@code …Repository}), in the
     * import's write steps ({@link #IMPORT_STEPS}) and in the database's own set-up ({@code common.database}): a rule
     * written in SQL is found where storage is, next to the domain rule it pre-filters (docs/architecture.md).
     */
    @ArchTest
    static final ArchRule sql_only_in_the_portfolio_and_repositories = noClasses()
            .that().resideOutsideOfPackages("dk.kk.gevinstspor.portfolio..", "dk.kk.gevinstspor.common.database..")
            .and().haveNameNotMatching(".*Repository(\\$.*)?")
            .and().haveNameNotMatching(IMPORT_STEPS)
            .should(SqlCalls.issueSql());
}
