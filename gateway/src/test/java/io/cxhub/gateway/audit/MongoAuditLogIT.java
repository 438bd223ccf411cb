package io.cxhub.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.gateway.testing.TestMongo;
import io.cxhub.gateway.apikey.Role;
import io.cxhub.gateway.apikey.Scope;
import io.cxhub.gateway.testing.TestKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on the embedded MongoDB server, through the real driver. */
class MongoAuditLogIT {

  @TempDir
  static Path dataDir;

  static TestMongo mongo;

  @BeforeAll
  static void start() {
    mongo = TestMongo.start(dataDir);
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  @Test
  void listsATenantsEventsNewestFirstByTypeAndPageWithoutTheOtherTenants() {
    var log = new MongoAuditLog(mongo.database("cx_gateway"));
    var actor = new AuditActor("k-admin", "acme", "Acme admin", false);
    var origin = new AuditEvent.Origin("203.0.113.9", "req-9");
    Instant start = Instant.parse("2024-05-01T10:00:00Z");
    for (int i = 0; i < 5; i++) {
      Instant time = start.plusSeconds(i);
      var key = TestKeys.key("cxk_k" + i, i == 4 ? "acmex" : "acme", Role.VIEWER, Set.of(Scope.READ));
      log.record(i % 2 == 0 ? AuditEvent.apiKeyCreated(AuditLog.newEventId(time), time, actor, origin, key)
          : AuditEvent.apiKeyRevoked(AuditLog.newEventId(time), time, actor, origin, key.revokedAt(time)));
    }

    var all = log.list("acme", Optional.empty(), Optional.empty(), 10);
    var created = log.list("acme", Optional.of(AuditEventType.API_KEY_CREATED), Optional.empty(), 10);
    var afterFirst = log.list("acme", Optional.empty(), Optional.of(all.get(0).eventId()), 2);

    assertThat(all).extracting(AuditEvent::eventTime)
        .containsExactly(start.plusSeconds(3), start.plusSeconds(2), start.plusSeconds(1), start);
    assertThat(created).extracting(AuditEvent::type).containsOnly(AuditEventType.API_KEY_CREATED).hasSize(2);
    assertThat(afterFirst).extracting(AuditEvent::eventTime).containsExactly(start.plusSeconds(2), start.plusSeconds(1));
    assertThat(all.get(0).apiKey().orElseThrow().revoked()).isTrue();
    assertThat(all.get(0).clientAddress()).isEqualTo("203.0.113.9");
    assertThat(all.get(0).actor()).isEqualTo(actor);
  }
}
