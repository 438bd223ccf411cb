package io.cxhub.gateway.tenant;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer organisation of CX Hub. Every piece of data belongs to exactly one tenant.
 *
 * @param tenantId lowercase letters, digits and {@code -}, 3 to 40 characters
 * @param displayName name shown to people
 * @param createTime when it was created
 */
public record Tenant(String tenantId, String displayName, Instant createTime) {

  /** Same rule as the services' {@code TenantContext}: what may travel in {@code x-tenant-id}. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

  /** The tenant every installation starts with; the bootstrap admin key belongs to it. */
  public static final String DEFAULT_ID = "default";

  public Tenant {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(createTime, "createTime");
  }

  /**
   * What a request naming a tenant it may not see or that does not exist is told: the
   * same text in both cases, so that the answer reveals nothing.
   */
  public static String notFoundMessage(String tenantId) {
    return "Tenant '" + tenantId + "' does not exist.";
  }

  public static boolean isValidId(String tenantId) {
    return tenantId != null && ID.matcher(tenantId).matches();
  }
}
