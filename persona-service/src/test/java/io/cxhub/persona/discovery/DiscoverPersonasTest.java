package io.cxhub.persona.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerActivity;
import io.cxhub.persona.customer.CustomerProfile;
import io.cxhub.persona.customer.InMemoryCustomers;
import io.cxhub.persona.persona.InMemoryPersonas;
import io.cxhub.persona.persona.PersonaCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscoverPersonasTest {

  static final String TENANT = "t1";
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  final InMemoryCustomers customers = new InMemoryCustomers();
  final Map<String, Experience> experience = new HashMap<>();
  final Map<String, Integer> planted = new HashMap<>();
  final DiscoverPersonas discover = new DiscoverPersonas(customers, tenantId -> experience, new Discoveries(),
      new Rules(), new PersonaCatalog(new InMemoryPersonas(), Clock.fixed(NOW, ZoneOffset.UTC)),
      Clock.fixed(NOW, ZoneOffset.UTC));

  /** Three customer types with distinct behaviour, value and experience, 120 of each, with noise. */
  void plantThreeTypes() {
    var random = new Random(7);
    var stored = new ArrayList<Customer>();
    for (int i = 0; i < 360; i++) {
      int type = i % 3;
      String id = "c-" + i;
      double noise = 1 + 0.25 * random.nextGaussian();
      int orders;
      double spent;
      int daysSinceLast;
      long contacts;
      int web;
      int nps;
      double ease;
      switch (type) {
        case 0 -> { // loyal promoters: buy often and much, rarely call, find it easy
          orders = (int) Math.max(1, 20 * noise);
          spent = 2000 * noise;
          daysSinceLast = (int) Math.max(0, 5 * noise);
          contacts = random.nextInt(2);
          web = (int) (40 * noise);
          nps = 9 + random.nextInt(2);
          ease = 0.85 + 0.1 * random.nextDouble();
        }
        case 1 -> { // struggling detractors: call a lot, find it hard
          orders = (int) Math.max(1, 5 * noise);
          spent = 300 * noise;
          daysSinceLast = (int) Math.max(0, 40 * noise);
          contacts = (long) Math.max(4, 12 * noise);
          web = (int) (10 * noise);
          nps = random.nextInt(6);
          ease = 0.1 + 0.2 * random.nextDouble();
        }
        default -> { // lapsed occasional buyers: little of anything, passive
          orders = 1 + random.nextInt(2);
          spent = 40 * noise;
          daysSinceLast = (int) Math.max(100, 300 * noise);
          contacts = 0;
          web = random.nextInt(3);
          nps = 7 + random.nextInt(2);
          ease = 0.5 + 0.2 * random.nextDouble();
        }
      }
      var profile = CustomerProfile.builder()
          .transactional(new CustomerProfile.Transactional(orders, Math.max(1, spent), "EUR", null,
              NOW.minus(Duration.ofDays(daysSinceLast))))
          .behavioral(new CustomerProfile.Behavioral(Math.max(0, web), List.of(), null))
          .build();
      var activity = new CustomerActivity(0, 0, null, null, contacts == 0 ? Map.of() : Map.of("SUPPORT", contacts),
          Map.of(), Map.of());
      stored.add(new Customer(id, profile, activity, null, NOW, NOW));
      experience.put(id, new Experience(id, nps, ease, -1));
      planted.put(id, type);
    }
    customers.upsert(TENANT, stored);
  }

  @Test
  void plantedCustomerTypesAreRecoveredAndAssignedAfterAdoption() {
    plantThreeTypes();

    var discovery = discover.discover(TENANT, 6);

    assertThat(discovery.k()).isEqualTo(3);
    assertThat(discovery.proposals()).extracting(PersonaDiscovery.Proposal::size).allMatch(s -> s >= 100 && s <= 140);
    assertThat(discovery.experienceAvailable()).isTrue();
    for (var p : discovery.proposals()) {
      discover.adopt(TENANT, discovery.discoveryId(), p.proposalId(), "", "");
    }

    var found = new HashMap<String, String>();
    customers.forEach(TENANT, c -> found.put(c.customerId(),
        c.assignedPersona() == null ? "none" : c.assignedPersona().personaId()));
    double ari = adjustedRandIndex(planted, found);
    assertThat(ari).isGreaterThanOrEqualTo(0.8);
    assertThat(found.values().stream().filter("none"::equals).count()).isLessThan(20);
  }

  @Test
  void proposalsDescribeTheirTraitsScoresAndValue() {
    plantThreeTypes();

    var discovery = discover.discover(TENANT, 6);

    var promoters = discovery.proposals().stream().filter(p -> p.nps() > 90).findFirst().orElseThrow();
    assertThat(promoters.traits()).anyMatch(t -> t.startsWith("more orders: +"));
    assertThat(promoters.traits()).allMatch(t -> t.contains(" sd (") && t.contains("for all customers)"));
    assertThat(promoters.ease()).isGreaterThan(0.8);
    assertThat(promoters.revenue()).isGreaterThan(100_000);
    var detractors = discovery.proposals().stream().filter(p -> p.nps() == -100).findFirst().orElseThrow();
    assertThat(detractors.traits()).anyMatch(t -> t.startsWith("more contacts with the company"));
    assertThat(detractors.suggestedName()).isNotBlank();
  }

  @Test
  void aStatedPersonaWinsOverAnAssignment() {
    plantThreeTypes();
    var stated = customers.find(TENANT, "c-0").orElseThrow();
    customers.upsert(TENANT, List.of(new Customer("c-0", stated.profile().toBuilder().personaId("hand-made").build(),
        stated.activity(), null, NOW, NOW)));
    var discovery = discover.discover(TENANT, 6);
    discover.adopt(TENANT, discovery.discoveryId(), "1", "", "");

    var c0 = customers.find(TENANT, "c-0").orElseThrow();
    assertThat(c0.assignedPersona()).isNull();
    assertThat(c0.slicingPersona()).isEqualTo("hand-made");
  }

  @Test
  void withoutMetricsDiscoveryGoesOnWithoutExperience() {
    plantThreeTypes();
    var degraded = new DiscoverPersonas(customers, tenantId -> {
      throw new DependencyUnavailableException("metrics-service down", null);
    }, new Discoveries(), new Rules(), new PersonaCatalog(new InMemoryPersonas(), Clock.fixed(NOW, ZoneOffset.UTC)),
        Clock.fixed(NOW, ZoneOffset.UTC));

    var discovery = degraded.discover(TENANT, 6);

    assertThat(discovery.experienceAvailable()).isFalse();
    assertThat(discovery.proposals()).allMatch(p -> Double.isNaN(p.nps()));
  }

  @Test
  void tooFewCustomersCannotBeClustered() {
    assertThatThrownBy(() -> discover.discover(TENANT, 0)).isInstanceOf(PreconditionFailedException.class);
  }

  /** ARI (Hubert and Arabie): (Σ C(n_ij, 2) − expected) / (mean of the marginal sums − expected). */
  static double adjustedRandIndex(Map<String, Integer> truth, Map<String, String> found) {
    var table = new HashMap<String, Long>();
    var rows = new HashMap<Integer, Long>();
    var cols = new HashMap<String, Long>();
    truth.forEach((id, t) -> {
      String f = found.get(id);
      table.merge(t + "|" + f, 1L, Long::sum);
      rows.merge(t, 1L, Long::sum);
      cols.merge(f, 1L, Long::sum);
    });
    double index = table.values().stream().mapToDouble(DiscoverPersonasTest::pairs).sum();
    double a = rows.values().stream().mapToDouble(DiscoverPersonasTest::pairs).sum();
    double b = cols.values().stream().mapToDouble(DiscoverPersonasTest::pairs).sum();
    double expected = a * b / pairs(truth.size());
    return (index - expected) / ((a + b) / 2 - expected);
  }

  static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }

  @Test
  void theAdjustedRandIndexIsOneForTheSamePartitionAndNearZeroForNoise() {
    var truth = Map.of("a", 0, "b", 0, "c", 1, "d", 1);
    assertThat(adjustedRandIndex(truth, Map.of("a", "x", "b", "x", "c", "y", "d", "y"))).isEqualTo(1.0);
    assertThat(adjustedRandIndex(truth, Map.of("a", "x", "b", "y", "c", "x", "d", "y"))).isLessThan(0.1);
  }

  static final class Discoveries implements PersonaDiscoveries {
    final Map<String, PersonaDiscovery> stored = new HashMap<>();

    @Override
    public void save(PersonaDiscovery d) {
      stored.put(d.tenantId() + ":" + d.discoveryId(), d);
    }

    @Override
    public Optional<PersonaDiscovery> find(String tenantId, String discoveryId) {
      return Optional.ofNullable(stored.get(tenantId + ":" + discoveryId));
    }

    @Override
    public List<PersonaDiscovery> list(String tenantId, Position after, int limit) {
      return stored.values().stream().filter(d -> d.tenantId().equals(tenantId))
          .filter(d -> after == null || after.precedes(d.createTime(), d.discoveryId()))
          .sorted(java.util.Comparator.comparing(PersonaDiscovery::createTime)
              .thenComparing(PersonaDiscovery::discoveryId).reversed())
          .limit(limit).toList();
    }
  }

  static final class Rules implements AssignmentRules {
    final Map<String, AssignmentRule> stored = new java.util.TreeMap<>();

    @Override
    public void save(String tenantId, AssignmentRule rule) {
      stored.put(tenantId + ":" + rule.personaId(), rule);
    }

    @Override
    public List<AssignmentRule> list(String tenantId) {
      return stored.entrySet().stream().filter(e -> e.getKey().startsWith(tenantId + ":")).map(Map.Entry::getValue).toList();
    }

    @Override
    public Optional<AssignmentRule> find(String tenantId, String personaId) {
      return Optional.ofNullable(stored.get(tenantId + ":" + personaId));
    }

    @Override
    public boolean delete(String tenantId, String personaId) {
      return stored.remove(tenantId + ":" + personaId) != null;
    }
  }
}
