package io.cxhub.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the domain of every feature (the feature package itself, e.g.
 * {@code io.cxhub.journey.journey}) free of transport, storage and framework types, so it
 * is tested with in-memory fakes and the adapters stay thin.
 */
@AnalyzeClasses(packages = "io.cxhub.journey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] ADAPTERS = {"..grpc..", "..mongo..", "..config.."};

  @ArchTest
  static final ArchRule domainImportsNoFrameworkStorageOrTransport = noClasses()
      .that().resideInAPackage("io.cxhub.journey.*..")
      .and().resideOutsideOfPackages(ADAPTERS)
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.grpc..", "com.mongodb..", "org.bson..", "org.springframework..",
          "io.cxhub.proto..", "io.cxhub.kit.tenant..", "com.google.protobuf..")
      .because("the domain is plain Java; adapters translate to and from it");

  @ArchTest
  static final ArchRule domainDoesNotDependOnItsAdapters = noClasses()
      .that().resideInAPackage("io.cxhub.journey.*..")
      .and().resideOutsideOfPackages(ADAPTERS)
      .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

  @ArchTest
  static final ArchRule storageDoesNotKnowTheTransport = noClasses()
      .that().resideInAPackage("..mongo..")
      .should().dependOnClassesThat().resideInAnyPackage("..grpc..", "io.grpc..", "io.cxhub.proto..");

  @ArchTest
  static final ArchRule transportDoesNotKnowTheStorage = noClasses()
      .that().resideInAPackage("..grpc..")
      .should().dependOnClassesThat().resideInAnyPackage("..mongo..", "com.mongodb..", "org.bson..");
}
