package io.cxhub.local;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code java -jar cx-hub.jar}: the whole hub in one process, configured by environment
 * variables (see {@link LocalConfig#fromEnvironment}). Ctrl-C stops it cleanly with exit
 * code 0. {@code --demo} also loads the demo tenant ({@link DemoCommand}), its invitations
 * delivered to a local outbox when no mail server or SMS provider is configured; {@code --help}
 * prints the usage ({@link LaunchOptions}).
 */
public final class CxHubLocal {

  private CxHubLocal() {}

  public static void main(String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("cx-hub: " + e.getMessage() + "\n");
      System.err.print(LaunchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(LaunchOptions.USAGE);
      return;
    }
    LocalConfig config;
    try {
      config = LocalConfig.fromEnvironment(System.getenv());
      if (options.demo()) {
        config = config.withDemoOutbox(System.getenv());
      }
    } catch (IllegalArgumentException e) {
      System.err.println("cx-hub: " + e.getMessage());
      System.exit(2);
      return;
    }

    CxHub hub;
    try {
      hub = CxHub.start(config);
    } catch (RuntimeException e) {
      System.err.println("cx-hub: could not start: " + rootMessage(e));
      System.exit(1);
      return;
    }

    var stopped = new CountDownLatch(1);
    Runnable stop = () -> {
      hub.close();
      stopped.countDown();
    };
    // A JVM ended by a signal exits with 128 + signal even when its shutdown hooks
    // succeed; handling INT and TERM ourselves lets a clean stop exit with 0.
    for (String signal : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(signal), s -> new Thread(() -> {
        stop.run();
        System.exit(0);
      }, "cx-hub-stop").start());
    }
    // any other way out of the JVM (System.exit elsewhere, SIGHUP) still closes the data file
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "cx-hub-shutdown"));

    System.out.print(HubSummary.of(hub));
    System.out.flush();
    if (options.demo()) {
      DemoCommand.run(hub, System.getenv(), System.out);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
  }
}
