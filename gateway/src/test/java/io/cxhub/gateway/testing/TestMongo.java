package io.cxhub.gateway.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.cxhub.embedded.EmbeddedMongo;
import java.nio.file.Path;

/** The embedded MongoDB server on a free port and a real driver client to it; close it after the tests. */
public final class TestMongo implements AutoCloseable {

  private final EmbeddedMongo server;
  private final MongoClient client;

  private TestMongo(EmbeddedMongo server) {
    this.server = server;
    this.client = MongoClients.create(server.connectionString("cx_gateway"));
  }

  public static TestMongo start(Path dataDir) {
    return new TestMongo(EmbeddedMongo.startOnFreePort(dataDir));
  }

  public MongoDatabase database(String name) {
    return client.getDatabase(name);
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
