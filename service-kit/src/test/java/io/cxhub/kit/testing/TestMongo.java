package io.cxhub.kit.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cxhub.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The MongoDB an integration test runs against: the embedded server by default (in a
 * folder of the test's own), or the MongoDB named by the system property
 * {@value #URI_PROPERTY} ({@code -Dcx.mongo.uri=mongodb://user:pw@host:27017/?replicaSet=rs0}),
 * so that the same tests check the code against a real server.
 *
 * <p>On a real server every database a test asks for gets a suffix unique to this instance
 * ({@code cx_survey} becomes {@code cx_survey_3f9a0c1e}): tests never see each other's data
 * or leftovers of an earlier run, and {@link #close()} drops the databases it handed out.
 * The user of the URI needs to create and drop databases ({@code readWriteAnyDatabase} and
 * {@code dbAdminAnyDatabase}, or {@code root} on a throw-away server).
 */
public abstract class TestMongo implements AutoCloseable {

  public static final String URI_PROPERTY = "cx.mongo.uri";

  /** The embedded server in {@code dataDir}, or the real MongoDB of {@value #URI_PROPERTY}. */
  public static TestMongo start(Path dataDir) {
    String uri = System.getProperty(URI_PROPERTY, "");
    return uri.isBlank() ? new Embedded(EmbeddedMongo.startOnFreePort(dataDir)) : new External(uri);
  }

  /** Whether the tests run on a real MongoDB ({@value #URI_PROPERTY} is set). */
  public static boolean isExternal() {
    return !System.getProperty(URI_PROPERTY, "").isBlank();
  }

  /** Connection string of {@code database} (e.g. {@code cx_survey}) as the test should use it. */
  public abstract String connectionString(String database);

  @Override
  public abstract void close();

  private static final class Embedded extends TestMongo {
    private final EmbeddedMongo server;

    Embedded(EmbeddedMongo server) {
      this.server = server;
    }

    @Override
    public String connectionString(String database) {
      return server.connectionString(database);
    }

    @Override
    public void close() {
      server.close();
    }
  }

  static final class External extends TestMongo {
    private final ConnectionString base;
    private final String suffix;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    External(String uri) {
      this.base = new ConnectionString(uri);
      var random = new byte[4];
      ThreadLocalRandom.current().nextBytes(random);
      this.suffix = "_" + HexFormat.of().formatHex(random);
    }

    @Override
    public String connectionString(String database) {
      String name = database + suffix;
      handedOut.add(name);
      return withDatabase(base, name);
    }

    /** The URI with {@code database} as its path; credentials keep authenticating against theirs. */
    static String withDatabase(ConnectionString uri, String database) {
      String text = uri.getConnectionString();
      int schemeEnd = text.indexOf("://") + 3;
      int query = text.indexOf('?', schemeEnd);
      int slash = text.indexOf('/', schemeEnd);
      int hostsEnd = slash >= 0 && (query < 0 || slash < query) ? slash : (query < 0 ? text.length() : query);
      String options = query < 0 ? "" : text.substring(query + 1);
      if (uri.getCredential() != null && !options.contains("authSource=")) {
        // the path would otherwise become the database the user authenticates against
        String source = uri.getCredential().getSource();
        options = (options.isEmpty() ? "" : options + "&") + "authSource=" + source;
      }
      return text.substring(0, hostsEnd) + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    @Override
    public void close() {
      try (MongoClient client = MongoClients.create(base)) {
        handedOut.forEach(name -> client.getDatabase(name).drop());
      }
    }
  }
}
