package dk.kk.gevinstspor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of ARCHITECTURE.md that a compiler does not check. */
@AnalyzeClasses(packages = "dk.kk.gevinstspor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every number a committee reads is decided in plain Java, free of frameworks. */
    @ArchTest
    static final ArchRule domain_depends_only_on_java = classes()
            .that().resideInAPackage("dk.kk.gevinstspor.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dk.kk.gevinstspor.domain..", "java..");
}
