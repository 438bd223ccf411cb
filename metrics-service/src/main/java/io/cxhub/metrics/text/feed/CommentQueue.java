package io.cxhub.metrics.text.feed;

import java.util.List;

/**
 * metrics-service's own persistent queue of comments to analyse. Recording a response only
 * appends its comments here (idempotent: a relayed retry adds nothing); the analysis runs
 * behind, so recording is never slowed by it.
 */
public interface CommentQueue {

  /** Adds comments not yet queued or analysed (by {@link Comment#id()}). */
  void enqueue(List<Comment> comments);

  /** Up to {@code max} comments, oldest first. */
  List<Comment> next(int max);

  /** Removes analysed comments. */
  void done(List<Comment> comments);

  long pending();
}
