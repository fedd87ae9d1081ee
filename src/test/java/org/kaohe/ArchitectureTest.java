package org.kaohe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md, checked on every build so the layers stay honest. */
@AnalyzeClasses(packages = "org.kaohe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheRulesPackageTouchesDrools = noClasses()
            .that().resideOutsideOfPackage("org.kaohe.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule recordsAndScoringKnowNothingOfTheLayersAbove = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kaohe.rules..", "org.kaohe.evaluation..",
                    "org.kaohe.results..", "org.kaohe.web..", "org.kaohe.api..", "org.kaohe.cli..");

    @ArchTest
    static final ArchRule scoringIsFreeOfSpring = noClasses()
            .that().resideInAPackage("org.kaohe.scoring..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule servicesDoNotDependOnTheFaces = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.rules..", "org.kaohe.evaluation..",
                    "org.kaohe.results..", "org.kaohe.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kaohe.web..", "org.kaohe.api..", "org.kaohe.cli..");
}
