package io.cxhub.local;

import java.util.Locale;

/** The text printed once the hub is ready: where everything is and how to get in. */
final class HubSummary {

  private HubSummary() {}

  static String of(CxHub hub) {
    var gateway = hub.gatewayUrl();
    var out = new StringBuilder();
    line(out, "");
    line(out, "CX Hub is ready (started in %.1f s)", hub.startupTime().toMillis() / 1000.0);
    line(out, "");
    line(out, "  REST API (gateway)   %s", gateway);
    line(out, "  Public URL           %s   (survey links and QR codes; CX_PUBLIC_URL)", hub.publicUrl());
    line(out, "  Swagger UI           %s/swagger-ui.html", gateway);
    line(out, "  OpenAPI document     %s/v3/api-docs", gateway);
    line(out, "  Gateway health       http://127.0.0.1:%d/actuator/health", hub.gatewayManagementPort());
    line(out, "  Gateway metrics      http://127.0.0.1:%d/actuator/prometheus", hub.gatewayManagementPort());
    line(out, "");
    line(out, "  %-17s %-17s %s", "service", "gRPC (internal)", "health");
    for (var service : HubService.values()) {
      var ports = hub.ports(service);
      line(out, "  %-17s %-17s http://127.0.0.1:%d/actuator/health",
          service.serviceName(), ports.grpc() == 0 ? "(no gRPC server)" : "127.0.0.1:" + ports.grpc(),
          ports.http());
    }
    line(out, "");
    line(out, "  Data file            %s", hub.dataFile());
    line(out, "  Embedded MongoDB     mongodb://%s", hub.mongoAddress());
    hub.demoOutbox().ifPresent(outbox -> {
      outbox.mailFolder().ifPresent(folder -> line(out,
          "  Demo e-mail          %s   (SMTP 127.0.0.1:%d; nothing leaves this machine)", folder,
          outbox.smtpPort().orElse(0)));
      outbox.smsFolder().ifPresent(folder -> line(out,
          "  Demo SMS             %s   (a local SMS provider; nothing leaves this machine)", folder));
    });
    line(out, "");
    // Java 17: no pattern matching in switch yet
    var key = hub.adminKey();
    if (key instanceof AdminKey.GeneratedNow generated) {
      line(out, "  Admin API key        %s", generated.value());
      line(out, "                       generated now and shown only this once: CX Hub keeps only");
      line(out, "                       its hash. Send it as 'Authorization: Bearer <key>'.");
    } else if (key instanceof AdminKey.Configured) {
      line(out, "  Admin API key        the one in CX_BOOTSTRAP_API_KEY");
    } else {
      line(out, "  Admin API key        none generated: the gateway already holds one from an earlier");
      line(out, "                       start (printed then, stored hashed). Set CX_BOOTSTRAP_API_KEY");
      line(out, "                       to install a key you know.");
    }
    line(out, "");
    line(out, "Press Ctrl-C to stop.");
    return out.toString();
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
  }
}
