package io.cxhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillNineDurabilityIT {

  @TempDir
  Path dataDir;

  @Test
  void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AckedWriter.class.getName(), dataDir.toString())
        .redirectErrorStream(false)
        .start();
    int lastAcked = -1;
    try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("acked ")) {
          lastAcked = Integer.parseInt(line.substring(6));
          if (lastAcked >= 300) {
            break;
          }
        }
      }
      // SIGKILL right after an acknowledgement: no shutdown hook, no final commit.
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lastAcked).as("writer acknowledged writes before being killed").isGreaterThanOrEqualTo(300);

    try (var mongo = EmbeddedMongo.startOnFreePort(dataDir);
         var client = MongoClients.create(mongo.connectionString("cx_test"))) {
      var collection = client.getDatabase("cx_test").getCollection("acked");
      for (int i = 0; i <= lastAcked; i++) {
        assertThat(collection.find(new Document("_id", i)).first())
            .as("acknowledged document %d", i).isNotNull();
      }
    }
  }
}
