package io.cxhub.persona.persona;

import java.util.List;

/**
 * How the persona buys. Amounts are in the tenant's currency; 0 means "not set".
 */
public record Transactional(
    double purchasesPerYear,
    double averageOrderValue,
    double lifetimeValue,
    List<String> preferredProducts,
    List<String> serviceStates) {

  public static final Transactional EMPTY = new Transactional(0, 0, 0, List.of(), List.of());

  public Transactional {
    preferredProducts = Texts.clean(preferredProducts);
    serviceStates = Texts.clean(serviceStates);
  }
}
