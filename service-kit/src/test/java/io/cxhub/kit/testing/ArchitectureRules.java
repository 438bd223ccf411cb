package io.cxhub.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The layering every CX Hub service keeps: inside a feature package, the domain is plain
 * Java and the adapters ({@code grpc}, {@code mongo}, {@code http} (outbound HTTP clients),
 * {@code config} sub-packages) translate to and from it without knowing each other.
 *
 * <p>The rules name no service package: they apply to the classes the test imports. A
 * service applies them to its own production classes from a test class annotated
 * {@code @AnalyzeClasses(packages = "io.cxhub.persona", importOptions = ImportOption.DoNotIncludeTests.class)}
 * with a field {@code @ArchTest static final ArchTests sharedRules = ArchTests.in(ArchitectureRules.class)}.
 * The domain is every imported class outside the adapter packages, except the
 * {@code @SpringBootApplication} class, which is wiring.
 */
public final class ArchitectureRules {

  /** The packages of a feature's adapters; everything else is domain. */
  public static final String[] ADAPTERS = {"..grpc..", "..mongo..", "..http..", "..config.."};

  /**
   * What the domain must not use: transport, storage, framework and generated contract
   * types, resilience and metrics libraries, the ambient tenant (the domain takes it as a
   * parameter) and the kit's own adapter helpers. The kit's plain-Java packages
   * ({@code domain}, {@code text}, {@code paging}, {@code id}, {@code error}) are allowed.
   */
  public static final String[] NOT_IN_DOMAIN = {
      "io.grpc..", "com.mongodb..", "org.bson..", "org.springframework..", "com.google.protobuf..",
      "io.cxhub.proto..", "io.github.resilience4j..", "io.micrometer..",
      "io.cxhub.kit.tenant..", "io.cxhub.kit.grpc..", "io.cxhub.kit.mongo.."};

  private ArchitectureRules() {}

  @ArchTest
  public static final ArchRule domainIsPlainJava = noDomainClasses()
      .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_DOMAIN)
      .because("the domain is plain Java; adapters translate to and from it");

  @ArchTest
  public static final ArchRule domainDoesNotDependOnItsAdapters = noDomainClasses()
      .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS);

  @ArchTest
  public static final ArchRule storageDoesNotKnowTheTransport = noClasses()
      .that().resideInAPackage("..mongo..")
      .should().dependOnClassesThat().resideInAnyPackage("..grpc..", "io.grpc..", "io.cxhub.proto..");

  @ArchTest
  public static final ArchRule transportDoesNotKnowTheStorage = noClasses()
      .that().resideInAPackage("..grpc..")
      .should().dependOnClassesThat().resideInAnyPackage("..mongo..", "com.mongodb..", "org.bson..");

  private static GivenClassesConjunction noDomainClasses() {
    return noClasses()
        .that().resideOutsideOfPackages(ADAPTERS)
        .and().areNotAnnotatedWith(SpringBootApplication.class);
  }
}
