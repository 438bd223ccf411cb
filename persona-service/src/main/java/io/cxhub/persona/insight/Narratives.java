package io.cxhub.persona.insight;

import java.util.Optional;

/** Storage port of card narratives, keyed by (tenant, subject, id). */
public interface Narratives {

  void save(String tenantId, Subject subject, String subjectId, CardNarrative narrative);

  Optional<CardNarrative> find(String tenantId, Subject subject, String subjectId);

  /** Forgets the narrative (the card shows its subject's own texts again); idempotent. */
  void delete(String tenantId, Subject subject, String subjectId);

  enum Subject { PERSONA, SEGMENT }
}
