package org.kaohe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules (see the package-info of org.kaohe), checked on every build so the boundaries stay honest. */
@AnalyzeClasses(packages = "org.kaohe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheRulesPackageTouchesDrools = noClasses()
            .that().resideOutsideOfPackage("org.kaohe.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule recordsAndScoringKnowNothingOfTheLayersAbove = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kaohe.imports..", "org.kaohe.rules..",
                    "org.kaohe.evaluation..", "org.kaohe.results..", "org.kaohe.web..", "org.kaohe.api..",
                    "org.kaohe.cli..");

    /** The period model and the result model are plain values: usable by a tool, a test or a bench without Spring. */
    @ArchTest
    static final ArchRule theModelsAreFreeOfSpring = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.scoring..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    /**
     * The import's parsers, row readers and store are its own: other modules import files through
     * its service, read versions through its repository, and use only these few types.
     */
    @ArchTest
    static final ArchRule theImportsParsersAreInternal = noClasses()
            .that().resideOutsideOfPackage("org.kaohe.imports..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.kaohe.imports..")
                    .and(DescribedPredicate.not(HasName.Predicates.nameMatching("org\\.kaohe\\.imports\\.(ImportService|"
                            + "ImportRepository|ImportReport|ImportProblem|ImportVersionInfo|ImportLimits|RecordFiles|"
                            + "AnnualAppraisalFile|StoredFileRows|ItemRegistrySource|BoundedZip|VersionDiff|VersionDiffs|"
                            + "KeyedTable|RemovalConfirmation|RemovalThreshold)(\\$.*)?"))));

    @ArchTest
    static final ArchRule modulesDoNotDependOnTheFaces = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.imports..", "org.kaohe.rules..",
                    "org.kaohe.evaluation..", "org.kaohe.errors..",
                    "org.kaohe.results..", "org.kaohe.audit..", "org.kaohe.scoring..", "org.kaohe.security..",
                    "org.kaohe.jobs..", "org.kaohe.uploads..", "org.kaohe.reviews..", "org.kaohe.reports..", "org.kaohe.annual..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kaohe.web..", "org.kaohe.api..", "org.kaohe.cli..");

    /** The audit log is written by every module, so it may depend on none of them. */
    @ArchTest
    static final ArchRule theAuditLogDependsOnNoDomainModule = noClasses()
            .that().resideInAPackage("org.kaohe.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kaohe.records..", "org.kaohe.imports..",
                    "org.kaohe.scoring..", "org.kaohe.rules..", "org.kaohe.evaluation..", "org.kaohe.results..");

    /** The application class starts the faces; nothing below it may depend on it (no cycle through the root). */
    @ArchTest
    static final ArchRule nothingDependsOnTheApplicationClass = noClasses()
            .that().resideInAPackage("org.kaohe.(*)..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.kaohe.KaoheApplication");

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("org.kaohe.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule facesDoNotDependOnEachOther = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("org.kaohe.(web|api|cli)..").should().notDependOnEachOther();
}
