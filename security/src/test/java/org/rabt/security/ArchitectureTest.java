package org.rabt.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of STYLE.md, for the security module's production code. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rabt.security");
    }

    @Test
    void noSpringAndNoCamel() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(classes);
    }

    @Test
    void noPlainRuntimeExceptionIsThrown() {
        noClasses().that().areNotAssignableTo(RuntimeException.class)
                .should().callConstructor(RuntimeException.class, String.class)
                .orShould().callConstructor(RuntimeException.class, String.class, Throwable.class)
                .orShould().callConstructor(RuntimeException.class, Throwable.class)
                .orShould().callConstructor(RuntimeException.class)
                .check(classes);
    }

    @Test
    void bouncyCastleTypesAppearInPublicSignaturesOfCryptoUtilsOnly() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : classes) {
            if (!type.getModifiers().contains(JavaModifier.PUBLIC) || type.isEquivalentTo(CryptoUtils.class)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                boolean exposed = method.getRawReturnType().getPackageName().startsWith("org.bouncycastle")
                        || method.getRawParameterTypes().stream().anyMatch(p -> p.getPackageName().startsWith("org.bouncycastle"));
                if (exposed) {
                    leaks.add(method.getFullName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
