package org.kaohe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.regex.Pattern;

import org.springframework.modulith.NamedInterface;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering rules spring-modulith does not express (see the package-info of org.kaohe), checked on
 * every build so the boundaries stay honest. Each names what is special (the faces, the plain models,
 * the audit log, Drools), never the list of modules, so a new package is covered without editing
 * this class; modules, their internals and cycles between them are {@link ModulesTest}'s.
 */
@AnalyzeClasses(packages = "org.kaohe", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NotAheadOfTimeCode.class})
class ArchitectureTest {

    /**
     * Spring's ahead-of-time code for the command line ({@code Foo__BeanDefinitions} and the like,
     * written into target/classes by {@code mvn package}: cli.CommandLineAot) registers every bean
     * of every module by design; it is generated, not written, so the layering is not its to keep.
     */
    static final class NotAheadOfTimeCode implements ImportOption {
        private static final Pattern GENERATED = Pattern.compile(".*/[^/]+__[A-Za-z]+(\\$[^/]*)?\\.class$");

        @Override
        public boolean includes(Location location) {
            return !location.matches(GENERATED);
        }
    }

    private static final String[] FACES = {"org.kaohe.web..", "org.kaohe.api..", "org.kaohe.cli.."};

    @ArchTest
    static final ArchRule onlyTheEngineTouchesDrools = noClasses()
            .that().resideOutsideOfPackage("org.kaohe.rules.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    /** PostgreSQL's driver API (its COPY) is used in one place, audit.BulkWriter; everything else speaks JDBC to either database. */
    @ArchTest
    static final ArchRule onlyTheAuditModuleTouchesThePostgresqlDriver = noClasses()
            .that().resideOutsideOfPackage("org.kaohe.audit..")
            .should().dependOnClassesThat().resideInAPackage("org.postgresql..");

    /** The period model and the result model are the bottom: they know only each other and the error vocabulary. */
    @ArchTest
    static final ArchRule recordsAndScoringKnowNothingOfTheLayersAbove = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.scoring..")
            .should().dependOnClassesThat(kaoheOutside("org.kaohe.records..", "org.kaohe.scoring..", "org.kaohe.errors.."));

    /** The period model and the result model are plain values: usable by a tool, a test or a bench without Spring. */
    @ArchTest
    static final ArchRule theModelsAreFreeOfSpring = noClasses()
            .that().resideInAnyPackage("org.kaohe.records..", "org.kaohe.scoring..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    /**
     * The import's parsers, row readers and store are its own: other modules import files through
     * its service, read versions through its repository, and use only the types it marks as its
     * API ({@code @NamedInterface("imports")}, and the types nested in them). A new type is
     * internal until it is marked, so no list here needs editing.
     */
    @ArchTest
    static final ArchRule onlyTheImportsMarkedApiIsUsedOutsideIt = noClasses()
            .that().resideOutsideOfPackage("org.kaohe.imports..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.kaohe.imports..")
                    .and(DescribedPredicate.not(DescribedPredicate.describe("marked @NamedInterface, or nested in a type"
                            + " that is", ArchitectureTest::markedAsApi))));

    /** Every module but the faces (and the application class that starts them), whatever its name. */
    @ArchTest
    static final ArchRule modulesDoNotDependOnTheFaces = noClasses()
            .that().resideOutsideOfPackages(FACES).and().doNotHaveFullyQualifiedName(KaoheApplication.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage(FACES);

    /** The audit log is written by every module, so it may depend on none of them (the error vocabulary aside). */
    @ArchTest
    static final ArchRule theAuditLogDependsOnNoDomainModule = noClasses()
            .that().resideInAPackage("org.kaohe.audit..")
            .should().dependOnClassesThat(kaoheOutside("org.kaohe.audit..", "org.kaohe.errors.."));

    /** The application class starts the faces; nothing below it may depend on it (no cycle through the root). */
    @ArchTest
    static final ArchRule nothingDependsOnTheApplicationClass = noClasses()
            .that().resideInAPackage("org.kaohe.(*)..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.kaohe.KaoheApplication");

    @ArchTest
    static final ArchRule facesDoNotDependOnEachOther = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("org.kaohe.(web|api|cli)..").should().notDependOnEachOther();

    /** The type, or a type it is nested in, is marked as part of its module's API. */
    private static boolean markedAsApi(JavaClass type) {
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (c.isAnnotatedWith(NamedInterface.class)) {
                return true;
            }
        }
        return false;
    }

    /** A class of Kaohe outside the given packages. */
    private static DescribedPredicate<JavaClass> kaoheOutside(String... packages) {
        return JavaClass.Predicates.resideInAPackage("org.kaohe..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(packages)));
    }
}
