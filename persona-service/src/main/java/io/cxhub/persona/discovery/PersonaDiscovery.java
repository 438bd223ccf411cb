package io.cxhub.persona.discovery;

import java.time.Instant;
import java.util.List;

/**
 * Personas proposed from a tenant's data at one moment: the population's standardization,
 * the number of clusters chosen and one proposal per cluster, largest first.
 *
 * @param customers customers clustered
 * @param silhouette mean silhouette of the chosen k on the sample it was chosen on (−1 to 1)
 * @param experienceAvailable false when metrics-service could not be read: experience
 *     features were left out (imputed with the mean) and scores are empty
 */
public record PersonaDiscovery(String discoveryId, String tenantId, Instant createTime, int customers, int k,
    double silhouette, boolean experienceAvailable, Standardization standardization, List<Proposal> proposals) {

  /**
   * A cluster of customers proposed as a persona.
   *
   * @param proposalId "1" for the largest cluster, "2" for the next…
   * @param centroid in standard deviations from the population mean, per feature
   * @param traits how the centroid differs from the population, in words, strongest first
   * @param radius the 95th percentile of its members' distances to the centroid (standardized
   *     space): customers farther than this are not assigned the persona
   * @param nps of its members' latest NPS answers, −100 to 100; NaN without any
   * @param ease mean CES of its members rescaled 0–1; NaN without any
   * @param satisfaction mean CSAT of its members rescaled 0–1; NaN without any
   * @param averageClv mean CLV estimate of its members (0 for members not valued yet)
   * @param revenue amount its members spent
   */
  public record Proposal(String proposalId, String suggestedName, int size, double share, double[] centroid,
      List<String> traits, double radius, int npsResponses, double nps, double ease, double satisfaction,
      double averageClv, double revenue) {}

  public java.util.Optional<Proposal> proposal(String proposalId) {
    return proposals.stream().filter(p -> p.proposalId().equals(proposalId)).findFirst();
  }
}
