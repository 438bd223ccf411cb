package io.cxhub.local.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the run's shared {@link DemoHub}: {@code @ExtendWith(DemoHubExtension.class)},
 * then declare a {@code DemoHub} parameter on a constructor, a {@code @BeforeAll} method (with
 * {@code PER_CLASS} lifecycle, or static) or a test method. The hub starts on the first request
 * and stops at the end of the test run.
 */
public final class DemoHubExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DemoHub.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return DemoHub.shared(context);
  }
}
