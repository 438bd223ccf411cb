package io.cxhub.gateway.problem;

/** Ends a request with the given problem; thrown where the request is found unacceptable. */
public final class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
