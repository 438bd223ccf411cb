package io.cxhub.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error the gateway returns
 * ({@code application/problem+json}).
 *
 * @param type URI naming the kind of problem, {@code urn:cx:problem:<kind>}; the kinds are
 *     the gRPC status names in kebab case plus a few HTTP-level ones
 * @param title short summary of the kind, the same for every occurrence
 * @param status HTTP status code
 * @param detail explanation of this occurrence
 * @param instance the request path
 * @param requestId the request id, also in the {@code x-request-id} response header
 * @param errors the invalid fields, if the problem is about the request's content: the
 *     first ones when there are many (at most {@value #MAX_LISTED_ERRORS})
 * @param totalErrors how many fields are invalid in all, when {@code errors} has any
 * @param reason why a precondition failed, machine-readable (e.g. {@code LINK_PAUSED}), from
 *     the service's {@code google.rpc.ErrorInfo}; null when it gives none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "reason", "instance", "requestId", "errors", "totalErrors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldViolation> errors,
    Integer totalErrors,
    String reason) {

  /** Most invalid fields a problem lists (the services' bound too). */
  public static final int MAX_LISTED_ERRORS = 100;

  public static final String TYPE_PREFIX = "urn:cx:problem:";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
    if (errors.isEmpty()) {
      totalErrors = null;
    } else if (totalErrors == null || totalErrors < errors.size()) {
      totalErrors = errors.size();
    }
  }

  /** A problem of the given kind, e.g. {@code not-found}. */
  public static Problem of(String kind, String title, int status, String detail) {
    return new Problem(TYPE_PREFIX + kind, title, status, detail, null, null, List.of(), null, null);
  }

  public static Problem badRequest(String detail, List<FieldViolation> errors) {
    return of("invalid-argument", "Invalid argument", 400, detail).withErrors(errors);
  }

  public Problem withErrors(List<FieldViolation> violations) {
    return new Problem(type, title, status, detail, instance, requestId, violations, violations.size(), reason);
  }

  /**
   * The problem listing the first of the invalid fields, naming how many there are in all,
   * with a {@code detail} written from them (in the JSON names the errors use): the one
   * violation's text, or the count.
   */
  public Problem withErrors(List<FieldViolation> listed, int total) {
    String summary = detail;
    if (listed.size() == 1 && total == 1) {
      summary = listed.get(0).field().isEmpty() ? listed.get(0).message()
          : listed.get(0).field() + ": " + listed.get(0).message();
    } else if (!listed.isEmpty()) {
      summary = "The request has " + total + " invalid fields" + (listed.size() < total
          ? "; the first " + listed.size() + " are listed in errors." : ".");
    }
    return new Problem(type, title, status, summary, instance, requestId, listed, total, reason);
  }

  public Problem withInstance(String path, String id) {
    return new Problem(type, title, status, detail, path, id, errors, totalErrors, reason);
  }

  public Problem withReason(String why) {
    return new Problem(type, title, status, detail, instance, requestId, errors, totalErrors, why);
  }
}
