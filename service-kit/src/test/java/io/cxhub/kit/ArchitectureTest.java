package io.cxhub.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.cxhub.kit.testing.ArchitectureRules;

/**
 * The kit packages that the services' domains may use must stay plain Java themselves,
 * or they would carry framework, transport or storage types into those domains.
 */
@AnalyzeClasses(packages = "io.cxhub.kit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainFacingPackagesArePlainJava = noClasses()
      .that().resideInAnyPackage("io.cxhub.kit.domain..", "io.cxhub.kit.text..", "io.cxhub.kit.paging..",
          "io.cxhub.kit.id..", "io.cxhub.kit.error..", "io.cxhub.kit.work..")
      // the adapter that turns the domain exceptions into gRPC statuses lives next to them,
      // and the one that ties a worker to the Spring context next to the workers
      .and().doNotHaveSimpleName("GrpcErrorMapping")
      .and().doNotHaveSimpleName("WorkerLifecycle")
      .should().dependOnClassesThat().resideInAnyPackage(ArchitectureRules.NOT_IN_DOMAIN)
      .because("a service's domain depends on them");
}
