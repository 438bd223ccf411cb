package io.cxhub.survey.distribution;

/** Whether a distribution collects responses; REVOKED is final. */
public enum DistributionStatus {
  ACTIVE,
  PAUSED,
  REVOKED
}
