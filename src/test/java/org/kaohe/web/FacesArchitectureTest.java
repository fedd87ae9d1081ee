package org.kaohe.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The faces stay thin: controllers are package-private and reach the database only through services. */
@AnalyzeClasses(packages = "org.kaohe", importOptions = ImportOption.DoNotIncludeTests.class)
class FacesArchitectureTest {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule facesHoldNoSql = noClasses()
            .that().resideInAnyPackage("org.kaohe.web..", "org.kaohe.api..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");
}
