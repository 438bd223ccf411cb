package io.cxhub.journey;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.cxhub.kit.testing.ArchitectureRules;

/**
 * Keeps the domain of every feature (e.g. {@code io.cxhub.journey.journey}) free of
 * transport, storage and framework types, so it is tested with in-memory fakes and the
 * adapters stay thin: the kit's shared rules, applied to journey-service's classes.
 */
@AnalyzeClasses(packages = "io.cxhub.journey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchTests sharedRules = ArchTests.in(ArchitectureRules.class);
}
