package io.cxhub.bench;

import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerActivity;
import io.cxhub.persona.customer.CustomerProfile;
import io.cxhub.persona.customer.CustomerValue;
import io.cxhub.persona.customer.ValueTier;
import io.cxhub.persona.discovery.CustomerFeatures;
import io.cxhub.persona.discovery.Experience;
import io.cxhub.persona.discovery.KMeansSelection;
import io.cxhub.persona.discovery.Standardization;
import io.cxhub.persona.segment.SegmentRule;
import io.cxhub.persona.segment.SegmentRuleCompiler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Customers' segments and personas, in memory (storage excluded): segment rule evaluation in
 * profiles per second (ten rules of the README's shapes against every profile, one thread),
 * and persona discovery (features, standardization, k-means++ with k chosen by silhouette
 * from 2 to 6) over {@code --cluster} profiles.
 *
 * <p>Options (defaults): {@code --profiles=1000000 --cluster=100000}.
 */
public final class PersonaBenchmark {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String[] COUNTRIES = {"FR", "BE", "DE", "ES", "IT", "GB"};
  private static final String[] INTERESTS = {"cycling", "golf", "cooking", "travel", "music", "gaming"};
  private static final String[] CHANNELS = {"SUPPORT", "EMAIL", "MESSAGING", "SOCIAL"};

  private PersonaBenchmark() {}

  public static void main(String[] args) {
    int profiles = intArg(args, "profiles", 1_000_000);
    int cluster = intArg(args, "cluster", 100_000);
    var random = new Random(42);

    var customers = new ArrayList<Customer>(profiles);
    for (int i = 0; i < profiles; i++) {
      customers.add(customer(i, random));
    }
    var rules = rules();
    // warm-up
    evaluate(customers.subList(0, Math.min(100_000, profiles)), rules);
    long start = System.nanoTime();
    long memberships = evaluate(customers, rules);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("segment evaluation: %,d profiles x %d rules in %.2f s = %,.0f profiles/s (%,d memberships)%n",
        profiles, rules.size(), seconds, profiles / seconds, memberships);

    var sample = customers.subList(0, Math.min(cluster, profiles));
    start = System.nanoTime();
    var raw = new ArrayList<double[]>(sample.size());
    for (var c : sample) {
      int nps = random.nextInt(11);
      raw.add(CustomerFeatures.of(c, new Experience(c.customerId(), nps, random.nextDouble(), -1), NOW));
    }
    var standardization = Standardization.of(raw, CustomerFeatures.SIZE);
    var points = new double[raw.size()][];
    for (int i = 0; i < points.length; i++) {
      points[i] = standardization.apply(raw.get(i));
    }
    var result = KMeansSelection.cluster(points, 6, 7L);
    seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("persona discovery: %,d profiles, k=%d (silhouette %.3f) in %.1f s%n", points.length, result.k(),
        result.silhouette(), seconds);
  }

  private static long evaluate(List<Customer> customers, List<Predicate<Customer>> rules) {
    long memberships = 0;
    for (var c : customers) {
      for (var rule : rules) {
        if (rule.test(c)) {
          memberships++;
        }
      }
    }
    return memberships;
  }

  private static List<Predicate<Customer>> rules() {
    var compiled = new ArrayList<Predicate<Customer>>();
    for (int i = 0; i < 10; i++) {
      SegmentRule rule = new SegmentRule.All(List.of(
          new SegmentRule.In("country", List.of(COUNTRIES[i % COUNTRIES.length], COUNTRIES[(i + 1) % COUNTRIES.length])),
          new SegmentRule.Any(List.of(
              new SegmentRule.Compare("spent", SegmentRule.Operator.GE, new SegmentRule.Value.Number(100 + 50 * i)),
              new SegmentRule.In("interests", List.of(INTERESTS[i % INTERESTS.length])))),
          new SegmentRule.Not(new SegmentRule.Compare("value_tier", SegmentRule.Operator.EQ,
              new SegmentRule.Value.Text("lost"))),
          new SegmentRule.Range("recency_days", null, 30.0 + 30 * i)));
      compiled.add(SegmentRuleCompiler.compile(rule, NOW));
    }
    return compiled;
  }

  private static Customer customer(int i, Random random) {
    int orders = random.nextInt(30);
    double spent = orders == 0 ? 0 : orders * (20 + random.nextDouble() * 200);
    var profile = CustomerProfile.builder()
        .demographics(new CustomerProfile.Demographics(1950 + random.nextInt(55), "", "",
            COUNTRIES[random.nextInt(COUNTRIES.length)], "", ""))
        .psychographics(new CustomerProfile.Psychographics(List.of(),
            List.of(INTERESTS[random.nextInt(INTERESTS.length)]), List.of()))
        .transactional(new CustomerProfile.Transactional(orders, spent, orders == 0 ? "" : "EUR", null,
            orders == 0 ? null : NOW.minus(Duration.ofDays(random.nextInt(400)))))
        .behavioral(new CustomerProfile.Behavioral(random.nextInt(60), List.of(), null))
        .build();
    long contacts = random.nextInt(8);
    var activity = new CustomerActivity(0, 0, null, null,
        contacts == 0 ? Map.of() : Map.of(CHANNELS[random.nextInt(CHANNELS.length)], contacts), Map.of(), Map.of());
    var tier = ValueTier.values()[random.nextInt(ValueTier.values().length)];
    return new Customer("c-" + i, profile, activity, new CustomerValue(10, orders, spent, 3, 3, 3, tier, spent * 2, NOW),
        NOW, NOW);
  }

  private static int intArg(String[] args, String name, int otherwise) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return Integer.parseInt(a.substring(name.length() + 3));
      }
    }
    return otherwise;
  }
}
