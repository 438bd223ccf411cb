package io.cxhub.survey;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.cxhub.kit.testing.ArchitectureRules;

/**
 * The domain (everything outside the {@code grpc}, {@code mongo} and {@code config} adapter
 * packages and the application class) is plain Java: no transport, storage, framework or
 * generated contract types, and no ambient tenant (it is passed explicitly). The kit's
 * shared rules, applied to survey-service's classes.
 */
@AnalyzeClasses(packages = "io.cxhub.survey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests sharedRules = ArchTests.in(ArchitectureRules.class);
}
