package io.cxhub.gateway.admin;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.tenant.Tenants;
import io.cxhub.gateway.testing.InMemoryAuditLog;
import io.grpc.Channel;
import java.security.SecureRandom;
import java.time.Clock;

/** The gateway's real admin service, in process, over given stores: for tests outside this package. */
public final class TestAdminServers {

  private TestAdminServers() {}

  /** A running admin server. */
  public record Running(AdminServer server, InMemoryAuditLog audit) implements AutoCloseable {
    public Channel channel() {
      return server.channel();
    }

    @Override
    public void close() {
      server.close();
    }
  }

  public static Running start(Tenants tenants, ApiKeys keys) {
    var audit = new InMemoryAuditLog();
    var administration = new TenantAdministration(tenants, keys, new ApiKeySecrets(new SecureRandom()), hash -> { },
        audit, Clock.systemUTC());
    return new Running(new AdminServer(new AdminGrpcService(administration)), audit);
  }
}
