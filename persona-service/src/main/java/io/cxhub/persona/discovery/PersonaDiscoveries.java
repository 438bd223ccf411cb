package io.cxhub.persona.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port of persona discoveries. Tenant-scoped. */
public interface PersonaDiscoveries {

  void save(PersonaDiscovery discovery);

  /** The tenant's discovery of this id; another tenant's is not found. */
  Optional<PersonaDiscovery> find(String tenantId, String discoveryId);

  /**
   * Up to {@code limit} of the tenant's discoveries, newest first (create time, then id, both
   * descending), starting right after {@code after}, or from the newest when it is null.
   */
  List<PersonaDiscovery> list(String tenantId, Position after, int limit);

  /** Where a page of discoveries ends: the last one's create time and id. */
  record Position(Instant createTime, String discoveryId) {

    /** True if a discovery made at {@code time} with {@code id} comes after this position, newest first. */
    public boolean precedes(Instant time, String id) {
      int byTime = time.compareTo(createTime);
      return byTime < 0 || (byTime == 0 && id.compareTo(discoveryId) < 0);
    }
  }
}
