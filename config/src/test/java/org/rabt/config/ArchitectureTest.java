package org.rabt.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    static JavaClasses rabt;

    @BeforeAll
    static void importClasses() {
        rabt = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rabt");
        if (rabt.size() < 50) {
            throw new IllegalStateException("only " + rabt.size() + " classes found: the rules would check nothing");
        }
    }

    @Test
    void mappingsAndSecurityUseNeitherSpringNorCamel() {
        noClasses().that().resideInAnyPackage("org.rabt.mappings..", "org.rabt.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(rabt);
    }

    @Test
    void nothingDependsOnConfig() {
        noClasses().that().resideOutsideOfPackage("org.rabt.config..")
                .should().dependOnClassesThat().resideInAPackage("org.rabt.config..")
                .check(rabt);
    }

    @Test
    void dependenciesPointDownwardsOnly() {
        noClasses().that().resideInAPackage("org.rabt.mappings..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rabt.security..", "org.rabt.caserecord..",
                        "org.rabt.connectors..", "org.rabt.routes..")
                .check(rabt);
        noClasses().that().resideInAPackage("org.rabt.security..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rabt.mappings..", "org.rabt.caserecord..",
                        "org.rabt.connectors..", "org.rabt.routes..")
                .check(rabt);
        noClasses().that().resideInAPackage("org.rabt.caserecord..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.rabt.connectors..",
                        "org.rabt.routes..")
                .check(rabt);
        noClasses().that().resideInAPackage("org.rabt.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rabt.caserecord..", "org.rabt.routes..")
                .check(rabt);
    }

    @Test
    void noCodeThrowsPlainRuntimeExceptions() {
        noClasses().that().areNotAssignableTo(Throwable.class)
                .should().callConstructor(RuntimeException.class)
                .because("errors carry a code: use a coded exception (MappingException, SecurityViolation, ...)")
                .check(rabt);
    }
}
