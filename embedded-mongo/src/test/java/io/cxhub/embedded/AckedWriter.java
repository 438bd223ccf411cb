package io.cxhub.embedded;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Child process of {@link KillNineDurabilityIT}: starts the embedded server, inserts
 * documents one by one and prints the id of each one the server acknowledged, until it
 * is killed.
 */
public final class AckedWriter {

  public static void main(String[] args) {
    var mongo = EmbeddedMongo.startOnFreePort(Path.of(args[0]));
    try (var client = MongoClients.create(mongo.connectionString("cx_test"))) {
      var collection = client.getDatabase("cx_test").getCollection("acked");
      for (int i = 0; ; i++) {
        collection.insertOne(new Document("_id", i).append("tenantId", "t1"));
        System.out.println("acked " + i);
        System.out.flush();
      }
    }
  }
}
