package io.cxhub.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server on a real socket, backed by one H2 MVStore
 * file. Clients use the official driver and a normal connection string. Every
 * acknowledged write is synced to disk first, so stopping the process at any moment
 * (even {@code kill -9}) loses nothing that was acknowledged.
 *
 * <p>Secondary indexes (compound, non-unique, range and sort) are kept and used (see
 * {@link SecondaryIndex}); commands run on their own threads, so a long one does not stall
 * other connections ({@link WireServer}). Other limits of the embedded engine (no
 * transactions, TTL and text indexes ignored, a subset of aggregation) are listed in
 * STACK.md; production runs on a MongoDB replica set.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

  private final MVStore store;
  private final DurableH2Backend backend;
  private final WireServer server;
  private final InetSocketAddress address;
  private final Path file;

  private EmbeddedMongo(Path file, String host, int port) {
    this.file = file;
    this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    this.backend = new DurableH2Backend(store);
    this.server = new WireServer(backend, new InetSocketAddress(host, port));
    this.address = server.address();
    log.info("embedded MongoDB listening on {}:{} with data in {}",
        address.getHostString(), address.getPort(), file);
  }

  /**
   * Starts a server whose data lives in {@code dataDir/cx-hub.mv.db}, creating the folder
   * if needed and reopening existing data.
   *
   * @param port 0 for any free port
   */
  public static EmbeddedMongo start(Path dataDir, String host, int port) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    return new EmbeddedMongo(dataDir.resolve("cx-hub.mv.db").toAbsolutePath(), host, port);
  }

  /** Starts a server on a free loopback port; for tests. */
  public static EmbeddedMongo startOnFreePort(Path dataDir) {
    return start(dataDir, "127.0.0.1", 0);
  }

  /** Connection string of a database on this server, e.g. {@code cx_survey}. */
  public String connectionString(String database) {
    return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
  }

  public InetSocketAddress address() {
    return address;
  }

  public Path file() {
    return file;
  }

  /** Stops accepting connections, then commits and closes the file. */
  @Override
  public void close() {
    server.close();
    backend.close();
    log.info("embedded MongoDB stopped; data kept in {}", file);
  }
}
