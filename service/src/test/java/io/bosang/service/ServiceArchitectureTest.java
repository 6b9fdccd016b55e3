package io.bosang.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service, its workbench and the ledger use Bosang's API only: no Drools type and no engine internals. */
class ServiceArchitectureTest {
    @Test
    void theServiceAndTheLedgerKnowNeitherDroolsNorTheEngineInternals() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bosang.service", "io.bosang.ledger");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "io.bosang.engine.internal..", "io.bosang.internal..")
                .check(classes);
    }
}
