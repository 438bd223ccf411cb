package io.cxhub.local;

import io.cxhub.gateway.apikey.ApiKey;
import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.apikey.ApiKeys;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.local.demo.DemoException;
import io.cxhub.local.demo.DemoInbox;
import io.cxhub.local.demo.DemoLoader;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * {@code --demo}: once the hub is up, loads the demo tenant through the gateway and prints
 * how to sign in. The loader needs a platform operator's key: the bootstrap key when this
 * start knows it, otherwise a key minted here for the load (the launcher owns the data
 * file) and revoked right after.
 */
final class DemoCommand {

  static final String DEFAULT_PASSWORD = "demo-cx-hub-2026";

  private DemoCommand() {}

  static void run(CxHub hub, Map<String, String> env, PrintStream out) {
    String password = env.getOrDefault("CX_DEMO_PASSWORD", DEFAULT_PASSWORD);
    out.println("Loading the demo tenant (a minute or two; safe to run again)...");
    ApiKeys keys = hub.gatewayContext().getBean(ApiKeys.class);
    ApiKey minted = null;
    String operatorKey;
    if (hub.bootstrapApiKey().isPresent()) {
      operatorKey = hub.bootstrapApiKey().get();
    } else {
      operatorKey = hub.gatewayContext().getBean(ApiKeySecrets.class).newSecret();
      minted = ApiKey.builder().hash(ApiKeySecrets.hash(operatorKey)).tenantId(Tenant.DEFAULT_ID)
          .keyId("demo-loader-" + System.currentTimeMillis()).role(Role.ADMIN).scopes(Scope.all())
          .platformOperator(true).displayName("demo loader (revoked after the load)")
          .secretPrefix(ApiKeySecrets.visiblePrefix(operatorKey))
          .createTime(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
      keys.insert(minted);
    }
    try {
      var inbox = hub.demoOutbox().map(io.cxhub.local.demo.DemoOutbox::inbox).orElse(DemoInbox.NONE);
      var loaded = new DemoLoader(hub.gatewayUrl(), operatorKey, step -> out.println("  " + step), inbox)
          .load(password, LocalDate.now(io.cxhub.local.demo.DemoLoader.ZONE));
      out.println();
      out.println("Demo ready: " + loaded.responses() + " answers of tenant '" + loaded.tenantId() + "'.");
      loaded.note().ifPresent(note -> out.println("  note: " + note));
      out.println("  Dashboard            " + hub.gatewayUrl().resolve("/app/"));
      out.println("  Sign in as           " + loaded.email() + " / " + loaded.password()
          + (env.containsKey("CX_DEMO_PASSWORD") ? "" : "   (set CX_DEMO_PASSWORD to choose it)"));
      hub.demoOutbox().ifPresent(outbox -> {
        outbox.mailFolder().ifPresent(folder -> out.println("  Demo e-mail          " + folder));
        outbox.smsFolder().ifPresent(folder -> out.println("  Demo SMS             " + folder));
      });
      out.println();
    } catch (DemoException | java.io.UncheckedIOException e) {
      out.println("cx-hub: the demo could not be loaded: " + e.getMessage());
    } finally {
      if (minted != null) {
        keys.revoke(minted.tenantId(), minted.keyId(), Instant.now());
      }
    }
    out.flush();
  }
}
