package io.cxhub.metrics.bucket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The slice one bucket aggregates: tenant × survey × question × UTC day × channel × journey
 * stage × touchpoint × segment (the last three empty until responses carry them).
 *
 * <p>The id is deterministic, so every writer of a slice finds the same document without a
 * lookup. It starts with the tenant (and so stays within the tenant's key range) followed by
 * a hash of the other parts, each length-prefixed so that no two keys collide by shifting
 * text between parts.
 */
public record BucketKey(
    String tenantId,
    String surveyId,
    String questionId,
    LocalDate day,
    String channel,
    String stage,
    String touchpoint,
    String segment) {

  public BucketKey {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(surveyId, "surveyId");
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(channel, "channel");
    stage = stage == null ? "" : stage;
    touchpoint = touchpoint == null ? "" : touchpoint;
    segment = segment == null ? "" : segment;
  }

  /** A key with no stage, touchpoint or segment. */
  public static BucketKey of(String tenantId, String surveyId, String questionId, LocalDate day, String channel) {
    return new BucketKey(tenantId, surveyId, questionId, day, channel, "", "", "");
  }

  /** {@code <tenantId>:<first 128 bits of SHA-256 of the other parts, in hex>}. */
  public String id() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {surveyId, questionId, day.toString(), channel, stage, touchpoint, segment}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 8), (byte) bytes.length});
        digest.update(bytes);
      }
      byte[] hash = digest.digest();
      return tenantId + ":" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The day as stored and compared: {@code YYYY-MM-DD}. */
  public String dayText() {
    return day.toString();
  }
}
