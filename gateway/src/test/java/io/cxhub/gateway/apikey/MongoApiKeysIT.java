package io.cxhub.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.cxhub.gateway.testing.TestMongo;
import java.nio.file.Path;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys on the embedded MongoDB server, through the real driver: keys stored before roles and scopes. */
class MongoApiKeysIT {

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
  void migratesMembersToAnalystsAdminsToTenantAdminsAndOnlyTheBootstrapKeysToPlatformOperators() {
    MongoDatabase database = mongo.database("cx_gateway_migration");
    var collection = database.getCollection("api_keys");
    collection.insertOne(legacy("h-member", "acme", "k1", "MEMBER"));
    collection.insertOne(legacy("h-admin", "acme", "k2", "ADMIN"));
    collection.insertOne(legacy("h-boot", "default", "bootstrap", "ADMIN"));
    collection.insertOne(legacy("h-env", "default", "bootstrap-env-0123abcd", "ADMIN"));
    var keys = new MongoApiKeys(database);

    // read before the migration: the same mapping, so an older gateway's keys keep working
    assertThat(keys.findByHash("h-member").orElseThrow().role()).isEqualTo(Role.ANALYST);
    assertThat(keys.migrateLegacyKeys()).isEqualTo(4);
    assertThat(keys.migrateLegacyKeys()).isZero();

    ApiKey member = keys.findByHash("h-member").orElseThrow();
    ApiKey admin = keys.findByHash("h-admin").orElseThrow();
    assertThat(member.role()).isEqualTo(Role.ANALYST);
    assertThat(member.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.INGEST, Scope.WRITE);
    assertThat(member.platformOperator()).isFalse();
    assertThat(admin.role()).isEqualTo(Role.ADMIN);
    assertThat(admin.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.INGEST, Scope.WRITE);
    assertThat(admin.platformOperator()).isFalse();
    assertThat(keys.findByHash("h-boot").orElseThrow().platformOperator()).isTrue();
    assertThat(keys.findByHash("h-env").orElseThrow().platformOperator()).isTrue();
    assertThat(collection.find(new Document("_id", "h-member")).first().getList("scopes", String.class))
        .containsExactly("READ", "INGEST", "WRITE");
  }

  @Test
  void storesRoleScopesAndPlatformFlag() {
    var keys = new MongoApiKeys(mongo.database("cx_gateway_roundtrip"));
    var key = ApiKey.builder().hash("h1").tenantId("acme").keyId("k1").role(Role.VIEWER)
        .scopes(java.util.Set.of(Scope.READ)).displayName("BI").secretPrefix("cxk_abcd")
        .createTime(java.time.Instant.parse("2024-05-01T10:00:00Z")).build();

    keys.insert(key);

    assertThat(keys.find("acme", "k1")).contains(key);
  }

  private static Document legacy(String hash, String tenantId, String keyId, String role) {
    return new Document("_id", hash).append("tenantId", tenantId).append("keyId", keyId).append("role", role)
        .append("displayName", "legacy").append("secretPrefix", "cxk_").append("createTime", new Date(0))
        .append("revokeTime", null);
  }
}
