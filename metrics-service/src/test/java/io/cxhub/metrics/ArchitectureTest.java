package io.cxhub.metrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (everything outside the {@code grpc}, {@code mongo} and {@code config} adapter
 * packages and the application class) is plain Java: no transport, storage, framework or
 * generated contract types, and no ambient tenant (it is passed explicitly).
 */
@AnalyzeClasses(packages = "io.cxhub.metrics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPlainJava = noClasses()
      .that().resideInAPackage("io.cxhub.metrics..")
      .and().resideOutsideOfPackages("..grpc..", "..mongo..", "..config..")
      .and().doNotHaveSimpleName("MetricsServiceApplication")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.grpc..", "com.mongodb..", "org.bson..", "org.springframework..", "io.cxhub.proto..",
          "io.cxhub.kit.tenant..", "io.github.resilience4j..", "io.micrometer..", "com.google.protobuf..");

  @ArchTest
  static final ArchRule grpcAdaptersDoNotTouchStorage = noClasses()
      .that().resideInAPackage("..grpc..")
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "..mongo..");

  @ArchTest
  static final ArchRule mongoAdaptersDoNotTouchTransport = noClasses()
      .that().resideInAPackage("..mongo..")
      .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "io.cxhub.proto..", "..grpc..");

  @ArchTest
  static final ArchRule domainDoesNotDependOnAdapters = noClasses()
      .that().resideInAPackage("io.cxhub.metrics..")
      .and().resideOutsideOfPackages("..grpc..", "..mongo..", "..config..")
      .and().doNotHaveSimpleName("MetricsServiceApplication")
      .should().dependOnClassesThat().resideInAnyPackage("..grpc..", "..mongo..", "..config..");
}
