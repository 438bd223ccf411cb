package io.cxhub.kit.testing;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Gives a test application context its own embedded MongoDB on a free port, in a fresh
 * folder: the server lives and dies with the context (a bean closed at shutdown), so no
 * static state is shared between contexts. Use it with
 * {@code @ContextConfiguration(initializers = EmbeddedMongoInitializer.class)}. With
 * {@code -Dcx.mongo.uri=…} the context uses a database of its own on that MongoDB instead
 * ({@link TestMongo}).
 *
 * <p>The database is the one the service's own configuration names in
 * {@value #URI_PROPERTY} (e.g. {@code cx_persona} in persona-service.yml), so the test
 * needs no parameter and uses the database the deployed service uses; only the host and
 * port are replaced.
 */
public final class EmbeddedMongoInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String URI_PROPERTY = "spring.data.mongodb.uri";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    String database = databaseOf(environment.getProperty(URI_PROPERTY));
    var server = TestMongoServer.start(environment.getProperty("spring.application.name", "service"));
    TestPropertyValues.of(URI_PROPERTY + "=" + server.mongo().connectionString(database))
        .applyTo(context);
    ((GenericApplicationContext) context).registerBean("embeddedMongoServer", TestMongoServer.class,
        () -> server, definition -> definition.setDestroyMethodName("close"));
  }

  private static String databaseOf(String uri) {
    String database = uri == null ? null : new ConnectionString(uri).getDatabase();
    if (database == null || database.isBlank()) {
      throw new IllegalStateException(URI_PROPERTY + " must name the service's database (e.g. "
          + "mongodb://localhost:27017/cx_survey) for the embedded server to use it; it is " + uri);
    }
    return database;
  }

  record TestMongoServer(TestMongo mongo, Path dataDir) implements AutoCloseable {

    static TestMongoServer start(String applicationName) {
      try {
        Path dir = Files.createTempDirectory(applicationName + "-it-");
        return new TestMongoServer(TestMongo.start(dir), dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      mongo.close();
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
