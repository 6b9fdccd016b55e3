package io.bosang;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture of core, as tests so it stays (docs/DESIGN.md has the picture). Packages form layers that only
 * point down; Drools is known to {@code engine.internal} alone, which only the engine reaches and which no public
 * signature shows; the domain knows neither Jackson nor Drools.
 */
class ArchitectureTest {
    static JavaClasses core;

    @BeforeAll
    static void load() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.bosang");
        // A rule checked on no classes proves nothing: the import must have found core's classes.
        org.junit.jupiter.api.Assertions.assertTrue(core.size() > 100 && core.contain("io.bosang.engine.internal.DroolsRuleBase"),
                "core's classes were not found: " + core.size());
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching("io.bosang.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("FrontDoor").definedBy("io.bosang")
                .layer("Analysis").definedBy("io.bosang.check..", "io.bosang.scenario..", "io.bosang.compare..", "io.bosang.report..")
                .layer("Json").definedBy("io.bosang.json..")
                .layer("Engine").definedBy("io.bosang.engine..")
                .layer("Incident").definedBy("io.bosang.incident..")
                .layer("RuleHelpers").definedBy("io.bosang.rules..")
                .layer("Result").definedBy("io.bosang.result..")
                .layer("Params").definedBy("io.bosang.params..")
                .layer("Support").definedBy("io.bosang.internal..")
                .layer("Base").definedBy("io.bosang.domain..", "io.bosang.problem..")
                .whereLayer("FrontDoor").mayNotBeAccessedByAnyLayer()
                .whereLayer("Analysis").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis")
                .whereLayer("Json").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis", "Json")
                .whereLayer("Incident").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis", "Json", "Engine")
                .whereLayer("RuleHelpers").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis", "Json", "Engine")
                .whereLayer("Result").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis", "Json", "Engine", "RuleHelpers")
                .whereLayer("Params").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis", "Json", "Engine", "RuleHelpers", "Result")
                .whereLayer("Support").mayOnlyBeAccessedByLayers("FrontDoor", "Analysis", "Json", "Engine", "Incident", "Params")
                .check(core);
    }

    @Test
    void droolsIsKnownToTheEngineInternalsAlone() {
        noClasses().that().resideOutsideOfPackage("io.bosang.engine.internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(core);
    }

    @Test
    void onlyTheEngineReachesItsInternals() {
        classes().that().resideInAPackage("io.bosang.engine.internal..")
                .should().onlyBeAccessed().byAnyPackage("io.bosang.engine..")
                .check(core);
    }

    @Test
    void noPublicSignatureShowsAnEngineInternalType() {
        classes().that().resideOutsideOfPackage("io.bosang.engine.internal..").and().arePublic()
                .should(exposeNoType("io.bosang.engine.internal"))
                .check(core);
    }

    @Test
    void theDomainKnowsNeitherJacksonNorDroolsNorYaml() {
        noClasses().that().resideInAPackage("io.bosang.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.kie..", "org.drools..", "org.yaml..", "org.mvel2..")
                .check(core);
    }

    /** No public or protected member of the class takes, returns or holds a type of {@code pkg}. */
    static ArchCondition<JavaClass> exposeNoType(String pkg) {
        return new ArchCondition<>("expose no type of " + pkg + " in a public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaCodeUnit m : c.getCodeUnits()) {
                    if (!visible(m.getModifiers())) continue;
                    Set<JavaClass> types = new HashSet<>(m.getRawParameterTypes());
                    types.add(m.getRawReturnType());
                    for (JavaClass t : types) {
                        if (t.getPackageName().startsWith(pkg)) {
                            events.add(SimpleConditionEvent.violated(m, m.getFullName() + " shows " + t.getName()));
                        }
                    }
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers()) && f.getRawType().getPackageName().startsWith(pkg)) {
                        events.add(SimpleConditionEvent.violated(f, f.getFullName() + " shows " + f.getRawType().getName()));
                    }
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

}
