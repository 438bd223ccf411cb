package io.cxhub.persona;

import io.cxhub.embedded.EmbeddedMongo;
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
 * static state is shared between contexts.
 */
final class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String DATABASE = "cx_persona";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var server = TestMongoServer.start();
    TestPropertyValues.of("spring.data.mongodb.uri=" + server.mongo().connectionString(DATABASE))
        .applyTo(context);
    ((GenericApplicationContext) context).registerBean("embeddedMongoServer", TestMongoServer.class,
        () -> server, definition -> definition.setDestroyMethodName("close"));
  }

  record TestMongoServer(EmbeddedMongo mongo, Path dataDir) implements AutoCloseable {

    static TestMongoServer start() {
      try {
        Path dir = Files.createTempDirectory("persona-service-it-");
        return new TestMongoServer(EmbeddedMongo.startOnFreePort(dir), dir);
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
