package io.cxhub.embedded;

import java.util.concurrent.locks.Lock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes durable before they are acknowledged, grouping concurrent writers into
 * one commit + fsync. A writer calls {@link #awaitDurable()} after its change is in the
 * store; it returns once a commit that started after that call has been synced to disk.
 * While one sync runs, new writers queue up and the next sync covers all of them, so the
 * cost of an fsync is shared under load.
 */
final class GroupCommitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private final MVStore store;
  private final Lock exclusive;
  private final Thread thread;
  private long requested;
  private long completed;
  private RuntimeException failure;
  private boolean closed;

  /**
   * @param exclusive held while committing, so that a commit never sees a write half applied
   */
  GroupCommitter(MVStore store, Lock exclusive) {
    this.store = store;
    this.exclusive = exclusive;
    this.thread = new Thread(this::run, "embedded-mongo-group-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Blocks until every change made before this call is committed and synced. */
  void awaitDurable() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("store is closed");
      }
      long ticket = ++requested;
      notifyAll();
      boolean interrupted = false;
      while (completed < ticket && failure == null) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null && completed < ticket) {
        throw failure;
      }
    }
  }

  private void run() {
    while (true) {
      long target;
      synchronized (this) {
        while (requested == completed && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (requested == completed) {
          return;
        }
        target = requested;
      }
      try {
        exclusive.lock();
        try {
          store.commit();
        } finally {
          exclusive.unlock();
        }
        store.sync();
        synchronized (this) {
          completed = target;
          notifyAll();
        }
      } catch (RuntimeException e) {
        log.error("embedded MongoDB could not commit to disk; writes now fail", e);
        synchronized (this) {
          failure = e;
          notifyAll();
        }
        return;
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
