package io.cxhub.persona.discovery;

import io.cxhub.kit.error.DependencyUnavailableException;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.NotFoundException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.kit.error.Violations;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.CustomerValue;
import io.cxhub.persona.customer.Customers;
import io.cxhub.persona.customer.PersonaAssignment;
import io.cxhub.persona.discovery.CustomerFeatures.Feature;
import io.cxhub.persona.persona.Persona;
import io.cxhub.persona.persona.PersonaCatalog;
import io.cxhub.persona.persona.PersonaDeletion;
import io.cxhub.persona.persona.PersonaProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personas discovered from data. {@link #discover} clusters the tenant's customers on their
 * standardized {@link CustomerFeatures} (k-means++, k by silhouette) and proposes each
 * cluster with its size, traits in words, scores and value. {@link #adopt} turns a proposal
 * into a persona with an {@link AssignmentRule}; {@link #reassign} gives every customer
 * without a stated persona the nearest adopted persona within its radius, with a confidence.
 * When a persona is deleted ({@link #personaDeleted}), its rule goes and its customers are
 * assigned again by the remaining rules.
 */
public final class DiscoverPersonas implements PersonaDeletion.Listener {

  public static final int MIN_CUSTOMERS = 10;
  public static final int DEFAULT_MAX_K = 6;
  public static final int MAX_K = 10;
  static final double TRAIT_THRESHOLD = 0.5;
  static final long SEED = 20_260_601L;
  private static final Logger log = LoggerFactory.getLogger(DiscoverPersonas.class);

  private final Customers customers;
  private final Experiences experiences;
  private final PersonaDiscoveries discoveries;
  private final AssignmentRules rules;
  private final PersonaCatalog personas;
  private final Clock clock;

  public DiscoverPersonas(Customers customers, Experiences experiences, PersonaDiscoveries discoveries,
      AssignmentRules rules, PersonaCatalog personas, Clock clock) {
    this.customers = Objects.requireNonNull(customers);
    this.experiences = Objects.requireNonNull(experiences);
    this.discoveries = Objects.requireNonNull(discoveries);
    this.rules = Objects.requireNonNull(rules);
    this.personas = Objects.requireNonNull(personas);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Clusters the tenant's customers now and stores the proposals.
   *
   * @param maxK largest k tried (2 to {@value #MAX_K}; 0: {@value #DEFAULT_MAX_K})
   * @throws PreconditionFailedException with fewer than {@value #MIN_CUSTOMERS} customers
   */
  public PersonaDiscovery discover(String tenantId, int maxK) {
    var violations = new Violations();
    violations.check(maxK == 0 || (maxK >= 2 && maxK <= MAX_K), "max_k", "must be 0 (default " + DEFAULT_MAX_K
        + ") or 2 to " + MAX_K);
    violations.throwIfAny();
    int kMax = maxK == 0 ? DEFAULT_MAX_K : maxK;
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    var experience = readExperience(tenantId);
    var population = Population.read(customers, tenantId, experience.byCustomer(), now);
    if (population.size() < MIN_CUSTOMERS) {
      throw new PreconditionFailedException("at least " + MIN_CUSTOMERS + " customers are needed to discover personas ("
          + population.size() + " now)");
    }
    var standardization = Standardization.of(population.raw, CustomerFeatures.SIZE);
    var points = new double[population.size()][];
    for (int i = 0; i < points.length; i++) {
      points[i] = standardization.apply(population.raw.get(i));
    }
    var result = KMeansSelection.cluster(points, Math.min(kMax, points.length - 1), SEED);
    var proposals = new ArrayList<PersonaDiscovery.Proposal>();
    for (int c = 0; c < result.k(); c++) {
      proposals.add(proposal(c, result, points, population, standardization));
    }
    var discovery = new PersonaDiscovery("disc-" + UUID.randomUUID(), tenantId, now, points.length, result.k(),
        result.silhouette(), experience.available(), standardization, List.copyOf(proposals));
    discoveries.save(discovery);
    log.info("personas discovered tenant={} discovery={} customers={} k={} silhouette={}", tenantId,
        discovery.discoveryId(), points.length, result.k(), String.format(Locale.ROOT, "%.3f", result.silhouette()));
    return discovery;
  }

  /** @throws NotFoundException if the tenant has no such discovery */
  public PersonaDiscovery get(String tenantId, String discoveryId) {
    if (discoveryId == null || discoveryId.isBlank()) {
      throw InvalidInputException.of("discovery_id", "is required");
    }
    return discoveries.find(tenantId, discoveryId).orElseThrow(() -> new NotFoundException("persona discovery", discoveryId));
  }

  /** One page of discoveries, newest first; {@code nextPageToken} is empty on the last page. */
  public record DiscoveryPage(List<PersonaDiscovery> discoveries, String nextPageToken) {}

  /**
   * One page of the tenant's discoveries, newest first.
   *
   * @throws InvalidInputException naming {@code page_size} or {@code page_token}
   */
  public DiscoveryPage list(String tenantId, int pageSize, String pageToken) {
    var page = PageRequest.of(pageSize, pageToken);
    var after = page.isFirst() ? null : position(page.after());
    // one more than asked tells whether another page follows
    var found = discoveries.list(tenantId, after, page.size() + 1);
    if (found.size() <= page.size()) {
      return new DiscoveryPage(found, "");
    }
    var items = found.subList(0, page.size());
    var last = items.get(items.size() - 1);
    return new DiscoveryPage(List.copyOf(items),
        PageRequest.tokenAfter(last.createTime().toEpochMilli() + ":" + last.discoveryId()));
  }

  private static PersonaDiscoveries.Position position(String key) {
    int colon = key.indexOf(':');
    try {
      return new PersonaDiscoveries.Position(Instant.ofEpochMilli(Long.parseLong(key.substring(0, colon))),
          key.substring(colon + 1));
    } catch (RuntimeException e) {
      throw InvalidInputException.of("page_token", "is not a token issued by this API");
    }
  }

  /**
   * The personas adopted from the tenant's proposals still in place, by
   * {@code discoveryId + "/" + proposalId}.
   */
  public Map<String, String> adoptedPersonas(String tenantId) {
    var adopted = new HashMap<String, String>();
    rules.list(tenantId).forEach(r -> adopted.put(r.discoveryId() + "/" + r.proposalId(), r.personaId()));
    return adopted;
  }

  /**
   * Removes the deleted persona's rule and takes it from its customers, then assigns the
   * tenant's customers again by the remaining rules (nothing to do when nothing pointed at it).
   */
  @Override
  public void personaDeleted(String tenantId, String personaId) {
    boolean hadRule = rules.delete(tenantId, personaId);
    long customersChanged = customers.forgetPersona(tenantId, personaId);
    long assigned = hadRule || customersChanged > 0 ? reassign(tenantId) : 0;
    if (hadRule || customersChanged > 0) {
      log.info("persona forgotten tenant={} persona={} rule={} customers={} assigned={}", tenantId, personaId,
          hadRule, customersChanged, assigned);
    }
  }

  /** What adopting a proposal made. */
  public record Adoption(Persona persona, AssignmentRule rule, long assigned) {}

  /**
   * Creates a persona from a proposal, with its assignment rule, and assigns the tenant's
   * customers again.
   *
   * @param name the persona's name; the proposal's suggested name when empty
   */
  public Adoption adopt(String tenantId, String discoveryId, String proposalId, String name, String description) {
    var discovery = get(tenantId, discoveryId);
    var proposal = discovery.proposal(proposalId)
        .orElseThrow(() -> new NotFoundException("persona proposal", discoveryId + "/" + proposalId));
    String personaName = name == null || name.isBlank() ? proposal.suggestedName() : name;
    String text = description == null || description.isBlank()
        ? "Discovered from data (" + proposal.size() + " customers): " + String.join("; ", proposal.traits()) + "."
        : description;
    var persona = personas.create(tenantId, new PersonaProfile(personaName, text, null, null,
        new io.cxhub.persona.persona.Transactional(0, 0, proposal.averageClv(), List.of(), List.of()), null,
        List.of(), List.of(), List.of(), List.of()));
    var rule = new AssignmentRule(persona.id(), discoveryId, proposalId, discovery.standardization(),
        proposal.centroid(), proposal.radius(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    rules.save(tenantId, rule);
    long assigned = reassign(tenantId);
    log.info("persona proposal adopted tenant={} discovery={} proposal={} persona={} assigned={}", tenantId,
        discoveryId, proposalId, persona.id(), assigned);
    return new Adoption(persona, rule, assigned);
  }

  /**
   * Assigns every customer of the tenant the nearest adopted persona within its radius (a
   * stated persona wins: such customers carry no assignment).
   *
   * @return customers assigned a persona
   */
  public long reassign(String tenantId) {
    var adopted = rules.list(tenantId);
    if (adopted.isEmpty()) {
      return 0;
    }
    var now = clock.instant();
    var read = readExperience(tenantId);
    var experience = read.byCustomer();
    var changes = new HashMap<String, PersonaAssignment>();
    long[] assigned = {0};
    customers.forEach(tenantId, c -> {
      if (!read.available() && c.personaId().isEmpty() && c.assignedPersona() != null) {
        // without experience, an existing assignment is kept rather than moved on partial data
        assigned[0]++;
        return;
      }
      PersonaAssignment next = c.personaId().isEmpty()
          ? assign(CustomerFeatures.of(c, experience.get(c.customerId()), now), adopted) : null;
      if (next != null) {
        assigned[0]++;
      }
      if (!Objects.equals(next, c.assignedPersona())) {
        changes.put(c.customerId(), next);
      }
      if (changes.size() >= 1000) {
        customers.setPersonaAssignments(tenantId, new HashMap<>(changes));
        changes.clear();
      }
    });
    if (!changes.isEmpty()) {
      customers.setPersonaAssignments(tenantId, changes);
    }
    return assigned[0];
  }

  /**
   * The nearest rule within its radius, with confidence w / (Σ w + w₀): w = exp(−d²/2) for
   * each adopted persona at distance d, and w₀ the same at the nearest one's radius ("none of
   * them"). 0.5 at the edge, near 1 at the centroid of a persona far from the others.
   */
  static PersonaAssignment assign(double[] raw, List<AssignmentRule> adopted) {
    var d2 = new double[adopted.size()];
    int best = -1;
    for (int i = 0; i < adopted.size(); i++) {
      var rule = adopted.get(i);
      d2[i] = KMeansSelection.squared(rule.standardization().apply(raw), rule.centroid());
      if (best < 0 || d2[i] < d2[best]) {
        best = i;
      }
    }
    var nearest = adopted.get(best);
    double r2 = nearest.radius() * nearest.radius();
    if (d2[best] > r2) {
      return null;
    }
    double min = d2[best];
    double sum = Math.exp(-(r2 - min) / 2);
    for (double d : d2) {
      sum += Math.exp(-(d - min) / 2);
    }
    double confidence = 1 / sum;
    return new PersonaAssignment(nearest.personaId(), Math.round(confidence * 1000) / 1000.0);
  }

  private PersonaDiscovery.Proposal proposal(int c, KMeansSelection.Result result, double[][] points,
      Population population, Standardization standardization) {
    var centroid = result.centroids()[c];
    var distances = new ArrayList<Double>();
    int size = 0;
    int npsN = 0;
    int promoters = 0;
    int detractors = 0;
    double ease = 0;
    int easeN = 0;
    double satisfaction = 0;
    int satisfactionN = 0;
    double clv = 0;
    double revenue = 0;
    for (int i = 0; i < points.length; i++) {
      if (result.labels()[i] != c) {
        continue;
      }
      size++;
      distances.add(Math.sqrt(KMeansSelection.squared(points[i], centroid)));
      var e = population.experience.get(i);
      if (e != null) {
        if (e.lastNps() >= 0) {
          npsN++;
          promoters += e.lastNps() >= 9 ? 1 : 0;
          detractors += e.lastNps() <= 6 ? 1 : 0;
        }
        if (e.effort() >= 0) {
          ease += e.effort();
          easeN++;
        }
        if (e.satisfaction() >= 0) {
          satisfaction += e.satisfaction();
          satisfactionN++;
        }
      }
      clv += population.clv[i];
      revenue += population.spent[i];
    }
    distances.sort(Comparator.naturalOrder());
    double radius = distances.isEmpty() ? 0 : distances.get((int) Math.min(distances.size() - 1,
        Math.ceil(0.95 * distances.size()) - 1));
    // a little slack so that the edge members themselves stay in, and a floor for tight clusters
    radius = Math.max(radius * 1.1, 1.0);
    var traits = traits(centroid, standardization);
    return new PersonaDiscovery.Proposal(String.valueOf(c + 1), suggestedName(centroid, c), size,
        size / (double) points.length, centroid.clone(), traits, radius, npsN,
        npsN == 0 ? Double.NaN : 100.0 * (promoters - detractors) / npsN,
        easeN == 0 ? Double.NaN : ease / easeN, satisfactionN == 0 ? Double.NaN : satisfaction / satisfactionN,
        size == 0 ? 0 : clv / size, revenue);
  }

  /** Features whose centroid is at least half a standard deviation from the mean, strongest first. */
  static List<String> traits(double[] centroid, Standardization s) {
    Integer[] order = new Integer[centroid.length];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Double.compare(Math.abs(centroid[b]), Math.abs(centroid[a])));
    var traits = new ArrayList<String>();
    for (int j : order) {
      double z = centroid[j];
      if (Math.abs(z) < TRAIT_THRESHOLD) {
        break;
      }
      var f = CustomerFeatures.FEATURES.get(j);
      double typical = CustomerFeatures.natural(f, s.means()[j] + z * s.sds()[j]);
      double population = CustomerFeatures.natural(f, s.means()[j]);
      traits.add(String.format(Locale.ROOT, "%s %s: %+.1f sd (%s vs %s for all customers)",
          z > 0 ? "more" : "less", f.words(), z, figure(f, typical), figure(f, population)));
    }
    if (traits.isEmpty()) {
      traits.add("close to the average customer on every feature");
    }
    return traits;
  }

  static String suggestedName(double[] centroid, int c) {
    int strongest = 0;
    for (int j = 1; j < centroid.length; j++) {
      if (Math.abs(centroid[j]) > Math.abs(centroid[strongest])) {
        strongest = j;
      }
    }
    if (Math.abs(centroid[strongest]) < TRAIT_THRESHOLD) {
      return "Typical customers " + (c + 1);
    }
    var f = CustomerFeatures.FEATURES.get(strongest);
    String label = switch (f) {
      case ORDERS -> centroid[strongest] > 0 ? "Frequent buyers" : "Rare buyers";
      case SPENT -> centroid[strongest] > 0 ? "Big spenders" : "Small spenders";
      case BASKET -> centroid[strongest] > 0 ? "Large baskets" : "Small baskets";
      case RECENCY -> centroid[strongest] > 0 ? "Lapsing customers" : "Recent buyers";
      case CONTACTS -> centroid[strongest] > 0 ? "Frequent contacters" : "Silent customers";
      case WEB_SESSIONS -> centroid[strongest] > 0 ? "Online regulars" : "Offline customers";
      case NPS -> centroid[strongest] > 0 ? "Promoters" : "Detractors";
      case EASE -> centroid[strongest] > 0 ? "Effortless customers" : "Struggling customers";
    };
    return label + " " + (c + 1);
  }

  private static String figure(Feature f, double value) {
    return switch (f) {
      case NPS -> String.format(Locale.ROOT, "%+.2f", value);
      case EASE -> String.format(Locale.ROOT, "%.2f", value);
      default -> String.format(Locale.ROOT, "%.1f", value);
    };
  }

  private record Read(Map<String, Experience> byCustomer, boolean available) {}

  private Read readExperience(String tenantId) {
    try {
      return new Read(experiences.of(tenantId), true);
    } catch (DependencyUnavailableException e) {
      // degraded: behaviour and value only; experience features sit at the mean
      log.warn("experience unavailable, discovering without it tenant={}: {}", tenantId, e.getMessage());
      return new Read(Map.of(), false);
    }
  }

  /** The tenant's customers as vectors, with what proposals report about them. */
  private static final class Population {
    final List<double[]> raw = new ArrayList<>();
    final List<Experience> experience = new ArrayList<>();
    double[] spent = new double[1024];
    double[] clv = new double[1024];

    static Population read(Customers customers, String tenantId, Map<String, Experience> experiences, Instant now) {
      var p = new Population();
      customers.forEach(tenantId, c -> p.add(c, experiences.get(c.customerId()), now));
      return p;
    }

    void add(Customer c, Experience e, Instant now) {
      int i = raw.size();
      if (i == spent.length) {
        spent = Arrays.copyOf(spent, i * 2);
        clv = Arrays.copyOf(clv, i * 2);
      }
      raw.add(CustomerFeatures.of(c, e, now));
      experience.add(e);
      spent[i] = c.spent();
      clv[i] = c.valueIfComputed().map(CustomerValue::clv).orElse(0.0);
    }

    int size() {
      return raw.size();
    }
  }
}
